"""Statement stage: rules over the dependency parse that find who asserts, denies or accuses.

Each rule starts from a cue — a reporting verb, "according to", a noun such as "claim" with its
holder, or a quotation that continues an attributed one — and reads the speaker, the target and the
content off the parse. Cue words are data (``data/cues.json``); this module holds only the rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from app.extract.actors import ArticleActors, Resolved, _charge_of, _issuer, in_dateline, token_span
from app.extract.records import TextSpan

_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_QUOTE_CHARS = '"“”„«»'


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    deny_if_claim_object: frozenset[str]
    accuse_if_object: frozenset[str]
    speech_if_clause: frozenset[str]
    feeling_verbs: frozenset[str]
    said_of_antecedent: frozenset[str]
    voiced_feelings: frozenset[str]
    claim_nouns: frozenset[str]
    attribution_nouns: dict[str, str]
    false_words: frozenset[str]
    not_true: tuple[str, ...]
    no_wrongdoing: tuple[str, ...]
    refusals: re.Pattern[str]
    no_evidence: re.Pattern[str]
    hypothetical: frozenset[str]
    empty_speech: frozenset[str]
    wrongdoing: frozenset[str]
    negative: frozenset[str]
    parenthetical: frozenset[str]
    sources_needing_author: frozenset[str]
    finding_verbs: frozenset[str]
    document_verbs: frozenset[str]
    about_preps: frozenset[str]
    allegation_verbs: frozenset[str]
    request_verbs: frozenset[str]
    negated_affirmative: frozenset[str]
    compelling_verbs: frozenset[str]
    deny_phrases: dict[str, str]
    media_words: frozenset[str]
    news_media: frozenset[str]
    obligations: frozenset[str]
    misrepresent: frozenset[str]
    authoring_verbs: frozenset[str]
    light_verbs: frozenset[str]
    proposition_nouns: frozenset[str]
    commitment_nouns: frozenset[str]
    failings: frozenset[str]
    as_it: frozenset[str]
    speech_if_topic: frozenset[str]
    headline_stand_ins: dict[str, tuple[str, ...]]
    not_speech_particles: dict[str, frozenset[str]]
    not_speech_objects: dict[str, frozenset[str]]
    unrealised: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = json.loads(resources.files("app.extract").joinpath("data/cues.json").read_text("utf-8"))
    word_sets = {f.name: frozenset(raw[f.name]) for f in fields(Lexicon) if f.type == "frozenset[str]"}
    word_sets["negative"] |= word_sets["wrongdoing"]  # every wrongdoing is a negative judgement too
    return Lexicon(verbs={lemma: rel for rel, lemmas in raw["verbs"].items() for lemma in lemmas},
                   attribution_nouns=dict(raw["attribution_nouns"]), deny_phrases=dict(raw["deny_phrases"]),
                   not_true=tuple(raw["not_true"]), no_wrongdoing=tuple(raw["no_wrongdoing"]),
                   refusals=re.compile("|".join(f"(?:{p})" for p in raw["refusals"]), re.IGNORECASE),
                   no_evidence=re.compile("|".join(f"(?:{p})" for p in raw["no_evidence"]), re.IGNORECASE),
                   headline_stand_ins={rel: tuple(words) for rel, words in raw["headline_stand_ins"].items()},
                   not_speech_particles={verb: frozenset(prts) for verb, prts in raw["not_speech_particles"].items()},
                   not_speech_objects={verb: frozenset(objs) for verb, objs in raw["not_speech_objects"].items()},
                   **word_sets)


@dataclass
class Found:
    """A statement found in a sentence, before claim linking."""

    speaker: Resolved
    relation: str
    cue: TextSpan
    sentence: TextSpan
    content: TextSpan | None
    target: str | None = None
    target_mention: TextSpan | None = None
    confidence: float = 0.8
    claim_ref: str | None = None  # "anaphor" when the content is "the claims", "such request"
    quote: bool = False
    aside: bool = False  # reported in a relative clause the journalist adds ("…, which X claimed")
    signed: bool = False  # a quotation signed after a dash ("“…” ― Name")
    headline: bool = False  # said in the article's headline (set by the pipeline)
    participle: bool = False  # "said …, arguing that …": an act of its own beside the verb it hangs from
    paragraph: int = 0  # the paragraph's number in the article (set when the paragraph is done)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations (inside the marks); an unclosed quote runs to the end.

    Whether a mark opens or closes is read from its neighbours, so a stray closing mark (a quote
    whose opening was lost by the source) does not turn the rest of the paragraph inside out.
    """
    spans: list[tuple[int, int]] = []
    start = None
    for m in re.finditer(r"''|``|[\"“”„«»]", text):
        i, ch = m.start(), m.group()
        if ch == "``":
            ch = "“"
        before = text[i - 1] if i > 0 else " "
        after = text[m.end()] if m.end() < len(text) else " "
        opens = before.isspace() or before in "([{—–-:"
        closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-'’")
        if ch in "“„«":
            kind = "open"
        elif ch == "»":
            kind = "close"
        elif ch == "''" and before.isalpha() and after.isalpha():
            continue
        elif before.isspace() and after.isspace():
            kind = "close" if start is not None else "open"  # "… 'African American outreach,' " he told"
        elif opens != closes:
            kind = "open" if opens else "close"
        else:
            kind = "close" if start is not None else "open"
        if kind == "open" and start is None:
            start = m.end()
        elif kind == "close" and start is not None:
            if i > start:
                spans.append((start, i))
            start = None
    if start is not None and len(text) - start > 20:
        spans.append((start, len(text)))
    return spans


def _named_people(tokens) -> list[Token]:
    """The heads of the people's names among ``tokens`` (the last word of each name)."""
    return [t for t in tokens if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.dep_ != "compound"]


def _in_clause_below(tok: Token, top: Token) -> bool:
    """Whether ``tok`` sits in a clause or phrase that modifies ``top`` rather than in its own name."""
    for a in [tok] + list(tok.ancestors):
        if a.i == top.i:
            return False
        if a.dep_ in {"acl", "relcl", "prep", "agent"}:
            return True
    return False


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in spans)


