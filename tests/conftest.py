"""Shared fixtures: an isolated, migrated database per test (SQLite, and PostgreSQL when
``CLAIMGRAPH_TEST_POSTGRES_URL`` is set), an API client, the spaCy pipeline (loaded once), and
hand-built extraction results with edges, so storage and queries are tested whatever the
extractor finds.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, make_url, text
from sqlmodel import Session, SQLModel

import app.models  # noqa: F401  (registers the tables for truncation)
from app.config import Settings
from app.db import make_engine, upgrade
from app.extract.graph import build_graph, to_node_link
from app.extract.pipeline import ExtractionResult, Pipeline, get_pipeline
from app.extract.records import Actor, Evidence, Statement, TextSpan
from app.main import create_app
from app.services.store import store_result

REPO = Path(__file__).resolve().parents[1]
POSTGRES_URL_ENV = "CLAIMGRAPH_TEST_POSTGRES_URL"
QUEUE_TABLES = ["procrastinate_jobs", "procrastinate_workers", "procrastinate_events",
                "procrastinate_periodic_defers"]


# --- databases ------------------------------------------------------------------------------------

_skipped_postgres_tests: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and "postgres" in report.keywords:
        _skipped_postgres_tests.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """With CLAIMGRAPH_REQUIRE_POSTGRES=1 (CI), a skipped PostgreSQL test fails the run."""
    if os.environ.get("CLAIMGRAPH_REQUIRE_POSTGRES") == "1" and _skipped_postgres_tests:
        print(f"\n{len(_skipped_postgres_tests)} PostgreSQL test(s) skipped, e.g. {_skipped_postgres_tests[0]}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The process-wide pipeline: the spaCy model is loaded once per test session."""
    return get_pipeline()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this test session, dropped at the end."""
    base = os.environ.get(POSTGRES_URL_ENV)
    required = os.environ.get("CLAIMGRAPH_REQUIRE_POSTGRES") == "1"
    if not base:
        if required:
            pytest.fail(f"CLAIMGRAPH_REQUIRE_POSTGRES=1 but {POSTGRES_URL_ENV} is not set")
        pytest.skip(f"{POSTGRES_URL_ENV} is not set")
    name = f"claimgraph_test_{secrets.token_hex(4)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # unreachable server, no rights…
        admin.dispose()
        if required:
            pytest.fail(f"cannot create a PostgreSQL test database: {exc}")
        pytest.skip(f"cannot create a PostgreSQL test database: {exc}")
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty, migrated database of each kind, isolated per test."""
    if request.param == "sqlite":
        path = tmp_path / "claimgraph.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    return request.getfixturevalue("postgres_db")


@pytest.fixture
def postgres_db(postgres_url: str) -> str:
    """The session's PostgreSQL database, emptied: our tables and the job queue's."""
    tables = ", ".join([t.name for t in SQLModel.metadata.sorted_tables] + QUEUE_TABLES)
    engine = create_engine(postgres_url)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} CASCADE"))
    engine.dispose()
    return postgres_url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(database_url=db_url, seed_on_start=False, migrate_on_start=False,
                    seeds_dir=str(REPO / "seeds"), max_article_bytes=20_000)


@pytest.fixture
def client(settings: Settings, engine: Engine, pipeline: Pipeline) -> Iterator[TestClient]:
    with TestClient(create_app(settings, engine)) as client:
        yield client


# --- hand-built extraction results (the pipeline's own graph builder makes the JSON) -----------------

def _span(text: str, part: str, start: int = 0) -> TextSpan:
    i = text.index(part, start)
    return TextSpan(part, i, i + len(part))


def _statement(text: str, sentence: str, cue: str, speaker_words: str, speaker: str,
               relation: str, target: str | None, claim: str, content: str) -> Statement:
    s = _span(text, sentence)
    return Statement(speaker=speaker, relation=relation, target=target, claim_text=content,  # type: ignore[arg-type]
                     evidence=Evidence(sentence=s, cue=_span(text, cue, s.start),
                                       speaker=_span(text, speaker_words, s.start),
                                       content=_span(text, content, s.start)),
                     confidence=0.9, claim_key=claim)


