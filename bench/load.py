#!/usr/bin/env python3
"""Load test: a real server under a read mix and concurrent ingests; errors must be zero.

    .venv/bin/python bench/load.py [--workers 2] [--clients 8] [--writers 2] [--seconds 15]
                                   [--database-url URL]

Starts ``claimgraph serve`` with several uvicorn workers on a free loopback port, on a fresh
SQLite file (or ``--database-url``, which must point at an empty database), with an API key set
so that the auth path is part of what is measured. The corpus is the seed plus the dev articles
beside the repository (``../shared/eval/dev``), or, without them, the seed in varied copies, all
sent through ``POST /v1/articles``.

Timed phases, each with ``--clients`` threads on keep-alive connections (httpx):
1. ``/health`` alone, the trivial route, and 2. graph reads alone (the corpus graph and article
graphs), taking turns for ``--rounds`` rounds (the machine's other load falls on both); then
3. the read mix (lists, details, graphs, statements, health) while ``--writers`` threads ingest
new articles. Printed: requests/s, p50/p99 latency per kind, the error count (any 5xx, a failed
connection, or a 4xx a correct client never gets), the load average, and the ratio of graph-read
to health throughput (target >= 0.5): of the best round of each, and per round. Exits 1 on any
error.

The load generator is Python in one process, on the same machine as the server: on small
machines it competes with the server for the CPU, so absolute rates are lower bounds.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
CLAIMGRAPH = REPO / ".venv" / "bin" / "claimgraph"
DEV = REPO.parent / "shared" / "eval" / "dev"
SEEDS = REPO / "seeds"
RATIO_TARGET = 0.5


@dataclass
class Tally:
    """Latencies per request kind and the errors, shared by the client threads of a phase."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            if error:
                self.errors.append(f"{kind}: {error}")

    def count(self, kinds: set[str] | None = None) -> int:
        return sum(len(v) for k, v in self.latencies.items() if kinds is None or k in kinds)


Request = tuple[str, str, str, dict | None, set[int]]  # kind, method, path, JSON body, good statuses


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(args: argparse.Namespace, key: str, workdir: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    url = args.database_url or f"sqlite:///{workdir / 'load.db'}"
    env = {**os.environ, "CLAIMGRAPH_DATABASE_URL": url, "CLAIMGRAPH_SEEDS_DIR": str(SEEDS),
           "CLAIMGRAPH_API_KEYS": key, "CLAIMGRAPH_WRITE_RATE_LIMIT": "1000000/minute"}
    log = (workdir / "server.log").open("w")
    server = subprocess.Popen([str(CLAIMGRAPH), "serve", "--workers", str(args.workers), "--port", str(port)],
                              env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if httpx.get(f"{base_url}/health", timeout=2).status_code == 200:
                return server, base_url
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    stop(server)
    sys.exit(f"the server did not start; see {workdir / 'server.log'}")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def corpus_texts() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    dev = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))] if DEV.is_dir() else []
    if dev:
        return seeds + dev
    return seeds + [f"{seeds[0]}\n\nUpdated: version {i} of this report." for i in range(20)]


def load_corpus(client: httpx.Client, texts: list[str]) -> dict[str, list[str]]:
    """Send the corpus; return the ids the read mix draws from."""
    articles = []
    for text in texts:
        r = client.post("/v1/articles", json={"text": text})
        if r.status_code not in (200, 201):
            sys.exit(f"corpus ingest failed: {r.status_code} {r.text[:300]}")
        articles.append(r.json())
    claims = [n["id"] for a in articles for n in a["graph"]["nodes"] if n["type"] == "claim"]
    actors = [a["id"] for a in client.get("/v1/actors", params={"limit": 100}).json()["items"]]
    return {"articles": [a["id"] for a in articles], "claims": claims or ["none"], "actors": actors or ["none"]}


def read_mix(ids: dict[str, list[str]]) -> list[Callable[[random.Random], Request]]:
    ok = {200}
    return [
        lambda r: ("list articles", "GET", f"/v1/articles?limit=20&offset={r.randrange(3) * 20}", None, ok),
        lambda r: ("article", "GET", f"/v1/articles/{r.choice(ids['articles'])}", None, ok),
        lambda r: ("article graph", "GET", f"/v1/articles/{r.choice(ids['articles'])}/graph", None, ok),
        lambda r: ("corpus graph", "GET", "/v1/graph", None, ok),
        lambda r: ("list actors", "GET", "/v1/actors?limit=50", None, ok),
        lambda r: ("actor", "GET", f"/v1/actors/{r.choice(ids['actors'])}", None, ok),
        lambda r: ("actor statements", "GET", f"/v1/actors/{r.choice(ids['actors'])}/statements", None, ok),
        lambda r: ("claim", "GET", f"/v1/claims/{r.choice(ids['claims'])}", None, ok),
        lambda r: ("health", "GET", "/health", None, ok),
    ]


