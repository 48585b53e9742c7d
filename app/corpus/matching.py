"""Is this article claim the same proposition as that one? Claim signatures and their similarity.

A claim is compared by what it is about and what it says. The actors come from the claim node's
``about`` list and from actor names in its label (gazetteer names and demonyms: "Moscow",
"Chinese"), folded to their country or top parent so that "the Kremlin" and "Russia" meet. The
content is the set of lemmas left once actor names, stopwords, reporting words and negators are
gone, with synonyms folded ("sought military assistance" ~ "asked for military help"). Negation
does not change the proposition, only its polarity: "Iran shot down the plane" and "Iran did not
shoot down the plane" are one corpus claim that the second sentence denies.
"""

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from app.corpus.lemmas import lemma
from app.extract.gazetteer import GazetteerEntry, load_gazetteer

MIN_SHARED_TERMS = 2
"""Fewer shared content lemmas than this is never the same proposition ("east Jerusalem")."""
ONE_SIDE_WITHOUT_ACTORS = 0.7
"""Actor factor when only one claim names actors: the other may be vaguer, or about something else."""
NEITHER_WITH_ACTORS = 0.9
"""Actor factor when neither claim names an actor: content alone decides, slightly discounted."""
PARTY_WEIGHT = 0.2
"""How much shared speakers and targets count: reports of one claim often quote different people."""
MAX_NGRAM = 4
"""Longest actor name looked up in a label, in words ("Ministry of Foreign Affairs")."""

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z]+(?:['’][A-Za-z]+)*|\d+")

Fold = Callable[[str], str]
"""Maps an actor id to the key actors are compared by (country code or top parent)."""


@dataclass(frozen=True)
class Signature:
    """What a claim is compared by."""

    terms: frozenset[str]
    actors: frozenset[str]
    parties: frozenset[str]
    negative: bool


@dataclass(frozen=True)
class _Lexicon:
    negators: frozenset[str]
    ignored: frozenset[str]
    canonical: dict[str, str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = json.loads(resources.files("app.corpus").joinpath("data/matching.json").read_text("utf-8"))
    canonical = {word: group[0] for group in raw["synonyms"] for word in group}
    return _Lexicon(frozenset(raw["negators"]), frozenset(raw["ignored"]), canonical)


def entry_key(entry: GazetteerEntry) -> str:
    """The folded key of a gazetteer entry: its country code, else its top parent, else itself."""
    gazetteer = load_gazetteer()
    while entry.country is None and entry.part_of in gazetteer.entries:
        entry = gazetteer.entries[entry.part_of]
    return entry.country or entry.id


def signature(label: str, about: Iterable[str], parties: Iterable[str], fold: Fold,
              names: Iterable[str] = ()) -> Signature:
    """The signature of a claim ``label`` about the actors ``about``, spoken of by ``parties``.

    ``names`` are the words the article uses for those actors ("Trump", "TikTok"): they count as
    actors already, not as content.
    """
    lexicon = _lexicon()
    name_words = {w.lower() for name in names for w in _TOKEN.findall(name)}
    words = [_clean(m.group()) for m in _TOKEN.finditer(label)]
    negations = sum(w.lower().endswith("n't") or w.lower() in lexicon.negators for w in words)
    actors = {fold(a) for a in about}
    content: list[str] = []
    i = 0
    while i < len(words):
        found = _actor_at(words, i)
        if found is not None:
            size, key = found
            actors.add(key)
            i += size
            continue
        word = words[i].lower().removesuffix("n't")
        i += 1
        if word in lexicon.negators or word in lexicon.ignored or word in STOP_WORDS or word in name_words:
            continue
        base = lemma(word)
        if len(base) < 2 or base in STOP_WORDS or base in lexicon.ignored:
            continue
        content.append(lexicon.canonical.get(base, base))
    return Signature(frozenset(content), frozenset(actors), frozenset(fold(p) for p in parties),
                     negations % 2 == 1)


def _clean(word: str) -> str:
    word = word.replace("’", "'")
    return word[:-2] if word.lower().endswith("'s") else word


def _actor_at(words: list[str], i: int) -> tuple[int, str] | None:
    """(number of words, folded key) of the longest actor name starting at ``words[i]``."""
    gazetteer = load_gazetteer()
    for size in range(min(MAX_NGRAM, len(words) - i), 0, -1):
        phrase = " ".join(words[i:i + size])
        entry = gazetteer.lookup(phrase) or (gazetteer.lookup_demonym(phrase) if size == 1 else None)
        if entry is not None and (phrase[0].isupper() or not entry.is_ambiguous(phrase)):
            return size, entry_key(entry)
    return None


def similarity(a: Signature, b: Signature) -> float:
    """How surely two claims state one proposition, from 0 to 1 (polarity aside)."""
    shared = len(a.terms & b.terms)
    if shared < MIN_SHARED_TERMS:
        return 0.0
    content = 2 * shared / (len(a.terms) + len(b.terms))
    if a.actors and b.actors:
        actors = _jaccard(a.actors, b.actors)
    elif a.actors or b.actors:
        actors = ONE_SIDE_WITHOUT_ACTORS
    else:
        actors = NEITHER_WITH_ACTORS
    parties = 1.0
    if a.parties and b.parties:
        parties = 1 - PARTY_WEIGHT + PARTY_WEIGHT * _jaccard(a.parties, b.parties)
    return content * actors * parties


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b)
