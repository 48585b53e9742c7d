#!/usr/bin/env python3
"""Memory of one API process: RSS after start-up (model loaded) and after serving 1k requests.

    .venv/bin/python bench/memory.py [--requests 1000] [--articles 20] [--postgres URL]

Starts ``claimgraph serve`` on a free loopback port with a fresh SQLite file (or, with
``--postgres``, a fresh database made beside the one given and dropped after), reads VmRSS and
VmHWM (peak) from /proc for the server process and for its extraction child (the process that
runs the parser for submitted articles), then sends ``--requests`` requests: ``--articles`` of
them ``POST /v1/articles`` (PolNeAR dev articles beside the repository, else the seeds), the rest
reads of the stored articles, actors and graphs in turn. Prints MB after start-up, after the
requests, and the growth.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import secrets
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import free_port, load_texts, start_server, stop_server  # noqa: E402


def status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise KeyError(field)


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def memory(server_pid: int) -> dict[str, tuple[float, float]]:
    """Process → (RSS, peak RSS) in MB: the server and its children (multiprocessing starts a
    small resource tracker beside the extraction child)."""
    processes = {"API process": server_pid}
    for child in children(server_pid):
        command = Path(f"/proc/{child}/cmdline").read_bytes().decode(errors="replace")
        processes["resource tracker" if "resource_tracker" in command else "extraction child"] = child
    return {name: (status_kb(pid, "VmRSS") / 1024, status_kb(pid, "VmHWM") / 1024)
            for name, pid in processes.items()}


def request(connection: http.client.HTTPConnection, method: str, path: str, body: dict | None = None) -> dict:
    connection.request(method, path, body=json.dumps(body) if body else None,
                       headers={"Content-Type": "application/json"} if body else {})
    response = connection.getresponse()
    data = response.read()
    if response.status >= 300:
        sys.exit(f"{method} {path}: {response.status} {data[:300]!r}")
    return json.loads(data) if data and response.headers.get("content-type", "").endswith("json") else {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=20, help="of the requests, article submissions")
    parser.add_argument("--postgres", help="a PostgreSQL database URL: measure on a fresh one beside it")
    args = parser.parse_args()
    if args.postgres:
        from sqlalchemy import create_engine, make_url, text

        name = f"claimgraph_bench_{secrets.token_hex(4)}"
        admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            run(args, make_url(args.postgres).set(database=name).render_as_string(hide_password=False))
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    else:
        run(args, None)


def run(args: argparse.Namespace, database_url: str | None) -> None:

    _, texts = load_texts()
    rng = random.Random(8)
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        server = start_server(database_url or f"sqlite:///{folder}/memory.db", port, Path(folder) / "server.log")
        try:
            at_start = memory(server.pid)
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
            ids = [request(connection, "POST", "/v1/articles", {"text": t})["id"]
                   for t in texts[:args.articles]]
            actors = [a["id"] for a in request(connection, "GET", "/v1/actors?limit=100")["items"]]
            reads = [lambda: f"/v1/articles/{rng.choice(ids)}/graph", lambda: "/v1/articles",
                     lambda: f"/v1/articles/{rng.choice(ids)}", lambda: "/v1/graph",
                     lambda: f"/v1/actors/{rng.choice(actors)}/statements", lambda: "/v1/claims",
                     lambda: f"/v1/actors/{rng.choice(actors)}", lambda: "/v1/graph/metrics"]
            for n in range(args.requests - args.articles - 1):
                request(connection, "GET", reads[n % len(reads)]())
            after = memory(server.pid)
        finally:
            stop_server(server)
    print(f"{'PostgreSQL' if database_url else 'SQLite'}, {args.requests} requests "
          f"({args.articles} article submissions, the rest reads)")
    for name in at_start:
        (rss0, _), (rss1, peak) = at_start[name], after[name]
        print(f"{name:17}: {rss0:6.0f} MB after start-up, {rss1:6.0f} MB after the requests "
              f"(×{rss1 / rss0:.2f}, peak {peak:.0f} MB)")
    total0 = sum(r for r, _ in at_start.values())
    total1 = sum(r for r, _ in after.values())
    print(f"{'together':17}: {total0:6.0f} MB after start-up, {total1:6.0f} MB after the requests "
          f"(×{total1 / total0:.2f})")


if __name__ == "__main__":
    main()
