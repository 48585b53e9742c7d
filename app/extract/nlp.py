"""The spaCy stage: one pipeline per process, loaded on first use."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from threadpoolctl import threadpool_limits


@lru_cache(maxsize=4)
def load_nlp(model: str, threads: int = 1) -> Language:
    """Load an installed spaCy pipeline package by name (never downloads anything).

    The BLAS pool is capped at ``threads``: the parser's matrix products are small, and several
    API or worker processes each running a pool as wide as the machine fight over the cores
    (measured: 2 extraction processes on 2 cores went from 1.18x to 1.59x the speed of one).
    """
    threadpool_limits(threads)
    return spacy.load(model)
