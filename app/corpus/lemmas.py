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

from spacy.lookups import Lookups
from spacy.util import get_model_meta, get_package_path

from app.config import get_settings
from app.extract.nlp import load_nlp

_PARTS_OF_SPEECH = ("verb", "noun", "adj")
_TABLES = ("lemma_exc", "lemma_rules", "lemma_index")


def preload() -> None:
    """Read the tables now rather than on the first claim matched."""
    _tables()


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Any], dict[str, Any], dict[str, set[str]]] | None:
    """(exceptions, rules, index) per part of speech, or None for a model without rule tables."""
    lookups = _package_lookups(get_settings().spacy_model)
    if lookups is None:  # not laid out as a pipeline package: load the pipeline itself
        nlp = load_nlp(get_settings().spacy_model, get_settings().nlp_threads)
        if "lemmatizer" not in nlp.pipe_names:
            return None
        lookups = nlp.get_pipe("lemmatizer").lookups
    if not all(lookups.has_table(t) for t in _TABLES):
        return None
    exc, rules, index = (lookups.get_table(t) for t in _TABLES)
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


def _package_lookups(model: str) -> Lookups | None:
    """The lemmatizer's tables, read from the installed pipeline package's files: a few MB, where
    loading the pipeline costs some 80 MB (the API process parses nothing: its extraction runs in
    a child process), so only matching claims at ingest would load it there."""
    try:
        package = get_package_path(model)
        meta = get_model_meta(package)
        folder = package / f"{meta['lang']}_{meta['name']}-{meta['version']}" / "lemmatizer" / "lookups"
    except (OSError, ImportError, KeyError, ValueError):
        return None
    if not (folder / "lookups.bin").is_file():
        return None
    return Lookups().from_disk(folder)
