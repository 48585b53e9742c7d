"""/v1/ingest-jobs through HTTP on both databases: a thread runs the items on SQLite, an
in-process procrastinate worker (burst mode) on PostgreSQL. Real worker processes, crashes and
parallel writers are in test_jobs_workers.py."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text, update
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from app.cli import app as cli
from app.config import Settings, get_settings
from app.db import make_engine
from app.jobs import REMOVE_OLD_TASK, ProcrastinateQueue, make_app, run_worker
from app.main import create_app
from app.models import Article, IngestItem, IngestJob
from app.schemas import ArticleCreate
from app.services import jobs

PROBLEM = "application/problem+json"
MAX_ATTEMPTS = 3  # the default job_max_attempts
FIRST = "China on Tuesday denied a US claim that Russia had asked it for military help."
SECOND = "The Chinese foreign ministry accused the United States of spreading disinformation."
HTML = f"<html><body><article><p>{SECOND} Washington denied it.</p></article></body></html>"
POISON = "This article kills the process that extracts it."
UNBROKEN_WORDS = ("the government said that minister of china denied united states claims russia "
                  "asked for military help officials accused washington spreading disinformation").split()


def finish_job(client: TestClient, settings: Settings, engine: Engine, location: str) -> dict:
    """Process the queue and return the job once completed."""
    if engine.dialect.name == "postgresql":
        run_worker(settings, engine, burst=True)
    deadline = time.monotonic() + 60
    while (job := client.get(location).json())["status"] != "completed":
        assert time.monotonic() < deadline, job
        time.sleep(0.05)
    return job


@pytest.fixture
def finish(client: TestClient, settings: Settings, engine: Engine) -> Callable[[str], dict]:
    return lambda location: finish_job(client, settings, engine, location)


def wait_until(condition: Callable[[], object], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def submit(client: TestClient, *articles: dict) -> tuple[str, dict]:
    r = client.post("/v1/ingest-jobs", json={"articles": list(articles)})
    assert r.status_code == 202, r.text
    return r.headers["location"], r.json()


def article_count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Article)).one()


# --- the happy path ------------------------------------------------------------------------------

def test_a_job_stores_each_article_once_and_reports_each(client, finish, engine):
    location, job = submit(client, {"text": FIRST, "source": "Reuters", "published_at": "2022-03-15"},
                           {"html": HTML, "title": "Accused"}, {"text": FIRST})
    assert location == f"/v1/ingest-jobs/{job['id']}" and len(job["id"]) == 32
    assert job["status"] == "queued" and job["created_at"].endswith("Z")
    assert job["progress"] == {"total": 3, "done": 0, "failed": 0}
    assert [r["status"] for r in job["results"]] == ["pending"] * 3

    job = finish(location)
    assert job["progress"] == {"total": 3, "done": 3, "failed": 0}
    assert [r["status"] for r in job["results"]] == ["created", "created", "existing"]
    first, second, again = job["results"]
    assert again["article_id"] == first["article_id"] != second["article_id"]
    assert all(r["attempts"] == 1 and r["error"] is None for r in job["results"])
    stored = client.get(f"/v1/articles/{first['article_id']}").json()
    assert (stored["text"], stored["source"], stored["published_at"]) == (FIRST, "Reuters", "2022-03-15")
    assert client.get(f"/v1/articles/{second['article_id']}").json()["title"] == "Accused"
    assert article_count(engine) == 2


def test_content_stored_before_is_reported_existing(client, finish):
    stored = client.post("/v1/articles", json={"text": FIRST}).json()
    location, _ = submit(client, {"text": FIRST})
    assert finish(location)["results"] == [{"position": 0, "status": "existing", "article_id": stored["id"],
                                            "error": None, "attempts": 1}]


def test_an_article_that_fails_is_reported_and_the_rest_stored(client, finish):
    location, _ = submit(client, {"text": FIRST}, {"text": "2022 — 1,234 / 5,678."})
    job = finish(location)
    assert job["progress"] == {"total": 2, "done": 2, "failed": 1}
    assert job["results"][0]["status"] == "created"
    assert job["results"][1] == {"position": 1, "status": "failed", "article_id": None, "attempts": 1,
                                 "error": "The article has no text to extract from: no words in it."}


@pytest.fixture
def quick(settings: Settings, engine: Engine, pipeline) -> Iterator[tuple[TestClient, Settings]]:
    """The app with a 2-second extraction limit, and its settings."""
    quick = settings.model_copy(update={"extract_timeout_seconds": 2.0})
    with TestClient(create_app(quick, engine)) as client:
        yield client, quick


def test_an_article_over_the_time_limit_is_stopped_and_the_job_goes_on(quick, engine):
    """On PostgreSQL a worker, on SQLite the server's job thread, extracts in a child process
    stopped at the timeout (the thread has one of its own: the API's stays free)."""
    client, settings = quick
    endless = " ".join(UNBROKEN_WORDS[i % len(UNBROKEN_WORDS)] for i in range(100_000))[:100_000]
    location, _ = submit(client, {"text": endless}, {"text": FIRST})
    started = time.monotonic()
    job = finish_job(client, settings, engine, location)
    assert time.monotonic() - started < 45  # the stop and a fresh child for the next article
    stopped, next_one = job["results"]
    assert stopped["status"] == "failed" and stopped["attempts"] == 1
    assert stopped["error"].startswith("Extraction took longer than 2 s and was stopped")
    assert next_one["status"] == "created"
    assert client.post("/v1/articles", json={"text": SECOND}).status_code == 201


# --- the item function ---------------------------------------------------------------------------

def test_a_database_error_leaves_the_item_pending_for_a_retry(engine, session, pipeline, monkeypatch):
    job_id = jobs.create_job(session, [ArticleCreate(text=FIRST)])

    def database_down(*_args):
        raise OperationalError("INSERT …", {}, Exception("server closed the connection"))

    monkeypatch.setattr(jobs, "ingest", database_down)
    with pytest.raises(OperationalError):
        jobs.process_item(engine, pipeline, job_id, 0, MAX_ATTEMPTS)
    item = session.get(IngestItem, (job_id, 0))
    assert (item.status, item.attempts, item.article) == ("pending", 1, {"text": FIRST})

    monkeypatch.undo()
    jobs.process_item(engine, pipeline, job_id, 0, MAX_ATTEMPTS)  # the retry
    jobs.process_item(engine, pipeline, job_id, 0, MAX_ATTEMPTS)  # a duplicate delivery: already settled
    session.refresh(item)
    assert (item.status, item.attempts, item.article) == ("created", 2, None)
    assert article_count(engine) == 1


def test_when_two_workers_run_one_item_the_first_outcome_stands(engine, session, pipeline, monkeypatch):
    """As when a live worker was taken for dead and its article requeued."""
    job_id = jobs.create_job(session, [ArticleCreate(text=FIRST)])
    ingest = jobs.ingest

    def the_other_worker_finishes_first(*args):
        monkeypatch.setattr(jobs, "ingest", ingest)
        jobs.process_item(engine, pipeline, job_id, 0, MAX_ATTEMPTS)  # stores it: created
        return ingest(*args)  # then this one finds it: existing

    monkeypatch.setattr(jobs, "ingest", the_other_worker_finishes_first)
    jobs.process_item(engine, pipeline, job_id, 0, MAX_ATTEMPTS)
    item = session.get(IngestItem, (job_id, 0))
    assert (item.status, item.attempts) == ("created", 2)
    assert article_count(engine) == 1


# --- poison articles: given up after job_max_attempts ------------------------------------------------

class WorkerDied(BaseException):
    """Raised where a real worker would be killed (SIGKILL, out of memory): nothing catches it,
    so the item is left as a dead worker leaves it. (Real killed workers: test_jobs_workers.py.)"""


def poison_ingest(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make the processing of the articles holding ``POISON`` die; return a log of the deaths."""
    ingest, deaths = jobs.ingest, []

    def ingest_or_die(session, article, pipeline):
        if POISON in (article.text or ""):
            deaths.append(article.text)
            raise WorkerDied
        return ingest(session, article, pipeline)

    monkeypatch.setattr(jobs, "ingest", ingest_or_die)
    return deaths


def test_an_article_that_kills_its_worker_is_given_up_after_the_attempt_cap(engine, session, pipeline,
                                                                             monkeypatch):
    deaths = poison_ingest(monkeypatch)
    job_id = jobs.create_job(session, [ArticleCreate(text=POISON)])
    for attempt in range(1, MAX_ATTEMPTS + 1):  # delivered again after each death
        with pytest.raises(WorkerDied):
            jobs.process_item(engine, pipeline, job_id, 0, MAX_ATTEMPTS)
        result = jobs.get_job(session, job_id).results[0]
        assert (result.status, result.attempts, result.error) == ("pending", attempt, None)
    jobs.process_item(engine, pipeline, job_id, 0, MAX_ATTEMPTS)  # one more delivery: no more tries
    assert len(deaths) == MAX_ATTEMPTS
    job = jobs.get_job(session, job_id)
    assert job.status == "completed" and job.progress.failed == 1
    result = job.results[0]
    assert (result.status, result.attempts, result.article_id) == ("failed", MAX_ATTEMPTS, None)
    assert result.error == ("Gave up after 3 attempts, none of which finished: the last one stopped "
                            "without recording an error (its worker crashed or was killed, or lost "
                            "the database)")


def test_an_article_the_database_always_fails_on_is_given_up_on_the_last_attempt(engine, session,
                                                                                  pipeline, monkeypatch):
    def database_error(*_args):
        raise OperationalError("INSERT …", {}, Exception("value too long for type character varying"))

    monkeypatch.setattr(jobs, "ingest", database_error)
    job_id = jobs.create_job(session, [ArticleCreate(text=FIRST), ArticleCreate(text=SECOND)])
    for attempt in range(1, MAX_ATTEMPTS):
        with pytest.raises(OperationalError):  # for the job engine to retry
            jobs.process_item(engine, pipeline, job_id, 0, MAX_ATTEMPTS)
        assert jobs.get_job(session, job_id).results[0].attempts == attempt
    jobs.process_item(engine, pipeline, job_id, 0, MAX_ATTEMPTS)  # the last: settled, not raised
    monkeypatch.undo()
    jobs.process_item(engine, pipeline, job_id, 1, MAX_ATTEMPTS)
    job = jobs.get_job(session, job_id)
    assert job.status == "completed" and job.progress.model_dump() == {"total": 2, "done": 2, "failed": 1}
    failed, stored = job.results
    assert (failed.status, failed.attempts, stored.status) == ("failed", MAX_ATTEMPTS, "created")
    assert failed.error == ("Gave up after 3 attempts, none of which finished: the last one ended with "
                            "Exception: value too long for type character varying")


def test_the_attempt_cap_is_a_setting(engine, session, pipeline, monkeypatch):
    deaths = poison_ingest(monkeypatch)
    job_id = jobs.create_job(session, [ArticleCreate(text=POISON)])
    with pytest.raises(WorkerDied):
        jobs.process_item(engine, pipeline, job_id, 0, 1)
    jobs.process_item(engine, pipeline, job_id, 0, 1)
    result = jobs.get_job(session, job_id).results[0]
    assert (result.status, result.attempts, len(deaths)) == ("failed", 1, 1)
    assert result.error.startswith("Gave up after 1 attempts")
    assert Settings(job_max_attempts=5).job_max_attempts == 5
    with pytest.raises(ValueError):
        Settings(job_max_attempts=0)


def test_a_sqlite_server_killed_by_an_article_gives_it_up_after_the_cap(sqlite_template, tmp_path,
                                                                        pipeline, monkeypatch):
    """The server's job thread dies in the article each time (as the whole server would); every
    restart resumes the pending items; after the cap the article fails and the job completes."""
    deaths = poison_ingest(monkeypatch)
    path = tmp_path / "claimgraph.db"
    shutil.copyfile(sqlite_template, path)
    settings = Settings(database_url=f"sqlite:///{path}", seed_on_start=False, migrate_on_start=False)
    engine = make_engine(settings.database_url)
    with TestClient(create_app(settings, engine)) as client:
        location, _ = submit(client, {"text": FIRST}, {"text": POISON}, {"text": SECOND})
        wait_until(lambda: len(deaths) == 1 and client.get(location).json()["progress"]["done"] == 2)
    for restart in range(2, MAX_ATTEMPTS + 1):
        with TestClient(create_app(settings, engine)):
            wait_until(lambda: len(deaths) == restart)  # noqa: B023
    with TestClient(create_app(settings, engine)) as client:
        wait_until(lambda: client.get(location).json()["status"] == "completed")
        job = client.get(location).json()
    engine.dispose()
    assert len(deaths) == MAX_ATTEMPTS and job["progress"] == {"total": 3, "done": 3, "failed": 1}
    assert [(r["status"], r["attempts"]) for r in job["results"]] == [
        ("created", 1), ("failed", MAX_ATTEMPTS), ("created", 1)]
    assert job["results"][1]["error"].startswith("Gave up after 3 attempts, none of which finished")


def test_the_sqlite_server_resumes_items_left_pending(sqlite_template, tmp_path, pipeline):
    """(On PostgreSQL pending items wait in the queue: nothing to resume.)"""
    path = tmp_path / "claimgraph.db"
    shutil.copyfile(sqlite_template, path)
    settings = Settings(database_url=f"sqlite:///{path}", seed_on_start=False, migrate_on_start=False)
    engine = make_engine(settings.database_url)
    with Session(engine) as session:
        job_id = jobs.create_job(session, [ArticleCreate(text=FIRST), ArticleCreate(text=SECOND)])
    with TestClient(create_app(settings, engine)) as client:  # as if the last server stopped here
        deadline = time.monotonic() + 60
        while client.get(f"/v1/ingest-jobs/{job_id}").json()["status"] != "completed":
            assert time.monotonic() < deadline
            time.sleep(0.05)
    assert article_count(engine) == 2
    engine.dispose()


# --- retention: finished jobs are removed after job_retention_days ---------------------------------

def aged_job(engine: Engine, *finished_days_ago: float | None) -> str:
    """A job whose items were settled so many days ago (None: still pending), created before."""
    now = datetime.now(UTC)
    articles = [ArticleCreate(text=f"{FIRST} {i}") for i in range(len(finished_days_ago))]
    with Session(engine) as session:
        job_id = jobs.create_job(session, articles)
        oldest = max((d for d in finished_days_ago if d is not None), default=0)
        session.exec(update(IngestJob).where(IngestJob.id == job_id)
                     .values(created_at=now - timedelta(days=oldest + 1)))
        for position, days in enumerate(finished_days_ago):
            if days is not None:
                session.exec(update(IngestItem)
                             .where(IngestItem.job_id == job_id, IngestItem.position == position)
                             .values(status="failed", error="x", attempts=1,
                                     finished_at=now - timedelta(days=days)))
        session.commit()
    return job_id


def job_ids(engine: Engine) -> set[str]:
    with Session(engine) as session:
        return set(session.exec(select(IngestJob.id)).all())


def prune(db_url: str, monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    """``claimgraph jobs prune ARGS`` on the test database with a 30-day retention; its output."""
    monkeypatch.setenv("CLAIMGRAPH_DATABASE_URL", db_url)
    monkeypatch.setenv("CLAIMGRAPH_MIGRATE_ON_START", "false")
    monkeypatch.setenv("CLAIMGRAPH_JOB_RETENTION_DAYS", "30")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["jobs", "prune", *args])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    return result.output


def test_jobs_finished_longer_ago_than_the_retention_are_removed(db_url, engine, monkeypatch):
    old = aged_job(engine, 40, 35)
    partly_recent, pending, recent = aged_job(engine, 40, 1), aged_job(engine, 40, None), aged_job(engine, 1)
    assert prune(db_url, monkeypatch) == "1 ingest job(s) finished over 30 days ago removed\n"
    assert job_ids(engine) == {partly_recent, pending, recent}
    with Session(engine) as session:  # the items went with their job
        assert session.exec(select(func.count()).select_from(IngestItem)
                            .where(IngestItem.job_id == old)).one() == 0
    assert prune(db_url, monkeypatch, "--older-than-days", "0") == \
        "2 ingest job(s) finished over 0 days ago removed\n"
    assert job_ids(engine) == {pending}  # never one with an article still to do


@pytest.mark.postgres
def test_the_queue_s_finished_jobs_are_removed_too(postgres_db, monkeypatch):
    engine = make_engine(postgres_db)
    queue = ProcrastinateQueue(engine)
    queue.submit("0" * 32, range(4))  # four queue jobs (their items need not exist here)
    queue.close()
    with engine.begin() as connection:
        ids = connection.execute(text("SELECT id FROM procrastinate_jobs ORDER BY id")).scalars().all()
        old_failed, recent_failed, old_todo, old_cancelled = ids
        connection.execute(text("UPDATE procrastinate_jobs SET status = 'failed' WHERE id = ANY(:ids)"),
                           {"ids": [old_failed, recent_failed]})
        connection.execute(text("UPDATE procrastinate_jobs SET status = 'cancelled' WHERE id = :id"),
                           {"id": old_cancelled})
        connection.execute(text("UPDATE procrastinate_events SET at = now() - interval '40 days'"
                                " WHERE job_id <> :id"), {"id": recent_failed})
    prune(postgres_db, monkeypatch)
    with engine.connect() as connection:
        left = connection.execute(text("SELECT id FROM procrastinate_jobs ORDER BY id")).scalars().all()
        events = connection.execute(text("SELECT DISTINCT job_id FROM procrastinate_events")).scalars().all()
    engine.dispose()
    assert left == [recent_failed, old_todo] and sorted(events) == left


@pytest.mark.postgres
def test_workers_remove_old_jobs_every_hour(postgres_db, pipeline):
    settings = Settings(database_url=postgres_db, seed_on_start=False, migrate_on_start=False)
    engine = make_engine(postgres_db)
    old, recent = aged_job(engine, 31), aged_job(engine, 29)
    app = make_app(postgres_db)
    assert [t.cron for (name, _), t in app.periodic_registry.periodic_tasks.items()
            if name == REMOVE_OLD_TASK] == ["17 * * * *"]
    with app.open():  # as the periodic deferrer does at minute 17
        app.configure_task(REMOVE_OLD_TASK).defer(timestamp=int(time.time()))
    run_worker(settings, engine, burst=True)
    assert job_ids(engine) == {recent}
    engine.dispose()


def test_the_sqlite_server_removes_old_jobs_at_start_and_hourly(sqlite_template, tmp_path, pipeline):
    """(On PostgreSQL the workers do it, see above.)"""
    path = tmp_path / "claimgraph.db"
    shutil.copyfile(sqlite_template, path)
    settings = Settings(database_url=f"sqlite:///{path}", seed_on_start=False, migrate_on_start=False,
                        job_retention_days=2)
    engine = make_engine(settings.database_url)
    old, recent = aged_job(engine, 3), aged_job(engine, 1)
    with TestClient(create_app(settings, engine)) as client:
        wait_until(lambda: job_ids(engine) == {recent})
        older = aged_job(engine, 2.5)
        submit(client, {"text": FIRST})  # less than an hour since: not yet
        wait_until(lambda: len(job_ids(engine)) == 3)
        assert older in job_ids(engine)
        client.app.state.ingest_queue.pruned_at -= 3600
        location, _ = submit(client, {"text": SECOND})
        wait_until(lambda: client.get(location).json()["status"] == "completed")
        assert older not in job_ids(engine) and recent in job_ids(engine)
    engine.dispose()


# --- errors --------------------------------------------------------------------------------------

@pytest.mark.parametrize("body, loc", [
    ({"articles": []}, ["body", "articles"]),
    ({"articles": [{"text": FIRST, "html": HTML}]}, ["body", "articles", 0]),
    ({"articles": [{"text": FIRST, "lang": "en"}]}, ["body", "articles", 0, "lang"]),
    ({"texts": [FIRST]}, ["body", "texts"]),
])
def test_invalid_jobs_are_422(client, body, loc):
    r = client.post("/v1/ingest-jobs", json=body)
    assert r.status_code == 422 and r.headers["content-type"] == PROBLEM
    assert loc in [e["loc"] for e in r.json()["errors"]]


@pytest.fixture
def small_client(settings: Settings, engine: Engine, pipeline) -> Iterator[TestClient]:
    limits = settings.model_copy(update={"max_job_articles": 2, "max_job_bytes": 1000})
    with TestClient(create_app(limits, engine)) as client:
        yield client


def test_more_articles_than_allowed_is_422(small_client):
    r = small_client.post("/v1/ingest-jobs", json={"articles": [{"text": f"{FIRST} {i}"} for i in range(3)]})
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "articles"]


def test_jobs_have_their_own_body_limit(small_client):
    over = {"articles": [{"text": "x" * 1000}]}
    assert small_client.post("/v1/ingest-jobs", json=over).status_code == 413
    # the article limit (20 000 bytes in the test settings) is not the job limit
    assert small_client.post("/v1/articles", json=over["articles"][0]).status_code == 201


def test_a_job_must_be_json(client):
    r = client.post("/v1/ingest-jobs", content=FIRST, headers={"content-type": "text/plain"})
    assert r.status_code == 415 and r.headers["content-type"] == PROBLEM


def test_an_unknown_job_is_404(client):
    r = client.get("/v1/ingest-jobs/0123456789abcdef0123456789abcdef")
    assert r.status_code == 404 and r.headers["content-type"] == PROBLEM


def test_a_job_the_queue_refuses_is_not_kept(client, engine, monkeypatch):
    def refuse(*_args):
        raise OperationalError("SELECT procrastinate_defer_jobs_v1(…)", {}, Exception("down"))

    monkeypatch.setattr(client.app.state.ingest_queue, "submit", refuse)
    with pytest.raises(OperationalError):  # the test client re-raises what the server answers 500 to
        client.post("/v1/ingest-jobs", json={"articles": [{"text": FIRST}]})
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(IngestItem)).one() == 0


def test_the_worker_command_needs_postgresql(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMGRAPH_DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["worker"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2 and "needs PostgreSQL" in result.output
