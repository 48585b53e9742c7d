"""Actor stage: turn the noun phrase that names a speaker or target into an actor.

Resolution order for a noun phrase (head token plus its modifiers):
pronoun → the last compatible actor; a person's name → that person (country from a state role
word beside it); a gazetteer name, capital or seat of government → that actor; a role word with a
country ("US officials", "the Chinese embassy in London") → the country or its institution; an
organisation name → an organisation; a definite description ("the company") → the last actor of a
compatible kind; a generic group ("analysts") → a group actor.

One :class:`ArticleActors` per article holds the actors met so far (one node per actor, aliases
collected) and the history used to resolve pronouns.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from app.extract.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from app.extract.records import Actor, TextSpan

_PRONOUN_KINDS = {
    "he": "person", "him": "person", "she": "person", "her": "person",
    "it": "thing", "they": "plural", "them": "plural",
}
_NP_MODIFIER_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "quantmod", "npadvmod"}
_NP_PREPS = {"in", "of", "at", "for", "from", "to", "on"}
_TITLE_WORDS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "rep", "sen", "gov", "gen",
                "col", "lt", "maj", "capt", "adm", "prof", "president", "prime", "minister", "pm", "king",
                "queen", "prince", "pope", "chancellor", "secretary", "senator", "ambassador", "judge",
                "justice", "speaker", "rev", "st", "mayor", "governor", "general", "colonel", "former"}
_SLUG = re.compile(r"[^a-z0-9]+")
_NOT_ACTOR_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"}


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SLUG.sub("-", ascii_text.lower().replace("’", "").replace("'", "")).strip("-")


@lru_cache(maxsize=1)
def load_roles() -> dict:
    return json.loads(resources.files("app.extract").joinpath("data/roles.json").read_text("utf-8"))


_GENDER_TITLES = {"ms", "mrs", "miss", "madam", "madame", "lady", "dame", "baroness", "queen", "princess", "duchess",
                  "countess", "mr", "sir", "lord", "king", "prince", "duke", "baron"}
_ROLE_HINTS = {"ambassador", "envoy", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
               "president", "chairman", "chairwoman", "director", "chief", "head", "leader", "official",
               "representative", "senator", "governor", "general", "commissioner", "adviser", "advisor"}
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


@lru_cache(maxsize=1)
def load_gender_words() -> dict[str, str]:
    """Given names, titles and role words → "f" / "m" (data/given_names.json)."""
    raw = json.loads(resources.files("app.extract").joinpath("data/given_names.json").read_text("utf-8"))
    words = {w: "f" for key in ("female", "female_titles") for w in raw[key]}
    words.update({w: "m" for key in ("male", "male_titles") for w in raw[key]})
    return words


@dataclass
class Resolved:
    actor_id: str
    mention: TextSpan


def token_span(tokens: list[Token], base: int) -> TextSpan:
    doc = tokens[0].doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return TextSpan(doc.text[start:end], base + start, base + end)


_DATELINE = re.compile(r"[A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+)*(?:, [A-Z][A-Za-z.]*)?\s*(?:\([A-Za-z .]+\)\s*)?(?:--|-|—|–)\s")


def in_dateline(tok: Token) -> bool:
    """The token is part of a dateline opening its sentence: "OSLO (Reuters) - ", "PALM BEACH, Fla. - "."""
    sent = tok.sent
    found = _DATELINE.match(sent.text)
    return found is not None and tok.idx < sent.start_char + found.end()


def _charge_of(prep: Token) -> bool:
    """An "of" phrase the parser hung on the object of "accuse" is the charge, not part of the
    accused's name ("accused the port authority of negligence")."""
    obj = prep.head
    named = any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in prep.children)  # "the Bank of England"
    return prep.dep_ == "prep" and prep.lower_ == "of" and obj.dep_ == "dobj" and obj.head.lemma_.lower() == "accuse" \
        and not named


def noun_phrase(head: Token) -> list[Token]:
    """The head with its left modifiers and a following "in/of/for …" phrase, no clauses."""
    keep = {head.i}

    def add_left(tok: Token) -> None:
        for child in tok.lefts:
            if child.dep_ in _NP_MODIFIER_DEPS or (child.dep_ == "punct" and child.text in {"-", "’", "'"}):
                for t in child.subtree:
                    keep.add(t.i)

    add_left(head)
    for child in head.rights:
        if _charge_of(child):
            continue
        if child.dep_ in {"compound", "case", "nummod"} or (child.dep_ == "prep" and child.lower_ in _NP_PREPS
                                                            and child.i == max(keep) + 1):
            for t in child.subtree:
                if t.dep_ in {"relcl", "acl", "appos"} or t.text in {",", "(", ")", "—", "–"}:
                    break
                keep.add(t.i)
    lo, hi = min(keep), max(keep)
    # a dateline or aside before the phrase is not part of it ("LONDON (AP) — European Union regulators")
    for t in head.doc[lo:head.i]:
        if t.text in {"—", "–", "--", "(", ")", ":", ";"} or in_dateline(t):
            lo = t.i + 1
    toks = [t for t in head.doc[lo:hi + 1]]
    money = [t.i for t in toks if t.i < head.i and t.ent_type_ == "MONEY"]
    if money:  # "the minimum $20 million experts say it costs": an amount the parser hung on the noun after it
        toks = [t for t in toks if t.i > max(money)]
    while toks and (toks[0].is_punct or toks[0].dep_ == "cc"):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return toks or [head]


