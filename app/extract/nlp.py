"""The spaCy stage: one pipeline per process, loaded on first use."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load an installed spaCy pipeline package by name (never downloads anything)."""
    return spacy.load(model)
