"""The ``claimgraph`` command: each subcommand, run in process (and once as a real process)."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect
from typer.testing import CliRunner

from app.cli import app
from app.config import get_settings
from app.db import make_engine

REPO = Path(__file__).resolve().parents[1]
TEXT = "China on Tuesday denied a US claim that Russia had asked it for military help."
HTML = f"<html><body><article><p>{TEXT} The Kremlin denied it too.</p></article></body></html>"

runner = CliRunner()


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "nested").mkdir(parents=True)
    (folder / "one.txt").write_text(TEXT, encoding="utf-8")
    (folder / "nested" / "two.html").write_text(HTML, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    return folder


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, db_url: str) -> Iterator[str]:
    """Point the settings (read from the environment) at the test database."""
    monkeypatch.setenv("CLAIMGRAPH_DATABASE_URL", db_url)
    monkeypatch.setenv("CLAIMGRAPH_SEEDS_DIR", str(REPO / "seeds"))
    get_settings.cache_clear()
    yield db_url
    get_settings.cache_clear()


def test_importing_the_cli_loads_nothing_heavy():
    code = ("import sys, app.cli; "
            "print(sorted(m for m in ('spacy', 'sqlalchemy', 'fastapi', 'networkx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_extract_prints_only_the_graph_json(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "app.cli", "extract", str(path)],
                         capture_output=True, text=True, check=True, cwd=tmp_path)
    graph = json.loads(out.stdout)  # fails on any log line on stdout
    assert graph["directed"] and graph["graph"]["article"]["content_hash"]
    assert not (tmp_path / "claimgraph.db").exists()  # no database involved


def test_extract_with_out_writes_one_file_per_input(articles_dir, tmp_path, pipeline):
    out = tmp_path / "graphs"
    result = runner.invoke(app, ["extract", str(articles_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == ["one.json", "two.json"]
    two = json.loads((out / "two.json").read_text(encoding="utf-8"))
    one = json.loads((out / "one.json").read_text(encoding="utf-8"))
    assert two["graph"]["article"]["id"] != one["graph"]["article"]["id"]


def test_extract_several_inputs_without_out_is_a_usage_error(articles_dir, pipeline):
    result = runner.invoke(app, ["extract", str(articles_dir)])
    assert result.exit_code == 2 and "--out" in result.output


def test_extract_missing_path_is_a_usage_error(tmp_path):
    assert runner.invoke(app, ["extract", str(tmp_path / "nope.txt")]).exit_code == 2


def test_db_upgrade_creates_the_schema(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    monkeypatch.setenv("CLAIMGRAPH_DATABASE_URL", url)
    get_settings.cache_clear()
    result = runner.invoke(app, ["db", "upgrade"])
    get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    engine = make_engine(url)
    assert {"articles", "actors", "statements", "alembic_version"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_ingest_stores_new_articles_and_skips_known_ones(env, articles_dir, client, pipeline):
    result = runner.invoke(app, ["ingest", str(articles_dir)])
    assert result.exit_code == 0, result.output
    assert "2 new, 0 already stored" in result.stdout
    assert client.get("/v1/articles").json()["total"] == 2
    result = runner.invoke(app, ["ingest", str(articles_dir / "one.txt")])
    assert "0 new, 1 already stored" in result.stdout


def test_seed_ingests_the_seed_articles_once(env, client, pipeline):
    result = runner.invoke(app, ["seed"])
    assert result.exit_code == 0 and "1 seed article(s) added" in result.stdout
    assert "0 seed article(s) added" in runner.invoke(app, ["seed"]).stdout
    assert client.get("/v1/articles").json()["total"] == 1


def test_openapi_prints_the_spec():
    result = runner.invoke(app, ["openapi"])
    spec = json.loads(result.stdout)
    assert spec["info"]["title"] == "ClaimGraph" and "/v1/articles" in spec["paths"]


def test_serve_prepares_the_database_once_then_runs_uvicorn(env, monkeypatch, client, pipeline):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    monkeypatch.setenv("CLAIMGRAPH_SEED_ON_START", "true")
    monkeypatch.setenv("CLAIMGRAPH_MIGRATE_ON_START", "true")
    get_settings.cache_clear()
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--port", "8123", "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert calls == [(("app.main:create_app",),
                      {"factory": True, "host": "0.0.0.0", "port": 8123, "workers": 2})]
    settings = get_settings()  # what the workers will read
    assert not settings.migrate_on_start and not settings.seed_on_start
    assert client.get("/v1/articles").json()["total"] == 1  # seeded before the workers start


def test_eval_calls_run_eval_and_prints_its_report(monkeypatch, tmp_path):
    calls = []

    def run_eval(gold_dir, strict=False, show_errors=False):
        calls.append((gold_dir, strict, show_errors))
        return ["P 1.00 R 0.50", "done"]

    monkeypatch.setitem(sys.modules, "app.evaluation", types.SimpleNamespace(run_eval=run_eval))
    result = runner.invoke(app, ["eval", str(tmp_path), "--strict", "--show-errors"])
    assert result.exit_code == 0, result.output
    assert calls == [(tmp_path, True, True)]
    assert result.stdout.splitlines() == ["P 1.00 R 0.50", "done"]