def _label_text(toks: list[Token]) -> str:
    """The phrase as written, without leading determiners and quantifiers ("Several US officials")."""
    while toks and (toks[0].dep_ in {"det", "nummod", "quantmod", "predet"}
                    or toks[0].lower_ in {"several", "some", "many", "other", "few", "two", "three"}):
        toks = toks[1:]
    if not toks:
        return ""
    doc = toks[0].doc
    return doc.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]


def _entity_of(tok: Token) -> Span | None:
    """The named entity a token is part of, found from the token's IOB tags (not by scanning
    ``doc.ents``, which made long paragraphs quadratic)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    while start < tok.i and (doc[start].is_space or doc[start].is_punct):
        start += 1  # the model sometimes pulls a dash or a no-break space into a name ("―\xa0Jorge Falcon")
    while end - 1 > tok.i and (doc[end - 1].is_space or doc[end - 1].text in _SPAN_END_PUNCT):
        end -= 1
    return Span(doc, start, end, label=tok.ent_type_)


_SPAN_END_PUNCT = {"―", "—", "–", "-", ",", ":", ";"}


def _clean_name(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"(’s|'s)$", "", text)
    text = re.sub(r"\s*\([^()]*$", "", text)  # an abbreviation cut off by the span: "Policing Authority (Ipoa"
    return text.strip(" \"“”'’")


class ArticleActors:
    """The actors of one article and the state that pronoun resolution needs."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gaz = gazetteer or load_gazetteer()
        self.roles = load_roles()
        self.actors: dict[str, Actor] = {}
        self.history: list[str] = []  # actor ids in order of mention, speakers pushed again
        self.surnames: dict[str, str] = {}  # last name → person id
        self.issued: dict[str, str] = {}  # document kind ("suit") → the actor that issued the last one
        self.gender: dict[str, str] = {}  # person id → "f" / "m", when a name, title or role word tells
        self.full_names: dict[str, str] = {}  # surname → the full name the article gives somewhere
        self._speaker_nouns = set(self.roles["person_roles"]) | set(self.roles["groups"]) | set(
            self.roles["speaker_nouns"]) | {n for nouns in self.roles["anaphors"].values() for n in nouns}

    # -- registry ---------------------------------------------------------------------------
    def _add(self, actor_id: str, label: str, kind: str, country: str | None = None,
             part_of: str | None = None, alias: str | None = None) -> str:
        actor = self.actors.get(actor_id)
        if actor is None:
            actor = self.actors[actor_id] = Actor(actor_id, label, kind, country, part_of, [])
        elif country and not actor.country and kind != "country":
            actor.country = country
        if alias:
            alias = alias.strip()
            if alias and alias not in actor.aliases:
                actor.aliases.append(alias)
        return actor_id

    def _add_entry(self, entry: GazetteerEntry, alias: str | None) -> str:
        if entry.part_of and entry.part_of not in self.actors and entry.part_of in self.gaz.entries:
            self._add_entry(self.gaz.entries[entry.part_of], None)
        return self._add(entry.id, entry.label, entry.kind, entry.country, entry.part_of, alias)

    def mentioned(self, actor_id: str) -> None:
        self.history.append(actor_id)

    def add_alias(self, actor_id: str, alias: str) -> None:
        if actor_id in self.actors and alias and alias not in self.actors[actor_id].aliases:
            self.actors[actor_id].aliases.append(alias)

    def note_issued(self, document: Token, actor_id: str) -> None:
        """Remember who issued a document ("parents sent a letter to the board"), for "the letter reads" later."""
        lemma = document.lemma_.lower()
        self.issued[_DOCUMENT_KINDS.get(lemma, lemma)] = actor_id

    def names_actor(self, lemma: str) -> bool:
        """Whether a common noun can name an actor by itself ("the ministry", "analysts"), unlike a
        document or an act ("the filing", "the sanctions")."""
        return self._speaker_noun(lemma) and lemma not in self.roles["documents"]

    def _speaker_noun(self, lemma: str) -> bool:
        """A noun that can head a speaker phrase, or a compound ending in one ("speechwriter",
        "co-founder", "grandmother")."""
        if lemma in self._speaker_nouns:
            return True
        last = lemma.rsplit("-", 1)[-1]
        if last != lemma:
            return last in self._speaker_nouns
        return any(lemma[:-n] and len(lemma) - n >= 3 and lemma[-n:] in self._speaker_nouns
                   for n in range(4, len(lemma) - 2))

    def named_person(self, toks: list[Token], base: int) -> Resolved | None:
        """A person named by capitalised words the parser did not tag as a name ("Sanders:")."""
        words = [t for t in toks if t.lower_.strip(".") not in _TITLE_WORDS and t.text[:1].isupper()]
        if not words or any(self.gaz.lookup(t.text) or t.lemma_.lower() in self.roles["not_speakers"] for t in words):
            return None
        full = " ".join(t.text.title() if t.is_upper else t.text for t in words)
        surname = full.split()[-1]
        pid = self.surnames.get(surname) or slugify(full)
        self.surnames[surname] = pid
        actor_id = self._add(pid, self.actors[pid].label if pid in self.actors else full, "person", None, None,
                             token_span(toks, base).text)
        self.mentioned(actor_id)
        return Resolved(actor_id, token_span(toks, base))

    def named_organization(self, name: str) -> str:
        entry = self.gaz.lookup(name)
        if entry is not None:
            return self._add_entry(entry, name)
        return self._add(slugify(name), name, "organization", None, None, name)

    def note_names(self, doc) -> None:
        """Learn the article's full person names before reading it, so that a surname met first
        ("Short attacks US over tsunami aid", the headline of "Clare Short …") is that person."""
        for ent in doc.ents:
            words = [t for t in self._name_words(list(ent)) if t.pos_ == "PROPN"]
            if ent.label_ == "PERSON" and len(words) >= 2 and all(w.text[:1].isupper() for w in words):
                self.full_names.setdefault(words[-1].text, " ".join(w.text for w in words))

    def _name_words(self, toks: list[Token]) -> list[Token]:
        """A name without the titles before it and the letters after it: "Rev. Martin Luther King Jr."
        → Martin Luther King (a title word inside the name is part of it)."""
        while toks and toks[0].lower_.strip(".") in _TITLE_WORDS:
            toks = toks[1:]
        while toks and (toks[-1].text.rstrip(".") in self.roles["post_nominals"] or toks[-1].is_punct):
            toks = toks[:-1]
        return toks

    def _known_surname(self, head: Token, toks: list[Token]) -> str | None:
        """A lone capitalised surname of a person the article names in full elsewhere."""
        full = self.full_names.get(head.text)
        if full is None or len(toks) > 2 or not head.text[:1].isupper() or head.pos_ not in {"PROPN", "ADJ", "NOUN"}:
            return None
        if any(t.i < head.i and t.pos_ == "PROPN" and t.lower_.strip(".") not in _TITLE_WORDS for t in toks):
            return None  # "Melania Trump" is not the "Donald Trump" named elsewhere; "Wang Wenbin, a spokesman
            # for the Chinese foreign ministry" is named in full here, with the role that gives his country
        if head.text in self.surnames:
            known = self.surnames[head.text]
            title = self._gender_of([head], toks)
            if title and self.gender.get(known, title) != title:
                return None  # "Mr. Trump" after "Melania Trump": the Trump of that gender, found later
            return known
        pid = slugify(full)
        self.surnames[head.text] = pid
        gender = load_gender_words().get(full.split()[0].lower())
        if gender:
            self._note_gender(pid, gender)
        return self._add(pid, full, "person")

    def known_person(self, tok: Token, base: int) -> Resolved | None:
        """The person a lone surname names when the article names them in full elsewhere ("Smith" at the
        end of "the Chicago Tribune Smith", a name the parser ran into the words before it)."""
        if tok.text not in self.full_names:
            return None
        actor_id = self._known_surname(tok, [tok])
        if actor_id is None:
            return None
        self.mentioned(actor_id)
        return Resolved(actor_id, token_span([tok], base))

    def all(self) -> list[Actor]:
        return list(self.actors.values())

    # -- resolution ---------------------------------------------------------------------------
    def resolve(self, head: Token, base: int, *, exclude: set[str] | None = None, loose: bool = False
                ) -> Resolved | None:
        """Resolve the noun phrase headed by ``head``; offsets shifted by ``base``.

        ``loose``: the phrase is the subject of a verb of saying, so any noun phrase may name a
        speaker ("the ruling said", "one slide says"); otherwise a common noun must be one that
        can speak on its own ("analysts", "the ministry").
        """
        if head.lower_ == "those" and any(c.dep_ == "amod" and c.lower_ in {"close", "familiar"} for c in head.children):
            # "those close to him say", "those familiar with the talks said": a group of people
            toks = list(head.subtree)
            return self._generic_group(toks, _clean_name(head.doc[toks[0].i:toks[-1].i + 1].text), base)
        members = self._quantified(head)
        if members is not None:
            # "a number of tax experts", "one of the family's attorneys", "60 percent of voters": the group speaks
            found = self.resolve(members, base, exclude=exclude, loose=loose)
            if found is not None:
                return Resolved(found.actor_id, token_span(noun_phrase(head), base))
        if head.lower_ in {"percent", "%"} and loose and head.dep_ == "nsubj" \
                and not any(c.dep_ == "prep" for c in head.children):
            # "63 percent said …": the share of a poll's respondents, a generic group
            toks = [t for t in head.subtree if not t.is_punct]
            return self._generic_group(toks, head.doc[toks[0].i:toks[-1].i + 1].text, base)
        if head.lower_ in self.roles["quantifier_pronouns"] and _speaks(head) \
                and not any(c.dep_ == "prep" for c in head.children) \
                and (loose or any(c.dep_ == "ccomp" for c in head.head.children)):
            # "some say", "all agreed that …": a generic group (not "many disagreed with his policies")
            toks = [t for t in head.subtree if not t.is_punct] if len(list(head.subtree)) <= 6 else [head]
            label = head.doc[toks[0].i:toks[-1].i + 1].text
            return self._generic_group(toks, label[:1].lower() + label[1:], base)
        if head.pos_ == "PRON" or head.lower_ in _PRONOUN_KINDS:
            actor_id = self.resolve_pronoun(head.lower_, exclude=exclude)
            if actor_id is None:
                return None
            return Resolved(actor_id, token_span([head], base))
        if head.lemma_.lower() in self.roles["documents"]:
            kind = _DOCUMENT_KINDS.get(head.lemma_.lower(), head.lemma_.lower())
            issuers = _issuers(head)
            for issuer in issuers:
                found = self.resolve(issuer, base, exclude=exclude)
                if found is not None:  # "Steele's memo said", "a statement issued on behalf of Zoellick said"
                    self.issued[kind] = found.actor_id
                    return found
            if any(issuer.pos_ == "PROPN" for issuer in issuers):
                return None  # "a Texas-led lawsuit": its issuer speaks, and is not known
            named_before = None if issuers else self.issuer_named_before(kind, head, base, exclude)
            if named_before is not None:
                return named_before  # "the suit alleges …": the issuer of the suit named before
        toks = noun_phrase(head)
        mention = token_span(toks, base)
        actor_id = self._resolve_np(head, toks, mention.text, loose)
        if actor_id is None:
            return None
        self.mentioned(actor_id)
        return Resolved(actor_id, mention)

    def _generic_group(self, toks: list[Token], label: str, base: int) -> Resolved:
        """A group named by a phrase of its own ("those close to him", "63 percent", "some")."""
        actor_id = self._add("group-" + slugify(label), label, "group", None, None, label)
        self.mentioned(actor_id)
        return Resolved(actor_id, token_span(toks, base))

    def issuer_named_before(self, kind: str, head: Token, base: int, exclude: set[str] | None = None
                            ) -> Resolved | None:
        """A document or study named again ("the suit alleges …" after "a Texas-led lawsuit", "the poll
        also shows …" after "a Quinnipiac poll"): the issuer of the last one of its kind."""
        actor_id = self.issued.get(kind)
        if actor_id is None or not any(c.lower_ in {"the", "this", "that"} for c in head.children) \
                or (exclude and actor_id in exclude):
            return None
        self.mentioned(actor_id)
        return Resolved(actor_id, token_span(noun_phrase(head), base))

    def _quantified(self, head: Token) -> Token | None:
        """The group a quantifier picks members from ("a number of [experts]", "most of [them]"), if the
        head is one; only plural groups, so that "the host of the show" stays a host."""
        if head.lower_ not in self.roles["quantifiers"] and head.lemma_.lower() not in self.roles["quantifiers"]:
            return None
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        members = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if members is None or not (members.tag_ in {"NNS", "NNPS"} or members.lower_ in {"them", "us"}):
            return None
        if any(c.dep_ == "appos" for c in list(head.children) + list(members.children)):
            return None  # "one of the family's attorneys, Justin Bamberg,": the person named
        return members

    def pair_kinds(self, head: Token) -> set[str] | None:
        """The kinds of actor a pair phrase refers back to ('the pair', 'the two men', 'both
        countries'): people unless the head noun names another kind; None if it is not one."""
        words = {c.lower_ for c in head.children}
        plural_with_number = head.tag_ == "NNS" and ("both" in words or {"the", "two"} <= words)
        if plural_with_number:
            return {kind for kind, nouns in self.roles["anaphors"].items() if head.lemma_.lower() in nouns} or {"person"}
        if (head.lemma_.lower() in set(self.roles["pairs"]) - {"both"} and "the" in words) \
                or (head.lower_ == "both" and head.dep_ in {"nsubj", "nsubjpass"}):
            return {"person"}
        return None

    def resolve_pair(self, head: Token, base: int, kinds: set[str], named: list[str]) -> list[Resolved] | None:
        """The two actors of a pair phrase: the last two of its kinds among ``named`` (the people the
        sentences before it named, in order), then among those mentioned."""
        found: list[str] = []
        for actor_id in list(reversed(named)) + list(reversed(self.history)):
            if actor_id not in found and self.actors[actor_id].kind in kinds:
                found.append(actor_id)
                if len(found) == 2:
                    mention = token_span(noun_phrase(head), base)
                    return [Resolved(a, mention) for a in found]
        return None

    def fits(self, actor_id: str, pronoun: str) -> bool:
        """Whether a personal pronoun can refer to the actor as far as gender goes ("she" ≠ Mr Netanyahu)."""
        want = _PRONOUN_GENDER.get(pronoun.lower())
        return want is None or self.gender.get(actor_id, want) in {want, "?"}

    def resolve_pronoun(self, pronoun: str, exclude: set[str] | None = None) -> str | None:
        want = _PRONOUN_KINDS.get(pronoun)
        if want is None:
            return None
        for actor_id in reversed(self.history):
            if exclude and actor_id in exclude:
                continue
            kind = self.actors[actor_id].kind
            if want == "person" and kind == "person" and self.fits(actor_id, pronoun):
                return actor_id
            if want == "thing" and kind in {"country", "government", "organization"}:
                return actor_id
            if want == "plural" and kind in {"group", "organization", "government", "country"}:
                return actor_id
        return None

    def _country_of(self, toks: list[Token], head: Token) -> GazetteerEntry | None:
        """A country named among the modifiers ("Chinese", "US", "China's", "in London")."""
        for t in toks:
            if t.i == head.i:
                continue
            entry = self.gaz.lookup_demonym(t.text) or self.gaz.lookup(t.text)
            if entry is None and t.i + 1 < len(t.doc):
                pair = f"{t.text} {t.doc[t.i + 1].text}"
                entry = self.gaz.lookup_demonym(pair) or self.gaz.lookup(pair)
            if entry is not None:
                if entry.kind == "country":
                    return entry
                if entry.country and entry.part_of:
                    return self.gaz.entries.get(entry.country.lower())
        return None

    def _person_name(self, head: Token, toks: list[Token]) -> list[Token] | None:
        """The tokens of a person's name ending at the head, if the head is part of one."""
        if head.text.rstrip(".") in self.roles["post_nominals"] and head.i > 1 and head.nbor(-1).pos_ == "PROPN":
            # "Philippe Sands QC": the name before the letters (a given name first, if the model read an ORG)
            first, last = head.nbor(-2), head.nbor(-1)
            return self._person_name(last, toks) or ([first, last] if first.lower_ in load_gender_words() else None)
        ent = _entity_of(head)
        if ent is not None and ent.label_ == "PERSON":
            return self._name_words(list(ent)) or None
        if head.pos_ != "PROPN" or self.gaz.lookup(head.text):
            return None
        if not head.text[:1].isupper():
            return None  # "the Croatian justice ministry": a lower-case word the tagger read as a name
        if ent is not None and ent.label_ not in {"PERSON", "ORG", "NORP"}:
            return None
        if head.lower_ in self.roles["person_roles"] or head.lower_.strip(".") in _TITLE_WORDS:
            return None  # "Pakistan's Foreign Minister": a role, not a name
        # compound chain of proper nouns ending at the head ("Trump", "Wang Wenbin")
        name = [head]
        i = head.i - 1
        while i >= 0 and head.doc[i].pos_ == "PROPN" and head.doc[i].dep_ == "compound" \
                and head.doc[i].lower_.strip(".") not in _TITLE_WORDS and not self.gaz.lookup(head.doc[i].text) \
                and not self.gaz.lookup_demonym(head.doc[i].text):
            name.insert(0, head.doc[i])
            i -= 1
        surname = head.text
        if surname in self.surnames:
            return name
        if ent is not None and ent.label_ == "ORG":
            # spaCy often tags surnames of people as ORG; trust it only for a known surname
            prev = head.doc[name[0].i - 1] if name[0].i > 0 else None
            if prev is not None and prev.lower_.strip(".") in _TITLE_WORDS:
                return name
            if _given_name_first(name) and head.lower_ not in self._speaker_nouns:
                return name  # "Plaintiffs' lawyer Rebecca Stone" read as an organisation
            if len(name) == 1 and self._family_name_first(head.text) is not None:
                return name  # "Wang said" after "Wang Wenbin", read as an organisation
            return None
        prev = head.doc[name[0].i - 1] if name[0].i > 0 else None
        if len(name) >= 2 or (prev is not None and prev.lower_.strip(".") in _TITLE_WORDS):
            return name
        return None

    def _resolve_np(self, head: Token, toks: list[Token], text: str, loose: bool = False) -> str | None:
        roles = self.roles
        lemma = head.lemma_.lower()
        former = any(t.lower_ in {"former", "ex", "late", "retired"} for t in toks)

        # (a surname the tagger reads as a place, "Trump attacked Machado", when the article names her in full)
        if head.ent_type_ not in {"GPE", "ORG", "NORP"} or head.text in self.surnames \
                or (head.text in self.full_names and self.gaz.lookup(head.text) is None):
            known = self._known_surname(head, toks)
            if known is not None:
                self.add_alias(known, _clean_name(text))
                return known
        if lemma == "administration":  # "the Obama administration": the government of that president
            administration = self._administration(head, toks, text)
            if administration is not None:
                return administration
        # a body the gazetteer knows by this very name, before reading it as a person's
        # ("the Justice Department" is not a Justice named Department)
        for cand in (text, _clean_name(text)):
            entry = self.gaz.lookup(cand) if cand else None
            if entry is not None and entry.kind in {"government", "organization"}:
                return self._add_entry(entry, _clean_name(text))
        # a person's name, or a role word with the person's name beside it
        # ("the U.S. ambassador to the United Nations, Samantha Power, accused …")
        name_toks = self._person_name(head, toks) or _given_name_run(toks)
        if name_toks:
            return self._person(name_toks, toks, head, text, former)
        appos = next((c for c in head.rights if c.dep_ == "appos"), None)
        if appos is not None and (lemma in roles["person_roles"] or lemma in roles["groups"] or head.lower_ == "one"):
            # "one of the family's attorneys, Justin Bamberg, said"
            name_toks = self._person_name(appos, noun_phrase(appos)) or _proper_name(appos, self.gaz)
            if name_toks:
                return self._person(name_toks, toks + noun_phrase(appos), appos, text, former)

        # a gazetteer actor: the whole phrase, the head's proper-noun chain, or the head alone
        chain = [t for t in toks if t.i <= head.i and (t.pos_ == "PROPN" or t.i == head.i)
                 and t.dep_ in {"compound", "nsubj", "nsubjpass", "pobj", "dobj", "ROOT", "poss", "agent",
                                "appos", "conj", "attr", "nmod", "amod"}]
        for n, cand in enumerate((text, _clean_name(text), " ".join(t.text for t in chain), head.text)):
            entry = self.gaz.lookup(cand) if cand else None
            if entry is not None and n >= 2 and self._foreign_modifier(toks, head, entry):
                continue  # "the Ukrainian Canadian Congress" is not the US Congress
            if entry is not None and entry.kind != "country" or (entry is not None and head.pos_ == "PROPN"):
                return self._add_entry(entry, _clean_name(text))
        # a role word modified by a named institution ("a Kremlin spokesman", "White House officials")
        if lemma in roles["person_roles"] or lemma in roles["groups"]:
            for t in toks:
                if t.i != head.i and t.pos_ == "PROPN":
                    entry = self.gaz.lookup(t.text)
                    if entry is not None and entry.kind != "country":
                        return self._add_entry(entry, _clean_name(text))
        # a role of an actor named by a pronoun ("its deputy leader" → the country)
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in {"its", "their"}), None)
        if owner is not None and (lemma in roles["person_roles"] or lemma in roles["body_roles"]):
            actor_id = self.resolve_pronoun("it" if owner.lower_ == "its" else "they")
            if actor_id is not None and self.actors[actor_id].kind in {"country", "government", "organization"}:
                self.add_alias(actor_id, _clean_name(text))
                return actor_id
        # an institution named by a template, a role word or body of a state with its country
        # (a people named where they are is not of that country: "diplomats in Kyiv", "analysts in Moscow")
        placed = head.tag_ in {"NNS", "NNPS"} and (lemma in roles["stationed_abroad"] or (
            lemma in roles["groups"] and lemma not in roles["body_roles"]))
        country = self._country_of([t for t in toks if not (placed and _located(t, head))], head)
        if country is not None:
            phrase = " ".join(t.lower_ for t in toks if t.i <= head.i and not self._is_country_word(t))
            inst = self.gaz.institution(country.id, phrase)
            if inst is not None:
                inst_id, label, kind = inst
                self._add_entry(country, None)
                return self._add(inst_id, label, kind, country.country, country.id, _clean_name(text))
            if lemma in roles["body_roles"] or lemma in roles["person_roles"] or lemma in roles["groups"]:
                return self._add_entry(country, _clean_name(text))
        # a body met before, named again by the last word of its name ("the European Commission" … "the Commission")
        if head.pos_ == "PROPN" and head.text[:1].isupper() and [t for t in toks if t.pos_ == "PROPN"] == [head] \
                and any(t.dep_ == "det" and t.lower_ == "the" for t in toks):
            for actor_id in reversed(self.history):
                actor = self.actors[actor_id]
                if actor.kind in {"government", "organization"} and len(actor.label.split()) > 1 \
                        and actor.label.split()[-1] == head.text:
                    self.add_alias(actor_id, _clean_name(text))
                    return actor_id
        # an organisation or people named by an entity
        ent = _entity_of(head)
        if ent is not None and ent.label_ in {"ORG", "NORP", "GPE", "FAC"}:
            entry = self.gaz.lookup(ent.text) or self.gaz.lookup(_clean_name(ent.text))
            if entry is None and ent.label_ == "NORP":
                entry = self.gaz.lookup_demonym(ent.text)
            if entry is not None:
                return self._add_entry(entry, _clean_name(text))
            if ent.label_ == "ORG":
                name = _clean_name(ent.text)
                return self._add(slugify(name), name, "organization", None, None, _clean_name(text))
            if ent.label_ == "NORP" and head.tag_ in {"NNPS", "NNS"}:
                # "Republicans said": a group named by its members
                name = _clean_name(ent.text)
                return self._add("group-" + slugify(name), name, "group", None, None, _clean_name(text))
            if (ent.label_ in {"GPE", "FAC"} or (ent.label_ == "NORP" and head.tag_ == "NNP")) \
                    and head.pos_ == "PROPN" and (loose or head.dep_ == "nsubj"):
                pass  # an unknown place or people that speaks is a misread name ("Nervo wrote", "Nordavia denied"): below
            elif not (ent.label_ == "NORP" and lemma in roles["groups"] + roles["person_roles"]):
                return None  # otherwise "Democratic lawmakers": a group, below
        # a definite description of an actor met before ("the company", "the official"); the article
        # of an owner does not make one ("the airline's pilot union" is not the airline)
        det = next((t for t in toks if t.dep_ == "det" and t.head.i == head.i), None)
        if det is not None and det.lower_ in {"the", "this", "that"}:
            found = self._anaphor(lemma)
            if found is not None:
                self.add_alias(found, text)
                return found
        # a generic group ("analysts", "officials") or an unnamed person in a role
        if lemma in roles["groups"] and head.tag_ in {"NNS", "NNPS"}:
            label = _clean_name(_label_text(toks))
            return self._add("group-" + slugify(label), label, "group", None, None, _clean_name(text))
        if head.ent_type_ in _NOT_ACTOR_ENTS:
            return None
        if lemma in roles["not_speakers"] and not (
                loose and lemma in roles["documents"] and head.tag_ == "NN"
                and any(t.dep_ == "det" and t.lower_ in {"the", "this", "that", "a"} for t in toks)):
            return None  # "reports said" names nobody; "the report says" speaks for its issuer
        label = _clean_name(_label_text(toks))
        if not label or not any(ch.isalpha() for ch in label):
            return None
        if head.pos_ == "PROPN" and head.is_upper and head.i + 1 < len(head.doc) and \
                head.doc[head.i + 1].text in {"—", "–", "-", "("}:
            return None  # a dateline ("WASHINGTON —")
        if head.pos_ == "PROPN":
            # an unknown name: a person when it reads like one ("Matthews"), else an organisation
            # ("The Superintendency of the Environment": a name with an article of its own is no person's)
            own_article = any(t.dep_ == "det" and t.head.i == head.i and t.lower_ == "the" for t in toks)
            kind = "organization" if (ent is not None and ent.label_ in {"ORG", "FAC"}) or own_article else "person"
            if kind == "person":
                return self._person([t for t in toks if t.pos_ == "PROPN" and t.i <= head.i
                                     and t.lower_.strip(".") not in _TITLE_WORDS] or [head], toks, head, text, former)
            return self._add(slugify(label), label, kind, None, None, _clean_name(text))
        if not (loose or self._speaker_noun(lemma) or any(t.pos_ == "PROPN" for t in toks if t.i < head.i)):
            return None  # "the performance", "this museum": not a speaker of its own
        kind = "group" if head.tag_ == "NNS" else "other"
        return self._add("other-" + slugify(label), label, kind if kind != "person" else "other", None, None,
                         _clean_name(text))

    def _administration(self, head: Token, toks: list[Token], text: str) -> str | None:
        """ "the Obama administration" → the government of the president's country, named for him."""
        names = [t for t in toks if t.i < head.i and t.pos_ == "PROPN" and t.dep_ in {"compound", "poss"}]
        if not names:
            return None
        person = self.surnames.get(names[-1].text)
        country = self.actors[person].country if person is not None else None
        if country is None or country.lower() not in self.gaz.entries:
            return None
        label = f"{names[-1].text} administration"
        self._add_entry(self.gaz.entries[country.lower()], None)
        return self._add(f"{country.lower()}-{slugify(label)}", label, "government", country, country.lower(),
                         _clean_name(text))

    def _foreign_modifier(self, toks: list[Token], head: Token, entry: GazetteerEntry) -> bool:
        """A nationality or place before the head that is not the entry's country."""
        for t in toks:
            if t.i < head.i and t.pos_ in {"ADJ", "PROPN"} and t not in entry_tokens(entry, toks):
                other = self.gaz.lookup_demonym(t.text) or self.gaz.lookup(t.text)
                if other is not None and other.country and other.country != entry.country:
                    return True
        return False

    def _is_country_word(self, t: Token) -> bool:
        return bool(self.gaz.lookup_demonym(t.text) or (self.gaz.lookup(t.text) or None)) or t.dep_ == "case"

    def _person(self, name_toks: list[Token], toks: list[Token], head: Token, text: str, former: bool) -> str:
        full = " ".join(t.text for t in name_toks).replace(" - ", "-")
        full = re.sub(r"(’s|'s)$", "", full).strip()
        surname = name_toks[-1].text
        known = self.surnames.get(surname)
        gender = self._gender_of(name_toks, toks + _appositive(head))
        if known is not None and gender and len(name_toks) == 1 and self.gender.get(known, gender) != gender:
            # "Mr Trump" after "Melania Trump": the Trump of that gender
            known = next((pid for pid, a in reversed(self.actors.items()) if a.kind == "person"
                          and a.label.split()[-1] == surname and self.gender.get(pid, gender) == gender), known)
        if known is not None and len(name_toks) > 1 and len(self.actors[known].label.split()) > 1 \
                and self.actors[known].label.split()[0] != name_toks[0].text:
            known = None if slugify(full) not in self.actors else slugify(full)  # Melania Trump is not Donald
        if known is None:
            for pid, actor in self.actors.items():
                if actor.kind == "person" and (actor.label == full or actor.label.split()[-1] == surname and (
                        len(name_toks) == 1 or len(actor.label.split()) == 1
                        or actor.label.split()[0] == name_toks[0].text)):
                    known = pid
                    break
                if actor.kind == "organization" and actor.label == surname and pid not in self.gaz.entries \
                        and len(name_toks) > 1 and name_toks[0].lower_ in load_gender_words():
                    actor.kind = "person"  # "The real Trump showed up" read as an organisation, then "Donald Trump"
                    known = pid
                    break
        if known is None and len(name_toks) == 1:
            known = self._family_name_first(surname)
        country = None
        role_words = {t.lemma_.lower() for t in toks} | {t.lemma_.lower() for t in _appositive(head)}
        if not former and role_words & set(self.roles["state_roles"]):
            entry = self._country_of(toks + _appositive(head), head)
            country = entry.country if entry else None
        if known is not None:
            actor = self.actors[known]
            if len(full.split()) > len(actor.label.split()) and actor.label.split()[-1] == surname:
                actor.label = full
            self.surnames[surname] = known
            if gender and (len(name_toks) == 1 or full == actor.label):  # not "Melania Trump" for Donald
                self._note_gender(known, gender)
            return self._add(known, actor.label, "person", country, None, _clean_name(text))
        pid = slugify(full)
        self.surnames[surname] = pid
        if gender:
            self._note_gender(pid, gender)
        return self._add(pid, full, "person", country, None, _clean_name(text))

    def _public_body(self, actor: Actor) -> bool:
        """A body of the state by its name ("Superintendency of the Environment", "Transport Agency")."""
        return actor.country is not None and actor.kind == "government" or any(
            w in self.roles["public_bodies"] for w in actor.label.lower().split())

    def _family_name_first(self, name: str) -> str | None:
        """The one person named so far whose two-word name starts with ``name``: "Mao said" after
        "spokeswoman Mao Ning" (Chinese, Korean, Vietnamese and Hungarian names put the family name first)."""
        found = [pid for pid, a in self.actors.items() if a.kind == "person" and len(a.label.split()) == 2
                 and a.label.split()[0] == name]
        return found[0] if len(found) == 1 else None

    def _note_gender(self, person_id: str, gender: str) -> None:
        """Evidence of one gender; conflicting evidence (two people one surname) leaves it unknown."""
        if self.gender.get(person_id, gender) != gender:
            self.gender[person_id] = "?"
        else:
            self.gender[person_id] = gender

    @staticmethod
    def _gender_of(name_toks: list[Token], toks: list[Token]) -> str | None:
        """ "Ms Short", "spokeswoman Hua Chunying", "Samantha Power" → "f"; "Mr Gooch", "Vladimir Putin" → "m"."""
        words = load_gender_words()
        for t in toks:
            if t.i < name_toks[0].i or t not in name_toks:
                g = words.get(t.lower_.rstrip(".")) if t.lower_.rstrip(".") in _GENDER_TITLES else None
                g = g or (words.get(t.lower_) if t.lower_.endswith(("woman", "man")) else None)
                if g:
                    return g
        if len(name_toks) > 1:
            return words.get(name_toks[0].lower_)
        return None

    def _anaphor(self, lemma: str) -> str | None:
        """"the company" → the last organisation; "the president" → the last person called president."""
        kinds = [k for k, nouns in self.roles["anaphors"].items() if lemma in nouns]
        if not kinds:
            return None
        for actor_id in reversed(self.history):
            actor = self.actors[actor_id]
            if actor.kind in set(kinds) - {"person"} | {"other"} and lemma in actor.label.lower().split():
                return actor_id  # "the US-led aid coalition" … "the coalition": the body its noun names
        for actor_id in reversed(self.history):
            actor = self.actors[actor_id]
            if actor.kind not in kinds or (lemma in self.roles["businesses"] and self._public_body(actor)):
                continue  # "the company" is not the regulator named last
            if actor.kind == "person" and lemma in self.roles["person_roles"]:
                if not any(lemma in alias.lower().split() for alias in actor.aliases):
                    continue  # "the president" is not the last person mentioned, but the last president
            return actor_id
        return None


