"""Nothing lost, nothing twice: real uvicorn servers on loopback, on SQLite and PostgreSQL.

An ingest is one transaction (article, actors, claims, statements, evidence together), so a server
killed in the middle of one leaves no trace of it; the same article sent by 20 clients at once is
stored once; a declared body far over the limit is refused before it is sent.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlmodel import Session, SQLModel

import app.models  # noqa: F401  (all tables registered)
from app.main import create_app

REPO = Path(__file__).resolve().parents[1]
CLAIMGRAPH = REPO / ".venv" / "bin" / "claimgraph"
TEXT = ("China on Tuesday denied a US claim that Russia had asked it for military help. "
        "The Kremlin also denied making any such request, and accused Washington of lying.")
CLIENTS = 20

# uvicorn on the app, with the store hanging after it wrote everything but before the commit
HANGING_STORE = """
import sys, time
from pathlib import Path
import uvicorn
from app.services import store

insert, marker = store._insert, Path(sys.argv[1])

def insert_then_hang(*args):
    article = insert(*args)
    marker.touch()  # every row of the article is written, the commit is next
    time.sleep(600)
    return article

store._insert = insert_then_hang
uvicorn.run("app.main:create_app", factory=True, host="127.0.0.1", port=int(sys.argv[2]))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition: Callable[[], object], timeout: float = 120) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.1)
    raise TimeoutError("condition not met in time")


def answers(base_url: str) -> bool:
    try:
        return httpx.get(f"{base_url}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture
def launch(db_url: str, tmp_path: Path) -> Iterator[Callable[..., tuple[subprocess.Popen, str]]]:
    """``launch(*command)``: a server process group on the test database and a free loopback
    port (passed as the last argument); returns the process and its base URL once it answers.
    Every group still running is stopped at the end."""
    started: list[subprocess.Popen] = []
    env = {**os.environ, "CLAIMGRAPH_DATABASE_URL": db_url, "CLAIMGRAPH_MIGRATE_ON_START": "false",
           "CLAIMGRAPH_SEED_ON_START": "false"}

    def start(*command: str) -> tuple[subprocess.Popen, str]:
        port = free_port()
        log = (tmp_path / f"server-{len(started)}.log").open("w")
        process = subprocess.Popen([*command, str(port)], env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)  # its own group: workers, extraction
        started.append(process)
        base_url = f"http://127.0.0.1:{port}"
        wait_until(lambda: answers(base_url) or process.poll() is not None)
        assert process.poll() is None, (tmp_path / f"server-{len(started) - 1}.log").read_text()
        return process, base_url

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def row_counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {table.name: session.execute(select(func.count()).select_from(table)).scalar_one()
                for table in SQLModel.metadata.sorted_tables}


def test_a_server_killed_mid_ingest_leaves_no_partial_article(launch, engine, tmp_path, settings):
    marker = tmp_path / "in-transaction"
    process, base_url = launch(sys.executable, "-c", HANGING_STORE, str(marker))
    empty = row_counts(engine)
    post = threading.Thread(target=lambda: _post_ignoring_errors(base_url, {"text": TEXT}), daemon=True)
    post.start()
    wait_until(marker.exists, timeout=60)
    os.killpg(process.pid, signal.SIGKILL)  # the server and its extraction process, mid-transaction
    process.wait(timeout=30)
    post.join(timeout=30)

    assert row_counts(engine) == empty
    # nothing half-written blocks the article: it goes in whole afterwards
    with TestClient(create_app(settings, engine)) as client:
        r = client.post("/v1/articles", json={"text": TEXT})
        assert r.status_code == 201 and r.json()["graph"]["edges"]
    counts = row_counts(engine)
    assert all(counts[table] > 0 for table in ("articles", "actors", "claims", "statements", "evidence"))


def _post_ignoring_errors(base_url: str, body: dict) -> None:
    try:
        httpx.post(f"{base_url}/v1/articles", json=body, timeout=120)
    except httpx.HTTPError:
        pass  # the server is killed while answering


def test_the_same_article_posted_by_20_clients_at_once_is_stored_once(launch, engine):
    _, base_url = launch(str(CLAIMGRAPH), "serve", "--workers", "2", "--port")
    barrier = threading.Barrier(CLIENTS)
    answers_: list[httpx.Response] = []

    def post() -> None:
        with httpx.Client(base_url=base_url, timeout=120) as client:
            barrier.wait()
            answers_.append(client.post("/v1/articles", json={"text": TEXT, "source": "Reuters"}))

    threads = [threading.Thread(target=post) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)

    statuses = sorted(r.status_code for r in answers_)
    assert statuses == [200] * (CLIENTS - 1) + [201], [r.text for r in answers_ if r.status_code >= 300]
    assert len({r.json()["id"] for r in answers_}) == 1
    counts = row_counts(engine)
    assert counts["articles"] == 1
    edges = answers_[0].json()["graph"]["edges"]
    assert counts["statements"] == len(edges) and counts["evidence"] == sum(len(e["evidence"]) for e in edges)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_huge_declared_body_is_refused_before_it_is_sent(launch):
    _, base_url = launch(str(CLAIMGRAPH), "serve", "--port")
    port = int(base_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"POST /v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 100000000000\r\n\r\n{\"text\": \"")  # 100 GB announced, 10 bytes sent
        started = time.monotonic()
        answer = _read_response(s)
    assert time.monotonic() - started < 5
    status_line, _, rest = answer.partition("\r\n")
    assert " 413 " in status_line and "application/problem+json" in rest and "payload-too-large" in rest


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_sqlite_readers_go_on_and_a_second_writer_waits_during_a_write(engine):
    # WAL: a reader is not blocked by an open write; busy_timeout: a writer waits, not "locked"
    holding, done = threading.Event(), threading.Event()

    def hold_a_write() -> None:
        with engine.begin() as connection:
            connection.exec_driver_sql("INSERT INTO actors (id, label, kind) VALUES ('a', 'A', 'other')")
            holding.set()
            time.sleep(1.0)
        done.set()

    writer = threading.Thread(target=hold_a_write)
    writer.start()
    holding.wait(timeout=10)
    with engine.connect() as reader:
        assert reader.exec_driver_sql("SELECT count(*) FROM actors").scalar() == 0
        assert not done.is_set()
    with engine.begin() as second:
        second.exec_driver_sql("INSERT INTO actors (id, label, kind) VALUES ('b', 'B', 'other')")
    assert done.is_set()  # it waited for the first writer
    writer.join()
    assert row_counts(engine)["actors"] == 2


def _read_response(sock: socket.socket) -> str:
    """The whole HTTP answer: headers, then as many body bytes as Content-Length says (one recv()
    may return the headers alone)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data.decode()
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return (head + b"\r\n\r\n" + body).decode()