class StatementFinder:
    """Finds statements paragraph by paragraph; keeps the state that crosses sentences."""

    def __init__(self, actors: ArticleActors, lexicon: Lexicon | None = None):
        self.lex = lexicon or load_lexicon()
        self.actors = actors
        self.last_quote: tuple[Resolved, TextSpan, int] | None = None  # speaker, cue, paragraph no
        self.last_speaker: str | None = None
        self.pending_colon: tuple[Resolved, TextSpan, str] | None = None
        self.colon_found: Found | None = None  # the statement of "X said:" whose quotation is still to come
        self.paragraph_no = 0
        self._relative: Token | None = None
        self._co_speakers: list[Resolved] = []
        self._deferred: list[tuple[Span, TextSpan]] = []
        self._last_paragraph: tuple[str, int] | None = None  # text and offset of the paragraph before
        self._people: list[tuple[Token, int]] = []  # the people named in the last sentence that named any
        self._quotes: list[tuple[int, int]] = []  # the quotations of the paragraph being read

    # -- entry point -----------------------------------------------------------------------------
    def paragraph(self, doc: Doc, base: int) -> list[Found]:
        self.paragraph_no += 1
        quotes = self._quotes = quote_spans(doc.text)
        out: list[Found] = self._embedded_post(doc, base)
        self._last_paragraph = (doc.text, base)
        self._deferred = []
        for sent in doc.sents:
            found = self._sentence(sent, base, quotes)
            out.extend(found)
            self._note_entities(sent, base)
        for sent, sent_span in self._deferred:  # a quotation whose attribution never came
            out.extend(self._continuation(sent, base, sent_span, quotes) or [])
        self._deferred = []
        out = [f for f in _signed_over_continued(out) if not self._refusal(f)]
        for f in out:
            f.paragraph = self.paragraph_no
        return out

    def _embedded_post(self, doc: Doc, base: int) -> list[Found]:
        """An embedded post: the line before a signature line '— Donald J. Trump (@realDonaldTrump)
        December 22, 2016' (or the paragraph before, if the signature opens one) is what the account
        holder wrote."""
        out: list[Found] = []
        for m in _POST_SIGNATURE.finditer(doc.text):
            name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
            speaker = self.actors.resolve(name.root, base, loose=True) if name is not None else None
            if m.start() > 0:
                line_start = doc.text.rfind("\n", 0, m.start() - 1) + 1
                text, start = doc.text[line_start:m.start()], base + line_start
            elif self._last_paragraph is not None:
                text, start = self._last_paragraph
            else:
                continue
            if speaker is None or len(text.split()) < 3:
                continue
            lead = len(text) - len(text.lstrip())
            content = TextSpan(text.strip(), start + lead, start + lead + len(text.strip()))
            cue = TextSpan(m.group("dash"), base + m.start("dash"), base + m.end("dash"))
            self.last_speaker = speaker.actor_id
            out.append(Found(speaker, "assert", cue, content, content, confidence=0.6, quote=True, signed=True))
        return out

    def _refusal(self, f: Found) -> bool:
        """Speech that says nothing ("I don't want to comment on it", "said it could not comment") is empty."""
        return f.relation == "assert" and f.content is not None \
            and self.lex.refusals.search(f.content.text) is not None

    def _note_entities(self, sent: Span, base: int) -> None:
        """Push actors named in the sentence onto the pronoun history (subjects last = most salient)."""
        groups = set(self.actors.roles["groups"])
        for tok in sent:
            if tok.dep_ in {"nsubj", "nsubjpass"} and tok.pos_ in {"PROPN", "NOUN"} and (tok.ent_type_ in {
                    "PERSON", "ORG", "GPE", "NORP"} or (tok.tag_ == "NNS" and tok.lemma_.lower() in groups)):
                self.actors.resolve(tok, base)  # "Opponents will ask the court … They argue that …"
        for tok in sent:
            # "a group of black parents sent a letter to the board": the letter is theirs ("the letter reads …")
            if tok.dep_ == "dobj" and tok.lemma_.lower() in self.actors.roles["documents"] \
                    and tok.head.lemma_.lower() in self.lex.authoring_verbs | {"send", "file", "post", "deliver", "sign"} \
                    and not any(c.dep_ == "neg" for c in tok.head.children):
                subj = self._subject(tok.head)
                issuer = self.actors.resolve(subj, base) if subj is not None and subj.pos_ in {"PROPN", "NOUN"} else None
                if issuer is not None:
                    self.actors.note_issued(tok, issuer.actor_id)
        # "X has been on trial alongside Mr Y. The pair …": people named in the sentence, resolved if a pair
        # word refers back to them (not before: a mis-tagged name would become a person too early)
        self._people = [(t, base) for t in _named_people(sent)] or self._people

    # -- one sentence ----------------------------------------------------------------------------
    def _sentence(self, sent: Span, base: int, quotes: list[tuple[int, int]]) -> list[Found]:
        doc = sent.doc
        sent_span = TextSpan(sent.text, base + sent.start_char, base + sent.end_char)
        found: list[Found] = []
        for tok in sent:
            if _inside(tok.idx, quotes):
                continue
            f = None
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                f = self._according_to(tok, sent, base, sent_span, quotes)
            elif tok.pos_ in {"VERB", "AUX"} and (tok.lemma_.lower() in self.lex.verbs
                                                  or tok.lemma_.lower() in self.lex.deny_phrases
                                                  or (tok.lemma_.lower() in self.lex.request_verbs
                                                      and any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children))
                                                  or self._as_it(tok) or self._topic(tok) is not None
                                                  or self._finding(tok)):
                f = self._comma_aside(tok, sent, base, sent_span) or self._verb_cue(tok, sent, base, sent_span, quotes)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.attribution_nouns:
                f = self._noun_cue(tok, sent, base, sent_span)
            if f:
                found.extend(f if isinstance(f, list) else [f])
        found = [f for f in found if f is not None]
        labels = self._label_cues(sent, base, sent_span, quotes)
        # '"WALLACE: But, as the Journal wrote, …': a transcript label speaks the whole turn, cues and all
        found = (found + [f for f in labels if f.cue.text == ":" and f.speaker.mention.text.isupper()]) if found \
            else labels
        found += self._signed_quotes(sent, base, sent_span, quotes, found)
        found = [self._own_denial(f, sent, base, quotes) for f in _outermost(found, self._reporting_medium, self._medium)]
        if any(f.cue.text.lower() != "according to" for f in found):
            # "…, Peskov said, according to Reuters": the medium only carries the quote (but "watched
            # the videos, according to their attorneys, and said …" has two sources of its own)
            found = [f for f in found if f.cue.text.lower() != "according to" or not self._medium(f)]
        quoted_sentence = any(s <= sent.start_char < e or s < sent.end_char <= e for s, e in quotes) \
            or sent.text.lstrip().startswith(tuple(_QUOTE_CHARS) + ("''", "``"))
        if found:
            speakers = [f for f in found if f.relation in {"assert", "accuse", "deny"}]
            last = speakers[-1]
            self.last_speaker = last.speaker.actor_id
            if quoted_sentence:
                self.last_quote = (last.speaker, last.cue, self.paragraph_no)
                for f in found:
                    f.quote = True
                # earlier sentences of the same quotation belong to this speaker ('"A. B," said X.')
                earlier = []
                for deferred, deferred_span in self._deferred:
                    f = Found(last.speaker, "assert", last.cue, deferred_span,
                              _quote_content(deferred, base, quotes) or deferred_span, confidence=0.7, quote=True)
                    earlier += self._accusations(f, deferred.root, base)
                self._deferred = []
                found = earlier + found
            self.pending_colon = None
            if sent.text.rstrip().endswith(":"):
                self.pending_colon = (last.speaker, last.cue, "assert")
                self.colon_found = last
            # the other sentences of a quotation that this sentence attributes
            return found
        if quoted_sentence:
            if _quote_continues(sent, quotes):
                self._deferred.append((sent, sent_span))  # wait: the attribution may close the quote
                return []
            if self._deferred:
                pending = self._deferred + [(sent, sent_span)]
                self._deferred = []
                return [f for s_, span in pending for f in self._continuation(s_, base, span, quotes) or []]
            if any(not _inside(t.idx, quotes) and t.lemma_.lower() in self.lex.parenthetical and t.pos_ == "VERB"
                   and any(c.dep_ == "nsubj" and not _inside(c.idx, quotes) for c in t.children) for t in sent):
                return []  # '"…," the union's lawyer said.': attributed, to someone not resolved — not the last speaker
            cont = self._continuation(sent, base, sent_span, quotes)
            if cont:
                return cont
        return []

    def _label_cues(self, sent: Span, base: int, sent_span: TextSpan, quotes) -> list[Found]:
        """Speakers named by punctuation: "Sanders: Clinton needs to …" (a headline) and
        '"PENCE: Well, look, …' (a transcript label, inside the quotation that holds the turn)."""
        toks = [t for t in sent if not t.is_space]
        while toks and toks[0].text in set(_QUOTE_CHARS) | {"''", "``"}:
            toks = toks[1:]  # '"WALLACE: Let's start …' — a transcript quoted whole
        found: list[Found] = []
        if len(toks) > 3 and toks[0].lower_ in _INVERTED_CUES:  # "Said Ellis: “I don't get the sense …”"
            j = 1
            while j < len(toks) and toks[j].pos_ == "PROPN" and j < 5:
                j += 1
            if j > 1 and j < len(toks) - 1 and toks[j].text in {":", ","}:
                speaker = self.actors.resolve(toks[j - 1], base, loose=True)
                if speaker is not None and self.actors.actors[speaker.actor_id].kind == "person":
                    speaker = self.actors.named_person(toks[1:j], base) or speaker  # not "Said Ellis"
                if speaker is not None:
                    rest = toks[j + 1:]
                    f = Found(speaker, "assert", token_span([toks[0]], base), sent_span, token_span(rest, base),
                              confidence=0.7)
                    return self._accusations(f, rest[0].head if rest else None, base)
        i = 0
        while i < len(toks) and (toks[i].pos_ == "PROPN" or toks[i].text[:1].isupper()) and i < 4:
            i += 1
        if 0 < i < len(toks) - 3 and toks[i].text == ":" and toks[0].idx - sent.start_char <= 2 and (
                toks[i - 1].pos_ in {"PROPN", "NOUN"} or toks[i - 1].ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}):
            # (a name, not "The Latest:", "The Gap Goes On:")
            speaker = self.actors.resolve(toks[i - 1], base, loose=True)
            if speaker is not None and self.actors.actors[speaker.actor_id].kind in {"other", "group"}:
                speaker = self.actors.named_person(toks[:i], base)  # "Sanders:" / "PENCE:" name a person
            if speaker is not None and self.actors.actors[speaker.actor_id].kind in {"person", "organization",
                                                                                     "country", "government"}:
                rest = toks[i + 1:]
                f = Found(speaker, "assert", token_span([toks[i]], base), sent_span,
                          token_span(rest, base), confidence=0.6)
                found += self._accusations(f, rest[0].head if rest else None, base)
        return found

    def _signed_quotes(self, sent: Span, base: int, sent_span: TextSpan, quotes, found: list[Found]) -> list[Found]:
        """'“…” ― Sonya Herridge': a quotation signed after a dash. The dash often opens the next
        sentence, so the closing quote mark is looked for in the whole paragraph."""
        doc = sent.doc
        out: list[Found] = []
        for t in sent:
            glued = len(t.text) == 2 and t.text[0] in "”\"" and t.text[1] in _SIGNATURE_DASHES  # '…”― Name'
            if not (t.text in _SIGNATURE_DASHES or glued) or t.i == 0 or t.i + 1 >= len(doc):
                continue
            before = next((doc[j] for j in range(t.i - 1, -1, -1) if not doc[j].is_space), doc[t.i - 1])
            name = next((doc[j] for j in range(t.i + 1, len(doc)) if not doc[j].is_space), doc[t.i + 1])
            if (before.text not in {"”", '"', "''"} and not glued) or name.pos_ != "PROPN" or \
                    any(f.cue.start <= base + t.idx < f.cue.end for f in found):
                continue
            while name.head.i != name.i and name.head.pos_ == "PROPN" and name.head.i > name.i:
                name = name.head
            speaker = self.actors.resolve(name, base, loose=True)
            dash = t.idx + (1 if glued else 0)
            # only the closing mark and spaces between ('…?”\xa0― Name': a no-break space is a token)
            content = next(((s_, e_) for s_, e_ in quotes if e_ <= dash
                            and not doc.text[e_:dash].strip().strip("”\"'")), None)
            if speaker is not None and content is not None:
                span = TextSpan(doc.text[content[0]:content[1]], base + content[0], base + content[1])
                cue = TextSpan(doc.text[dash:dash + 1], base + dash, base + dash + 1)
                out.append(Found(speaker, "assert", cue, span, span, confidence=0.6, quote=True, signed=True))
        return out

    def _own_denial(self, f: Found, sent: Span, base: int, quotes) -> Found:
        """A quotation in which the speakers deny in the first person ("we disagree with the
        Commission's interpretations", "I reject these claims") is their denial."""
        if f.relation != "assert" or f.content is None:
            return f
        start, end = f.content.start - base, f.content.end - base
        quote = next(((s_, e_) for s_, e_ in quotes if s_ <= start and end <= e_), None)
        if quote is None:
            return f
        start, end = quote
        for tok in sent:
            if not start <= tok.idx < end or tok.pos_ not in {"VERB", "AUX"}:
                continue
            lemma = tok.lemma_.lower()
            # the subject inside the quotation (the parser may also hang the cue's subject on it)
            subj = next((c for c in tok.children if c.dep_ == "nsubj" and start <= c.idx < end), None)
            if subj is None or subj.lower_ not in {"i", "we"}:
                continue
            if lemma in {"say", "tell", "claim"} and tok.tag_ in {"VB", "VBD", "VBN"} and any(
                    c.dep_ == "neg" or c.lower_ == "never" for c in tok.children):
                # "Obviously I didn't say that", "we never claimed …": denying having said it
                return replace(f, relation="deny", target=None, target_mention=None, claim_ref="anaphor")
            phrase = self.lex.deny_phrases.get(lemma)
            if self.lex.verbs.get(lemma) != "deny" and not (phrase and _has_phrase(tok, phrase)):
                continue
            if self._blocked(tok):
                continue
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None) or _prep_object(tok, {"with"})
            if lemma in self.lex.deny_if_claim_object and (obj is None or not self._names_claim(obj)) \
                    and not (phrase and obj is not None):
                continue
            target = None
            holder = next((c for c in obj.subtree if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")),
                          None) if obj is not None else None  # "some of the Commission's interpretations"
            if holder is not None:
                resolved = self.actors.resolve(holder, base, exclude={f.speaker.actor_id})
                target = resolved.actor_id if resolved is not None else None
            return replace(f, relation="deny", target=target, target_mention=None,
                           claim_ref="anaphor" if obj is not None and self._names_claim(obj) else None)
        return f

    def _reporting_medium(self, f: Found) -> bool:
        """ "Mousavi rejected …, state media said": a news outlet named after what it reports only carries it."""
        if f.content is None or f.content.end > f.cue.start:
            return False
        return self._medium(f)

    def _medium(self, f: Found) -> bool:
        """The speaker is a news outlet ("state media", "Reuters", "the newspaper")."""
        mention = f.speaker.mention.text
        words = {w.lower() for w in re.findall(r"[\w-]+", mention)}
        return bool(words & self.lex.media_words) or re.sub(r"^the ", "", mention, flags=re.I) in self.lex.news_media \
            or self.actors.actors[f.speaker.actor_id].label in self.lex.news_media

    def _continuation(self, sent: Span, base: int, sent_span: TextSpan, quotes) -> list[Found] | None:
        """An unattributed quotation that continues the last attributed one."""
        colon, self.colon_found = self.colon_found, None
        if self.pending_colon is not None:
            speaker, cue, rel = self.pending_colon
            self.pending_colon = None
        elif self.last_quote is not None and self.paragraph_no - self.last_quote[2] <= 1:
            speaker, cue, _ = self.last_quote
            rel = "assert"
        else:
            return None
        self.last_quote = (speaker, cue, self.paragraph_no)
        content = _quote_content(sent, base, quotes) or sent_span
        f = self._own_denial(Found(speaker, rel, cue, sent_span, content, confidence=0.6, quote=True), sent, base, quotes)
        found = self._accusations(f, sent.root, base) if f.relation == "assert" else [f]
        if colon is not None and colon.relation == "assert" and colon.speaker.actor_id == speaker.actor_id \
                and colon.sentence.end <= sent_span.start:
            # "Slater said:" + the quotation: one speech act, whose claim is what the quotation says (and
            # when the quotation accuses, the introducing sentence is that accusation too)
            colon.relation, colon.target, colon.target_mention = found[0].relation, found[0].target, \
                found[0].target_mention
            colon.content = found[0].content
        return found

    # -- cues ------------------------------------------------------------------------------------
    def _blocked(self, verb: Token) -> bool:
        """Negated, hypothetical, questioned or empty speech is not a statement."""
        for child in verb.children:
            # a "not" or "will" inside the quotation before '…," X said' is not the cue's
            if child.dep_ == "neg" and not _punct_between(child, verb):
                return True  # "did not say"
            if child.dep_ == "aux" and child.lower_ in self.lex.hypothetical and not _punct_between(child, verb):
                return True  # "will say"
        if any(c.dep_ in _SUBJ and (c.left_edge.lower_ == "neither" or any(g.dep_ == "cc" and g.lower_ == "nor"
                                                                           for g in c.children))
               for c in verb.children):
            return True  # "Neither the commission nor the customs office have said …"
        head = verb.head
        negated_head = any(c.dep_ == "neg" for c in head.children)
        if verb.dep_ == "conj" and negated_head \
                and any(c.dep_ == "cc" and c.lower_ in {"or", "nor"} for c in head.children) \
                and not any(c.dep_ in _SUBJ for c in verb.children):
            return True  # "did not identify the sources or say how …" (but "did not name them but said …")
        if verb.dep_ == "conj" and verb.tag_ == "VB" and head.dep_ == "xcomp" \
                and not any(c.dep_ in _SUBJ for c in verb.children) and self._blocked(head):
            return True  # "declined to threaten Moscow or declare it responsible", "needs to … and tell …"
        if head.lemma_.lower() in self.lex.unrealised and (verb.dep_ == "ccomp" or (
                verb.dep_ == "parataxis" and head.i < verb.i and not _punct_between(head, verb))):
            return True  # "I hope America says …", "may not let editorials tell them …"
        if any(c.dep_ == "ccomp" and c.i < verb.i and c.lemma_.lower() in self.lex.unrealised
               and not _punct_between(c, verb) for c in verb.children):
            return True  # the same with "hope" read as the clause of "says"
        if verb.dep_ == "xcomp" and head.lemma_.lower() in self.lex.empty_speech | {"expect", "plan", "want",
                                                                                       "hope", "intend", "try"} \
                and not (negated_head and head.lemma_.lower() in self.lex.negated_affirmative):
            return True  # "declined to comment" (but "didn't hesitate to criticize" did criticize)
        if verb.dep_ == "xcomp" and negated_head and head.lemma_.lower() not in self.lex.negated_affirmative:
            return True  # "did not want to comment"
        if verb.dep_ == "acl" and head.lemma_.lower() in self.actors.roles["documents"]:
            # "said in a statement accusing Trump of …" (but "in a message posted Friday, X said": the
            # document's posting is no speech of its own)
            return verb.lemma_.lower() in self.lex.speech_if_clause
        governor = next((a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if verb.dep_ == "pcomp" and governor is not None and governor.lemma_.lower() in self.lex.negated_affirmative \
                and any(c.dep_ == "neg" for c in governor.children):
            return False  # "didn't shy away from blaming the West"
        if verb.dep_ == "pcomp" and head.lower_ in _TIME_PREPS and any(c.dep_ == "ccomp" for c in verb.children):
            return False  # "after saying her foot was swollen", "aside from saying he wants …"
        if verb.dep_ == "acl" and head.lower_ == "each" and head.dep_ == "npadvmod":
            return False  # "Lowe and Carter met on Tuesday, each saying the talks were useful"
        if verb.dep_ == "acl" and head.lemma_.lower() in _SPEECH_EVENTS:
            return False  # "said at a news conference announcing that …"
        if verb.dep_ == "pcomp" and verb.left_edge.lower_ == "what" and self._subject(verb) is not None \
                and verb.lemma_.lower() != "call":  # (but "what they call X" only names it)
            return False  # a free relative: "the gap between what the mayor says her budget would do and …"
        if verb.dep_ in {"amod", "acl", "pcomp"} and not (verb.dep_ == "pcomp" and head.lower_ == "by"):
            return True  # "taxpayers reporting gains", "pilloried for acknowledging" (but "by telling them")
        if verb.dep_ == "xcomp" and head.lemma_.lower() == "be":
            return True  # "are to blame"
        if head.lower_ == "worth":
            return True  # "It is worth noting that …": the journalist's own remark
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if infinitive and any(c.dep_ == "aux" and c.lower_ in self.lex.hypothetical for c in head.children):
            return True  # "it could take months for the panel to report its findings"
        if infinitive and _compelled(verb, self.lex) is not None:
            return False  # "forced the chief executive to admit that …": he did admit it
        if infinitive and \
                head.lemma_.lower() not in {"continue", "go", "repeat", "have", "use", "take", "appear", "seem",
                                            "rise", "step", "come"} | self.lex.negated_affirmative:
            return True  # an infinitive names a purpose or plan, not a speech act ("to counter")
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in verb.children):
            return True
        if verb.sent.text.rstrip().endswith("?") and verb.dep_ == "ROOT":
            asked = verb.sent.text.rstrip()
            opening = max(asked.rfind(q) for q in "\"“")
            # "suggested asking yourself this: would I …?": the question is what was suggested
            colon = any(t.text == ":" for t in verb.doc[verb.i + 1:verb.sent.end])
            if not (opening > verb.idx - verb.sent.start_char) and not colon:  # '"…," Sanders said, including: "…?"'
                return True
        return False

    def _comma_aside(self, verb: Token, sent: Span, base: int, sent_span: TextSpan) -> list[Found] | None:
        """ "Ohio, as one of the governor's aides pointed out, rarely votes early": a bare cue after "as",
        set off by commas, speaks the clause around it. Read from the words, since the parser often
        hangs such an aside on the subject or takes its verb for the main one."""
        if verb.lemma_.lower() not in self.lex.parenthetical | self.lex.speech_if_clause:
            return None
        aside = _as_aside_bounds(verb, sent)
        if aside is None:
            return None
        first, last = aside
        if any(c.dep_ in {"dobj", "ccomp", "xcomp"} and c.i < last for c in verb.children):
            return None  # "as she said she would": a clause of its own
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and first < c.i < verb.i), None) \
            or next((c for c in verb.doc[first + 1].children if c.dep_ == "pobj"), None)  # ("as" read as a preposition)
        if subj is None:
            return None
        speaker = self._resolve_speaker(subj, base, loose=True)
        rest = [t for t in sent if not first <= t.i <= last and not t.is_punct]
        if speaker is None or len(rest) < 3:
            return None
        cue = token_span([verb] + [c for c in verb.children if c.dep_ == "prt"], base)
        f = Found(speaker, "assert", cue, sent_span, token_span(rest, base), confidence=0.8)
        return self._accusations(f, sent.root, base)

    def _as_it(self, verb: Token) -> bool:
        """ "As the senator put it, …", "…, as a department memo phrased it": a cue for the clause around it."""
        return verb.lemma_.lower() in self.lex.as_it and verb.dep_ == "advcl" \
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
            and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)

    def _topic(self, verb: Token) -> Token | None:
        """ "spoke of the legacy of racism", "talked about her plan": the topic of a speech verb."""
        if verb.lemma_.lower() not in self.lex.speech_if_topic:
            return None
        return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"about", "of"}
                     and any(g.dep_ in {"pobj", "pcomp"} for g in c.children)), None)

    def _pair(self, head: Token, base: int) -> list[Resolved] | None:
        """'The pair claim …' / 'the two men said': the two people named last, one statement each."""
        kinds = self.actors.pair_kinds(head)
        if kinds is None:
            return None
        own = [(t, base) for t in _named_people(head.sent) if t.i < head.i]
        named: list[str] = []
        for tok, tok_base in own or self._people:
            found = self.actors.resolve(tok, tok_base)
            if found is not None and found.actor_id not in named:
                named.append(found.actor_id)
        return self.actors.resolve_pair(head, base, kinds, named)

    def _resolve_speaker(self, head: Token, base: int, loose: bool = False) -> Resolved | None:
        """A pronoun speaker is the subject of its own sentence's main clause ("The White House
        released audio that it said showed …"), else the last speaker ("it added"), when compatible."""
        compatible = {"he": {"person"}, "she": {"person"},
                      "it": {"country", "government", "organization"},
                      "they": {"group", "organization", "government", "country"}}.get(head.lower_)
        if head.pos_ == "PRON" and compatible:
            root_subject = self._subject(head.sent.root)
            # "Though she called the behavior outrageous, Clinton …": a clause before the main one may name it after
            fronted = root_subject is not None and root_subject.i > head.i and any(
                a.dep_ == "advcl" and a.head.i == head.sent.root.i and a.i < root_subject.i for a in head.ancestors)
            if root_subject is not None and (root_subject.i < head.i or fronted) and root_subject.pos_ in {"PROPN", "NOUN"}:
                found = self.actors.resolve(root_subject, base)
                if found is not None and self.actors.actors[found.actor_id].kind in compatible \
                        and self.actors.fits(found.actor_id, head.lower_):
                    return Resolved(found.actor_id, token_span([head], base))
            if self.last_speaker is not None and self.actors.actors[self.last_speaker].kind in compatible \
                    and self.actors.fits(self.last_speaker, head.lower_):
                return Resolved(self.last_speaker, token_span([head], base))
        found = self.actors.resolve(head, base, loose=loose)
        if found is None and head.lower_ in {"he", "she"}:
            found = self._person_named_before(head, base)
        return found

    def _run_on_clause(self, verb: Token) -> tuple[Token, Token] | None:
        """ "after he admitted under the senator's questioning he had not read the report": a clause
        that follows a subordinate cue verb with no "that" and no comma is read by the parser as the
        clause the cue's subordinate clause modifies; for a verb that frames a clause (cues.json
        parenthetical), with no object or complement of its own, it is what was said. Returns (the
        clause's verb, the cue's last word)."""
        clause = verb.head
        if verb.dep_ != "advcl" or clause.i < verb.i or verb.lemma_.lower() not in self.lex.parenthetical \
                or not any(c.dep_ == "mark" for c in verb.children) or not _own_subject(verb) \
                or any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "acomp"} for c in verb.children):
            return None
        end = verb.right_edge
        subject = next((c for c in clause.children if c.dep_ in _SUBJ and c.i > end.i), None)
        if subject is None or subject.left_edge.i != end.i + 1:
            return None
        return clause, end

    def _said_by_run_on_cue(self, clause: Token) -> bool:
        """ '"Resign," Lee told Wilson, after he admitted under questioning he had not read it': the
        clause is what "admitted" says (see ``_run_on_clause``), not what "told" does."""
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            return False  # "some note that Trump — even as he says … — has proposed little": the outer clause
        return any(c.dep_ == "advcl" and c.i < clause.i and self._run_on_clause(c) is not None
                   for c in clause.children)

    def _name_ending_fronted_phrase(self, verb: Token, base: int) -> tuple[Token, Resolved | None] | None:
        """ "In a May interview with the editorial board of the Chicago Tribune Smith said that …": with no
        comma after a fronted phrase the parser reads the subject's name as the end of the phrase's
        object ("the Chicago Tribune Smith"); a surname there that the article names in full elsewhere,
        right before a main cue verb with no subject, is the speaker. Likewise a name the parser adds to
        a fronted phrase's last noun as a conjunct ("At a forum in Boston, Paul Gray, the union's head,
        told …"; "When the bills are passed in the name of reform, Lowe and Carter call them …"): the
        (first) name, resolved as usual, with its conjuncts. Returns (the speaker's head, the person
        when the name must be split off, else None)."""
        top = verb
        while top.dep_ == "conj":
            top = top.head  # "… call them "lone wolves" and describe their actions as …"
        if top.dep_ != "ROOT" or top.i == 0 or self._subject(top) is not None:
            return None
        end = top.i - 1
        while end > top.sent.start and (top.doc[end].is_punct or (top.doc[end].dep_ == "advmod"
                                                                   and top.doc[end].head.i == top.i)):
            end -= 1  # "…, the chief executive of the union, forcefully told"
        fronted = [a for a in top.children if a.dep_ in {"prep", "advcl"} and a.i < end]
        for name in (t for a in fronted for t in a.subtree if t.dep_ == "conj" and t.pos_ == "PROPN"
                     and max(x.i for x in t.subtree if not x.is_punct) == end):
            while name.head.pos_ == "PROPN" and name.head.dep_ == "conj" and any(c.dep_ == "cc" for c in name.head.children):
                name = name.head  # "…, Lowe and Carter call": the first of the names
            return name, None
        last = top.doc[end]
        if end != top.i - 1 or last.pos_ != "PROPN" or not any(a.i == last.i or last in a.subtree for a in fronted):
            return None
        person = self.actors.known_person(last, base)
        return (last, person) if person is not None else None

    def _person_named_before(self, pronoun: Token, base: int) -> Resolved | None:
        """ "Warren questioned Stumpf. He admitted …": a person met only as an object, nearest first — in
        the pronoun's own sentence, then in the last sentence that named people."""
        own = [(t, base) for t in _named_people(pronoun.sent) if t.i < pronoun.i]
        for tok, tok_base in own[::-1] + self._people[::-1]:
            found = self.actors.resolve(tok, tok_base)
            if found is not None and self.actors.actors[found.actor_id].kind == "person" \
                    and self.actors.fits(found.actor_id, pronoun.lower_):
                return Resolved(found.actor_id, token_span([pronoun], base))
        return None

    def _subject(self, verb: Token) -> Token | None:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) > 1:
            # 'One of the brightest members," Rep. Cummings said': the quotation's subject hangs here too
            # and 'The Latest: Trump urges supporters …': a label before a colon is not the subject either
            subjects = [c for c in subjects if not any(t.text in _QUOTE_CHARS or t.text == ":"
                                                       for t in c.doc[min(c.i, verb.i):max(c.i, verb.i)])] or subjects
            # "WARSAW (AP) - Poland's interior ministry accused …": the dateline's city is no subject
            subjects = [c for c in subjects if not in_dateline(c)] or subjects
        return subjects[0] if subjects else None

    def _subject_outside_quote(self, head: Token, verb: Token) -> Token | None:
        """The subject of ``head``, the verb a conjoined cue hangs from; but when the parser made a
        quoted fragment the head ("Brown waved the question away -- ''That is old news'' -- and, when
        pressed, asserting, ''I paid every cent.''"), the subject of the clause before the quotation."""
        quotes = self._quotes
        if not _inside(head.idx, quotes) or _inside(verb.idx, quotes):
            return self._subject(head)
        named = _as_aside_speaker(head, verb, quotes)
        if named is not None:
            return named
        for clause in (c for c in head.children if c.i < head.i and c.dep_ in {"ccomp", "conj", "parataxis"}):
            subject = self._subject(clause)
            if subject is not None and not _inside(subject.idx, quotes):
                return subject
        return None

    def _find_speaker_head(self, verb: Token) -> tuple[Token | None, Token | None]:
        """(speaker head, passive subject) for a cue verb."""
        passive_subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive_subj is not None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            return pobj, passive_subj
        source = _passive_as_source(verb)
        if source is not None:
            return source, None
        subj = self._subject(verb)
        if subj is not None and subj.i > verb.i and subj.i > 0 and verb.doc[subj.i - 1].text in _OPENING_QUOTES:
            subj = None  # 'said on “Fox and Friends.”': a title in quotation marks after the verb
        if subj is None:
            named = _name_after_quote(verb)
            if named is not None:
                return named, None
        if subj is not None and subj.is_upper and len(subj.text) > 2:
            appos = next((c for c in subj.children if c.dep_ == "appos" and not c.is_upper), None)
            if appos is not None:
                subj = appos  # "LONDON (AP) — European Union regulators accused …": a dateline, then the subject
        if subj is not None and subj.pos_ == "NOUN" and not self.actors.names_actor(subj.lemma_.lower()) \
                and subj.lemma_.lower() not in self.actors.roles["documents"]:
            named = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                          and c.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}), None)
            if named is not None:
                subj = named  # "With 50 days until the election, Jane Moore, an adviser, called …": the name
        if subj is not None and subj.lower_ in {"who", "which"} and subj.i > 0 and verb.doc[subj.i - 1].pos_ in {
                "NOUN", "PROPN"} and (verb.dep_ == "advcl" or (verb.dep_ == "relcl" and verb.head.pos_ in {"VERB", "AUX"})):
            self._relative = subj  # "turned to the Police Department which reported …" (hung on the verb)
            return verb.doc[subj.i - 1], None
        if subj is not None and subj.lower_ in {"who", "that", "which"} and verb.dep_ == "relcl":
            self._relative = subj  # "an architect who said he was stiffed": the mention is "who"
            return verb.head, None
        if subj is not None:
            return subj, None
        before = verb.doc[verb.i - 1] if verb.i > 0 else None
        if before is not None and verb.tag_ == "VBP" and before.tag_ in {"NNS", "NNPS"} and before.dep_ == "pobj" \
                and any(c.dep_ == "ccomp" for c in verb.children):
            # "below the $5 million analysts say a campaign costs": a relative clause without "that" whose
            # subject the parser read as the noun the clause qualifies (the verb agrees with it)
            return before, None
        if before is not None and before.pos_ == "PROPN" and before.dep_ == "pobj" and verb.dep_ == "ROOT" \
                and before.head.head.i < before.i and _fronted_phrase_of(before, verb):
            # "In an interview with CNN Trump said …": no comma after a fronted phrase, whose last name
            # the parser read as part of it
            return before, None
        if before is not None and before.dep_ == "conj" and (before.pos_ == "PROPN" or before.tag_ == "NNS") \
                and verb.dep_ in {"ccomp", "conj"} and before.head.i != verb.i:
            # "Republicans said … mishandled the investigation and Democrats accused the GOP of …": the subject
            # read as a conjunct of the object before it
            return before, None
        if verb.dep_ == "conj":
            if _inside(verb.head.idx, self._quotes) and not _inside(verb.idx, self._quotes):
                return self._subject_outside_quote(verb.head, verb), None  # hung on a quoted fragment
            # "China denied … that Russia had sought … and accused Washington": the accuser is the
            # subject of the nearest cue verb above, not of the verb the parser attached it to
            for anc in verb.ancestors:
                if anc.i != verb.head.i and anc.lemma_.lower() in self.lex.verbs and self._subject(anc) is not None:
                    return self._subject(anc), None
            head = verb.head
            while head.dep_ in {"conj", "xcomp"} and self._subject(head) is None:
                head = head.head  # "Trump tried to scuttle the resolution and called for a veto"
            return self._subject_outside_quote(head, verb), None
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in self.actors.roles["documents"] and \
                _issuer(verb.head) is not None:
            return verb.head, None  # "a lawsuit filed by Texas accusing the firms of …": the suit's issuer
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in self.actors.roles["documents"] \
                and not (verb.head.dep_ == "dobj" or (verb.head.dep_ == "pobj" and verb.head.head.lower_ == "in")):
            return None, None  # "backed a case accusing …" (but "issued a statement calling …", "said in a letter …")
        fronted = _fronted_participle(verb)
        if fronted is not None:  # "Claiming the criticism is designed to …, Briggs told WBEZ …": Briggs claims
            return self._subject(fronted.head), None
        compelled = _compelled(verb, self.lex)
        if compelled is not None:
            return compelled, None  # "forced the chief executive to admit …": he is the one who admitted
        if verb.dep_ in {"advcl", "xcomp", "pcomp", "acl"}:
            # "said the U.S. would abandon the treaty, accusing Russia of …": the accuser is the
            # speaker of the nearest cue above, else the subject of the verb it hangs from
            for anc in verb.ancestors:
                if anc.lemma_.lower() in self.lex.verbs and self._subject(anc) is not None:
                    return self._subject(anc), None
            top = verb
            while top.dep_ == "xcomp" and top.head.tag_ == "VBG":
                top = top.head
            before = top.doc[top.left_edge.i - 2] if top.left_edge.i >= 2 else None
            if top.tag_ == "VBG" and top.doc[top.left_edge.i - 1].text == "," and before is not None \
                    and before.lemma_.lower() in self.lex.verbs and self._subject(before) is not None:
                # '…," Sanders said, going on to say that …': the participle follows the cue it belongs to
                return self._subject(before), None
            for anc in verb.ancestors:  # "pitched himself … by telling them that …"
                if anc.pos_ in {"VERB", "AUX"} and self._subject(anc) is not None:
                    return self._subject(anc), None
            if verb.dep_ == "pcomp" and verb.head.lower_ in _TIME_PREPS:
                # "After saying her foot was swollen, she was whisked off to hospital": a passive main clause
                main = next((a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}), None)
                subj = next((c for c in main.children if c.dep_ == "nsubjpass"), None) if main is not None else None
                return subj, None
            return None, None
        if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            return verb.head, None
        if verb.dep_ == "ROOT":
            # a headline's elided subject: "U.S. cuts aid to Pakistan; says it's failing to fight militants"
            before = [c for c in verb.children if c.i < verb.i and c.dep_ in {"ccomp", "conj", "parataxis"}]
            for clause in before:
                if self._subject(clause) is not None:
                    return self._subject(clause), None
        return None, None

    def _verb_cue(self, verb: Token, sent: Span, base: int, sent_span: TextSpan, quotes) -> list[Found] | None:
        self._co_speakers = []
        found = self._verb_cue_typed(verb, sent, base, sent_span, quotes)
        if found and verb.dep_ == "advcl" and (verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","
                                               or any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in verb.children)):
            for f in found:
                f.participle = True  # "said …, arguing that …", "said …, though she noted …"
        if found and verb.dep_ == "conj" and self._subject(verb) is None:
            for f in found:
                f.participle = True  # "stressed her support for the raid … and said she has …": an act of its own
        if not found or not self._co_speakers:
            return found
        # "The Conservatives and Liberal Democrats say …": one statement per speaker
        first = found[-1].speaker.actor_id
        extra = [replace(f, speaker=co) for co in self._co_speakers for f in found
                 if f.speaker.actor_id == first and f.target != co.actor_id]
        return found + extra

    def _verb_cue_typed(self, verb: Token, sent: Span, base: int, sent_span: TextSpan, quotes) -> list[Found] | None:
        lemma = verb.lemma_.lower()
        relation = self.lex.verbs.get(lemma, "assert")
        if lemma in self.lex.request_verbs and lemma not in self.lex.verbs:
            return self._verb_cue_plain(verb, sent, base, sent_span, quotes, "assert")  # "asked the WTO to …"
        if lemma in self.lex.deny_phrases:
            if not _has_phrase(verb, self.lex.deny_phrases[lemma]):
                return None if lemma not in self.lex.verbs else self._verb_cue_plain(verb, sent, base, sent_span, quotes)
            relation = "deny"
        return self._verb_cue_plain(verb, sent, base, sent_span, quotes, relation)

    def _verb_cue_plain(self, verb: Token, sent: Span, base: int, sent_span: TextSpan, quotes,
                        relation: str | None = None) -> list[Found] | None:
        lemma = verb.lemma_.lower()
        relation = relation or self.lex.verbs[lemma]
        passive_agent = _agent(verb)
        if passive_agent is not None and verb.dep_ in {"acl", "relcl", "amod"} and relation == "assert":
            # "a pullback announced by the Trump administration", "an attack claimed by the Houthis"
            return self._passive_report(verb, passive_agent, base, sent_span)
        if self._blocked(verb):
            return None
        if any(c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pcomp" and g.lemma_.lower() in self.lex.verbs
                                                                for g in c.children) for c in verb.children):
            return None  # "responded by calling him a dotard": the act is the inner cue's
        if any(c.dep_ == "prt" and c.lower_ in self.lex.not_speech_particles.get(lemma, ()) for c in verb.children):
            return None  # "things on my bill that add up to …"
        if any(c.dep_ == "dobj" and c.lemma_.lower() in self.lex.not_speech_objects.get(lemma, ()) for c in verb.children):
            return None  # "tells so many lies that …", "tell more jokes": a habit, not a report of what was said
        self._relative = None
        speaker_head, passive_subj = self._find_speaker_head(verb)
        each = verb.head if verb.dep_ == "acl" and verb.head.lower_ == "each" else None  # "…, each saying …"
        if speaker_head is not None and speaker_head.lower_ == "each":
            each, speaker_head = speaker_head, _distributed(speaker_head)
        fronted = self._name_ending_fronted_phrase(verb, base) if speaker_head is None else None
        if fronted is not None:
            speaker_head, fronted = fronted
        if speaker_head is None:
            return None
        if speaker_head.pos_ == "PRON" and speaker_head.lower_ in {"i", "we", "you", "me", "us", "one", "who", "that",
                                                                   "which", "this"}:
            return None
        pair = self._pair(speaker_head, base)
        study = speaker_head.pos_ in {"NOUN", "ADJ"} and speaker_head.lemma_.lower() in self.lex.sources_needing_author \
            and (speaker_head.lemma_.lower() not in self.actors.roles["documents"] or lemma in self.lex.finding_verbs)
        if fronted is not None:
            speaker = fronted
        elif study:  # "a Quinnipiac poll found …" speaks for Quinnipiac; "the poll found …" for nobody
            speaker = self._study_author(speaker_head, base)
        else:
            # "At a town hall in Iowa Olsen said …": the name alone, not "Iowa Olsen"
            fronted = not pair and speaker_head.pos_ == "PROPN" and _fronted_phrase_of(speaker_head, verb)
            speaker = pair[0] if pair else (fronted and self.actors.named_person([speaker_head], base)) \
                or self._resolve_speaker(speaker_head, base, loose=lemma in self.lex.parenthetical)
        if speaker is None:
            return None
        if pair:
            self._co_speakers = pair[1:]  # "the pair claim …": a statement of each
        elif speaker_head.pos_ != "PRON":
            co = [self.actors.resolve(c, base) for c in _conjuncts(speaker_head) if c.pos_ in {"PROPN", "NOUN"}]
            self._co_speakers = _unique([c for c in co if c is not None and c.actor_id != speaker.actor_id])
        if each is not None:  # "each" speaks for every one of them
            speaker = Resolved(speaker.actor_id, token_span([each], base))
            self._co_speakers = [Resolved(c.actor_id, speaker.mention) for c in self._co_speakers]
        relative = self._relative is not None
        # "attacked the donors' gifts, which he said came with favors": said in a relative clause, an aside
        # or in a free relative ("amounting to what the senators said was gerrymandering")
        aside = relative or verb.dep_ == "relcl" \
            or (verb.dep_ == "pcomp" and verb.left_edge.lower_ == "what")
        if relative:
            speaker = Resolved(speaker.actor_id, token_span([self._relative], base))
            self._relative = None
        cue = token_span([verb] + [c for c in verb.children if c.dep_ == "prt"], base)
        if lemma in {"call", "brand", "dub"}:  # "branded the regime an outlaw nation"
            return self._call(verb, speaker, cue, sent, base, sent_span, quotes)
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and not self._said_by_run_on_cue(c)
                   and not any(m.dep_ == "mark" and m.lower_ in _ADVERBIAL_MARKS for m in c.children)] \
            or _misattached_clause(verb) or [
            c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and lemma in {"say", "tell", "add", "insist"}
            and any(g.dep_ == "nsubj" for g in c.children) and not any(g.dep_ == "mark" for g in c.children)]
        # ("said after the convention he would not accept …": the parser reads the clause as adverbial)
        # "U.S. cuts aid …; says it's failing …": the clause after the cue, when there is one
        ccomp = next((c for c in clauses if c.i > verb.i), clauses[0] if clauses else None)
        xcomp = next((c for c in verb.children if c.dep_ in {"xcomp", "pcomp"}), None)
        dobj = next((c for c in verb.children if c.dep_ in {"dobj"}), None)
        quote = _quote_content(sent, base, quotes) or _short_quote(sent, base, quotes, verb)
        content = None
        interrupted = (_interrupted_clause(verb) or self._run_on_clause(verb)) if ccomp is None and dobj is None else None
        fronted_clause = _fronted_participle(verb)
        if interrupted is not None:  # "continues to insist, most recently in a radio interview, that …"
            ccomp, mark = interrupted
            content = token_span([t for t in ccomp.subtree if t.i > mark.i], base)
        elif fronted_clause is not None:  # "Claiming the criticism is designed to …, Briggs told …"
            ccomp, dobj = fronted_clause, None
            content = token_span([t for t in ccomp.subtree if t.i != verb.i and not t.is_punct], base)
        elif ccomp is not None:
            content = _subtree_span(ccomp, base)
        elif quote is not None:
            content = quote
        elif passive_subj is not None:
            content = _subtree_span(passive_subj, base)  # "The issue was first reported by The Washington Post"
        if content is not None and content.start < speaker.mention.start < content.end \
                and speaker_head.dep_ == "appos" and _name_after_quote(verb) is speaker_head:
            # '“… our military,” Flynn, a top surrogate, said': the name hung on the quotation ends it
            text = content.text[:speaker.mention.start - content.start].rstrip(" ,;:-—–" + _QUOTE_CHARS + "'")
            content = TextSpan(text, content.start, content.start + len(text))
        confidence = 0.9 if speaker_head.pos_ != "PRON" else 0.7

        if relation == "accuse":
            objs = [passive_subj] if passive_subj is not None else ([dobj] + _conjuncts(dobj) if dobj is not None else [])
            blamed_on = _prep_object(verb, {"on"}) or (_prep_object(dobj, {"on"}) if dobj is not None else None)
            if lemma == "blame" and blamed_on is not None and dobj is not None:
                # "blamed the attacks on Tehran": Tehran is accused of the attacks
                on = blamed_on.head
                charge = token_span([t for t in dobj.subtree if t not in list(on.subtree)], base)
                targets = [t for t in (self._accused(o, base) for o in [blamed_on] + _conjuncts(blamed_on))
                           if t is not None and t.actor_id != speaker.actor_id]
                if targets:
                    return [Found(speaker, "accuse", cue, sent_span, charge, t.actor_id, t.mention, confidence)
                            for t in _unique(targets)]
            targets = [t for t in (self._accused(o, base) for o in objs)
                       if t is not None and t.actor_id != speaker.actor_id]
            if targets:
                charge = _charge(verb, base) or content or _subtree_span(objs[0], base)
                return [Found(speaker, "accuse", cue, sent_span, charge, t.actor_id, t.mention, confidence)
                        for t in _unique(targets)]
            if lemma in self.lex.accuse_if_object or (ccomp is None and quote is None and dobj is None):
                return None
            relation = "assert"  # criticism aimed at no identifiable actor ("criticized the law")
            if dobj is not None and content is None:
                content = _subtree_span(dobj, base)

        claim_ref = None
        inserted = None  # the clause a parenthetical cue sits in
        nominal: list[Found] = []
        target = None
        if relation == "deny":
            obj = dobj or passive_subj or _prep_object(verb, {"with"})
            rebutted = self._rebutted(verb, dobj)
            if rebutted is not None:
                obj = rebutted
            elif self.lex.deny_phrases.get(lemma) == "back":
                return None  # "Israel hit back with air strikes": an act, not a rejection
            if obj is None and ccomp is not None and any(c.lower_ == "what" for c in ccomp.children):
                obj, ccomp = ccomp, None  # "rejected what he called unreal accusations by Saudi officials"
                claim = next((t for t in obj.subtree if t.lemma_.lower() in self.lex.claim_nouns), None)
                holder = _prep_object(claim, {"by", "from"}) if claim is not None else None
                resolved = self.actors.resolve(holder, base, exclude={speaker.actor_id}) if holder is not None else None
                if resolved is not None:
                    target = resolved.actor_id
            if lemma in self.lex.deny_if_claim_object:
                if obj is None or not (self._names_claim(obj) or self._as_false(verb)):
                    return self._dismissed_as(verb, obj, speaker, cue, sent_span, base)
            if obj is not None and ccomp is None:
                content = _subtree_span(obj, base)
                nominal = self._attributed_noun(obj, sent, base, sent_span)
                if self._contradicting_fact(verb):
                    return nominal or None
                if self._names_claim(obj) or any(t.lower_ in {"such", "these", "those", "the"} for t in obj.lefts):
                    claim_ref = "anaphor"
                if nominal:
                    target = nominal[0].speaker.actor_id
                    content = nominal[0].content or content
                else:  # "dismissed the US complaint", "rejected Haley's claims"
                    holder = next((c for c in obj.children if c.dep_ == "poss" or
                                   (c.dep_ == "compound" and c.pos_ == "PROPN")), None)
                    if holder is not None:
                        resolved = self.actors.resolve(holder, base, exclude={speaker.actor_id})
                        target = resolved.actor_id if resolved else None
            elif ccomp is not None:
                # "denied any such request had been made": the subject of the clause names the claim
                subj = next((c for c in ccomp.children if c.dep_ in _SUBJ), None)
                if subj is not None and any(t.lower_ in {"such", "these", "those"} for t in subj.lefts):
                    claim_ref = "anaphor"
            if content is None and xcomp is not None:
                content = _subtree_span(xcomp, base)  # "denied harboring terrorists", "denies saying …"
            if content is None:
                return None
        else:  # assert
            colon = sent.text.rstrip().endswith(":")  # "The New York Times reports:" + a quote to come
            characterised = _as_phrase(verb) if dobj is not None else None  # "described the showdown as ominous"
            pointed = _prep_object(verb, {"to"}) if lemma == "point" else None  # "voters point to the crime bill"
            if lemma == "point" and dobj is not None and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
                pointed = dobj  # "Trump and Clinton point out own credentials, each other's failings"
            if lemma in self.lex.feeling_verbs and (dobj is None or dobj.lemma_.lower() not in self.lex.voiced_feelings):
                return None  # "expressed concern that …" is voiced, "expressed the parcel" is not speech
            # "As many economists have pointed out, the bank is free to …": the clause the aside comments on
            as_aside = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
                and (lemma in self.lex.parenthetical | self.lex.speech_if_clause or _passive_as_source(verb) is not None) \
                and not any(c.dep_ in {"dobj", "xcomp", "ccomp"} for c in verb.children)  # (not "as he welcomed guests")
            topic = self._topic(verb)
            if lemma in self.lex.speech_if_topic and topic is None:
                return None
            if topic is not None and content is None:
                content = _subtree_span(topic, base)
            if self._as_it(verb):
                as_aside, dobj = True, None  # "as X put it": "it" is the clause around the cue
            voiced = dobj is not None and (self._names_claim(dobj) or dobj.lemma_.lower() in self.lex.voiced_feelings)
            if lemma in self.lex.speech_if_clause and ccomp is None and quote is None and not colon \
                    and characterised is None and pointed is None and not as_aside and not voiced:
                return None
            if content is None and pointed is not None:
                content = _subtree_span(pointed, base)
            purpose = next((c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in
                            self.lex.request_verbs | {"urge", "demand", "request", "warn", "call", "complain"}
                            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            if content is None and purpose is not None and lemma in {"write", "tweet", "post", "respond", "reply"}:
                content = _subtree_span(purpose, base)  # "wrote to the ministers in 2023 to ask them to …"
            if content is None and characterised is not None:
                content = token_span(list(dobj.subtree) + list(characterised.subtree), base)
            if content is None and dobj is None and lemma == "describe" and _as_phrase(verb) is not None:
                content = _subtree_span(_as_phrase(verb), base)  # 'is describing as "unhinged" a tweet …
            if content is None and xcomp is not None and (lemma in self.lex.request_verbs or lemma in {
                    "urge", "exhort", "warn", "promise", "pledge", "vow", "threaten", "tell", "advise", "demand", "propose",
                    "suggest", "recommend"}):
                content = _subtree_span(xcomp, base)  # "proposes doing away with the mandate"
            if content is None and dobj is None and xcomp is not None and xcomp.dep_ == "xcomp" and xcomp.tag_ == "VBG" \
                    and any(c.dep_ == "dobj" for c in xcomp.children) and lemma not in self.lex.speech_if_clause:
                content = _subtree_span(xcomp, base)  # "admitted taking the money", "reveals troubling details of …"
            if content is None and (dobj is None or dobj.lower_ in {"which", "that"}) and verb.dep_ == "relcl" \
                    and verb.head.pos_ in {"NOUN", "PROPN"} and lemma in self.lex.said_of_antecedent:
                # "the test, which state media claimed now allows …", "the 33 percent rate he has proposed":
                # what was claimed is the noun the clause qualifies
                content = token_span([t for t in verb.head.subtree if t.i < verb.left_edge.i
                                      and not t.is_punct] or [verb.head], base)
            if content is None and dobj is not None and lemma not in {"tell", "say"}:
                content = _subtree_span(dobj, base)
                nominal = self._attributed_noun(dobj, sent, base, sent_span)
            if content is None and dobj is not None and lemma == "say" and dobj.pos_ in {"ADJ", "NOUN", "DET"} \
                    and any(t.pos_ in {"VERB", "AUX"} and t.dep_ in {"xcomp", "ccomp"} for t in dobj.subtree):
                # "said many of the examples that critics point to failed to note …": a clause read as an object
                content = _subtree_span(dobj, base)
            if content is None and (lemma in self.lex.parenthetical or as_aside):
                content = _parenthetical_content(verb, sent, base)  # "The museum, Mr. Obama said, would …"
            if ccomp is None and lemma in self.lex.parenthetical and verb.dep_ == "parataxis" and verb.head.i > verb.i:
                inserted = verb.head  # "America's ruling party, he said, has forgotten …": the clause around it
            if content is None:
                about = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in self.lex.about_preps
                              and any(g.dep_ in {"pobj", "pcomp"} for g in c.children)), None)
                if about is not None and lemma not in {"say", "tell", "add"}:
                    content = _subtree_span(about, base)  # "complained about his mic", "warned of …"
            if content is None and self.pending_colon is None and not sent.text.rstrip().endswith(":"):
                return None
            if content is not None and self._says_not_true(ccomp):
                relation = "deny"
                claim_ref = "anaphor"
                denied = self._misrepresented(ccomp)
                if denied is not None:  # what is denied is the suit's claim, not the words about it
                    content = _subtree_span(denied, base)
        f = Found(speaker, relation, cue, sent_span, content, target, None, confidence, claim_ref=claim_ref,
                  aside=aside)  # "Ted Cruz endorses Trump, who says he is honored"
        if relation == "assert":
            clause = ccomp or _that_clause(dobj) or inserted or next(iter(_quote_root(sent, quotes)), None)
            return nominal + self._accusations(f, clause, base, alleged=lemma in self.lex.allegation_verbs)
        return nominal + [f]

    def _passive_report(self, verb: Token, agent: Token, base: int, sent_span: TextSpan) -> list[Found] | None:
        if verb.lemma_.lower() in self.lex.speech_if_clause:
            return None  # "the air monitor maintained by the embassy", "a video posted by the party": no speech
        speaker = self.actors.resolve(agent, base)
        if speaker is None:
            return None
        noun = verb.head
        first = min(t.i for t in verb.subtree)
        before = [t for t in noun.subtree if t.i < first]
        while before and (before[-1].is_punct or before[-1].dep_ in {"cc", "punct"}):
            before.pop()
        content = token_span(before or [noun], base)
        cue = token_span([verb], base)
        return [Found(speaker, "assert", cue, sent_span, content, confidence=0.75, aside=True)]

    def _antecedent_in_sentence(self, pronoun: Token, base: int, speaker: str) -> Resolved | None:
        """ "it"/"they" in reported speech often means a country or body named earlier in the sentence:
        "U.S. cuts aid to Pakistan; says it's failing to fight militants"."""
        if pronoun.lower_ not in {"it", "they"}:
            return None
        for tok in reversed(list(pronoun.sent[: pronoun.i - pronoun.sent.start])):
            if tok.pos_ == "PROPN" and tok.ent_type_ in {"GPE", "ORG", "NORP"}:
                found = self.actors.resolve(tok, base)
                if found is not None and found.actor_id != speaker:
                    return Resolved(found.actor_id, token_span([pronoun], base))
        return None

    def _country(self, actor_id: str) -> str | None:
        actor = self.actors.actors.get(actor_id)
        return actor.country if actor is not None else None

    def _accused(self, obj: Token, base: int) -> Resolved | None:
        """The actor an accusation is aimed at: the object itself, or the actor whose act it names
        ("denounced renewed U.S. sanctions" → the United States; "criticised the US-led coalition" → its leader)."""
        led = next((c for c in obj.children if c.lemma_.lower() == "lead" and c.dep_ in {"amod", "compound"}), None)
        leader = next((c for c in led.children if c.pos_ == "PROPN"), None) if led is not None else None
        if leader is not None:
            self.actors.resolve(obj, base)  # the coalition itself is met ("the coalition" later)
            found = self.actors.resolve(leader, base)
            if found is not None:
                return found
        if obj.pos_ in {"PROPN", "PRON"} or self.actors.names_actor(obj.lemma_.lower()):
            found = self.actors.resolve(obj, base)
            if found is not None:
                return found
        for mod in _owners(obj):
            found = self.actors.resolve(mod, base)
            if found is not None and self.actors.actors[found.actor_id].kind != "other":
                return found
        return None

    def _names_claim(self, obj: Token) -> bool:
        """The object is a claim ("the charges", "what he called unreal accusations")."""
        if obj.lemma_.lower() in self.lex.claim_nouns:
            return True
        return obj.lower_ == "what" or any(t.lemma_.lower() in self.lex.claim_nouns for t in obj.subtree
                                           if t.dep_ in {"dobj", "oprd", "attr", "pobj"})

    def _call(self, verb: Token, speaker: Resolved, cue: TextSpan, sent, base, sent_span, quotes):
        """'called for X' / 'called on X to' (assert), 'called the report fake' (deny), 'called X a liar' (accuse);
        'branded' and 'dubbed' name their object the same way."""
        prt = [c for c in verb.children if c.dep_ in {"prep", "prt"} and c.lower_ in {"for", "on"} and c.i > verb.i
               and all(t.pos_ == "ADV" for t in verb.doc[verb.i + 1:c.i])]
        # (not the "on" of "X on Wednesday called on Y to …" or of "called the remarks on Monday a …")
        if prt:
            obj = next((c for c in prt[0].children if c.dep_ in {"pobj", "pcomp"}), None)  # "called for reducing …"
            cue = token_span([verb, prt[0]], base)
            content = _subtree_span(prt[0], base) if obj is not None else None
            clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > prt[0].i), None)
            if content is None and clause is not None:  # 'called for compensation to be "clawed back"'
                content = token_span([prt[0]] + list(clause.subtree), base)
            if content is None:
                return None
            asked = next((c for c in verb.children if c.i > prt[0].i and (c.dep_ == "xcomp" or (
                c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)))), None)
            if prt[0].lower_ == "on" and asked is not None:  # "called on police to release the videos"
                toks = list(prt[0].subtree) + list(asked.subtree)
                dash = next((t.i for t in toks if t.text in {"--", ";"} | _SIGNATURE_DASHES), None)
                content = token_span([t for t in toks if dash is None or t.i < dash], base)  # (not an aside after a dash)
            return [Found(speaker, "assert", cue, sent_span, content, confidence=0.8)]
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None) or \
            next((c for c in verb.children if c.dep_ == "nsubjpass"), None)  # "X has been called a charlatan by Y"
        oprd = next((c for c in verb.children if c.dep_ in {"oprd", "xcomp", "ccomp"}), None)
        both = [c for c in verb.children if c.dep_ == "oprd"]
        if dobj is None and len(both) == 2:
            dobj, oprd = both  # 'called Trump a "pathological liar"' read as two predicates
        if dobj is not None and oprd is None:
            oprd = _named_as(verb, dobj, quotes)
        if dobj is None or oprd is None:
            return None
        if dobj.lower_ in {"itself", "himself", "herself", "themselves"}:
            return []  # "a group which calls itself Bjorka": a name, not a statement
        words = {t.lemma_.lower() for t in oprd.subtree}
        content = _subtree_span(dobj, base)
        disparaged = bool(words & (self.lex.false_words | self.lex.negative))
        if disparaged and (self._claim_called(verb, dobj) is not None or self._with_denial(verb)):
            # "rejected the accusations, calling them baseless", "denied any links, calling the allegations
            # a political attack": the denial already says it
            return []
        if disparaged and dobj.lemma_.lower() in self.lex.claim_nouns:
            # "called the report fake", "called the report a political manipulation"
            return [Found(speaker, "deny", cue, sent_span, content, confidence=0.8, claim_ref="anaphor")]
        owner = next((c for c in oprd.children if c.dep_ == "poss"), None) if dobj.lower_ in {"it", "this"} else None
        if owner is not None and owner.lower_ in _POSSESSIVES:  # "called it his latest outrageous attempt"
            actor_id = self.actors.resolve_pronoun(_POSSESSIVES[owner.lower_], exclude={speaker.actor_id})
            tgt = Resolved(actor_id, token_span([owner], base)) if actor_id is not None else None
        elif dobj.lower_ in {"it", "this", "that"} and not self.actors.names_actor(oprd.lemma_.lower()):
            tgt = None  # "called it a reckless move": an act, not an actor (but "called it a rogue regime")
        else:
            tgt = self.actors.resolve(owner or dobj, base, exclude={speaker.actor_id})
        if tgt is not None and words & self.lex.negative:
            return [Found(speaker, "accuse", cue, sent_span, _subtree_span(oprd, base), tgt.actor_id,
                          tgt.mention, confidence=0.7)]
        return [Found(speaker, "assert", cue, sent_span, token_span(list(dobj.subtree) + list(oprd.subtree), base)
                      if dobj.i < oprd.i else content, confidence=0.7)]

    def _claim_called(self, verb: Token, pronoun: Token) -> Token | None:
        """The claim a pronoun stands for when the calling goes with rejecting it: "rejected the
        accusations, calling them baseless" → "the accusations" (also when the parser hangs the
        calling on the clause of the claim)."""
        if pronoun.lower_ not in {"it", "them", "this"} or verb.dep_ not in {"advcl", "conj"}:
            return None
        return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < pronoun.i
                     and c.lemma_.lower() in self.lex.claim_nouns), None)

    def _rebutted(self, verb: Token, dobj: Token | None) -> Token | None:
        """What a phrase rejects: "took issue with the report" → the report (not "issue"); "hit back at
        Eritrea's claims" → the claims (a claim only: "hit back with air strikes" rejects nothing)."""
        lemma = verb.lemma_.lower()
        word = self.lex.deny_phrases.get(lemma)
        if word is None or lemma == "disagree":
            return None
        if dobj is not None and dobj.lower_ != word:
            return None
        obj = _prep_object(verb, {"with", "at", "against"})
        if word == "back" and (obj is None or not self._names_claim(obj)):
            return None
        return obj

    def _with_denial(self, verb: Token) -> bool:
        """The verb goes with a denial of the same speaker ("denied any links, calling …")."""
        head = verb.head
        return verb.dep_ in {"advcl", "conj"} and head.i != verb.i and (
            self.lex.verbs.get(head.lemma_.lower()) == "deny" or head.lemma_.lower() in self.lex.deny_if_claim_object
            or self._rebutted(head, next((c for c in head.children if c.dep_ == "dobj"), None)) is not None)

    def _dismissed_as(self, verb: Token, obj: Token | None, speaker: Resolved, cue: TextSpan, sent_span: TextSpan,
                      base: int) -> list[Found] | None:
        """"dismissed NATO member Estonia as being in the suburbs of St. Petersburg": belittling an
        identified actor is a charge against it (a plan or a claim dismissed is handled elsewhere)."""
        as_ = _as_phrase(verb)
        if obj is None or as_ is None or obj.pos_ not in {"PROPN", "NOUN", "PRON"}:
            return None
        tgt = self._accused(obj, base) if obj.pos_ != "PRON" else self.actors.resolve(obj, base)
        if tgt is None or tgt.actor_id == speaker.actor_id or self.actors.actors[tgt.actor_id].kind == "other":
            return None
        content = token_span(sorted(list(obj.subtree) + list(as_.subtree), key=lambda t: t.i), base)
        return [Found(speaker, "accuse", cue, sent_span, content, tgt.actor_id, tgt.mention, confidence=0.7)]

    def _as_false(self, verb: Token) -> bool:
        for child in verb.children:
            if child.dep_ in {"prep", "advcl", "oprd", "acomp"} and child.lower_ == "as":
                return any(t.lemma_.lower() in self.lex.false_words for t in child.subtree)
        return False

    def _misrepresented(self, ccomp: Token) -> Token | None:
        """The claim said to twist the facts: "argued that the suit contorts the law" → "the suit"."""
        subj = next((c for c in ccomp.children if c.dep_ in _SUBJ), None)
        if subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in self.lex.claim_nouns \
                and ccomp.lemma_.lower() in self.lex.misrepresent and not any(c.dep_ == "neg" for c in ccomp.children):
            return subj
        return None

    def _says_not_true(self, ccomp: Token | None) -> bool:
        """'said it was not true' / 'said the report was false': a denial."""
        if ccomp is None:
            return False
        text = " " + " ".join(t.lower_ for t in ccomp.subtree).replace("n't", "not") + " "
        if any(f" {p} " in text for p in self.lex.no_wrongdoing) and " not not " not in text:
            return True  # "insists that there is nothing wrong with his policy", "said he was not guilty"
        if self.lex.no_evidence.search(text):
            return True  # "they haven't come up with any evidence that US companies are being harmed"
        subj = next((c for c in ccomp.children if c.dep_ in _SUBJ), None)
        if subj is None:  # "told a court that fraud charges levelled against him are false" (subject misparsed)
            subj = next((t for t in ccomp.doc[ccomp.head.i + 1:ccomp.i] if t.lemma_.lower() in self.lex.claim_nouns), None)
        if subj is None or not (subj.lower_ in {"it", "this", "that"} or subj.lemma_.lower() in self.lex.claim_nouns):
            return False
        if self._misrepresented(ccomp) is not None:
            return True
        if any(p in text for p in self.lex.not_true):
            return True
        return any(c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in self.lex.false_words for c in ccomp.children)

    def _finding(self, verb: Token) -> bool:
        """'A Quinnipiac poll found …', 'the survey shows …': a finding verb whose subject is a poll,
        study or report (who stands behind it is settled with the speaker)."""
        if verb.lemma_.lower() not in self.lex.finding_verbs | self.lex.document_verbs:
            return False
        subj = self._subject(verb)
        if subj is not None and subj.lower_ in {"that", "which"} and verb.dep_ == "relcl":
            subj = verb.head  # "a new survey that shows …"
        if verb.lemma_.lower() in self.lex.document_verbs:  # '"…," the letter reads.'
            return subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in self.actors.roles["documents"]
        return subj is not None and subj.pos_ in {"NOUN", "ADJ"} and subj.lemma_.lower() in self.lex.sources_needing_author

    def _study_author(self, noun: Token, base: int) -> Resolved | None:
        """Who stands behind a poll, study or report: "an analysis by Lily Batchelder", "a survey conducted
        by Gallup", "the group's analysis", "a New York Times/CBS News poll"; "the poll" named again is the
        last one whose author was named. None when nothing names anybody ("the poll found", "records show",
        "a Florida poll": a poll of Florida)."""
        kind = "source:" + noun.lemma_.lower()
        found = self._named_study_author(noun, base)
        if found is None:  # "A Quinnipiac poll found … The poll also shows …"
            return self.actors.issuer_named_before(kind, noun, base)
        self.actors.issued[kind] = found.actor_id
        return found

    def _named_study_author(self, noun: Token, base: int) -> Resolved | None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if by is None:  # "a poll conducted by Monmouth University", "an analysis released by the VA"
            by = next((a for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in self.lex.authoring_verbs
                       for a in c.children if a.dep_ == "agent"), None)  # (not "records obtained by Global News")
        author = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if author is not None:
            return self.actors.resolve(author, base)
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None:  # "the group's analysis", "its survey", "POLITICO's Battleground States average"
            pronoun = _POSSESSIVES.get(owner.lower_)
            if pronoun is None:
                found = self.actors.resolve(owner, base)
                if found is not None or owner.pos_ != "PROPN":
                    return found
            else:
                actor_id = self.actors.resolve_pronoun(pronoun)
                return Resolved(actor_id, token_span([owner], base)) if actor_id is not None else None
        named = [c for c in noun.subtree if c.dep_ in {"poss", "compound", "nmod"} and c.pos_ == "PROPN"
                 and c.ent_type_ not in {"GPE", "NORP", "LOC", "DATE"}
                 and not _in_clause_below(c, noun)]  # not "documents obtained by Global News"
        return self._named_source(named, base) if named else None

    def _according_to(self, tok: Token, sent: Span, base: int, sent_span: TextSpan, quotes) -> Found | None:
        to = sent.doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) or _misread_compound(to)
        if pobj is None:
            return None
        if pobj.lemma_.lower() in self.lex.sources_needing_author:
            # "according to a New York Times/CBS News poll", "an analysis by Lily Batchelder";
            # a bare "according to the poll" or "federal statistics" names nobody
            speaker = self._study_author(pobj, base)
        else:
            speaker = self.actors.resolve(pobj, base)
        if speaker is None:
            return None
        cue = token_span([tok, to], base)
        skip = {t.i for t in tok.subtree} | {tok.i, to.i}
        rest = [t for t in sent if t.i not in skip and not t.is_punct]
        clause = _subtree_span(tok.head, base) if tok.head.pos_ in {"VERB", "AUX"} and tok.head.i != tok.i else None
        if clause is not None:
            # "watched the videos, according to their attorneys, and said …": the source of its own clause only
            rest = [t for t in rest if clause.start <= base + t.idx < clause.end]
        content = token_span(rest, base) if rest else None
        f = Found(speaker, "assert", cue, sent_span, content, confidence=0.85)
        return self._accusations(f, sent.root, base)

    def _named_source(self, named: list[Token], base: int) -> Resolved | None:
        """The organisation behind a named poll or report ("a New York Times/CBS News poll")."""
        toks = sorted(named, key=lambda t: t.i)
        name = " ".join(t.text for t in toks)
        actor_id = self.actors.named_organization(name)
        return Resolved(actor_id, token_span(toks, base))

    def _noun_cue(self, noun: Token, sent: Span, base: int, sent_span: TextSpan) -> list[Found] | None:
        """"X's claim that P", "claims by X that P", "US claim that P" as an attribution of its own."""
        if noun.head.lemma_.lower() in self.lex.verbs and noun.dep_ in {"dobj", "nsubjpass"}:
            return None  # handled with its verb (a denial of the claim)
        return self._attributed_noun(noun, sent, base, sent_span) or None

    def _attributed_noun(self, noun: Token, sent: Span, base: int, sent_span: TextSpan) -> list[Found]:
        relation = self.lex.attribution_nouns.get(noun.lemma_.lower())
        if relation is None:
            return []
        holder = None
        for child in noun.children:
            if child.dep_ in {"poss", "compound"} and child.pos_ in {"PROPN", "NOUN", "PRON"}:
                holder = child
            elif child.dep_ == "prep" and child.lower_ in {"by", "from"}:
                holder = next((c for c in child.children if c.dep_ == "pobj"), holder)
        light = noun.head if noun.dep_ in {"dobj", "nsubjpass"} and noun.head.lemma_.lower() in self.lex.light_verbs else None
        if light is not None and holder is None:
            # "Senator Doe made the claim that …"; "the claims were made in a book published by Philippe Sands"
            if self._blocked(light):
                return []
            holder = self._subject(light) if noun.dep_ == "dobj" else self._maker(light)
        clause = _that_clause(noun)
        owned = holder is not None and holder.dep_ == "poss"  # "North Korea's claims about its test"
        if clause is None and owned and noun.lemma_.lower() in self.lex.commitment_nouns:
            clause = next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i
                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if clause is None and (light is not None or owned) and holder is not None \
                and noun.lemma_.lower() in self.lex.proposition_nouns \
                and any(c.dep_ == "prep" and c.lower_ in self.lex.about_preps
                        and not any(g.ent_type_ in {"DATE", "TIME"} for g in c.children) for c in noun.children):
            # (not "his remarks on Saturday": a time, not a topic)
            clause = noun  # "the claims about Lord Falconer's involvement": what they say is named by the noun
        if clause is None and holder is not None:
            # "took issue with Obama's assertion last week that Reagan would …": the parser hangs the
            # that-clause on the verb; it belongs to the noun it follows
            verb = noun.head.head if noun.dep_ == "pobj" else noun.head
            clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i > noun.i
                           and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"), None)
        if clause is None and light is not None and holder is not None and noun.dep_ == "dobj":
            introduced = _introduced_after_colon(noun, sent, base)
            if introduced is not None:  # 'Sanders made the following comment: "…"' (or the quotation to come)
                speaker = self._holder(holder, base)
                cue = token_span([light, noun] if light.i < noun.i else [noun], base)
                return [Found(speaker, relation, cue, sent_span, introduced or None, confidence=0.75)] if speaker else []
        if holder is None or clause is None:
            return []
        speaker = self._holder(holder, base)
        if speaker is None:
            return []
        content = _subtree_span(clause, base)
        cue = token_span([light, noun] if light is not None and light.i < noun.i else [noun], base)
        f = Found(speaker, relation, cue, sent_span, content, confidence=0.75,
                  claim_ref="anaphor" if clause is noun else None)  # "the claims about …": claims named before
        if relation == "accuse":
            f.relation = "assert"
            return self._accusations(f, clause, base)
        return [f]

    def _holder(self, holder: Token, base: int) -> Resolved | None:
        """Whose claim it is: a named holder, or the actor a possessive pronoun refers to ("Contrary to
        his claim that the audit would show nothing, …" after the mayor was named)."""
        pronoun = _POSSESSIVES.get(holder.lower_)
        if pronoun is None:
            return self.actors.resolve(holder, base)
        actor_id = self.actors.resolve_pronoun(pronoun)
        return Resolved(actor_id, token_span([holder], base)) if actor_id is not None else None

    def _contradicting_fact(self, verb: Token) -> bool:
        """ "The footage shows the gate was open, contradicting the guards' claim that …": a participle of
        a denying verb that hangs on a clause with no speech verb above it states a fact, not a denial
        (but "said the gate was open, contradicting …" is the speaker's)."""
        return verb.tag_ == "VBG" and verb.dep_ == "advcl" \
            and not any(a.lemma_.lower() in self.lex.verbs for a in verb.ancestors)

    def _maker(self, verb: Token) -> Token | None:
        """Who made the claims of a passive 'the claims were made …': the agent ('by X'), or the
        author of the document they were made in ('in a book published this week by X')."""
        agent = _agent(verb)
        if agent is not None:
            return agent
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
            doc = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if doc is None or doc.lemma_.lower() not in self.actors.roles["documents"]:
                continue
            author = next((_agent(acl) for acl in doc.children if acl.dep_ == "acl" and _agent(acl) is not None), None)
            if author is not None:
                return author
            by = _prep_object(doc, {"by"})
            if by is not None:
                return by
        return None

    def _failing(self, f: Found, clause: Token, base: int) -> list[Resolved]:
        """A consequence blamed on what an actor left undone: "due to a lack of Pakistani decisive
        actions, the $300 million was redirected" charges Pakistan."""
        for prep in (c for c in clause.children if c.dep_ == "prep"):
            for noun in (t for t in prep.subtree if t.dep_ == "pobj" and t.lemma_.lower() in self.lex.failings):
                act = _prep_object(noun, {"of"})
                for owner in _owners(act) if act is not None else []:
                    if owner.i == act.i:
                        continue
                    found = self.actors.resolve(owner, base, exclude={f.speaker.actor_id})
                    if found is not None and self.actors.actors[found.actor_id].kind in {"country", "government",
                                                                                        "organization", "person"}:
                        return [found]
        return []

    def _accusations(self, f: Found, clause: Token | None, base: int, alleged: bool = False) -> list[Found]:
        """An assertion whose content charges identified actors with wrongdoing is an accusation of each;
        ``alleged``: the cue itself charges ("alleged that X …"), so any actor subject is accused."""
        if clause is None or f.relation != "assert":
            return [f]
        if clause.lemma_.lower() in _EVIDENTIAL:  # "the evidence indicates that the plane was shot down by …"
            clause = next((c for c in clause.children if c.dep_ == "ccomp"), clause)
        # "The US was very bad at coordinating and India lied about its aid": each clause charges its subject
        clauses = [clause] + [c for c in clause.children if c.dep_ == "conj" and _own_subject(c)]
        if clause.dep_ == "ccomp":  # the parser may hang the second clause on the cue verb
            clauses += [c for c in clause.head.children if c.dep_ == "ccomp" and c.i > clause.i and _own_subject(c)]
        targets = [t for c in clauses for t in self._charged(f, c, base, alleged)] or self._failing(f, clause, base)
        if not targets:
            return [f]
        return [Found(f.speaker, "accuse", f.cue, f.sentence, f.content, t.actor_id, t.mention, f.confidence * 0.9,
                      quote=f.quote) for t in _unique(targets)]

    def _charged(self, f: Found, clause: Token, base: int, alleged: bool) -> list[Resolved]:
        """The identified actors one clause of ``f``'s content charges with wrongdoing."""
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in {"this", "that"}:  # "This is why Russia has tried to …"
            inner = next((c for c in clause.subtree if c.dep_ in {"advcl", "ccomp", "relcl"} and c.pos_ in {"VERB", "AUX"}
                          and any(g.dep_ == "nsubj" and g.pos_ in {"PROPN", "NOUN"} for g in c.children)), None)
            if inner is not None:
                clause = inner
                subj = next(c for c in clause.children if c.dep_ == "nsubj")
        by = next((c for c in clause.children if c.dep_ == "agent"), None)
        agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        accused = agent if agent is not None else subj  # "they are being punished by the authorities"
        if accused is None or accused.lower_ in {"what", "this", "that", "i", "we", "you", "there", "which", "who",
                                                 "everyone", "nobody", "anyone", "everybody", "someone", "one"}:
            return []
        predicate = [clause] + [c for c in clause.children if c.dep_ in {"dobj", "attr", "acomp", "xcomp", "oprd"}
                                or (c.dep_ == "conj" and not _own_subject(c))]
        words = {t.lemma_.lower() for t in predicate}
        for c in predicate:
            words |= {t.lemma_.lower() for t in c.children if t.dep_ in {"amod", "pobj", "dobj", "compound", "advmod",
                                                                       "xcomp", "acomp"}}
        if clause.lemma_.lower() == "be":  # "the administration was behind the rebuke"
            words |= {c.lower_ for c in clause.children if c.dep_ == "prep"}
        for c in predicate:  # the means: "tried to obtain technology by circumventing sanctions"
            for by in (p for p in c.subtree if p.dep_ == "prep" and p.lower_ == "by" and p.head.pos_ == "VERB"):
                for g in (g for g in by.children if g.dep_ == "pcomp"):  # "by continuing to harbor terrorists"
                    words |= {g.lemma_.lower()} | {x.lemma_.lower() for x in g.children if x.dep_ == "xcomp"}
        negated = any(c.dep_ == "neg" for c in clause.children)
        named = {c.i for c in clause.children if c.dep_ == "attr"}  # "it's not an absolute rule" fails no rule
        failed_duty = negated and agent is None and any(t.lemma_.lower() in self.lex.obligations and t.i not in named
                                                        for t in clause.subtree)
        if not (words & self.lex.negative) and not alleged and not failed_duty:
            return []
        if negated and words & self.lex.negative:
            return []  # "is not to blame": a defence, not a charge
        if any(c.dep_ == "aux" and c.lower_ in _HEDGES for c in clause.children):
            return []  # "may never have presented it", "cannot enable more brutality": hedged or a call, no charge
        targets = []
        for head in [accused] + _conjuncts(accused):
            if head.pos_ == "PRON":
                tgt = self._antecedent_in_sentence(head, base, f.speaker.actor_id) or \
                    self.actors.resolve(head, base, exclude={f.speaker.actor_id})
            else:
                tgt = self._accused(head, base)  # "TikTok's ad repository isn't up to the standards"
            if tgt is None or tgt.actor_id == f.speaker.actor_id:
                continue
            target = self.actors.actors[tgt.actor_id]
            if target.kind == "other" and len(target.label.split()) < 2:
                continue  # "the official": too vague to be accused
            if target.kind == "group" and head.pos_ == "NOUN" and not _definite(head):
                continue  # "few people understood …", "some voters": nobody identifiable
            targets.append(tgt)
        return targets