_DOCUMENT_KINDS = {"lawsuit": "suit", "complaint": "suit", "filing": "suit", "brief": "suit", "case": "suit",
                   "investigation": "report"}


def entry_tokens(entry: GazetteerEntry, toks: list[Token]) -> list[Token]:
    """The tokens of the phrase that spell one of the entry's names ("US" of "US Congress")."""
    words = {w.lower() for name in entry.names for w in name.split()}
    return [t for t in toks if t.lower_ in words]


def _located(tok: Token, head: Token) -> bool:
    """The token is inside an "in …" / "at …" phrase of the head: where it is, not whose it is."""
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.head.i == head.i and tok.lower_ in {"in", "at"}:
            return True
        tok = tok.head
    return False


def _given_name_first(name: list[Token]) -> bool:
    """A two-word name that starts with a known given name ("Rebecca Stone"; longer ones are as
    often organisations: "Victoria Park Hotel")."""
    words = load_gender_words()
    return len(name) == 2 and name[0].lower_ in words and name[0].lower_ not in _GENDER_TITLES


def _given_name_run(toks: list[Token]) -> list[Token] | None:
    """A person's name inside a role phrase the parser read otherwise: "U.S. Ambassador to the UN
    Samantha Power" (a known given name, then proper nouns to the end of the phrase)."""
    names = load_gender_words()
    for k, t in enumerate(toks[1:-1], start=1):
        rest = toks[k + 1:]
        if t.pos_ == "PROPN" and t.lower_ in names and t.lower_ not in _GENDER_TITLES and rest \
                and all(r.pos_ == "PROPN" for r in rest) and any(r.lower_ in _ROLE_HINTS for r in toks[:k]):
            return [t] + rest
    return None


