"""Claim stage: give every statement a claim node, linking statements about one proposition.

Statements are read in article order; each one joins the claim of an earlier statement when

* it is a counter-claim: "On the contrary, the mayor said, …" after the same speaker's denial, or
  the main clause of "While the ministry said …, consumer groups argued …";
* it is the first statement of the body like a headline statement (same kind, same side, same
  target or a shared word): "EU accuses Meta of breaching competition rules" … "The European
  Commission said Meta's ad model broke the bloc's rules";
* the two contents say the same thing: content words (lemmas, a few synonyms folded; actor names,
  common words and repeated two-word names of things count for little or nothing) shared with one
  earlier statement, compared statement by statement so that a large claim does not swallow all;
* it is an accusation elaborating an earlier one of the same accuser against the same target, or
  another accuser's charge against the same target that shares a word with the first charge's
  claim ("says Pakistan is failing to fight militants" … "due to a lack of Pakistani action, the
  aid was redirected"; an accuser of no known side must share more);
* it denies a charge against its speaker that it shares a word with ("denied sheltering
  militants" ↔ "accused it of harbouring terrorist groups"), or it is a charge that an earlier
  denial of the accused already rejected;
* it charges an actor with misreporting the speaker ("accused the paper of misquoting him"): it
  joins the claim the speaker denies; the paper standing by "its version" joins it too.

An assertion of what caused the event the article is about ("the incident was the result of an
error") then joins the headline's claim, and denials of "the claims", "such request", "the report"
join the claim they point to: one their holder made ("rejected the U.S. claims"), one another actor
already denied, a charge against the denier, the one sharing the most words — the latest before
them, or for a headline the first after; a denial of "the case" or "the lawsuit" denies every charge
the suit brings ("The suit alleges …"). A denial's target is the actor who made the claim it denies.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from app.extract.gazetteer import load_gazetteer
from app.extract.records import Actor, Evidence, Statement
from app.extract.statements import Found

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z][A-Za-z'’-]*|\d+")
MIN_OVERLAP = 0.5  # overlap coefficient of content words for two contents to be one claim
MIN_SHARED = 2  # ... and at least this many shared words
ABOUT_OVERLAP, ABOUT_SHARED = 0.4, 3  # ... or, for a statement about the other's speaker, these
SAME_CHARGE_SHARED = 1  # words an accusation shares with another accuser's charge against the same target
UNPLACED_SHARED = 3  # ... when one of the accusers is of no known side
ELABORATION_OVERLAP = 0.25  # an accusation elaborating one of the same accuser against the same target
OWN_ACCOUNT_WORDS = 4  # "said the recording backed up its version" says little else
COUNTER_WINDOW = 3  # "On the contrary, …" looks this many statements back for the speaker's denial
FORWARD_WINDOW = 4  # statements a denial with nothing before it to deny may look ahead
MAX_HEADLINE = 200  # characters; a longer sentence without a final stop is no headline
_SPEECH_VERBS = r"(?:said|says|say|told|tells|stated|wrote|claimed|insisted)"
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_FINAL_PUNCT = tuple(".!?…:;\"'”’)»")


@dataclass(frozen=True)
class _Lexicon:
    stopwords: frozenset[str]
    synonyms: dict[str, str]
    claim_nouns: frozenset[str]
    weak_words: frozenset[str]
    misreport_verbs: frozenset[str]
    contrast_openers: tuple[str, ...]
    concessive_openers: tuple[str, ...]
    opponents: frozenset[str]
    event_cause: re.Pattern
    case_nouns: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = json.loads(resources.files("app.extract").joinpath("data/claim_words.json").read_text("utf-8"))
    return _Lexicon(frozenset(raw["stopwords"]), dict(raw["synonyms"]), frozenset(raw["claim_nouns"]),
                    frozenset(raw["weak_words"]), frozenset(raw["misreport_verbs"]),
                    tuple(raw["contrast_openers"]), tuple(raw["concessive_openers"]), frozenset(raw["opponents"]),
                    _event_cause(raw["event_nouns"], raw["cause_phrases"]), frozenset(raw["case_nouns"]))


def _event_cause(nouns: list[str], causes: list[str]) -> re.Pattern:
    """ "the incident was the result of an error", "the crash was caused by a missile strike" """
    noun = "|".join(re.escape(n) for n in nouns)
    cause = "|".join(re.escape(c) for c in causes)
    return re.compile(rf"^(?:the|this|that)\s+(?:[\w-]+\s+)?(?:{noun})s?\s+(?:was|is|had\s+been|has\s+been|may\s+have\s+been|"
                      rf"could\s+have\s+been|were)\s+(?:(?:probably|likely|possibly|most\s+likely)\s+)?(?:{cause})\b", re.I)


def _stem(word: str) -> str:
    """A crude stem, for a model without lemma tables."""
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + repl
    return word


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    from app.corpus.lemmas import lemma  # the model's own lemma tables, loaded on first use

    form = lemma(word)
    if form == word and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return _stem(word)  # a plural the tables do not know
    return form


def _fold(word: str) -> str | None:
    """The form a content word is compared by, or None for a function word."""
    lex = _lexicon()
    w = word.lower().replace("’", "'").removesuffix("'s")
    if w in lex.stopwords:
        return None
    if w in lex.synonyms:
        return lex.synonyms[w]
    lem = _lemma(w) if w.isalpha() else w
    if lem in lex.stopwords:
        return None
    return lex.synonyms.get(lem, lem)


def content_words(text: str, *, claim_nouns: bool = False) -> set[str]:
    """Content words of a text (lemmas, synonyms folded); nouns that only name a claim ("the
    allegations", "the report") are left out unless ``claim_nouns``."""
    return set(_content_sequence(text, claim_nouns=claim_nouns))


def _content_sequence(text: str, *, claim_nouns: bool = False) -> list[str]:
    lex = _lexicon()
    out = []
    for m in _WORD.finditer(text or ""):
        if m.group() in {"US", "U.S.", "USA"}:
            out.append("usa")
            continue
        word = m.group()
        parts = word.split("-")
        if len(parts) > 1 and all(p.isalpha() for p in parts) and word.lower() not in lex.synonyms:
            word = "".join(parts)  # "cyber-attack" is "cyberattack"
        w = _fold(word)
        if w is None or (w in lex.claim_nouns and not claim_nouns) or len(w) < 2:
            continue
        out.append(w)
    return out


def _pairs(seq: list[str]) -> set[tuple[str, str]]:
    return set(zip(seq, seq[1:]))


def overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass
class _Claim:
    key: str
    members: list[int] = field(default_factory=list)
    counter: set[int] = field(default_factory=set)  # members that contradict it ("On the contrary, …")
    # members that speak of an account rather than tell it ("backed up its version", "showed X said …")
    reaffirm: set[int] = field(default_factory=set)
    explain: set[int] = field(default_factory=set)  # members that say what caused the event it is about


class _Names:
    """Every actor name of an article in one compiled alternation, for the actors a content
    mentions (anywhere, case as written) and the actor it starts with (its subject, any case)."""

    def __init__(self, actors: dict[str, Actor]):
        self.actors = actors
        self.by_name: dict[str, list[str]] = {}
        for actor in actors.values():
            for name in dict.fromkeys([actor.label, *actor.aliases]):
                if len(name) >= 2 and actor.id not in self.by_name.get(name, []):
                    self.by_name.setdefault(name, []).append(actor.id)
        names = sorted(self.by_name, key=len, reverse=True)
        # a shorter name that starts a longer one ("United States" in "United States Congress")
        self.prefixes = {n: [m for m in names if len(m) < len(n) and n.startswith(m) and _ends_word(n, len(m))]
                         for n in names}
        alt = "|".join(re.escape(n) for n in names)
        self.mention_re = re.compile(rf"(?=(?<![\w-])({alt})(?![\w-]))") if names else None
        self.by_lower: dict[str, list[str]] = {}
        for actor in actors.values():  # in the actors' order, as the first of equals wins
            if actor.kind in {"other", "group"}:
                continue
            for name in [actor.label, *actor.aliases]:
                if len(name) >= 2 and name[:1].isupper() and actor.id not in self.by_lower.get(name.lower(), []):
                    self.by_lower.setdefault(name.lower(), []).append(actor.id)
        subjects = sorted(self.by_lower, key=len, reverse=True)
        salt = "|".join(re.escape(n) for n in subjects)
        self.subject_re = re.compile(rf"(?:the\s+)?({salt})(?![\w-])", re.I) if subjects else None

    def mentioned(self, text: str) -> set[str]:
        out: set[str] = set()
        if self.mention_re is None or not text:
            return out
        for m in self.mention_re.finditer(text):
            for name in (m.group(1), *self.prefixes[m.group(1)]):
                out.update(self.by_name[name])
        return out

    def subject(self, f: Found) -> str | None:
        """The actor a claim's content starts with (its subject), if not the speaker."""
        if self.subject_re is None or f.content is None:
            return None
        m = self.subject_re.match(f.content.text[:60])
        if m is None:
            return None
        lead = m.group(1).lower()
        for name in sorted((n for n in self.by_lower if lead.startswith(n) and _ends_word(lead, len(n))),
                           key=len, reverse=True):
            ids = [a for a in self.by_lower[name] if a != f.speaker.actor_id]
            if ids:
                return ids[0]
        return None


def _ends_word(text: str, i: int) -> bool:
    return i >= len(text) or not (text[i].isalnum() or text[i] in "-_")


class _Linker:
    """Links the statements of one article, in reading order. Each rule returns the earlier
    statement whose claim a statement joins; ``why`` records which rule linked what."""

    def __init__(self, found: list[Found], actors: dict[str, Actor], article_id: str):
        self.found, self.actors, self.article_id = found, actors, article_id
        self.lex = _lexicon()
        names = _name_words(actors)
        texts = [_compared_text(f) for f in found]
        seqs = [[w for w in _content_sequence(t) if w not in names] for t in texts]
        self.words = [set(seq) for seq in seqs]
        self.phrases = [_pairs(seq) for seq in seqs]
        self.all_words = [content_words(t, claim_nouns=True) - names for t in texts]
        # "attacks on oil sites [which X blamed on Y]" names a thing: no ground for a match by content
        self.named_only = [_antecedent(f) is not None for f in found]
        self.bare = [self._bare(i) for i in range(len(found))]
        self.index: dict[str, list[int]] = {}  # content word → statements that say it
        for k, ws in enumerate(self.words):
            for w in ws:
                self.index.setdefault(w, []).append(k)
        self.claims: list[_Claim] = []
        self.claim_of: list[_Claim | None] = [None] * len(found)
        self.headline = _headline(found)
        self.why: list[tuple[str, int | None]] = [("new", None)] * len(found)
        self._sides: dict[tuple[str, str], bool] = {}
        self._speech: dict[str, re.Pattern] | None = None
        self._affiliations: dict[str, str | None] = {}

    # -- actors ---------------------------------------------------------------------------------
    def _country(self, actor_id: str | None) -> str | None:
        a = self.actors.get(actor_id) if actor_id else None
        return a.country if a is not None else None

    def _line(self, actor_id: str | None) -> set[str]:
        """The actor and the bodies it is part of."""
        out: set[str] = set()
        while actor_id and actor_id not in out:
            out.add(actor_id)
            a = self.actors.get(actor_id)
            actor_id = (a.part_of or self._affiliation(a)) if a is not None else None
        return out

    def _affiliation(self, a: Actor) -> str | None:
        """The stateless organisation a body without one is named after: "European Union
        regulators", "the 27-nation EU’s executive Commission" (the actor stage ties "US officials"
        to their state; the EU, NATO or the UN have no state to tie theirs to)."""
        if a.id not in self._affiliations:
            self._affiliations[a.id] = None
            if a.kind != "person" and a.country is None:
                for alias in a.aliases:
                    for name in _body_of(alias):
                        b = self._organisation(name)
                        if b is not None and b != a.id:
                            self._affiliations[a.id] = b
                            break
                    if self._affiliations[a.id]:
                        break
        return self._affiliations[a.id]

    def _organisation(self, name: str) -> str | None:
        """The stateless organisation (an actor of the article, else of the gazetteer) so named."""
        for b in self.actors.values():
            if b.kind == "organization" and b.country is None and not b.part_of and name in {b.label, *b.aliases}:
                return b.id
        entry = load_gazetteer().lookup(name) if name[:1].isupper() else None
        if entry is not None and entry.kind == "organization" and entry.country is None and not entry.part_of:
            return entry.id
        return None

    def same_side(self, a: str | None, b: str | None) -> bool:
        """One actor, one part of the other, both parts of one body, or both of one state."""
        if a is None or b is None:
            return False
        if a == b:
            return True
        if (a, b) not in self._sides:
            ca, cb = self._country(a), self._country(b)
            self._sides[a, b] = bool(self._line(a) & self._line(b)) or (ca is not None and ca == cb)
        return self._sides[a, b]

    def other_side(self, a: str | None, b: str | None) -> bool:
        """Known to be on two sides: not one side, and both placed (a state, or a body they are part of)."""
        placed = [x for x in (a, b) if x is not None and (self._country(x) is not None or len(self._line(x)) > 1)]
        return len(placed) == 2 and not self.same_side(a, b)

    # -- claims ---------------------------------------------------------------------------------
    def _new(self) -> _Claim:
        c = _Claim(f"{self.article_id}-c{len(self.claims) + 1}")
        self.claims.append(c)
        return c

    def _merge(self, src: _Claim, into: _Claim) -> None:
        if src is into:
            return
        into.members.extend(src.members)
        into.counter |= src.counter
        into.reaffirm |= src.reaffirm
        into.explain |= src.explain
        for j in src.members:
            self.claim_of[j] = into
        self.claims.remove(src)

    def _sharing(self, i: int) -> list[int]:
        """Earlier statements that share at least two content words with statement ``i``."""
        counts: dict[int, int] = {}
        for w in self.words[i]:
            for j in self.index.get(w, ()):
                if j < i:
                    counts[j] = counts.get(j, 0) + 1
        return sorted(j for j, n in counts.items() if n >= MIN_SHARED)

    def shared(self, i: int, j: int) -> float:
        """Words two contents share; a common word ("think", "new", "president") counts half, and so
        does the second word of a phrase both repeat ("secretary of state", "tax returns"): a shared
        name of a thing is not yet a shared statement about it."""
        n = sum(0.5 if w in self.lex.weak_words else 1.0 for w in self.words[i] & self.words[j])
        if self.found[i].speaker.actor_id != self.found[j].speaker.actor_id:
            n -= 0.5 * len(self._names_of_things(i, j))
        return n

    def _names_of_things(self, i: int, j: int) -> set[tuple[str, str]]:
        """Two-word phrases both contents repeat, not as part of a longer repeated run and not as
        the whole of either content."""
        common = self.phrases[i] & self.phrases[j]
        whole = {tuple(sorted(self.words[k])) for k in (i, j) if len(self.words[k]) == 2}
        return {(a, b) for a, b in common
                if not any(x == b or y == a for x, y in common if (x, y) != (a, b))
                and tuple(sorted((a, b))) not in whole}

    def _bare(self, i: int) -> bool:
        """A denial of "the claims", "bribery charges", "such request": its few words name the
        claim rather than say it, so they are no ground for a match by content."""
        f = self.found[i]
        return f.relation == "deny" and (len(self.words[i]) <= 1 or (
            f.claim_ref == "anaphor" and len(self.words[i]) <= 2))

    def link(self) -> list[_Claim]:
        rules = (("counter", self._counter), ("headline", self._headline_of), ("content", self._same_content),
                 ("elaboration", self._elaboration), ("same charge", self._same_charge),
                 ("charge", self._charge_and_denial),
                 ("misreported", self._misreported), ("own account", self._own_account),
                 ("what was said", self._what_was_said), ("same turn", self._same_turn))
        for i in range(len(self.found)):
            for name, rule in rules:
                j = rule(i)
                if j is not None:
                    c = self.claim_of[j]
                    c.members.append(i)
                    if name == "counter":
                        c.counter.add(i)
                    elif name in {"own account", "what was said"}:
                        c.reaffirm.add(i)
                    self.claim_of[i] = c
                    self.why[i] = (name, j)
                    break
            else:
                c = self._new()
                c.members.append(i)
                self.claim_of[i] = c
        self._event_causes()
        self._anaphors()
        return self.claims

    def _same_turn(self, i: int) -> int | None:
        """The sentences of one quotation attributed once in one paragraph ('"We think the US case is
        very weak. They haven't come up with any evidence …," said X') are one speech act: one claim,
        when they have the same relation (and target). A quotation continued in the next paragraph
        goes on to a point of its own."""
        f = self.found[i]
        for j in range(i - 1, -1, -1):
            g = self.found[j]
            if g.cue == f.cue and g.speaker.actor_id == f.speaker.actor_id and g.paragraph == f.paragraph:
                if g.relation == f.relation and g.target == f.target:
                    return j
        return None

    def _event_causes(self) -> None:
        """"President Trump suggested the incident was the result of an error" under "Iran Denies
        Shooting Down Ukraine Flight": what caused the event the article is about is the question of
        the headline's charge or denial; an assertion of it joins the headline's claim (with what it
        was linked to), as an explanation that does not name the claim."""
        if not self.headline:
            return
        into = self.claim_of[min(self.headline)]
        if all(self.found[k].relation == "assert" for k in into.members):
            return  # "Union says strike will go ahead": a headline that only asserts poses no question of blame
        for i, f in enumerate(self.found):
            c = self.claim_of[i]
            if f.relation != "assert" or f.content is None or c is into or \
                    not self.lex.event_cause.match(f.content.text.lstrip(" “\"'‘")):
                continue
            into.explain |= set(c.members)
            self._merge(c, into)
            self.why[i] = ("event cause", min(self.headline))

    def _headline_of(self, i: int) -> int | None:
        """The first statement of the body like a headline statement that is alone in its claim
        (same kind of statement, same side, same target or a shared word) joins the headline's claim;
        so does the first body statement of the headline's own kind when the body told the headline
        first in another kind and it shares a word ("U.S. says Pakistan failing to fight militants":
        the body's "suspended aid over a failure to act", then "Pakistan is not taking steps to
        combat the Taliban")."""
        if i in self.headline:
            return None
        g = self.found[i]
        for h in sorted(self.headline):
            f = self.found[h]
            body = [k for k in self.claim_of[h].members if k not in self.headline]
            if h > i or (body and (g.relation != f.relation or any(self.found[k].relation == f.relation
                                                                    for k in body))):
                continue  # the body told it already (a headline charge may still meet its first charge)
            kinds = {f.relation, g.relation}
            if (len(kinds) > 1 and kinds != {"assert", "accuse"}) or \
                    not self.same_side(g.speaker.actor_id, f.speaker.actor_id):
                continue  # "accuses Meta of …" is told in the body as "said Meta's …" too
            if kinds != {"assert"} and f.target is not None and g.target is not None:
                if self.same_side(f.target, g.target) and \
                        (not body or self.words[h] & self.words[i] - self.lex.weak_words):
                    return h
            elif self.words[h] & self.words[i] - self.lex.weak_words or self.bare[h]:
                return h
        return None

    def _same_content(self, i: int) -> int | None:
        """The earlier statement that says the most nearly the same; other claims that say it too
        are one claim with it (a third wording can bridge two)."""
        if self.bare[i] or self.named_only[i]:
            return None
        mine = self.words[i]
        like = sorted((s, j) for j in self._sharing(i) if not self.bare[j] and not self.named_only[j]
                      and self._alike(i, j, s := overlap(mine, self.words[j])))
        if like:
            best = like[-1][1]
            for _, j in like[:-1]:
                self._merge(self.claim_of[j], self.claim_of[best])
            return best
        # "The army denied any role in the bombing, which a rebel group claimed": a one-word
        # content inside another content of the same sentence, one of them an aside
        f = self.found[i]
        for j in range(i - 1, -1, -1):
            g = self.found[j]
            if g.sentence.start != f.sentence.start:
                break
            small, big = sorted((self.words[i], self.words[j]), key=len)
            if len(small) == 1 and small <= big and (f.aside or g.aside):
                return j
        return None

    def _alike(self, i: int, j: int, score: float) -> bool:
        """Two contents say the same: enough of their words are shared, or, when one is said about
        the other's speaker ("Cook said Goldsmith's answer was not a summary of his legal opinion" ↔
        Goldsmith: "the answer was not a summary of my legal advice"), a little less but more words."""
        if score >= MIN_OVERLAP and self.shared(i, j) >= MIN_SHARED:
            return True
        f, g = self.found[i], self.found[j]
        about = (f.target is not None and f.target == g.speaker.actor_id) or \
            (g.target is not None and g.target == f.speaker.actor_id)
        return about and score >= ABOUT_OVERLAP and self.shared(i, j) >= ABOUT_SHARED

    def _counter(self, i: int) -> int | None:
        """A counter-claim joins the claim it contradicts."""
        f = self.found[i]
        if f.relation == "deny":
            return None
        if _opening(f).startswith(self.lex.contrast_openers):
            for j in range(i - 1, max(-1, i - 1 - COUNTER_WINDOW), -1):
                g = self.found[j]
                if g.speaker.actor_id == f.speaker.actor_id and g.relation == "deny":
                    return j
        # "While the ministry said that …, consumer groups argued …": the main clause answers the
        # statement in the concessive clause
        sent = f.sentence
        if sent.text.lstrip(" “\"'‘").lower().startswith(self.lex.concessive_openers):
            comma = _clause_end(sent.text)
            if comma is not None and f.cue.start - sent.start > comma:
                for j in range(i - 1, -1, -1):
                    g = self.found[j]
                    if g.sentence.start != sent.start:
                        break
                    if g.cue.start - sent.start < comma and not self.same_side(g.speaker.actor_id,
                                                                                f.speaker.actor_id) \
                            and (g.speaker.mention is None or g.speaker.mention.text.lower() not in _PRONOUNS):
                        return j  # ("While he acknowledged …, Ham noted …" is one speaker)
        return None

    def _elaboration(self, i: int) -> int | None:
        """An accusation that elaborates an earlier one of the same accuser against the same target:
        "the EU accused the airline of misleading passengers about refunds" … "the airline hid the
        refund form from passengers", the Commission said."""
        f = self.found[i]
        if f.relation != "accuse" or f.target is None:
            return None
        best, score = None, 0.0
        for j in range(i):
            g = self.found[j]
            if g.relation != "accuse" or not self.same_side(g.speaker.actor_id, f.speaker.actor_id):
                continue
            # the accuser's next charge may name the same target in other words ("Trofimov's firm" …
            # "the Toronto resident's company"): then the words they share must carry it
            next_charge = j == i - 1 and g.speaker.actor_id == f.speaker.actor_id and g.target != f.target
            if g.target != f.target and not next_charge:
                continue
            s = overlap(self.words[i], self.words[j])
            if self.shared(i, j) >= MIN_SHARED and (s >= ELABORATION_OVERLAP or next_charge) and s > score:
                best, score = j, s
        return best

    def _same_charge(self, i: int) -> int | None:
        """An accusation of another accuser of the same side against the same target that shares a
        word with the claim of an earlier charge: "the U.S. says Pakistan is failing to fight
        militants" … "due to a lack of Pakistani action, the $300 million was redirected", an Army
        spokesman said."""
        f = self.found[i]
        if f.relation != "accuse" or f.target is None:
            return None
        best, key = None, None
        for j in range(i):
            g = self.found[j]
            if g.relation != "accuse" or g.target is None or g.speaker.actor_id == f.speaker.actor_id \
                    or not self.same_side(g.target, f.target) or self.other_side(g.speaker.actor_id,
                                                                                f.speaker.actor_id):
                continue
            said = set().union(*(self.words[k] for k in self.claim_of[j].members))
            n = len(self.words[i] & said - self.lex.weak_words)
            # an accuser of no known side ("Texas Attorney General Ken Paxton") must say more of it
            least = SAME_CHARGE_SHARED if self.same_side(g.speaker.actor_id, f.speaker.actor_id) else UNPLACED_SHARED
            if n >= least and (key is None or (n, j) > key):
                best, key = j, (n, j)
        return best

    def _charge_and_denial(self, i: int) -> int | None:
        """A denial joins a charge against its speaker that it shares a word with; an accusation
        joins an earlier denial of the accused that shares a word with it."""
        f = self.found[i]
        best, key = None, None
        for j in range(i):
            g = self.found[j]
            if f.relation == "deny":
                ok = g.relation in {"accuse", "assert"} and g.target is not None and \
                    self.same_side(g.target, f.speaker.actor_id) and not self.same_side(g.speaker.actor_id,
                                                                                       f.speaker.actor_id)
            elif f.relation == "accuse" and f.target is not None:
                ok = g.relation == "deny" and self.same_side(g.speaker.actor_id, f.target) and \
                    not self.same_side(g.speaker.actor_id, f.speaker.actor_id)
            else:
                ok = False
            n = len(self.words[i] & self.words[j] - self.lex.weak_words) if ok else 0
            if n >= 1:
                k = (n, g.relation == "accuse", j)  # most words, then a real accusation, then the latest
                if key is None or k > key:
                    best, key = j, k
        return best

    def _misreported(self, i: int) -> int | None:
        """"Accused the newspaper of misquoting him" disputes the newspaper's account, as the
        speaker's denial of it does: the accusation joins the claim its speaker denies."""
        f = self.found[i]
        if f.relation != "accuse" or f.target is None or not self.words[i]:
            return None
        first = _content_sequence(f.content.text if f.content else "")[:1]
        if not first or first[0] not in self.lex.misreport_verbs:
            return None
        denials = [j for j in range(len(self.found)) if j != i and self.found[j].relation == "deny"
                   and self.claim_of[j] is not None
                   and self.same_side(self.found[j].speaker.actor_id, f.speaker.actor_id)
                   and self.found[j].target in {None, f.target}]
        return min(denials, key=lambda j: abs(i - j)) if denials else None

    def _own_account(self, i: int) -> int | None:
        """"The newspaper said the recording backed up its version": an actor standing by its
        account (a claim noun and little else) joins the claim others disputed it for."""
        f = self.found[i]
        if f.relation != "assert" or len(self.words[i]) > OWN_ACCOUNT_WORDS or not _own_claim_noun(f, self.lex.claim_nouns):
            return None
        me = f.speaker.actor_id
        for j in range(i - 1, -1, -1):
            g = self.found[j]
            if g.relation in {"deny", "accuse"} and self.same_side(g.target, me) \
                    and not self.same_side(g.speaker.actor_id, me):
                return j
        return None

    def _what_was_said(self, i: int) -> int | None:
        """"The audio showed Trump said “I’d”": a statement about what another actor said joins that
        actor's own statement it shares a word with (most words, then the latest)."""
        f = self.found[i]
        if f.relation != "assert" or f.content is None or not self.words[i]:
            return None
        quoted = {a for a, pattern in self._speech_patterns().items()
                  if a != f.speaker.actor_id and pattern.search(f.content.text)}
        best, key = None, None
        for j in range(i):
            g = self.found[j]
            if g.speaker.actor_id not in quoted:
                continue
            n = len(self.words[i] & self.words[j] - self.lex.weak_words)
            if n >= 1 and (key is None or (n, j) > key):
                best, key = j, (n, j)
        return best

    def _speech_patterns(self) -> dict[str, re.Pattern]:
        """For each named actor, "<name> said|told|says|…" ("showed Trump said …")."""
        if self._speech is None:
            self._speech = {}
            for a in self.actors.values():
                forms = sorted({n for n in (a.label, *a.aliases) if n[:1].isupper() and len(n) >= 2}, key=len,
                               reverse=True)
                if forms:
                    alt = "|".join(re.escape(n) for n in forms)
                    self._speech[a.id] = re.compile(rf"(?<![\w-])(?:{alt})\s+(?:had\s+)?{_SPEECH_VERBS}\b")
        return self._speech

    def _is_anaphor(self, i: int) -> bool:
        f = self.found[i]
        return f.relation == "deny" and (f.claim_ref == "anaphor" or self.bare[i])

    def _denied_claim(self, i: int, later: bool = False) -> int | None:
        """The statement whose claim a denial of "the claims", "the report", "such request" points
        to: one its holder made, one already denied by another, a charge against the denier, one
        sharing words with the denial; the latest before it, else (a headline) the first after it."""
        f = self.found[i]
        me = f.speaker.actor_id
        best, key = None, None
        for j in (range(i + 1, min(len(self.found), i + 1 + FORWARD_WINDOW)) if later else range(i)):
            g = self.found[j]
            c = self.claim_of[j]
            if c is self.claim_of[i] or self.same_side(g.speaker.actor_id, me) or g.relation not in {"assert", "accuse"}:
                continue
            if f.target is not None and not self.same_side(g.speaker.actor_id, f.target):
                continue  # "rejected the U.S. claims": only what the U.S. said
            charge = g.target is not None and self.same_side(g.target, me)
            disputed = any(self.found[k].relation == "deny" and k != i
                           and not self.same_side(self.found[k].speaker.actor_id, me) for k in c.members)
            words = len(self.all_words[i] & self.all_words[j])  # "those reports" ↔ "published reports that …"
            k = (words > 0, disputed, charge, words, g.relation == "accuse", -j if later else j)
            if key is None or k > key:
                best, key = j, k
        if best is None or (later and not (key[0] or key[2] or f.target is not None)):
            return None
        if not self.bare[i] and f.target is None and \
                len(self.all_words[i] & self.words[best] - self.lex.weak_words) < MIN_SHARED:
            return None  # a denial that says what it denies must say it of this claim
        return best

    def _anaphors(self) -> None:
        """Denials of "the claims", "such request" that matched nothing by their words join the
        claim they point to, once every claim of the article is known."""
        for i in range(len(self.found)):
            c = self.claim_of[i]
            if not self._is_anaphor(i) or any(self.found[k].relation != "deny" for k in c.members):
                continue
            j = self._denied_claim(i)
            if j is None:
                j = self._denied_claim(i, later=True)
            if j is not None:
                self._merge(c, self.claim_of[j])
                self.why[i] = ("anaphor", j)
                if self.all_words[i] & self.lex.case_nouns and self.found[j].relation == "accuse":
                    self._whole_case(j)
        for i in range(len(self.found)):
            f, c = self.found[i], self.claim_of[i]
            if f.relation != "assert" or f.claim_ref != "anaphor" or len(c.members) > 1:
                continue
            j = self._claim_named(i)
            if j is not None:
                self._merge(c, self.claim_of[j])
                self.why[i] = ("claims named", j)

    def _claim_named(self, i: int) -> int | None:
        """"The claims about Lord Falconer's involvement were made in a book by Philippe Sands": the
        claims the article is about, i.e. the one last denied by someone else before this sentence."""
        me = self.found[i].speaker.actor_id
        for j in range(i - 1, -1, -1):
            g = self.found[j]
            if g.relation == "deny" and not self.same_side(g.speaker.actor_id, me):
                return j
        return None

    def _whole_case(self, j: int) -> None:
        """"BlackRock called the case baseless": a denial of a lawsuit denies every charge its
        plaintiff brings ("acquired large shareholdings in coal producers", "violated the Clayton
        Act"): the plaintiff's charges are one claim."""
        me = self.found[j].speaker.actor_id
        if not self._in_case(j):
            return
        for k, g in enumerate(self.found):
            if g.relation == "accuse" and g.speaker.actor_id == me and self._in_case(k) \
                    and self.claim_of[k] is not self.claim_of[j]:
                self._merge(self.claim_of[k], self.claim_of[j])

    def _in_case(self, k: int) -> bool:
        """A charge the lawsuit brings: "The suit alleges that …", "The case, launched by …, claimed"."""
        f = self.found[k]
        before = f.sentence.text[: max(0, f.cue.start - f.sentence.start)]
        return bool(content_words(before, claim_nouns=True) & self.lex.case_nouns)


def _name_words(actors: dict[str, Actor]) -> set[str]:
    """Words that only name an actor of the article ("Russia", "Kremlin", "Lavrov"): sharing them
    says nothing about two contents being one claim."""
    out: set[str] = set()
    for actor in actors.values():
        for name in {actor.label, *actor.aliases}:
            if name[:1].isupper():
                out |= content_words(" ".join(_proper_words(name)), claim_nouns=True)
    return out


def _body_of(alias: str) -> list[str]:
    """Names an alias may be a body of: its possessor ("the 27-nation EU’s executive Commission")
    or its first words ("European Union regulators"), unless the rest names its opponents ("EU
    critics")."""
    alias = re.sub(r"^the\s+", "", alias.replace("’", "'"), flags=re.I)
    m = re.match(r"(?:[\w-]+\s+)?(.+?)'s\s+(.+)$", alias)
    words = alias.split()
    splits = [(m.group(1), m.group(2))] if m else []
    splits += [(" ".join(words[:k]), " ".join(words[k:])) for k in range(len(words) - 1, 0, -1)]
    opponents = _lexicon().opponents
    return [name for name, rest in splits if not set(rest.lower().split()) & opponents]


def _proper_words(name: str) -> list[str]:
    """The capitalised words of a name; a description that starts a sentence ("Small and mid-sized
    US firms", "Investment giant BlackRock") keeps only those after its first word."""
    words = _WORD.findall(name)
    lex = _lexicon()
    common = [w for w in words[1:] if w[:1].islower() and w.lower() not in lex.stopwords]
    return [w for k, w in enumerate(words) if w[:1].isupper() and (k > 0 or not common)]


_RELATIVE = {"which", "that"}
_CLAUSE_BREAK = re.compile(r"[,;:(—–]|\s-\s")
ANTECEDENT_WORDS = 8  # words before "which" read as the thing it stands for


def _antecedent(f: Found) -> str | None:
    """What a bare relative pronoun stands for: "after attacks on Saudi oil sites which Riyadh
    blamed on Tehran" says that Tehran did the attacks on Saudi oil sites."""
    if f.content is None or f.content.text.strip().lower() not in _RELATIVE:
        return None
    before = f.sentence.text[: max(0, f.content.start - f.sentence.start)]
    before = _CLAUSE_BREAK.split(before)[-1]
    words = before.split()[-ANTECEDENT_WORDS:]
    return " ".join(words) or None


def _compared_text(f: Found) -> str:
    """The text a statement's content is compared by: its content, or what a relative pronoun
    standing for the content refers to."""
    return _antecedent(f) or (f.content.text if f.content else "")


_POSSESSIVE = re.compile(r"\b(?:its|his|her|their|our|my)\s+(?:own\s+)?(\w+)(?:\s+(\w+))?", re.I)


def _own_claim_noun(f: Found, claim_nouns: frozenset[str]) -> bool:
    """The content speaks of the speaker's own account: "its version", "his own reporting"."""
    for m in _POSSESSIVE.finditer(f.content.text if f.content else ""):
        if any(w and _fold(w) in claim_nouns for w in m.groups()):
            return True
    return False


def _headline(found: list[Found]) -> set[int]:
    """Statements of the headline: those the pipeline marked, else the first sentence with
    statements, when it has no final stop."""
    if not found:
        return set()
    if any(f.headline for f in found):
        return {i for i, f in enumerate(found) if f.headline}
    first = min(f.sentence.start for f in found)
    sent = next(f.sentence for f in found if f.sentence.start == first)
    if sent.text.rstrip().endswith(_FINAL_PUNCT) or len(sent.text) > MAX_HEADLINE:
        return set()
    return {i for i, f in enumerate(found) if f.sentence.start == first}


def _opening(f: Found) -> str:
    """The words a statement's sentence (or content) opens with, lower case, no quote marks."""
    text = f.content.text if f.content is not None and f.content.start <= f.sentence.start + 2 else f.sentence.text
    return text.lstrip(" “\"'‘").lower()


def _clause_end(sentence: str) -> int | None:
    """Offset of the comma that closes an opening subordinate clause (outside quotes)."""
    depth = False
    for k, ch in enumerate(sentence):
        if ch in "“”\"":
            depth = not depth if ch == '"' else ch == "“"
        elif ch == "," and k > 10 and (not depth or sentence[k + 1:k + 2] in {"”", '"'}):
            return k  # also "… energy prices,” consumer groups argued"
    return None


def link_claims(found: list[Found], actors: dict[str, Actor], article_id: str
                ) -> tuple[list[Statement], dict[str, dict]]:
    """Assign claim keys, deny targets and assert targets; return statements and claim nodes."""
    names = _Names(actors)
    for f in found:
        if f.relation == "assert" and f.target is None and f.content is not None:
            f.target = names.subject(f)
    linker = _Linker(found, actors, article_id)
    claims = linker.link()
    claim_of = linker.claim_of
    for i, f in enumerate(found):
        c = claim_of[i]
        if f.relation == "deny" and f.target is None:
            asserters = [found[j].speaker.actor_id for j in sorted(c.members) if found[j].relation in {"assert", "accuse"}
                         and j not in c.counter | c.explain
                         and not linker.same_side(found[j].speaker.actor_id, f.speaker.actor_id)]
            if asserters:
                f.target = asserters[0]

    nodes: dict[str, dict] = {}
    keys: dict[int, str] = {}
    for n, c in enumerate(sorted(claims, key=lambda c: min(c.members)), start=1):
        key = f"{article_id}-c{n}"
        for j in c.members:
            keys[j] = key
        mentioned: set[str] = set()
        for j in c.members:
            mentioned |= names.mentioned(found[j].content.text if found[j].content else "")
        about = [a for a in actors if a in mentioned]
        nodes[key] = {"label": _claim_label(c, found, linker), "about": about}
    statements = []
    for i, f in enumerate(found):
        statements.append(Statement(
            speaker=f.speaker.actor_id, relation=f.relation, target=f.target,
            claim_text=nodes[keys[i]]["label"],
            evidence=Evidence(sentence=f.sentence, cue=f.cue, speaker=f.speaker.mention, content=f.content),
            confidence=f.confidence, claim_key=keys[i]))
    return statements, nodes


def _claim_label(c: _Claim, found: list[Found], linker: _Linker) -> str:
    """What the claim's asserter said (the shortest wording), else the charge of an accuser (the
    first of the body that is a whole clause), else what its denier denied, else its first statement."""
    members = sorted(c.members)
    deniers = {found[j].speaker.actor_id for j in members if found[j].relation == "deny"}
    said = [j for j in members if found[j].content and j not in c.counter | c.reaffirm | c.explain and linker.words[j]
            and found[j].speaker.actor_id not in deniers]
    asserts = [j for j in said if found[j].relation == "assert"]
    if asserts:
        return _label(found[min(asserts, key=lambda j: len(found[j].content.text))])
    charges = sorted((j for j in said if found[j].relation == "accuse"),
                     key=lambda j: (j in linker.headline, len(linker.words[j]) < 3, j))
    if charges:
        return _label(found[charges[0]])
    denied = [j for j in members if found[j].relation == "deny" and not linker._is_anaphor(j)]
    if denied:
        return _label(found[denied[0]])
    plain = [j for j in members if j not in c.counter | c.reaffirm | c.explain and linker.words[j]] or members
    return _label(found[plain[0]])


def _label(f: Found) -> str:
    ante = _antecedent(f)
    if ante is not None:  # "after attacks on oil sites [which …]" → "attacks on oil sites"
        words = ante.split()
        while len(words) > 1 and words[0].lower() in _lexicon().stopwords:
            words.pop(0)
        ante = " ".join(words)
    text = (ante or (f.content.text if f.content else f.sentence.text)).strip().strip('"“”').strip()
    text = re.sub(r"\s+", " ", text)
    return text[:240]
