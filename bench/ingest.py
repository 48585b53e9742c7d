#!/usr/bin/env python3
"""End-to-end ingest: ``POST /v1/articles`` through a real server vs extraction alone, same texts.

    .venv/bin/python bench/ingest.py [--databases sqlite postgres] [--postgres URL]
                                     [--clients 2] [--repeat 2]

The texts are the PolNeAR dev articles beside the repository (else the seeds). Extraction alone
is ``Pipeline.extract`` on each text in turn, in this process. Ingest is ``claimgraph serve`` on
a free loopback port with a fresh database (a SQLite file in a temporary folder, or a PostgreSQL
database made beside ``--postgres`` and dropped after), timed from the first request to the last
answer while ``--clients`` threads post the texts (the server's start-up, which loads the model,
is not timed). The server extracts in its child process one article at a time, so a second client
only lets the storing of one article overlap the extraction of the next. Rounds alternate the
three measures and the best of each is kept, as other programs on the machine add noise. Prints
articles/s and words/s of each, and ingest ÷ extraction (target ≥ 0.85).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
POLNEAR = REPO.parent / "shared" / "eval" / "polnear-dev"
START_TIMEOUT_SECONDS = 300


def load_texts() -> tuple[str, list[str]]:
    folder = POLNEAR if POLNEAR.is_dir() else REPO / "seeds"
    return folder.name, [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(database_url: str, port: int, log: Path) -> subprocess.Popen:
    """``claimgraph serve`` on ``port``, returned once it answers (model loaded)."""
    env = {**os.environ, "CLAIMGRAPH_DATABASE_URL": database_url, "CLAIMGRAPH_SEED_ON_START": "false",
           "CLAIMGRAPH_WRITE_RATE_LIMIT": "1000000/minute",  # the bench is one client address
           "CLAIMGRAPH_EXTRACT_TIMEOUT_SECONDS": "300"}  # a loaded machine must not reject articles
    server = subprocess.Popen([REPO / ".venv" / "bin" / "claimgraph", "serve", "--port", str(port)],
                              env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
                              start_new_session=True)
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server exited at start-up: {log.read_text()[-2000:]}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.5)
    stop_server(server)
    sys.exit("the server did not start in time")


def stop_server(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)  # its own session: the server and its child only
        server.wait()


def post_all(port: int, texts: list[str], clients: int) -> float:
    """Seconds to post every text (``clients`` at a time), each answered 201."""
    local = threading.local()

    def post(text: str) -> None:
        if not hasattr(local, "connection"):
            local.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        local.connection.request("POST", "/v1/articles", body=json.dumps({"text": text}),
                                 headers={"Content-Type": "application/json"})
        response = local.connection.getresponse()
        body = response.read()
        if response.status != 201:
            raise RuntimeError(f"POST /v1/articles: {response.status} {body[:300]!r}")

    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(post, texts))
    return time.perf_counter() - start


def ingest_sqlite(texts: list[str], clients: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        server = start_server(f"sqlite:///{folder}/ingest.db", port, Path(folder) / "server.log")
        try:
            return post_all(port, texts, clients)
        finally:
            stop_server(server)


def ingest_postgres(server_url: str) -> Callable[[list[str], int], float]:
    from sqlalchemy import create_engine, make_url, text

    def run(texts: list[str], clients: int) -> float:
        name = f"claimgraph_bench_{secrets.token_hex(4)}"
        admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
            with tempfile.TemporaryDirectory() as folder:
                port = free_port()
                server = start_server(url, port, Path(folder) / "server.log")
                try:
                    return post_all(port, texts, clients)
                finally:
                    stop_server(server)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--databases", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"])
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
                        help="a database on the server to use (a fresh one is made beside it)")
    parser.add_argument("--clients", type=int, default=2, help="requests in flight at once")
    parser.add_argument("--repeat", type=int, default=2,
                        help="rounds; the best of each is kept, as other processes add noise")
    args = parser.parse_args()

    from app.extract.pipeline import ArticleInput, Pipeline

    name, texts = load_texts()
    words = sum(len(t.split()) for t in texts)
    pipeline = Pipeline()
    pipeline.extract(ArticleInput(text=texts[0]))  # warm up

    def extraction(texts: list[str], _clients: int) -> float:
        start = time.perf_counter()
        for t in texts:
            pipeline.extract(ArticleInput(text=t))
        return time.perf_counter() - start

    measures = {"extraction alone": extraction}
    if "sqlite" in args.databases:
        measures["ingest, SQLite"] = ingest_sqlite
    if "postgres" in args.databases:
        measures["ingest, PostgreSQL"] = ingest_postgres(args.postgres)
    print(f"{len(texts)} articles, {words} words ({name}), {args.clients} client(s), "
          f"{os.cpu_count()} CPUs, load average before: {os.getloadavg()[0]:.1f}")
    best: dict[str, float] = {}
    for n in range(1, args.repeat + 1):
        for label, measure in measures.items():
            seconds = measure(texts, args.clients)
            best[label] = min(best.get(label, seconds), seconds)
            print(f"round {n}, {label:20}: {seconds:6.1f} s", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    for label, seconds in best.items():
        print(f"best of {args.repeat}, {label:20}: {len(texts) / seconds:5.2f} articles/s "
              f"{words / seconds:7.0f} words/s")
    for label in measures:
        if label != "extraction alone":
            print(f"{label} ÷ extraction alone: {best['extraction alone'] / best[label]:.2f} (target ≥ 0.85)")


if __name__ == "__main__":
    main()
