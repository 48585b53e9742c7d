"""Article in → extraction → storage. Content already stored is never extracted again."""

import logging
import re
import threading
from collections.abc import Iterator
from pathlib import Path

from sqlmodel import Session, func, select

from app.errors import ArticleRejected
from app.extract.pipeline import ArticleInput, ExtractionResult, Pipeline, content_hash
from app.models import Article
from app.services.extraction import TimedExtraction
from app.services.files import collect_files, read_article
from app.services.store import find_by_hash, store_result

# spaCy pipelines are not documented as thread-safe, and extraction is CPU-bound anyway
_extraction_lock = threading.Lock()
_WORD = re.compile(r"[^\W\d_]{2,}")  # two letters in a row, in any script

logger = logging.getLogger(__name__)


def ingest(session: Session, item: ArticleInput,
           pipeline: Pipeline | TimedExtraction) -> tuple[Article, bool]:
    """Extract and store one article; return ``(article, created)``."""
    existing = find_by_hash(session, content_hash(item))
    if existing is not None:
        return existing, False
    session.rollback()  # hold no transaction open during the slow extraction
    if isinstance(pipeline, Pipeline):
        with _extraction_lock:
            result = pipeline.extract(item)
    else:  # a child process, which takes one article at a time and stops at its timeout
        result = pipeline.extract(item)
    require_words(result)
    return store_result(session, result)


def require_words(result: ExtractionResult) -> None:
    """Refuse an article with no word in its text (digits and punctuation only, empty HTML):
    there is nothing to extract from, and storing it would only add an empty article."""
    if not _WORD.search(result.text):
        raise ArticleRejected("The article has no text to extract from: no words in it.")


def ingest_many(session: Session, items: list[ArticleInput],
                pipeline: Pipeline) -> Iterator[tuple[Article, bool]]:
    """Yield ``(article, created)`` per item: stored ones first, then new ones as extracted (batched)."""
    new: list[ArticleInput] = []
    for item in items:
        existing = find_by_hash(session, content_hash(item))
        if existing is None:
            new.append(item)
        else:
            yield existing, False
    session.rollback()
    for result in pipeline.extract_many(new):
        yield store_result(session, result)


def is_empty(session: Session) -> bool:
    return session.exec(select(func.count()).select_from(Article)).one() == 0


def seed(session: Session, seeds_dir: Path, pipeline: Pipeline) -> int:
    """Ingest every article file in ``seeds_dir``; return how many were new (none when it is missing)."""
    if not seeds_dir.is_dir():
        logger.warning("no seeds folder at %s: nothing seeded", seeds_dir)
        return 0
    items = [read_article(path) for path in collect_files([seeds_dir])]
    return sum(created for _, created in ingest_many(session, items, pipeline))
