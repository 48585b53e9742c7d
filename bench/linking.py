#!/usr/bin/env python3
"""Storing one new article (``store_result``: rows, corpus-claim linking, commit) at 1k and 20k
articles: milliseconds per article, the share spent finding match candidates, and the links made.

    .venv/bin/python bench/linking.py [--databases sqlite postgres] [--postgres URL]
                                      [--sizes 1000 20000] [--articles 12] [--base 24]

The corpora are bench/reads.py's: ``--base`` real PolNeAR dev articles extracted and stored, then
copied in bulk (each copy keeps its base's claim terms, so a term is in 20 times as many claims
at 20k as at 1k, as in a growing corpus). Two kinds of new article are stored, each into both
sizes in turn (the sizes alternate, so a busy moment of the machine hits both alike) and deleted
again, untimed:

* ``unseen``: the next ``--articles`` PolNeAR dev articles, not in the corpus;
* ``repeat``: base articles again with a line added (new content, the same claims): their claims
  match the base's copies, hundreds of them at 20k.

Printed per size: p50 and mean of the store, the mean time in ``linking._candidates``, and a
digest of every link made (corpus claim, score, negation), to check that a change to the
candidate search leaves the links as they were.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, select
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reads import POLNEAR, base_results, build, corpus_arguments, postgres_databases  # noqa: E402

from app.corpus import linking  # noqa: E402
from app.extract.pipeline import ArticleInput, ExtractionResult, get_pipeline  # noqa: E402
from app.models import Claim, ClaimLink  # noqa: E402
from app.services.articles import delete_article  # noqa: E402
from app.services.store import store_result  # noqa: E402


def new_articles(base: int, count: int) -> dict[str, list[ExtractionResult]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR.glob("*.txt"))]
    unseen = texts[base:base + count]
    repeat = [f"{t}\n\nUpdated with a correction {n}." for n, t in enumerate(texts[:min(count, base)])]
    pipeline = get_pipeline()
    return {kind: list(pipeline.extract_many(ArticleInput(text=t) for t in batch))
            for kind, batch in (("unseen", unseen), ("repeat", repeat))}


class CandidateTimer:
    """Time spent in ``linking._candidates`` (wrapped for the run)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.wrapped: Callable = linking._candidates
        linking._candidates = self._timed  # type: ignore[assignment]

    def _timed(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return self.wrapped(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start


def store_once(engine: Engine, result: ExtractionResult, timer: CandidateTimer) -> tuple[float, float, list]:
    """(store ms, candidate ms, links) of one new article, deleted again afterwards."""
    before = timer.seconds
    with Session(engine, expire_on_commit=False) as session:
        start = time.perf_counter()
        article, created = store_result(session, result)
        elapsed = time.perf_counter() - start
        assert created, "the new article was stored before"
        links = session.exec(
            select(ClaimLink.claim_id, ClaimLink.corpus_claim_id, ClaimLink.score, ClaimLink.negated)
            .join(Claim, Claim.id == ClaimLink.claim_id).where(Claim.article_id == article.id)
            .order_by(ClaimLink.claim_id)).all()
        delete_article(session, article.id)
    return elapsed * 1000, (timer.seconds - before) * 1000, [list(link) for link in links]


def measure(engines: dict[int, Engine], articles: dict[str, list[ExtractionResult]]) -> None:
    timer = CandidateTimer()
    for kind, results in articles.items():
        figures: dict[int, dict[str, list]] = {size: {"store": [], "candidates": [], "links": []}
                                               for size in engines}
        for i, result in enumerate(results):
            for size in (list(engines) if i % 2 else list(engines)[::-1]):
                store_ms, candidate_ms, links = store_once(engines[size], result, timer)
                figures[size]["store"].append(store_ms)
                figures[size]["candidates"].append(candidate_ms)
                figures[size]["links"].append(links)
        for size, f in figures.items():
            digest = hashlib.sha256(json.dumps(f["links"]).encode()).hexdigest()[:12]
            linked = sum(link[1] != f"cc-{link[0]}" for links in f["links"] for link in links)
            print(f"  {kind:6} {size:6} articles: store p50 {statistics.median(f['store']):7.1f} ms, "
                  f"mean {statistics.mean(f['store']):7.1f} ms; candidates mean "
                  f"{statistics.mean(f['candidates']):7.1f} ms; {linked} of "
                  f"{sum(map(len, f['links']))} claims joined a corpus claim; links {digest}", flush=True)
        small, large = min(figures), max(figures)
        print(f"  {kind:6} store mean at {large} ÷ at {small}: "
              f"{statistics.mean(figures[large]['store']) / statistics.mean(figures[small]['store']):.2f}")


def run_sqlite(results: list[ExtractionResult], sizes: list[int], articles: dict) -> None:
    with tempfile.TemporaryDirectory() as folder:
        engines = {size: build(f"sqlite:///{folder}/linking-{size}.db", results, size) for size in sizes}
        measure(engines, articles)
        for engine in engines.values():
            engine.dispose()


def run_postgres(server: str, results: list[ExtractionResult], sizes: list[int], articles: dict) -> None:
    with postgres_databases(server, sizes) as urls:
        engines = {size: build(url, results, size) for size, url in urls.items()}
        measure(engines, articles)
        for engine in engines.values():
            engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    corpus_arguments(parser)
    parser.add_argument("--articles", type=int, default=12, help="new articles of each kind")
    args = parser.parse_args()
    if not POLNEAR.is_dir():
        sys.exit(f"bench/linking.py needs the PolNeAR dev articles in {POLNEAR}")
    results = base_results(args.base)
    articles = new_articles(args.base, args.articles)
    print(f"{len(results)} base articles; {len(articles['unseen'])} unseen and "
          f"{len(articles['repeat'])} repeated new articles; load average {os.getloadavg()[0]:.1f}")
    for kind in args.databases:
        print(f"{kind}:", flush=True)
        (run_sqlite if kind == "sqlite" else lambda *a: run_postgres(args.postgres, *a))(
            results, args.sizes, articles)
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
