"""Real processes on PostgreSQL: ``claimgraph worker`` killed mid-job loses nothing, an article
that kills every worker taking it is given up after the attempt cap, and several API processes
and ingest workers writing at once store every article exactly once."""

from __future__ import annotations

import asyncio
import hashlib
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session, select

from app.db import engine_url, make_engine
from app.jobs import ProcrastinateQueue, make_app, requeue_stalled
from app.models import Actor, Article, ArticleActor
from app.schemas import ArticleCreate
from app.services.jobs import create_job, get_job

pytestmark = pytest.mark.postgres

REPO = Path(__file__).resolve().parents[1]
CLAIMGRAPH = REPO / ".venv" / "bin" / "claimgraph"
POISON = "This article kills the worker that takes it."
# claimgraph, with a worker that kills itself (as the kernel kills a process out of memory) when
# it starts on an article holding POISON
POISONED_CLAIMGRAPH = [str(REPO / ".venv" / "bin" / "python"), "-c", f"""
import os, signal, sys
import app.services.jobs as jobs
from app.cli import main
ingest = jobs.ingest
def ingest_or_die(session, article, pipeline):
    if {POISON!r} in (article.text or ""):
        os.kill(os.getpid(), signal.SIGKILL)
    return ingest(session, article, pipeline)
jobs.ingest = ingest_or_die
sys.argv[0] = "claimgraph"
main()
"""]
HEARTBEAT, STALLED = 0.25, 1.0
COUNTRIES = ["China", "Russia", "Iran", "France", "Germany", "Japan", "India", "Brazil", "Turkey",
             "Israel", "Egypt", "Canada"]


def article(i: int, rounds: int = 10) -> str:
    """A distinct article of ``3 * rounds`` sentences (10 rounds: about 0.15 s to extract);
    articles share actors."""
    a, b = COUNTRIES[i % 12], COUNTRIES[(i * 5 + 1) % 12]
    return " ".join(f"{a} accused {b} of breaking agreement {i} on day {d}. "
                    f"{b} denied that it had moved troops in week {d}. "
                    f"Officials in {a} said that talks on accord {i} would resume in round {d}."
                    for d in range(rounds))


def article_id(content: str) -> str:
    return hashlib.sha256(content.encode()).hexdigest()[:16]


@pytest.fixture
def engine(postgres_db: str) -> Iterator[Engine]:
    engine = make_engine(postgres_db)
    yield engine
    engine.dispose()


@pytest.fixture
def start(postgres_db: str, tmp_path: Path) -> Iterator[Callable[..., subprocess.Popen]]:
    """Start a ``claimgraph`` command on the test database; all are stopped at the end."""
    started: list[subprocess.Popen] = []
    env = {**os.environ, "CLAIMGRAPH_DATABASE_URL": postgres_db, "CLAIMGRAPH_MIGRATE_ON_START": "false",
           "CLAIMGRAPH_SEED_ON_START": "false", "CLAIMGRAPH_WORKER_HEARTBEAT_SECONDS": str(HEARTBEAT),
           "CLAIMGRAPH_WORKER_STALLED_SECONDS": str(STALLED)}

    def start(*args: str, command: list[str] | None = None, **more_env: str) -> subprocess.Popen:
        log = (tmp_path / f"{len(started)}-{args[0]}.log").open("w")
        process = subprocess.Popen([*(command or [str(CLAIMGRAPH)]), *args], env={**env, **more_env},
                                   stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)  # its own group: uvicorn has children
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def wait_until(condition: Callable[[], object], timeout: float = 90, every: float = 0.02) -> object:
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(every)
    return result


def submit_by_http(base_url: str, texts: list[str]) -> str:
    r = httpx.post(f"{base_url}/v1/ingest-jobs", json={"articles": [{"text": t} for t in texts]}, timeout=30)
    assert r.status_code == 202, r.text
    return r.json()["id"]


def job_status(engine: Engine, job_id: str):
    with Session(engine) as session:
        return get_job(session, job_id)


def in_flight(engine: Engine) -> list[int]:
    """Positions of the articles whose queue job is being processed."""
    with engine.connect() as connection:
        return list(connection.execute(text(
            "SELECT i.position FROM procrastinate_jobs j JOIN ingest_items i"
            " ON i.job_id = j.args->>'job_id' AND i.position = (j.args->>'position')::int"
            " WHERE j.status = 'doing'")).scalars())


