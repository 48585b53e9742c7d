"""Bench: a corpus ingested through the job engine by 1 and by 2 worker processes on PostgreSQL.

    .venv/bin/python bench/ingest_workers.py [--postgres URL] [--workers 1 2] [--repeat 3]

The corpus is the PolNeAR dev articles when ../shared/eval/polnear-dev exists beside the
repository, else the seed articles. A fresh database is created (and dropped at the end) on
the server of ``--postgres``. For each worker count the tables are emptied, ``claimgraph worker``
processes start, and once all have loaded their model one job with every article is queued and
timed until it completes. Each round runs every worker count in turn; the speed-up of a round
compares counts run moments apart, so its median holds up best when other programs come and go.
Prints articles/s per run, the best per worker count, and the median speed-up over the first.
"""

import argparse
import os
import secrets
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import Engine, create_engine, make_url, text
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


def scalar(engine: Engine, sql: str) -> int:
    with engine.connect() as connection:
        return connection.execute(text(sql)).scalar_one()


def run(url: str, texts: list[str], workers: int) -> float:
    """Seconds for ``workers`` processes to ingest ``texts`` (model loading not counted)."""
    tables = ", ".join([t.name for t in SQLModel.metadata.sorted_tables] + QUEUE_TABLES)
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} CASCADE"))
    env = {**os.environ, "CLAIMGRAPH_DATABASE_URL": url, "CLAIMGRAPH_MIGRATE_ON_START": "false"}
    # each in its own session, as separate services are: with the kernel's autogroup scheduling,
    # processes of one session share one CPU share when other programs keep the machine busy
    processes = [subprocess.Popen([REPO / ".venv" / "bin" / "claimgraph", "worker"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True)
                 for _ in range(workers)]
    try:
        # a worker registers once its model is loaded
        while scalar(engine, "SELECT count(*) FROM procrastinate_workers") < workers:
            time.sleep(0.2)
        start = time.perf_counter()
        with Session(engine) as session:
            job_id = create_job(session, [ArticleCreate(text=t) for t in texts])
        queue = ProcrastinateQueue(engine)
        queue.submit(job_id, range(len(texts)))
        queue.close()
        pending = f"SELECT count(*) FROM ingest_items WHERE job_id = '{job_id}' AND status = 'pending'"
        while scalar(engine, pending):
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
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds (other processes on the machine add noise)")
    args = parser.parse_args()

    name, texts = corpus()
    database = f"claimgraph_bench_{secrets.token_hex(4)}"
    admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    url = make_url(args.postgres).set(database=database).render_as_string(hide_password=False)
    try:
        upgrade(url)
        print(f"{len(texts)} articles ({name}), {os.cpu_count()} CPUs, "
              f"load average before: {os.getloadavg()[0]:.1f}")
        rates: dict[int, list[float]] = {workers: [] for workers in args.workers}
        first = args.workers[0]
        for n in range(1, args.repeat + 1):
            for workers in args.workers:
                seconds = run(url, texts, workers)
                rates[workers].append(len(texts) / seconds)
                print(f"round {n}, {workers} worker(s): {seconds:6.1f} s  {rates[workers][-1]:5.2f} articles/s"
                      + (f"  ({rates[workers][-1] / rates[first][-1]:.2f}x)" if workers != first else ""))
        print(f"load average after: {os.getloadavg()[0]:.1f} (other processes slow the workers down)")
        for workers in args.workers:
            speedups = [r / f for r, f in zip(rates[workers], rates[first])]
            print(f"{workers} worker(s): best {max(rates[workers]):5.2f} articles/s"
                  + (f", speed-up over {first}: median {statistics.median(speedups):.2f}x"
                     f" (per round: {', '.join(f'{x:.2f}' for x in speedups)})" if workers != first else ""))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
