"""SQL per request on the read routes: a fixed number of statements however many articles are
stored (so an N+1 query cannot creep in), and plans that start from an index rather than read a
whole table (bench/reads.py measures the latency these keep flat)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, text
from sqlmodel import Session

from app.config import Settings
from app.db import make_engine
from app.main import create_app
from app.services.store import store_result

# route → SQL statements per request; {article} is a stored article, actors are the samples'.
# The corpus graph, built: a snapshot, the corpus version, then 3 (the edges, their actors, and
# with rollup their parents); read from its cache: the snapshot and the version alone.
ROUTES = {
    "/v1/articles/{article}": 1,
    "/v1/articles/{article}/graph": 1,
    "/v1/articles": 2,
    "/v1/articles?actor=usa&since=2022-03-02": 2,
    "/v1/actors": 2,
    "/v1/actors?q=china": 2,
    "/v1/actors/chn-mfa": 4,
    "/v1/actors/usa/statements": 5,
    "/v1/actors/usa/neighbors": 4,
    "/v1/graph": 5,
    "/v1/graph?since=2022-03-02&relation=accuse": 5,
    "/v1/graph?rollup=country": 5,
    "/v1/claims": 5,
    "/v1/claims/{article}-c1": 6,
}
CACHED = {route: 2 for route in ROUTES if route.startswith("/v1/graph")}


def _report(make_result, n: int):
    """Article number ``n``: a denial, and an accusation with an actor target."""
    text = (f"Report {n}. China denied that Russia asked for military help. The Chinese foreign "
            "ministry accused the United States of spreading disinformation.")
    return make_result(text, [
        ("China denied that Russia asked for military help.", "denied", "China", "chn", "deny",
         None, 1, "Russia asked for military help"),
        ("The Chinese foreign ministry accused the United States of spreading disinformation.",
         "accused", "The Chinese foreign ministry", "chn-mfa", "accuse", "usa", 2,
         "spreading disinformation"),
    ], source="Reuters", published_at=date(2022, 3, 1 + n), title=f"Report {n}")


class StatementLog:
    """Every SQL statement the engine sends, with its parameters."""

    def __init__(self, engine: Engine):
        self.statements: list[tuple[str, object]] = []
        event.listen(engine, "before_cursor_execute", self._record)

    def _record(self, _connection, _cursor, statement, params, _context, _many) -> None:
        self.statements.append((statement, params))


@pytest.fixture
def reads(settings: Settings, engine: Engine) -> Iterator[tuple[TestClient, StatementLog]]:
    """A client of the read routes (no start-up: they need no model) and the engine's SQL log."""
    yield TestClient(create_app(settings, engine)), StatementLog(engine)


def _statements_per_route(client: TestClient, log: StatementLog, article_id: str,
                          routes: dict[str, int] = ROUTES) -> dict[str, int]:
    counts = {}
    for route in routes:
        log.statements.clear()
        response = client.get(route.format(article=article_id))
        assert response.status_code == 200, (route, response.text)
        counts[route] = len(log.statements)
    return counts


def test_each_read_sends_a_fixed_number_of_statements(reads, session: Session, make_result):
    client, log = reads
    first = _report(make_result, 1)
    store_result(session, first)
    store_result(session, _report(make_result, 2))
    assert _statements_per_route(client, log, first.article["id"]) == ROUTES
    assert _statements_per_route(client, log, first.article["id"], CACHED) == CACHED
    for n in range(3, 10):
        store_result(session, _report(make_result, n))
    assert _statements_per_route(client, log, first.article["id"]) == ROUTES
    assert _statements_per_route(client, log, first.article["id"], CACHED) == CACHED


def _plan(engine: Engine, statement: str, params: object) -> str:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params)
            return "\n".join(row[3] for row in rows)
        connection.execute(text("SET enable_seqscan = off"))  # small tables: force the choice
        return "\n".join(connection.exec_driver_sql(f"EXPLAIN {statement}", params).scalars())


def _plans(url: str, sample_results, path: str) -> list[str]:
    """The plan of each statement that a request for ``path`` sends, the samples stored."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            for result in sample_results:
                store_result(session, result)
        client = TestClient(create_app(Settings(database_url=url, seed_on_start=False,
                                                migrate_on_start=False), engine))
        log = StatementLog(engine)
        assert client.get(path).status_code == 200
        return [_plan(engine, statement, params) for statement, params in list(log.statements)]
    finally:
        engine.dispose()


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    """SQLite plans do not depend on the number of rows (no ANALYZE statistics): a few show them."""
    path = tmp_path / "plans.db"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


def test_a_date_window_of_the_graph_starts_from_the_date_index(sqlite_url, sample_results):
    """Before, a join made SQLite walk every statement of the corpus for a one-month window; and
    the edges of each article in it are read from an index alone (migration 0006)."""
    edges = next(plan for plan in _plans(sqlite_url, sample_results, "/v1/graph?since=2022-03-16")
                 if "statements" in plan)
    assert "SEARCH articles USING INDEX ix_articles_published_at" in edges, edges
    assert "SEARCH statements USING COVERING INDEX ix_statements_article_edges" in edges, edges


def test_an_actors_articles_are_found_from_the_statement_indexes(sqlite_url, sample_results):
    """Before, a correlated EXISTS probed the statements of every article to count them."""
    count, _page = _plans(sqlite_url, sample_results, "/v1/articles?actor=usa")
    assert "ix_statements_source_id" in count and "ix_statements_target_id" in count, count
    assert "SCAN articles" not in count and "CORRELATED" not in count, count


@pytest.mark.postgres
def test_pages_of_articles_on_postgresql_are_read_in_index_order(postgres_db, sample_results):
    """Newest first with undated articles last: without an index in that order (migration 0005)
    PostgreSQL sorted every article for each page."""
    _count, page = _plans(postgres_db, sample_results, "/v1/articles")
    assert "ix_articles_newest_first" in page and "Sort" not in page, page
