"""Word lemmas from the spaCy model's own lemmatizer tables, without parsing anything again.

The rule lemmatizer needs a part-of-speech tag, which a claim label no longer has once the
article is stored. Trying the exception lists and suffix rules for verbs, nouns and adjectives in
turn, and keeping the first form the model's lemma index knows, gives the lemma of nearly every
content word ("sought" -> "seek", "asked" -> "ask", "missiles" -> "missile") for the price of a
few dictionary look-ups. A verb reading wins over a noun one, which is what matching needs:
"shooting" and "shot" should meet at "shoot".
"""

from functools import lru_cache
from typing import Any

from app.config import get_settings
from app.extract.nlp import load_nlp

_PARTS_OF_SPEECH = ("verb", "noun", "adj")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Any], dict[str, Any], dict[str, set[str]]] | None:
    """(exceptions, rules, index) per part of speech, or None for a model without rule tables."""
    nlp = load_nlp(get_settings().spacy_model, get_settings().nlp_threads)
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not all(lookups.has_table(t) for t in ("lemma_exc", "lemma_rules", "lemma_index")):
        return None
    exc, rules, index = (lookups.get_table(t) for t in ("lemma_exc", "lemma_rules", "lemma_index"))
    return ({p: exc.get(p, {}) for p in _PARTS_OF_SPEECH},
            {p: rules.get(p, []) for p in _PARTS_OF_SPEECH},
            {p: set(index.get(p, [])) for p in _PARTS_OF_SPEECH})


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The lemma of a lower-case word; the word itself when no table knows it."""
    tables = _tables()
    if tables is None:
        return word
    exceptions, rules, index = tables
    for pos in _PARTS_OF_SPEECH:
        if word in exceptions[pos]:
            return exceptions[pos][word][0]
    # a verb reading first: "shooting", "accused" and "talks" are also nouns or adjectives
    if (form := _by_rules(word, rules["verb"], index["verb"])) is not None:
        return form
    if any(word in index[pos] for pos in _PARTS_OF_SPEECH):
        return word
    for pos in ("noun", "adj"):
        if (form := _by_rules(word, rules[pos], index[pos])) is not None:
            return form
    return word


def _by_rules(word: str, rules: list[list[str]], index: set[str]) -> str | None:
    for old, new in rules:
        if word.endswith(old) and (form := word[: len(word) - len(old)] + new) in index:
            return form
    return None
