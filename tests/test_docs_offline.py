"""/docs (Swagger UI) and /redoc (ReDoc) work offline: their pages load assets from this service
only, and headless Chromium that can resolve no host at all renders the API's operations.

Skipped only where Chromium is missing; ``.ci/run`` installs it, so CI always runs these.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from servers import serve_in_thread

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         # offline: no host name resolves, so any asset from outside would fail to load
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
         "--virtual-time-budget=20000"]  # let the page's scripts fetch the spec and render
PAGES = ["/docs", "/redoc"]


def _settings(folder: Path) -> Settings:
    return Settings(database_url=f"sqlite:///{folder / 'docs.db'}", seed_on_start=False,
                    migrate_on_start=True)


@pytest.mark.parametrize("page", PAGES)
def test_pages_load_assets_from_the_service_only(tmp_path, page):
    with TestClient(create_app(_settings(tmp_path))) as client:
        html = client.get(page).text
        urls = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert len(urls) >= 2 and all(url.startswith("/docs/assets/") for url in urls), urls
        assert not re.search(r"https?:|//[a-z]", html), "the page names an outside host"
        for url in urls:
            assert client.get(url).status_code == 200, url


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, in a thread of this process."""
    with serve_in_thread(create_app(_settings(tmp_path_factory.mktemp("docs")))) as url:
        yield url


def dump_dom(url: str, profile: Path) -> str:
    r = subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_swagger_ui_renders_offline(server, tmp_path):
    dom = dump_dom(f"{server}/docs", tmp_path)
    assert 'id="operations-articles-articles-create"' in dom  # one block per operation
    assert "Read an article's claim graph" in dom  # a summary, read from /openapi.json


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_redoc_renders_offline(server, tmp_path):
    dom = dump_dom(f"{server}/redoc", tmp_path)
    assert 'id="operation/articles-create"' in dom
    assert "Read an article's claim graph" in dom
