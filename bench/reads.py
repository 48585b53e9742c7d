#!/usr/bin/env python3
"""Graph-read latency with 1k and 20k articles stored: p50/p99 per route and the 20k/1k p99 ratio.

    .venv/bin/python bench/reads.py [--databases sqlite postgres] [--postgres URL]
                                    [--sizes 1000 20000] [--requests 200] [--base 24]

The corpus: the first ``--base`` PolNeAR dev articles beside the repository (else the seeds) are
extracted and stored through the service layer (``store_result``, corpus-claim linking
included). Copies of them, with new ids, content hashes and dates, are then written in bulk:
each owned row of the base article with its id replaced, claims linked to the base's corpus
claims. Running spaCy or the linker 20k times would take an hour and measure nothing about reads.
Copies are dated at a steady 20 articles a day, so a bigger corpus spans a longer period, as a
growing one does: a 30-day window holds as many articles at 20k as at 1k.

Each size has a fresh database (SQLite files in a temporary folder; PostgreSQL databases made
beside ``--postgres``, vacuumed and analysed after the bulk copy as autovacuum would, and dropped
at the end). Requests go through the ASGI app in-process (TestClient: no network, no model), in
a shuffled order, the two sizes taking turns request by request, timed one by one; actors are
drawn from those that speak. What is alive after the warm-up (imports, apps) is frozen out of
the garbage collector (``gc.freeze``), as bench/RESULTS.md proposes for the server: otherwise a
full collection, 100 ms and more here, lands on a random 1% of the requests and decides p99.

What should stay flat: one article's graph, a page of articles, a 30-day window of the graph.
What grows with the corpus by design: the whole-corpus graph (every statement; timed 1/20 as
often, last) and the totals of an actor's lists (its statements are counted, and in copies every
actor speaks 20 times as often at 20k).

The corpus graph's JSON is cached per query and state of the corpus (``services/graph.py``), so
a repeated graph request costs a version query; the ``built`` rows clear that cache before each
request and time the graph's construction.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (Column, Engine, MetaData, String, Table, create_engine, func, make_url,
                        select, text)

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fastapi.testclient import TestClient  # noqa: E402
from sqlmodel import Session, SQLModel  # noqa: E402

from app.config import Settings  # noqa: E402
from app.db import make_engine, upgrade  # noqa: E402
from app.extract.pipeline import ArticleInput, ExtractionResult, get_pipeline  # noqa: E402
from app.main import create_app  # noqa: E402
from app.services.graph import clear_caches  # noqa: E402
from app.services.store import store_result  # noqa: E402

POLNEAR = REPO.parent / "shared" / "eval" / "polnear-dev"
ARTICLES_PER_DAY = 20
FIRST_DAY = date(2015, 1, 1)
# tables whose rows belong to one article: the column that names it (an article id, or a
# statement or claim id that starts with it), parents first; the others are shared, never copied
OWNED = {"articles": "id", "article_actors": "article_id", "claims": "article_id",
         "statements": "article_id", "evidence": "statement_id", "claim_links": "claim_id",
         "claim_terms": "claim_id"}
SHARED = {"actors", "corpus_claims", "ingest_jobs", "ingest_items"}
ID_COLUMNS = {"id", "article_id", "statement_id", "claim_id"}  # replaced; corpus_claim_id is kept
ARTICLES_PER_INSERT = 500
WHOLE_GRAPH = "GET /v1/graph (whole corpus)"  # seconds at 20k when built: timed 1/20 as often
WHOLE_GRAPH_BUILT = "GET /v1/graph (whole corpus, built)"
WINDOW_BUILT = "GET /v1/graph?since=(30 days, built)"
copies = Table("bench_copies", MetaData(), Column("base", String), Column("new", String),
               prefixes=["TEMPORARY"])


def base_results(count: int) -> list[ExtractionResult]:
    folder = POLNEAR if POLNEAR.is_dir() else REPO / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))][:count]
    return list(get_pipeline().extract_many(ArticleInput(text=t) for t in texts))


def day_of(n: int) -> date:
    return FIRST_DAY + timedelta(days=n // ARTICLES_PER_DAY)


def copy_id(n: int) -> tuple[str, str]:
    """Copy ``n``'s content hash and article id."""
    digest = hashlib.sha256(f"synthetic article {n}".encode()).hexdigest()
    return digest, digest[:16]


