"""``claimgraph ingest -j N``: the articles of a folder shared out over N processes.

Extraction is CPU-bound code that holds the GIL, so one process keeps one core busy. Each worker
loads its own pipeline, takes a few articles at a time (a run of long articles does not leave
the others idle at the end) and writes to the same database: PostgreSQL takes concurrent
writers, and on SQLite (WAL) a writer waits on the busy timeout while the other commits. The
same content sent by two workers at once is stored once (the unique content hash, see store.py).
"""

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context

from sqlalchemy import Engine
from sqlmodel import Session

from app.db import make_engine
from app.extract.pipeline import ArticleInput, Pipeline, get_pipeline
from app.services.ingest import ingest_many

CHUNK_ARTICLES = 4
"""Articles a worker takes at a time: a batch for the parser, small enough that workers finish
together."""

_worker: tuple[Engine, Pipeline] | None = None


def _start_worker(database_url: str) -> None:
    global _worker
    _worker = (make_engine(database_url), get_pipeline())


def _ingest_chunk(items: list[ArticleInput]) -> list[bool]:
    assert _worker is not None, "the pool's initializer starts each worker"
    engine, pipeline = _worker
    with Session(engine) as session:
        return [created for _, created in ingest_many(session, items, pipeline)]


def ingest_in_processes(database_url: str, items: list[ArticleInput], processes: int) -> Iterator[bool]:
    """Ingest ``items`` with ``processes`` workers; yield whether each was new, chunk by chunk as
    they finish (not in input order). An error stops the run: chunks not started are dropped."""
    chunks = [items[i:i + CHUNK_ARTICLES] for i in range(0, len(items), CHUNK_ARTICLES)]
    pool = ProcessPoolExecutor(processes, mp_context=get_context("spawn"),  # never fork threads
                               initializer=_start_worker, initargs=(database_url,))
    try:
        for future in as_completed([pool.submit(_ingest_chunk, chunk) for chunk in chunks]):
            yield from future.result()
    finally:
        pool.shutdown(cancel_futures=True)