def _issuer(document: Token) -> Token | None:
    """Who issued a document (the first of its candidate issuers, see ``_issuers``)."""
    return next(iter(_issuers(document)), None)


def _issuers(document: Token) -> list[Token]:
    """Who may have issued a document, in order: its possessor, the leader of an "X-led" one, the object
    of "by", "from", "on behalf of"."""
    out = []
    for child in document.children:
        if child.dep_ == "poss":
            out.append(child)
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.ent_type_ in {"ORG", "PERSON"} \
                and child.i == document.i - 1 and document.pos_ == "NOUN":  # (not "The Washington Post")
            out.append(child)  # "the IMF report", "a Pentagon memo" (but "the Ukraine report" may be about Ukraine)
        if child.dep_ == "relcl":
            author = next((c for c in child.children if c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN"}), None)
            if author is not None and child.lemma_.lower() in {"deliver", "give", "write", "issue", "send", "publish",
                                                               "post", "release", "make", "file", "sign"}:
                out.append(author)  # "a speech Mrs. Clinton delivered", "a letter the ministry sent"
        if child.dep_ == "prep" and child.lower_ in {"on", "in"}:
            page = next((c for c in child.children if c.dep_ == "pobj"), None)
            if page is not None and page.lemma_.lower() in {"website", "site", "page", "account", "feed"}:
                owner = _issuer(page)  # "a document on the campaign's website"
                if owner is not None:
                    out.append(owner)
        if child.lemma_.lower() == "lead" and child.dep_ in {"amod", "compound"}:
            leader = next((c for c in child.children if c.pos_ == "PROPN"), None)
            if leader is not None:  # "a Texas-led multistate lawsuit"
                out.append(leader)
    for tok in document.subtree:
        if tok.dep_ in {"agent", "prep"} and tok.lower_ in {"by", "from", "of"} and (
                tok.lower_ != "of" or tok.head.lower_ == "behalf"):
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is None and tok.dep_ == "agent":  # "brought by Attorney General Dave Yost": parsed as an object
                pobj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i > tok.i), None)
            if pobj is not None and pobj.pos_ in {"PROPN", "NOUN"}:
                out.append(pobj)
                break
    return out


def _proper_name(head: Token, gaz: Gazetteer) -> list[Token] | None:
    """Two or more proper nouns that name no known actor: a person's name beside a role word
    (spaCy tags many such names ORG)."""
    if head.pos_ != "PROPN" or gaz.lookup(head.text):
        return None
    name = [t for t in head.subtree if t.dep_ in {"compound", "appos"} or t.i == head.i]
    if len(name) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name) \
            and not gaz.lookup(" ".join(t.text for t in name)):
        return name
    return None


def _speaks(head: Token) -> bool:
    """The phrase is the subject of a verb or the agent of a passive one ("echoed by everyone")."""
    if head.dep_ == "nsubj":
        return head.head.pos_ in {"VERB", "AUX"}
    return head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.dep_ == "agent"


def _appositive(head: Token) -> list[Token]:
    for child in head.rights:
        if child.dep_ == "appos":
            return list(child.subtree)
    return []