def store_bases(engine: Engine, results: list[ExtractionResult]) -> list[dict[str, Any]]:
    """The real articles, stored as the API stores them, dated as copies 0…len-1; their rows."""
    unknown = set(SQLModel.metadata.tables) - set(OWNED) - SHARED
    if unknown:
        sys.exit(f"bench/reads.py: say whether tables {sorted(unknown)} belong to an article (OWNED)")
    with Session(engine) as session:
        for n, result in enumerate(results):
            article = dict(result.article, published_at=day_of(n).isoformat())
            graph = json.loads(json.dumps(result.graph))
            graph["graph"]["article"] = article
            store_result(session, ExtractionResult(article, result.text, result.language, graph))
    with engine.connect() as connection:
        return [dict(row) for row in connection.execute(select(SQLModel.metadata.tables["articles"]))
                .mappings()]


def copy_article(row: dict[str, Any], n: int) -> dict[str, Any]:
    digest, new = copy_id(n)
    graph = json.loads(json.dumps(row["graph"]).replace(row["id"], new))
    graph["graph"]["article"] |= {"id": new, "content_hash": digest,
                                  "published_at": day_of(n).isoformat()}
    return row | {"id": new, "content_hash": digest, "published_at": day_of(n), "graph": graph,
                  "ingested_at": datetime(2025, 1, 1, tzinfo=UTC) + timedelta(seconds=n)}


def add_copies(engine: Engine, bases: list[dict[str, Any]], first: int, last: int) -> None:
    """Copies number ``first`` … ``last - 1`` of the base articles, round robin: the article rows
    from Python (their graph JSON names the article), the rest by INSERT … SELECT from the base
    article's rows with the ids replaced."""
    numbers = range(first, last)
    with engine.begin() as connection:
        for start in range(first, last, ARTICLES_PER_INSERT):
            connection.execute(SQLModel.metadata.tables["articles"].insert(), [
                copy_article(bases[n % len(bases)], n) for n in numbers[start - first:][:ARTICLES_PER_INSERT]])
        copies.create(connection)
        connection.execute(copies.insert(), [{"base": bases[n % len(bases)]["id"], "new": copy_id(n)[1]}
                                             for n in numbers])
        for name, owner in list(OWNED.items())[1:]:
            table = SQLModel.metadata.tables[name]
            columns = [func.replace(c, copies.c.base, copies.c.new) if c.name in ID_COLUMNS else c
                       for c in table.columns]
            connection.execute(table.insert().from_select(
                [c.name for c in table.columns],
                select(*columns).join(copies, func.substr(table.c[owner], 1, 16) == copies.c.base)))
        copies.drop(connection)


def requests_for(engine: Engine, articles: int, plan: list[str], rng: random.Random) -> list[str]:
    """A URL for each route name of ``plan``, with ids drawn from this database."""
    with engine.connect() as connection:
        article_ids = connection.execute(text("SELECT id FROM articles ORDER BY id")).scalars().all()
        actor_ids = connection.execute(text("SELECT DISTINCT source_id FROM statements ORDER BY 1")).scalars().all()
    window = (day_of(articles - 1) - timedelta(days=30)).isoformat()
    routes = {
        "GET /v1/articles/{id}/graph": lambda: f"/v1/articles/{rng.choice(article_ids)}/graph",
        "GET /v1/articles": lambda: "/v1/articles",
        "GET /v1/articles?actor=": lambda: f"/v1/articles?actor={rng.choice(actor_ids)}",
        "GET /v1/actors/{id}/statements": lambda: f"/v1/actors/{rng.choice(actor_ids)}/statements",
        "GET /v1/graph?since=(30 days)": lambda: f"/v1/graph?since={window}",
        WINDOW_BUILT: lambda: f"/v1/graph?since={window}",
        WHOLE_GRAPH: lambda: "/v1/graph",
        WHOLE_GRAPH_BUILT: lambda: "/v1/graph",
    }
    return [routes[name]() for name in plan]


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(p) - 1]


def build(url: str, results: list[ExtractionResult], size: int) -> Engine:
    upgrade(url)
    engine = make_engine(url)
    start = time.perf_counter()
    add_copies(engine, store_bases(engine, results), len(results), size)
    if engine.dialect.name == "postgresql":  # what autovacuum does after a bulk insert
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    print(f"  {size} articles stored in {time.perf_counter() - start:.1f} s", flush=True)
    return engine