_EVIDENTIAL = {"indicate", "show", "suggest", "prove", "demonstrate", "confirm", "mean", "reveal"}
_ADVERBIAL_MARKS = {"before", "after", "until", "because", "once"}  # "said before he died": not what was said
_TIME_PREPS = {"after", "before", "while", "since", "from", "upon", "on", "in", "besides"}
_SPEECH_EVENTS = {"conference", "briefing", "interview", "speech", "address", "hearing", "appearance", "rally", "debate", "meeting", "event"}
_INVERTED_CUES = {"said", "says", "added", "adds", "wrote", "writes", "explained", "noted"}
_POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they"}
_CONCESSIVE = {"though", "although", "while", "whereas"}
_HEDGES = {"may", "might", "could", "should", "must", "can", "ca"}
_POST_SIGNATURE = re.compile(r"(?m)^[ \t]*(?P<dash>[—–―-])\s*(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) \(@\w+\)")
_SIGNATURE_DASHES = {"―", "—", "–"}
_CARRIERS = {"according to", "reports", "reported", "report"}


def _outermost(found: list[Found], medium: Callable[[Found], bool] = lambda f: False,
               outlet: Callable[[Found], bool] = lambda f: False) -> list[Found]:
    """Keep one statement per speech act when one is reported inside another's content.

    "He says Goldsmith warned Blair that …": the outer act is the statement, the inner one part of its
    claim. "Power warned that …, Margaret Brennan reports" / "according to X": the outer one only
    carries the inner, which is the statement. An aside ("the attack, which the Houthis claimed") and
    the speaker's own accusation ("said …, accusing X") stand on their own.
    """
    def contains(outer: Found, inner: Found) -> bool:
        c = outer.content
        return c is not None and outer is not inner and c.start <= inner.cue.start < c.end \
            and not (inner.content is not None and inner.content.start <= outer.cue.start < inner.content.end)

    def carrier(f: Found) -> bool:
        return f.cue.text.lower() in _CARRIERS or medium(f)

    def same_content(f: Found, g: Found) -> bool:  # "X said P, the news agency reported" (misparsed)
        return f.content is not None and g.content is not None and g.content.start <= f.content.start < g.content.end

    def own_source(f: Found) -> bool:
        # "Police said P, according to lawyers for the family": the lawyers vouch for what the police said
        # (but "…, the minister said, according to Reuters": the news outlet only carries it)
        return f.cue.text.lower() == "according to" and not outlet(f)

    def dropped(f: Found) -> bool:
        if carrier(f) and own_source(f):
            return False
        if carrier(f):
            return any(contains(f, g) or (same_content(f, g) and not carrier(g))
                       for g in found if g.speaker.actor_id != f.speaker.actor_id)
        return any(contains(g, f) for g in found if not carrier(g) and not f.aside
                   and not (f.speaker.actor_id == g.speaker.actor_id and (f.relation == "accuse" or f.participle)))

    kept = [f for f in found if not dropped(f)]
    for f in found:
        if f not in kept and carrier(f):
            for g in kept:  # '… a crushing response", the official news agency IRNA reported': not the claim
                c, cut = g.content, f.speaker.mention.start
                if c is not None and c.start < cut <= c.end:
                    text = c.text[:cut - c.start].rstrip(" ,;:-—–")
                    g.content = TextSpan(text, c.start, c.start + len(text))
    return kept