def stored_articles(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return list(session.exec(select(Article.id)).all())


def serve(start: Callable[..., subprocess.Popen]) -> str:
    """``claimgraph serve`` with two uvicorn worker processes; its base URL once it answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    start("serve", "--port", str(port), "--workers", "2")
    base_url = f"http://127.0.0.1:{port}"

    def healthy() -> bool:
        try:
            return httpx.get(f"{base_url}/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    wait_until(healthy, every=0.2)
    return base_url


def test_a_worker_killed_mid_job_loses_nothing(start, engine):
    texts = [article(i) for i in range(8)] + [article(1), article(5)]  # two sent twice
    texts[2] = article(2, rounds=60)  # long (about a second): the worker is killed in it
    with Session(engine) as session:
        job_id = create_job(session, [ArticleCreate(text=t) for t in texts])
    queue = ProcrastinateQueue(engine)  # as the API does
    queue.submit(job_id, range(len(texts)))
    queue.close()
    first = start("worker")
    wait_until(lambda: job_status(engine, job_id).results[2].attempts == 1)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert in_flight(engine) == [2]  # its queue job stays "doing", owned by a dead worker
    job = job_status(engine, job_id)
    assert job.status == "running" and job.progress.done == 2 and job.results[2].status == "pending"

    time.sleep(STALLED + HEARTBEAT)  # the dead worker's last heartbeat is now stale
    start("worker")
    job = wait_until(lambda: (j := job_status(engine, job_id)).status == "completed" and j)

    assert job.progress.done == len(texts) and job.progress.failed == 0
    assert (job.results[2].status, job.results[2].attempts) == ("created", 2)  # retried, stored once
    assert [r.article_id for r in job.results] == [article_id(t) for t in texts]
    assert [r.status for r in job.results].count("created") == 8
    assert sorted(stored_articles(engine)) == sorted({article_id(t) for t in texts})


def test_an_article_that_kills_every_worker_is_given_up_and_the_job_completes(start, engine):
    texts = [article(0), f"{POISON} {article(1)}", article(2)]
    with Session(engine) as session:
        job_id = create_job(session, [ArticleCreate(text=t) for t in texts])
    queue = ProcrastinateQueue(engine)
    queue.submit(job_id, range(len(texts)))
    queue.close()
    for attempt in (1, 2):
        worker = start("worker", "--burst", command=POISONED_CLAIMGRAPH, CLAIMGRAPH_JOB_MAX_ATTEMPTS="2")
        assert worker.wait(timeout=120) == -signal.SIGKILL
        assert job_status(engine, job_id).results[1].attempts == attempt
        time.sleep(STALLED + HEARTBEAT)  # the dead worker's article goes back to the queue
    last = start("worker", "--burst", command=POISONED_CLAIMGRAPH, CLAIMGRAPH_JOB_MAX_ATTEMPTS="2")
    assert last.wait(timeout=120) == 0

    job = job_status(engine, job_id)
    assert job.status == "completed" and job.progress.done == 3 and job.progress.failed == 1
    assert [(r.status, r.attempts) for r in job.results] == [
        ("created", 1), ("failed", 2), ("created", 1)]
    assert job.results[1].error.startswith("Gave up after 2 attempts, none of which finished: the last "
                                           "one stopped without recording an error")
    assert sorted(stored_articles(engine)) == sorted([article_id(texts[0]), article_id(texts[2])])
    with engine.connect() as connection:  # nothing left in the queue for this job
        assert connection.execute(text("SELECT count(*) FROM procrastinate_jobs WHERE task_name ="
                                       " 'ingest_article' AND status IN ('todo', 'doing')")).scalar() == 0


def test_workers_requeueing_one_stalled_job_at_once_do_not_fail(engine, monkeypatch):
    with Session(engine) as session:
        job_id = create_job(session, [ArticleCreate(text=article(0))])
    queue = ProcrastinateQueue(engine)
    queue.submit(job_id, [0])
    queue.close()
    with engine.begin() as connection:  # the job was taken by a worker that then died
        connection.execute(text(
            "WITH dead AS (INSERT INTO procrastinate_workers (last_heartbeat)"
            " VALUES (now() - interval '1 hour') RETURNING id)"
            " UPDATE procrastinate_jobs SET status = 'doing', worker_id = (SELECT id FROM dead)"))
    app = make_app(engine_url(engine))

    async def requeued_by_another_worker_meanwhile() -> None:
        async with app.open_async():
            stalled = await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=STALLED)
            assert len(stalled) == 1
            await requeue_stalled(app, STALLED)  # the other worker

            async def outdated_list(**_kwargs: object) -> list:
                return stalled

            monkeypatch.setattr(app.job_manager, "get_stalled_jobs", outdated_list)
            await requeue_stalled(app, STALLED)  # this one, with the list it read before

    asyncio.run(requeued_by_another_worker_meanwhile())
    with engine.connect() as connection:
        assert connection.execute(text("SELECT status, attempts FROM procrastinate_jobs")).all() == [("todo", 1)]


def test_parallel_api_processes_and_workers_store_everything_once(start, engine):
    start("worker")
    start("worker")
    api = serve(start)
    texts = [article(i) for i in range(12)]
    # every article is sent three times: by two of the four API clients and in one of two jobs
    client_slices = [texts[0:6], texts[3:9], texts[6:12], texts[9:12] + texts[0:3]]
    job_slices = [texts[0:6], texts[6:12]]
    barrier = threading.Barrier(len(client_slices) + len(job_slices))
    statuses: list[int] = []
    job_ids: list[str] = []

    def post_articles(part: list[str]) -> None:
        with httpx.Client(base_url=api, timeout=60) as client:
            barrier.wait()
            statuses.extend(client.post("/v1/articles", json={"text": t}).status_code for t in part)

    def post_job(part: list[str]) -> None:
        barrier.wait()
        job_ids.append(submit_by_http(api, part))

    threads = [threading.Thread(target=post_articles, args=(p,)) for p in client_slices]
    threads += [threading.Thread(target=post_job, args=(p,)) for p in job_slices]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert len(statuses) == 24 and set(statuses) <= {200, 201} and len(job_ids) == 2
    jobs = [wait_until(lambda j=j: (s := job_status(engine, j)).status == "completed" and s) for j in job_ids]

    results = [r for job in jobs for r in job.results]
    assert all(r.status in ("created", "existing") for r in results)
    # each article was created exactly once, by an API process or by a worker
    assert statuses.count(201) + sum(r.status == "created" for r in results) == 12
    assert sorted(stored_articles(engine)) == sorted(article_id(t) for t in texts)
    with Session(engine) as session:
        actors = session.exec(select(Actor.id)).all()
        linked = set(session.exec(select(ArticleActor.actor_id)).all())
    assert len(actors) == len(set(actors)) and linked == set(actors) >= {"chn", "rus", "irn"}
