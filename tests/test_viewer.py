"""The viewer page, driven in headless Chromium: paste the seed article, extract it through the page,
see its graph and evidence (cue and speaker marked), then browse the corpus graph by country.

Chromium is driven over the DevTools protocol (a websocket, as browsers' own test tools do) and
runs offline: no host name resolves. Skipped only where Chromium is missing; ``.ci/run`` installs
it, so CI always runs these.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest
from websockets.sync.client import connect

from app.config import Settings
from app.main import create_app
from servers import serve_in_thread

REPO = Path(__file__).resolve().parents[1]
SEED = next((REPO / "seeds").glob("*.txt"))
STATIC = REPO / "app" / "static"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--window-size=1200,1600",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]  # offline
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")


# --- without a browser ------------------------------------------------------------------------------

def test_root_redirects_to_the_viewer(client):
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/viewer"
    page = client.get("/viewer")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")


def test_the_page_loads_nothing_from_outside(client):
    html = client.get("/viewer").text
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sorted(assets) == ["docs", "static/viewer.css", "static/viewer.js"]
    for asset in assets[1:] if assets[0] == "docs" else assets:
        assert client.get(f"/{asset}").status_code == 200
    for path in STATIC.iterdir():
        assert not re.search(r"https?:|//[a-z]", path.read_text("utf-8")), path.name


# --- in Chromium ----------------------------------------------------------------------------------------

@contextmanager
def serving(folder: Path, **settings: Any) -> Iterator[str]:
    """The app on a free loopback port (uvicorn in a thread), on an empty migrated database."""
    app = create_app(Settings(database_url=f"sqlite:///{folder / 'viewer.db'}", seed_on_start=False,
                              migrate_on_start=True, **settings))
    with serve_in_thread(app) as url:
        yield url


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("viewer")) as url:
        yield url


class Browser:
    """Headless Chromium and one page of it, spoken to over the DevTools protocol."""

    def __init__(self, profile: Path):
        self.process = subprocess.Popen([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}",
                                         "--remote-debugging-port=0", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            assert self.process.poll() is None and time.monotonic() < deadline, "chromium did not start"
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as response:
            page = next(t for t in json.load(response) if t["type"] == "page")
        self.connection = ExitStack()
        self.socket = self.connection.enter_context(connect(page["webSocketDebuggerUrl"], max_size=None))
        self.ids = itertools.count(1)

    def call(self, method: str, **params: Any) -> dict:
        message_id = next(self.ids)
        self.socket.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv(timeout=60))
            if message.get("id") == message_id:
                assert "error" not in message, message["error"]
                return message["result"]

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True,
                           returnByValue=True)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def wait_for(self, condition: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not self.evaluate(f"Boolean({condition})"):
            assert time.monotonic() < deadline, (f"timed out waiting for {condition}; the page says: "
                                                 + self.evaluate("document.body.innerText")[:1000])
            time.sleep(0.2)

    def screenshot(self, path: Path) -> bytes:
        png = base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])
        path.write_bytes(png)
        return png

    def close(self) -> None:
        self.connection.close()
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    browser = Browser(tmp_path / "profile")
    yield browser
    browser.close()


def _edges(browser: Browser, container: str) -> list[list[str]]:
    return browser.evaluate(f"""[...document.querySelectorAll('#{container} path.edge')]
        .map(e => [e.dataset.source, e.dataset.relation, e.dataset.target])""")


@needs_chromium
def test_paste_the_seed_see_its_graph_and_evidence_then_the_corpus(server, browser, tmp_path):
    browser.call("Page.navigate", url=f"{server}/viewer")
    browser.wait_for("document.body?.dataset.ready")
    browser.evaluate(f"""document.getElementById('article-text').value = {json.dumps(SEED.read_text('utf-8'))};
                         document.getElementById('article-source').value = 'Reuters';
                         document.getElementById('extract').click()""")
    browser.wait_for("document.querySelector('#article-graph svg')")

    edges = _edges(browser, "article-graph")
    assert ["chn", "accuse", "usa"] in edges and ["usa", "assert", "rus"] in edges
    assert ["rus-kremlin", "deny", "usa"] in edges
    labels = browser.evaluate("[...document.querySelectorAll('#article-graph text.label')].map(t => t.textContent)")
    assert {"China", "United States", "Russia", "Kremlin"} <= set(labels)
    evidence = browser.evaluate("""[...document.querySelectorAll('#evidence blockquote')].map(q => ({
        text: q.textContent, cue: q.querySelector('mark.cue')?.textContent ?? null,
        speaker: q.querySelector('mark.speaker')?.textContent ?? null}))""")
    kremlin = next(e for e in evidence if e["text"].startswith("The Kremlin denied"))
    assert (kremlin["cue"], kremlin["speaker"]) == ("denied", "The Kremlin")
    assert all(e["cue"] and e["speaker"] for e in evidence), evidence  # a cue outside its sentence too
    assert "statements found" in browser.evaluate("document.getElementById('article-status').textContent")
    png = browser.screenshot(tmp_path / "article.png")
    assert png.startswith(b"\x89PNG") and len(png) > 20_000  # a drawn page, not a blank one

    browser.evaluate("document.querySelector('.tab[data-view=corpus]').click()")
    browser.wait_for("document.querySelector('#corpus-graph svg') && document.querySelector('#claims [data-claim]')")
    assert ["chn", "accuse", "usa"] in _edges(browser, "corpus-graph")
    claims = browser.evaluate("[...document.querySelectorAll('#claims li')].map(li => li.textContent)")
    assert any("Russia asked for help in Ukraine" in c and "asserted by United States" in c and
               "denied by China, Kremlin" in c for c in claims), claims
    browser.evaluate("document.querySelector('#claims [data-claim]').click()")
    browser.wait_for("document.querySelector('#detail blockquote mark.cue')")
    heads = browser.evaluate("[...document.querySelectorAll('#detail .edge-head')].map(h => h.textContent)")
    assert sorted(heads) == ["China deny United States", "Kremlin deny United States",
                             "United States assert Russia"]
    markers = browser.evaluate("""[...document.querySelectorAll('#corpus-graph path.edge')]
        .map(e => document.getElementById(e.getAttribute('marker-end').slice(5, -1))
                  .closest('#corpus-graph') !== null)""")
    assert markers and all(markers)  # each arrow head is drawn by this drawing's own marker
    assert browser.evaluate("location.search") == "?view=corpus"
    browser.screenshot(tmp_path / "corpus.png")


@needs_chromium
def test_a_corpus_link_renders_by_country(server, browser, tmp_path):
    """A deep link into the corpus view, read back with --dump-dom after the seed was ingested."""
    browser.call("Page.navigate", url=f"{server}/viewer")
    browser.wait_for("document.body?.dataset.ready")
    browser.evaluate(f"""fetch('v1/articles', {{method: 'POST', headers: {{'content-type': 'application/json'}},
                                               body: JSON.stringify({{text: {json.dumps(SEED.read_text('utf-8'))}}})}})
                         .then(r => r.status)""")
    dom = subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={tmp_path / 'dump'}",
                          "--virtual-time-budget=20000", "--dump-dom",
                          f"{server}/viewer?view=corpus&rollup=country"],
                         capture_output=True, text=True, timeout=120).stdout
    assert 'data-source="chn" data-target="usa" data-relation="accuse"' in dom
    assert 'data-id="rus-kremlin"' not in dom and 'data-id="rus"' in dom  # the Kremlin is folded
    assert "Russia asked for help in Ukraine" in dom


@needs_chromium
def test_the_page_sends_the_api_key_a_server_asks_for(tmp_path, browser, pipeline):
    with serving(tmp_path, api_keys=["viewer-test-key"]) as url:
        browser.call("Page.navigate", url=f"{url}/viewer")
        browser.wait_for("document.body?.dataset.ready")
        browser.evaluate("""document.getElementById('article-text').value = 'Moscow denied the report.';
                            document.getElementById('extract').click()""")
        browser.wait_for("document.getElementById('article-status').textContent.includes('401')")
        browser.evaluate("""document.getElementById('api-key').value = 'viewer-test-key';
                            document.getElementById('extract').click()""")
        browser.wait_for("document.getElementById('article-status').textContent.includes('found')")