def _passive_as_source(verb: Token) -> Token | None:
    """The source of a passive "as" aside: "As reported by the Globe, …" (the agent), "As stated in
    Brown's column, …" (the document, which speaks for its issuer); None for anything else."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or _own_subject(verb) \
            or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    for prep in (c for c in verb.children if c.dep_ in {"agent", "prep"} and c.lower_ in {"by", "in"}):
        pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}), None)
        if pobj is not None:
            return pobj
    return None


def _introduced_after_colon(noun: Token, sent: Span, base: int) -> TextSpan | None:
    """What a speech noun introduces with a colon right after its phrase ("made the following
    statement: …"): the rest of the sentence, an empty span when the quotation comes in the next
    paragraph, None when no colon follows."""
    phrase = {t.i for t in noun.subtree}
    end = noun.i + 1
    while end < sent.end and end in phrase and noun.doc[end].text != ":":
        end += 1
    if end >= sent.end or noun.doc[end].text != ":":
        return None
    rest = [t for t in noun.doc[end + 1:sent.end] if not t.is_space]
    while rest and rest[-1].is_punct and rest[-1].text not in _QUOTE_CHARS:
        rest = rest[:-1]
    return token_span(rest, base) if rest else TextSpan("", base + noun.doc[end].idx + 1, base + noun.doc[end].idx + 1)


_OPENING_QUOTES = {'"', "“", "``", "‘", "'"}
_CLOSING_QUOTES = {'"', "”", "''", "’", "'"}


def _name_after_quote(verb: Token) -> Token | None:
    """The speaker of '“…,” Flynn, a top Trump surrogate, said' when the parser hangs the name on the
    last noun of the quotation as an apposition: a name right after the closing quotation mark whose
    phrase runs up to the verb."""
    for tok in verb.doc[verb.sent.start:verb.i]:
        if tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.head.i < tok.i and tok.i > 0 \
                and verb.doc[tok.i - 1].text in _CLOSING_QUOTES \
                and all(t.is_punct for t in verb.doc[max(t.i for t in tok.subtree) + 1:verb.i]):
            return tok
    return None


def _fronted_phrase_of(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` ends a prepositional phrase that opens the sentence and hangs on ``verb``."""
    top = tok
    while top.head.i != verb.i and top.head.i != top.i:
        top = top.head
    return top.head.i == verb.i and top.dep_ == "prep" and top.i == verb.sent.start \
        and max(t.i for t in top.subtree) == tok.i


def _as_aside_bounds(verb: Token, sent: Span) -> tuple[int, int] | None:
    """The token indices of ", as the mayor noted," around a cue verb (from the comma before "as" to the
    comma or the full stop after the verb, its particle and time words), or None."""
    doc = verb.doc
    j = verb.i - 1
    while j > sent.start and not doc[j].is_punct and doc[j].lower_ != "as":
        j -= 1
    if doc[j].lower_ != "as" or j - 1 <= sent.start or doc[j - 1].text != ",":
        return None
    below = {t.i for c in verb.children if c.dep_ in {"prt", "advmod", "npadvmod"} for t in c.subtree}
    k = verb.i + 1
    while k < sent.end and k in below and not doc[k].is_punct:
        k += 1
    if k >= sent.end or doc[k].text not in {",", "."}:
        return None
    return j - 1, k


def _misread_compound(to: Token) -> Token | None:
    """The noun after 'according to' when the parser read its first word as a verb: "according to
    show insiders" (show/VB + insiders/dobj); no verb follows 'according to' directly."""
    verb = next((c for c in to.children if c.dep_ == "pcomp" and c.i == to.i + 1 and c.tag_ == "VB"), None)
    if verb is None:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i == verb.i + 1 and c.tag_ == "NNS"), None)


