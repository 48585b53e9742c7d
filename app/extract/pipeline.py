"""Run the stages in order: text → spaCy → actors → statements → claims → graph."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.config import get_settings
from app.extract import text as text_stage
from app.extract.graph import build_graph, to_node_link
from app.extract.nlp import load_nlp


@dataclass
class ArticleInput:
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published_at: date | None = None


@dataclass
class ExtractionResult:
    article: dict[str, Any]  # id, title, source, url, published_at (ISO date or None), content_hash
    text: str  # the text all offsets refer to
    language: str
    graph: dict[str, Any]  # node-link JSON (the article graph contract)


def content_hash(item: ArticleInput) -> str:
    raw = item.text if item.text is not None else (item.html or "")
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class Pipeline:
    def __init__(self, model: str | None = None):
        self.nlp = load_nlp(model or get_settings().spacy_model)

    def extract(self, item: ArticleInput) -> ExtractionResult:
        return next(iter(self.extract_many([item])))

    def extract_many(self, items: Iterable[ArticleInput]) -> Iterator[ExtractionResult]:
        for item in items:
            cleaned = text_stage.clean(text=item.text, html=item.html)
            digest = content_hash(item)
            published = item.published_at or cleaned.published_at
            article = {"id": digest[:16], "title": item.title or cleaned.title,
                       "source": item.source, "url": item.url,
                       "published_at": published.isoformat() if published else None,
                       "content_hash": digest}
            G = build_graph(article, [], [], {})
            yield ExtractionResult(article, cleaned.text, cleaned.language, to_node_link(G))


_pipeline: Pipeline | None = None


def get_pipeline() -> Pipeline:
    """The process-wide pipeline (the spaCy model is loaded once)."""
    global _pipeline
    if _pipeline is None:
        _pipeline = Pipeline()
    return _pipeline
