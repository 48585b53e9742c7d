"""Bench: a corpus ingested through the job engine by 1 and by 2 worker processes on PostgreSQL.

    .venv/bin/python bench/ingest_workers.py [--postgres URL] [--workers 1 2] [--repeat 3] [--control]

The corpus is the PolNeAR dev articles when ../shared/eval/polnear-dev exists beside the
repository, else the seed articles. A fresh database is created (and dropped at the end) on
the server of ``--postgres``. For each worker count the tables are emptied, ``claimgraph worker``
processes start, and once all have loaded their model one job with every article is queued and
timed until it completes. Each round runs every worker count in turn; the speed-up of a round
compares counts run moments apart, so its median holds up best when other programs come and go.
Prints articles/s per run, the best per worker count, and the median speed-up over the first.

With ``--control`` each round also times plain extraction processes (the corpus split between
them; no database, no queue): the speed-up the machine itself allows at that moment, to tell the
job engine's cost from other programs' load.
"""

import argparse
import multiprocessing
import os
import secrets
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

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


def _extract_part(texts: list[str], ready: Any) -> None:
    os.setsid()  # its own session, like a worker (see run)
    from app.extract.pipeline import ArticleInput, Pipeline

    pipeline = Pipeline()
    ready.wait()
    for text_ in texts:
        pipeline.extract(ArticleInput(text=text_))


def control(texts: list[str], workers: int) -> float:
    """Seconds for ``workers`` plain processes to extract ``texts`` between them."""
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(workers + 1)
    processes = [context.Process(target=_extract_part, args=(texts[i::workers], ready))
                 for i in range(workers)]
    for process in processes:
        process.start()
    ready.wait()  # all models loaded
    start = time.perf_counter()
    for process in processes:
        process.join()
    return time.perf_counter() - start


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
    parser.add_argument("--control", action="store_true",
                        help="also time plain extraction processes, without database or queue")
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
        kinds = {"job engine": lambda w: run(url, texts, w)}
        if args.control:
            kinds["plain extraction"] = lambda w: control(texts, w)
        rates = {(kind, w): [] for kind in kinds for w in args.workers}
        first = args.workers[0]
        for n in range(1, args.repeat + 1):
            for kind, timed in kinds.items():
                for workers in args.workers:
                    rate = len(texts) / timed(workers)
                    rates[kind, workers].append(rate)
                    speedup = rate / rates[kind, first][-1]
                    print(f"round {n}, {kind}, {workers} process(es): {rate:5.2f} articles/s"
                          + (f"  ({speedup:.2f}x)" if workers != first else ""))
        print(f"load average after: {os.getloadavg()[0]:.1f} (other processes slow the workers down)")
        for kind, workers in rates:
            speedups = [r / f for r, f in zip(rates[kind, workers], rates[kind, first])]
            print(f"{kind}, {workers} process(es): best {max(rates[kind, workers]):5.2f} articles/s"
                  + (f", speed-up over {first}: median {statistics.median(speedups):.2f}x"
                     f" (rounds: {', '.join(f'{x:.2f}' for x in speedups)})" if workers != first else ""))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