_ACTORS = [Actor("chn", "China", "country", "CHN", None, ["China", "Beijing"]),
          Actor("chn-mfa", "Chinese Foreign Ministry", "government", "CHN", "chn",
                ["Chinese foreign ministry"]),
          Actor("usa", "United States", "country", "USA", None, ["United States", "Washington"]),
          Actor("rus", "Russia", "country", "RUS", None, ["Russia", "Moscow"])]


def _make_result(text: str, statements: list[tuple], *, source: str, published_at: date,
                 title: str, without: tuple[str, ...] = ()) -> ExtractionResult:
    """An extraction result built by ``app.extract.graph`` from statements given as tuples of
    (sentence, cue, speaker words, speaker id, relation, target id, claim number, claim text);
    the actor stage "found" every sample actor except those ``without``."""
    actors = [a for a in _ACTORS if a.id not in without]
    digest = hashlib.sha256(text.encode()).hexdigest()
    article = {"id": digest[:16], "title": title, "source": source, "url": None,
               "published_at": published_at.isoformat(), "content_hash": digest}
    records, claims = [], {}
    for sentence, cue, words, speaker, relation, target, n, claim in statements:
        key = f"{article['id']}-c{n}"
        claims[key] = {"label": claim, "about": ["rus"] if "Russia" in claim else ["usa"]}
        records.append(_statement(text, sentence, cue, words, speaker, relation, target, key, claim))
    graph = to_node_link(build_graph(article, actors, records, claims))
    return ExtractionResult(article, text, "en", graph)


@pytest.fixture
def make_result():
    return _make_result


FIRST = ("China denied that Russia asked for military help. The Chinese foreign ministry accused the "
         "United States of spreading disinformation. Washington said that Russia asked for military "
         "help. Moscow denied that Russia asked for military help.")
SECOND = "The Chinese foreign ministry accused the United States of spreading disinformation again."


@pytest.fixture
def sample_results() -> list[ExtractionResult]:
    """Two articles: a disputed claim (asserted and denied), an accusation repeated in both.
    Russia speaks in the first only; China is in the second only as the ministry's parent."""
    first = _make_result(FIRST, [
        ("China denied that Russia asked for military help.", "denied", "China", "chn", "deny",
         None, 1, "Russia asked for military help"),
        ("The Chinese foreign ministry accused the United States of spreading disinformation.",
         "accused", "The Chinese foreign ministry", "chn-mfa", "accuse", "usa", 2,
         "spreading disinformation"),
        ("Washington said that Russia asked for military help.", "said", "Washington", "usa",
         "assert", None, 1, "Russia asked for military help"),
        ("Moscow denied that Russia asked for military help.", "denied", "Moscow", "rus", "deny",
         None, 1, "Russia asked for military help"),
    ], source="Reuters", published_at=date(2022, 3, 15), title="China denies US claim")
    second = _make_result(SECOND, [
        (SECOND, "accused", "The Chinese foreign ministry", "chn-mfa", "accuse", "usa", 1,
         "spreading disinformation again"),
    ], source="AP", published_at=date(2022, 3, 20), title="China accuses US again")
    return [first, second]


@pytest.fixture
def stored(session: Session, sample_results: list[ExtractionResult]) -> list[ExtractionResult]:
    """The sample results, stored."""
    for result in sample_results:
        store_result(session, result)
    return sample_results


@pytest.fixture(scope="module")
def seed_results(pipeline: Pipeline) -> list[ExtractionResult]:
    """The seed articles, extracted once per test module."""
    from app.services.files import collect_files, read_article

    return list(pipeline.extract_many([read_article(p) for p in collect_files([REPO / "seeds"])]))


@pytest.fixture(scope="module")
def dev_results(pipeline: Pipeline) -> list[ExtractionResult]:
    """The dev articles beside the repository, extracted once per module (skips when absent)."""
    from app.services.files import collect_files, read_article

    dev = REPO.parent / "shared" / "eval" / "dev"
    if not dev.is_dir():
        pytest.skip(f"no dev articles at {dev}")
    return list(pipeline.extract_many([read_article(p) for p in collect_files([dev])]))