def _punct_between(a: Token, b: Token) -> bool:
    return any(t.is_punct for t in a.doc[min(a.i, b.i):max(a.i, b.i)])


def _signed_over_continued(found: list[Found]) -> list[Found]:
    """A quotation signed after a dash belongs to the signer, not to the speaker whose quote it
    seemed to continue."""
    signed = [(f.content.start, f.content.end) for f in found if f.signed and f.content]
    if not signed:
        return found
    return [f for f in found if f.signed or not f.quote or f.content is None
            or not any(s <= f.content.start < e for s, e in signed)]


def _named_as(verb: Token, dobj: Token, quotes: list[tuple[int, int]]) -> Token | None:
    """What 'called' names its object when the parser hangs it below the object: "called the
    remarks "a wake-up call"", "called the citation and the demand a political ploy" (an apposition
    with no comma before it), "called the bank's conduct "outrageous"" (a quoted word below it)."""
    second = next((c for c in verb.children if c.dep_ == "dobj" and c.i > dobj.i), None)
    if second is not None:
        return second  # two objects: "called the subpoena and the hearing a partisan stunt"
    for obj in [dobj] + _conjuncts(dobj) + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN"]:
        for c in obj.children:
            between = obj.doc[obj.i + 1:c.left_edge.i]
            if c.i > obj.i and c.dep_ == "appos" and not any(t.text == "," for t in between):
                return c
            if c.i > obj.i and c.dep_ not in {"prep", "punct", "cc", "conj"} and _inside(c.idx, quotes) \
                    and not _inside(obj.idx, quotes):
                return c
    return None


