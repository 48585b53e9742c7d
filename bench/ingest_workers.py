"""Bench: a corpus ingested through the job engine by 1 and by 2 worker processes on PostgreSQL.

    .venv/bin/python bench/ingest_workers.py [--postgres URL] [--workers 1 2]

The corpus is the PolNeAR dev articles when ../shared/eval/polnear-dev exists beside the
repository, else the seed articles. A fresh database is created (and dropped at the end) on
the server of ``--postgres``. For each worker count the tables are emptied, ``claimgraph worker``
processes start, and once all have loaded their model one job with every article is queued and
timed until it completes. Prints articles/s per worker count and the speed-up over the first.
"""

import argparse
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, make_url, text
from sqlmodel import Session, SQLModel

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.db import make_engine, upgrade  # noqa: E402
from app.jobs import ProcrastinateQueue  # noqa: E402
from app.schemas import ArticleCreate  # noqa: E402
from app.services.jobs import create_job  # noqa: E402

POLNEAR = REPO.parent / "shared" / "eval" / "polnear-dev"
QUEUE_TABLES = ["procrastinate_jobs", "procrastinate_workers", "procrastinate_events",
                "procrastinate_periodic_defers"]


def corpus() -> tuple[str, list[str]]:
    folder = POLNEAR if POLNEAR.is_dir() else REPO / "seeds"
    return folder.name, [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def scalar(url: str, sql: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql)).scalar_one()
    finally:
        engine.dispose()


def run(url: str, texts: list[str], workers: int) -> float:
    """Seconds for ``workers`` processes to ingest ``texts`` (model loading not counted)."""
    tables = ", ".join([t.name for t in SQLModel.metadata.sorted_tables] + QUEUE_TABLES)
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} CASCADE"))
    env = {**os.environ, "CLAIMGRAPH_DATABASE_URL": url, "CLAIMGRAPH_MIGRATE_ON_START": "false"}
    processes = [subprocess.Popen([REPO / ".venv" / "bin" / "claimgraph", "worker"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for _ in range(workers)]
    try:
        # a worker registers once its model is loaded
        while scalar(url, "SELECT count(*) FROM procrastinate_workers") < workers:
            time.sleep(0.2)
        start = time.perf_counter()
        with Session(engine) as session:
            job_id = create_job(session, [ArticleCreate(text=t) for t in texts])
        queue = ProcrastinateQueue(engine)
        queue.submit(job_id, range(len(texts)))
        queue.close()
        pending = f"SELECT count(*) FROM ingest_items WHERE job_id = '{job_id}' AND status = 'pending'"
        while scalar(url, pending):
            time.sleep(0.1)
        return time.perf_counter() - start
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(timeout=60)
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
                        help="a database on the server to use (a fresh one is made beside it)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()

    name, texts = corpus()
    database = f"claimgraph_bench_{secrets.token_hex(4)}"
    admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    url = make_url(args.postgres).set(database=database).render_as_string(hide_password=False)
    try:
        upgrade(url)
        print(f"{len(texts)} articles ({name}), {os.cpu_count()} CPUs")
        rates = {}
        for workers in args.workers:
            seconds = run(url, texts, workers)
            rates[workers] = len(texts) / seconds
            print(f"{workers} worker(s): {seconds:6.1f} s  {rates[workers]:5.2f} articles/s")
        first = args.workers[0]
        for workers in args.workers[1:]:
            print(f"speed-up {workers} vs {first}: {rates[workers] / rates[first]:.2f}x")
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