def measure(urls: dict[int, str], engines: dict[int, Engine],
            count: int) -> dict[int, dict[str, tuple[float, float]]]:
    """Size → route → (p50, p99) in milliseconds. The sizes take turns request by request (the
    same routes in the same order), so a busy moment of the machine hits both alike. The
    whole-corpus graph comes last, on its own: its large answers would otherwise leave garbage
    that others pay for."""
    names = ["GET /v1/articles/{id}/graph", "GET /v1/articles", "GET /v1/articles?actor=",
             "GET /v1/actors/{id}/statements", "GET /v1/graph?since=(30 days)", WINDOW_BUILT]
    plan = [name for name in names for _ in range(count)]
    random.Random(8).shuffle(plan)
    plan += [WHOLE_GRAPH, WHOLE_GRAPH_BUILT] * max(5, count // 20)
    clients, paths = {}, {}
    for size, url in urls.items():
        settings = Settings(database_url=url, seed_on_start=False, migrate_on_start=False)
        clients[size] = TestClient(create_app(settings, engines[size]))  # no lifespan: no model
        paths[size] = requests_for(engines[size], size, plan, random.Random(size))
        for path in paths[size][:20]:  # warm up connections and caches
            clients[size].get(path)
    # what is alive now lives on: keep it out of the collector's full passes (see RESULTS.md)
    gc.collect()
    gc.freeze()
    times: dict[int, dict[str, list[float]]] = {size: {} for size in urls}
    for i, name in enumerate(plan):
        for size in (list(urls) if i % 2 else list(urls)[::-1]):
            if name in (WINDOW_BUILT, WHOLE_GRAPH_BUILT):
                clear_caches(engines[size])
            start = time.perf_counter()
            response = clients[size].get(paths[size][i])
            times[size].setdefault(name, []).append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                sys.exit(f"{paths[size][i]}: {response.status_code} {response.text[:200]}")
    gc.unfreeze()
    return {size: {name: (percentile(times[size][name], 50), percentile(times[size][name], 99))
                   for name in [*names, WHOLE_GRAPH, WHOLE_GRAPH_BUILT]} for size in urls}


def report(kind: str, figures: dict[int, dict[str, tuple[float, float]]]) -> None:
    for size, routes in figures.items():
        print(f"{kind}, {size} articles:")
        for name, (p50, p99) in routes.items():
            print(f"  {name:32} p50 {p50:7.2f} ms  p99 {p99:7.2f} ms")
    small, large = min(figures), max(figures)
    print(f"{kind}: p99 at {large} ÷ p99 at {small} (target ≤ 1.5; the actor routes and the whole "
          "corpus grow by design)")
    for name in figures[small]:
        print(f"  {name:32} {figures[large][name][1] / figures[small][name][1]:5.2f}")


def run_sqlite(results: list[ExtractionResult], sizes: list[int], count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        urls = {size: f"sqlite:///{folder}/reads-{size}.db" for size in sizes}
        engines = {size: build(url, results, size) for size, url in urls.items()}
        report("sqlite", measure(urls, engines, count))
        for engine in engines.values():
            engine.dispose()


@contextmanager
def postgres_databases(server: str, sizes: list[int]) -> Iterator[dict[int, str]]:
    """A fresh database per corpus size beside ``server``'s (dropped afterwards), by size: their URLs."""
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    names = {size: f"claimgraph_bench_{secrets.token_hex(4)}" for size in sizes}
    try:
        with admin.connect() as connection:
            for name in names.values():
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield {size: make_url(server).set(database=name).render_as_string(hide_password=False)
               for size, name in names.items()}
    finally:
        with admin.connect() as connection:
            for name in names.values():
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """The options the corpus benches share: which databases, the server, the two sizes, the base."""
    parser.add_argument("--databases", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"])
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
                        help="a database on the server to use (fresh ones are made beside it)")
    parser.add_argument("--sizes", type=int, nargs=2, default=[1000, 20000])
    parser.add_argument("--base", type=int, default=24, help="real articles to extract and copy")


def run_postgres(server: str, results: list[ExtractionResult], sizes: list[int], count: int) -> None:
    with postgres_databases(server, sizes) as urls:
        engines = {size: build(url, results, size) for size, url in urls.items()}
        report("postgres", measure(urls, engines, count))
        for engine in engines.values():
            engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    corpus_arguments(parser)
    parser.add_argument("--requests", type=int, default=200, help="requests per route and size")
    args = parser.parse_args()

    results = base_results(args.base)
    print(f"{len(results)} base articles, {args.requests} requests per route and size, "
          f"load average {os.getloadavg()[0]:.1f}")
    for kind in args.databases:
        print(f"{kind}:", flush=True)
        if kind == "sqlite":
            run_sqlite(results, args.sizes, args.requests)
        else:
            run_postgres(args.postgres, results, args.sizes, args.requests)
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