def _as_phrase(verb: Token) -> Token | None:
    """The "as ominous" of "described the showdown as ominous"."""
    return next((c for c in verb.children if c.dep_ in {"prep", "oprd", "advcl"} and c.lower_ == "as"
                 and any(True for _ in c.children)), None)


def _that_clause(noun: Token | None) -> Token | None:
    """The clause of "proof that the administration was behind it", "evidence that …"."""
    if noun is None:
        return None
    return next((c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"}
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _definite(noun: Token) -> bool:
    """ "the coalition", "these groups", "Russia's allies", "US officials" — not "few people", "critics"."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "these", "those", "this", "that"})
               or (c.dep_ in {"compound", "amod", "nmod"} and (c.pos_ == "PROPN" or c.ent_type_ in {"NORP", "GPE"}))
               for c in noun.children)


def _misattached_clause(verb: Token) -> list[Token]:
    """ "told a meeting of Pacific Island leaders that few people understood …": the parser hangs the
    that-clause on the addressee as a relative clause; a "that" marking a clause with a subject of
    its own is a complementizer, so the clause is what was told."""
    if verb.lemma_.lower() not in {"tell", "inform", "assure", "remind", "warn", "convince"}:
        return []
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if dobj is None:
        return []
    for tok in dobj.subtree:
        if tok.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children) \
                and any(c.dep_ in _SUBJ for c in tok.children):
            return [tok]
    for tok in dobj.subtree:  # 'told a student who asked about strikes out of anger that "walking out is …"'
        mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if tok.dep_ in {"acl", "ccomp"} and mark is not None and mark.i + 1 < len(tok.doc) \
                and tok.doc[mark.i + 1].text in set(_QUOTE_CHARS) | {"``"} and any(c.dep_ in _SUBJ for c in tok.children):
            return [tok]  # a quotation after "that": what was told, wherever the parser hung it
    return []


def _fronted_participle(verb: Token) -> Token | None:
    """ "Claiming the criticism of the referee is designed to pressure officials, Briggs told WBEZ that …":
    a participle opening the sentence before a clause without "that" is read by the parser as the
    clause's subject ("Claiming the criticism … is designed"); when that clause is followed, after a
    comma, by the main verb with a subject of its own, the participle is a fronted adverbial whose
    speaker is the main subject and whose content is the clause. Returns the clause's verb."""
    clause = verb.head
    if verb.tag_ != "VBG" or verb.dep_ not in {"csubj", "csubjpass"} or verb.i != verb.sent.start \
            or clause.dep_ not in {"ccomp", "advcl"} or clause.head.i < clause.i \
            or not any(c.dep_ == "dobj" for c in verb.children):  # (the clause's own subject, read as an object)
        return None
    main = clause.head
    subject = next((c for c in main.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    comma = main.doc[clause.right_edge.i + 1] if clause.right_edge.i + 1 < len(main.doc) else None
    if subject is None or subject.i < clause.i or comma is None or comma.text != ",":
        return None
    if clause.dep_ == "ccomp" and not any(c.dep_ in {"ccomp", "dobj"} and c.i > main.i for c in main.children) \
            and main.lemma_.lower() in load_lexicon().verbs:
        return None  # '"Saying goodbye is hard," she said': the clause is what the main verb says
    return clause


def _as_aside_speaker(quoted: Token, verb: Token, quotes: list[tuple[int, int]]) -> Token | None:
    """ '… a banner with the words ''We want bread,'' as Rosa Diaz, kneeling on a street, said before she
    was arrested': the parser may hang the "as" of the aside on the quoted verb, with the speaker as
    its object, and the cue as a conjunct of the quoted verb; the object of that "as" is the speaker."""
    aside = next((c for c in quoted.children if c.dep_ == "prep" and c.lower_ == "as" and quoted.i < c.i < verb.i
                  and not _inside(c.idx, quotes)), None)
    if aside is None:
        return None
    return next((c for c in aside.children if c.dep_ == "pobj" and c.pos_ in {"PROPN", "NOUN"}), None)


def _compelled(verb: Token, lex: Lexicon) -> Token | None:
    """ "The senator forced the chief executive to admit that …": the object of a compelling verb,
    who is made to say what the infinitive says (not when the compelling itself is negated)."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_.lower() not in lex.compelling_verbs or head.i > verb.i \
            or any(c.dep_ == "neg" for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _distributed(each: Token) -> Token | None:
    """ "Lowe and Carter traded barbs on Tuesday, each praising their record and saying the other lacks
    experience": "each" of a participle hanging from a clause stands for that clause's subject (with its
    conjuncts, a statement of each)."""
    clause = each.head
    while clause.dep_ == "conj":
        clause = clause.head
    if clause.dep_ != "advcl" or any(c.dep_ == "prep" for c in each.children):
        return None
    return next((c for c in clause.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _interrupted_clause(verb: Token) -> tuple[Token, Token] | None:
    """ "The mayor continues to insist, most recently in a radio interview, that the budget is balanced":
    with a phrase between the cue and its that-clause the parser may hang the cue (or the verb it is
    the infinitive of) below the clause's verb as a complement; a "that" after the cue marking a
    clause with a subject of its own is the cue's complementizer. Returns (the clause's verb, "that")."""
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in load_lexicon().verbs for c in verb.children):
        return None  # the clause is the inner cue's ("insist" of "continues to insist")
    top = verb
    while top.dep_ == "xcomp" and top.head.i < top.i:
        top = top.head
    clause = top.head
    if top.dep_ != "ccomp" or clause.i < verb.i:
        return None
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that" and c.i > verb.i), None)
    if mark is None or not any(c.dep_ in _SUBJ and c.i > mark.i for c in clause.children):
        return None
    return clause, mark


def _charge(verb: Token, base: int) -> TextSpan | None:
    """The charge of "accused X of Y" / "blamed X for Y" (also when the parser hung "of Y" on X)."""
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    misplaced = [c for c in dobj.children if _charge_of(c)] if dobj is not None else []
    for child in list(verb.children) + misplaced:
        if child.dep_ == "prep" and child.lower_ in {"of", "for", "over"}:
            inner = [t for t in child.subtree if t.i != child.i]
            if inner:
                return token_span(inner, base)
    return None


def _owners(obj: Token) -> list[Token]:
    """Words naming whose act or thing ``obj`` is: "renewed U.S. sanctions", "the nature of the Electoral
    College", "suffering caused by Russia's invasion"."""
    out = [m for m in obj.children if m.dep_ in {"poss", "compound", "amod", "nmod"}
           and (m.pos_ in {"PROPN", "PRON"} or m.ent_type_)]
    of = _prep_object(obj, {"of"})
    if of is not None:
        out.append(of)
    for acl in (c for c in obj.children if c.dep_ == "acl"):
        agent = _agent(acl)
        if agent is not None:
            out += [agent] + [m for m in agent.children if m.dep_ == "poss"]
    return out


def _agent(verb: Token) -> Token | None:
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _conjuncts(tok: Token) -> list[Token]:
    return [t for t in tok.subtree if t.dep_ == "conj" and t.head.i == tok.i]


def _unique(resolved: list[Resolved]) -> list[Resolved]:
    seen: set[str] = set()
    return [r for r in resolved if not (r.actor_id in seen or seen.add(r.actor_id))]


def _has_phrase(verb: Token, word: str) -> bool:
    """'disagree with', 'take issue with': the verb's particle, preposition or object word."""
    return any(c.lower_ == word or c.lemma_.lower() == word for c in verb.children)


def _prep_object(verb: Token, preps: set[str]) -> Token | None:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _subtree_span(tok: Token, base: int) -> TextSpan | None:
    """The phrase under ``tok``, without a conjoined cue verb ("… and accused Washington of …")."""
    verbs = load_lexicon().verbs
    cut: set[int] = set()
    for t in tok.subtree:
        if t.dep_ == "conj" and t.lemma_.lower() in verbs and t.i != tok.i:
            cut |= {x.i for x in t.subtree}
            cut |= {c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i}
    toks = [t for t in tok.subtree if t.i not in cut]
    if cut:
        toks = [t for t in toks if t.i < min(cut)]
    if len(toks) == 1 and toks[0].lower_ in {"which", "that", "what", "it", "this"}:
        return None  # "which Saudi Arabia said": the content is elsewhere
    while toks and (toks[0].dep_ == "mark" or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return token_span(toks or [tok], base)


def _parenthetical_content(verb: Token, sent: Span, base: int) -> TextSpan | None:
    """The rest of the sentence around a bare "X said" (parenthetical or tacked on at the end)."""
    cue_part = {t.i for t in verb.subtree}
    if verb.dep_ in {"parataxis", "ccomp", "advcl", "conj"} and verb.head.i not in cue_part:
        rest = [t for t in verb.head.subtree if t.i not in cue_part]
    elif verb.dep_ == "ROOT":
        # "People like Scott, he said.": what comes before the subject, set off by a comma
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subj is None or subj.left_edge.i == 0 or verb.doc[subj.left_edge.i - 1].text != ",":
            return None
        # "These employees, Stumpf explained at the hearing, were well paid": the clause goes on in a conjunct
        tail = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"AUX", "VERB"} and c.i > verb.i
                     and verb.doc[c.left_edge.i - 1].is_punct and not any(g.dep_ in _SUBJ for g in c.children)), None)
        if tail is None and any(not t.is_punct for t in verb.doc[verb.i + 1:sent.end]):
            return None  # (not "When aid was cut, Mexico said enough.")
        rest = [t for t in sent if t.i < subj.left_edge.i] + (list(tail.subtree) if tail is not None else [])
    else:
        return None
    rest = [t for t in rest if not t.is_punct or t.text in {"%", "$"}]
    if len(rest) < 3:
        return None
    return token_span(rest, base)