def graph_reads(ids: dict[str, list[str]]) -> list[Callable[[random.Random], Request]]:
    return [lambda r: ("corpus graph", "GET", "/v1/graph", None, {200}),
            lambda r: ("article graph", "GET", f"/v1/articles/{r.choice(ids['articles'])}/graph", None, {200})]


def ingests(texts: list[str]) -> list[Callable[[random.Random], Request]]:
    # new content every time (a nonce line), so each one is extracted and stored
    return [lambda r: ("ingest", "POST", "/v1/articles",
                       {"text": f"{r.choice(texts)}\n\nCorrection {secrets.token_hex(8)}."}, {201})]


def drive(base_url: str, key: str, seconds: float, tally: Tally,
          mixes: list[tuple[int, list[Callable[[random.Random], Request]]]]) -> float:
    """Run ``(threads, requests)`` groups for ``seconds``; return the elapsed time."""
    stop_at = time.monotonic() + seconds

    def client_loop(requests: list[Callable[[random.Random], Request]], seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base_url, timeout=120,
                          headers={"Authorization": f"Bearer {key}"}) as client:
            while time.monotonic() < stop_at:
                kind, method, path, body, good = rng.choice(requests)(rng)
                started = time.perf_counter()
                try:
                    status = client.request(method, path, json=body).status_code
                    error = None if status in good else f"HTTP {status} for {method} {path}"
                except httpx.HTTPError as exc:
                    error = f"{type(exc).__name__} for {method} {path}"
                tally.record(kind, time.perf_counter() - started, error)

    threads = [threading.Thread(target=client_loop, args=(requests, seed * 1000 + i))
               for seed, (count, requests) in enumerate(mixes) for i in range(count)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def report(title: str, tally: Tally, elapsed: float) -> float:
    """Print a phase's figures; return its requests/s."""
    total = tally.count()
    rate = total / elapsed
    print(f"\n{title}: {total} requests in {elapsed:.1f} s = {rate:.1f} req/s, errors {len(tally.errors)}")
    print(f"  {'kind':<18} {'count':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for kind, values in sorted(tally.latencies.items()):
        print(f"  {kind:<18} {len(values):>6} {len(values) / elapsed:>8.1f} "
              f"{percentile(values, 50) * 1000:>8.1f} {percentile(values, 99) * 1000:>8.1f}")
    for error in tally.errors[:10]:
        print(f"  error: {error}")
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--clients", type=int, default=8, help="reading client threads")
    parser.add_argument("--writers", type=int, default=2, help="ingesting client threads (mixed phase)")
    parser.add_argument("--seconds", type=float, default=15, help="length of the mixed phase")
    parser.add_argument("--rounds", type=int, default=3, help="alternating health / graph rounds")
    parser.add_argument("--database-url", help="an empty database (default: a fresh SQLite file)")
    args = parser.parse_args()
    key = secrets.token_urlsafe(24)
    with tempfile.TemporaryDirectory() as tmp:
        server, base_url = start_server(args, key, Path(tmp))
        try:
            texts = corpus_texts()
            with httpx.Client(base_url=base_url, timeout=300, headers={"Authorization": f"Bearer {key}"}) as client:
                ids = load_corpus(client, texts)
            print(f"server: {base_url}, {args.workers} workers; corpus: {len(ids['articles'])} articles, "
                  f"{len(ids['actors'])} actors, {len(ids['claims'])} claims")
            phase_seconds = max(3.0, args.seconds / 5)
            phases = {"health only": [(args.clients, [lambda r: ("health", "GET", "/health", None, {200})])],
                      "graph reads only": [(args.clients, graph_reads(ids))]}
            rates: dict[str, list[float]] = {name: [] for name in phases}
            tallies = []
            for n in range(args.rounds):
                for name in (list(phases) if n % 2 == 0 else list(phases)[::-1]):
                    tally = Tally()
                    tallies.append(tally)
                    rates[name].append(report(f"round {n + 1}, {name}", tally,
                                              drive(base_url, key, phase_seconds, tally, phases[name])))
                print(f"  load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
            mixed = Tally()
            tallies.append(mixed)
            report("read mix with concurrent ingests", mixed, drive(
                base_url, key, args.seconds, mixed,
                [(args.clients, read_mix(ids)), (args.writers, ingests(texts))]))
            print(f"  load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        finally:
            stop(server)
    errors = sum(len(tally.errors) for tally in tallies)
    health_rates, graph_rates = rates["health only"], rates["graph reads only"]
    ratio = max(graph_rates) / max(health_rates)
    print(f"\nreq/s, best round: health {max(health_rates):.1f}, graph reads {max(graph_rates):.1f}")
    print(f"graph-read / health throughput: {ratio:.2f} (target >= {RATIO_TARGET}: "
          f"{'met' if ratio >= RATIO_TARGET else 'NOT met'}); per round "
          + " ".join(f"{g / h:.2f}" for g, h in zip(graph_rates, health_rates)))
    print(f"errors: {errors}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