def _quote_continues(sent: Span, quotes: list[tuple[int, int]]) -> bool:
    """The sentence opens or continues a quotation that runs on past its end."""
    return any(s <= sent.start_char + 1 and e > sent.end_char for s, e in quotes)


def _quote_content(sent: Span, base: int, quotes: list[tuple[int, int]]) -> TextSpan | None:
    text = sent.doc.text
    parts = [(max(s, sent.start_char), min(e, sent.end_char)) for s, e in quotes
             if s < sent.end_char and e > sent.start_char]
    parts = [(s, e) for s, e in parts if e - s > 1]
    if not parts:
        return None
    s, e = parts[0][0], parts[-1][1]
    chunk = text[s:e]
    stripped = chunk.strip().rstrip(",").strip()
    if len(stripped.split()) < 3:
        return None
    s += len(chunk) - len(chunk.lstrip())
    return TextSpan(stripped, base + s, base + s + len(stripped))


def _short_quote(sent: Span, base: int, quotes: list[tuple[int, int]], verb: Token) -> TextSpan | None:
    """'"Probably not," Ms. Moore said.': a quotation too short for ``_quote_content`` that opens the
    sentence and ends before its cue is what was said."""
    part = next(((s, e) for s, e in quotes if s <= sent.start_char + 1 < e), None)
    if part is None or part[1] > verb.idx:
        return None
    s, e = sent.start_char + (1 if sent.doc.text[sent.start_char] in _QUOTE_CHARS else 0), part[1]
    chunk = sent.doc.text[s:e]
    stripped = chunk.strip().rstrip(",").strip()
    if not any(ch.isalpha() for ch in stripped) or stripped.endswith("?"):
        return None
    s += len(chunk) - len(chunk.lstrip())
    return TextSpan(stripped, base + s, base + s + len(stripped))


def _quote_root(sent: Span, quotes: list[tuple[int, int]]) -> list[Token]:
    """The root verb of the quoted clause in a sentence like '"The US spread lies," X said.'"""
    return [t for t in sent if _inside(t.idx, quotes) and t.dep_ in {"ccomp", "parataxis", "ROOT"}
            and t.pos_ in {"VERB", "AUX"}][:1]
