"""Record the spec's examples: ingest the seed article into a scratch database through the API
and save what each operation answers, so the examples are real output, never made up.

    python -m app.api.examples.generate && claimgraph openapi > openapi.json

Run it again when the extraction or a response model changes.
"""

import json
import tempfile
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "seeds" / "000_00057ca488cefb31.txt"
OUT = Path(__file__).with_name("seed_graph.json")
BASE_URL = "http://127.0.0.1:8000"  # where `claimgraph serve` listens: `next` links show it
MAX_BYTES = 20_000
MISSING = "0000000000000000"

# (operation id, expected status, method, URL, request keywords); {article} is the seed article's
# id, {claim} its graph's first claim, {actor} and {target} the ends of its first actor-to-actor edge
CALLS: list[tuple[str, int, str, str, dict[str, Any]]] = [
    ("articles-create", 415, "POST", "/v1/articles", {"content": "text", "headers": {"content-type": "text/plain"}}),
    ("articles-create", 422, "POST", "/v1/articles", {"json": {"text": "It said so.", "html": "<p>It said so.</p>"}}),
    ("articles-create", 413, "POST", "/v1/articles", {"content": b" " * (MAX_BYTES + 1), "headers": {"content-type": "application/json"}}),
    ("articles-list", 200, "GET", "/v1/articles", {}),
    ("articles-list", 422, "GET", "/v1/articles?limit=0", {}),
    ("articles-get", 200, "GET", "/v1/articles/{article}", {}),
    ("articles-get", 404, "GET", f"/v1/articles/{MISSING}", {}),
    ("articles-graph", 200, "GET", "/v1/articles/{article}/graph", {}),
    ("articles-graph", 404, "GET", f"/v1/articles/{MISSING}/graph", {}),
    ("articles-delete", 404, "DELETE", f"/v1/articles/{MISSING}", {}),
    ("ingest-jobs-create", 422, "POST", "/v1/ingest-jobs", {"json": {"articles": []}}),
    ("ingest-jobs-get", 404, "GET", f"/v1/ingest-jobs/{MISSING * 2}", {}),
    ("actors-list", 200, "GET", "/v1/actors?limit=2", {}),
    ("actors-list", 422, "GET", "/v1/actors?country=China", {}),
    ("actors-get", 200, "GET", "/v1/actors/{actor}", {}),
    ("actors-get", 404, "GET", "/v1/actors/nobody", {}),
    ("actors-statements", 200, "GET", "/v1/actors/{actor}/statements?limit=2", {}),
    ("actors-statements", 404, "GET", "/v1/actors/nobody/statements", {}),
    ("actors-neighbors", 200, "GET", "/v1/actors/usa/neighbors?limit=2", {}),
    ("actors-neighbors", 404, "GET", "/v1/actors/nobody/neighbors", {}),
    ("claims-list", 200, "GET", "/v1/claims?status=disputed", {}),
    ("claims-list", 422, "GET", "/v1/claims?status=maybe", {}),
    ("actors-neighbors", 200, "GET", "/v1/actors/{actor}/neighbors?limit=2", {}),
    ("actors-neighbors", 404, "GET", "/v1/actors/nobody/neighbors", {}),
    ("claims-list", 200, "GET", "/v1/claims?limit=2", {}),
    ("claims-list", 422, "GET", "/v1/claims?status=maybe", {}),
    ("claims-get", 200, "GET", "/v1/claims/{claim}", {}),
    ("claims-get", 404, "GET", f"/v1/claims/{MISSING}-c1", {}),
    ("graph-get", 200, "GET", "/v1/graph", {}),
    ("graph-get", 422, "GET", "/v1/graph?relation=praise", {}),
    ("graph-path", 200, "GET", "/v1/graph/path?from=rus-kremlin&to=chn", {}),
    ("graph-path", 404, "GET", "/v1/graph/path?from=nobody&to=chn", {}),
    ("graph-path", 422, "GET", "/v1/graph/path?to=chn", {}),
    ("graph-metrics", 200, "GET", "/v1/graph/metrics?rollup=country&limit=2", {}),
    ("graph-metrics", 422, "GET", "/v1/graph/metrics?rollup=continent", {}),
    ("graph-path", 200, "GET", "/v1/graph/path?from={actor}&to={target}", {}),
    ("graph-path", 404, "GET", "/v1/graph/path?from=nobody&to={target}", {}),
    ("graph-metrics", 200, "GET", "/v1/graph/metrics?limit=2", {}),
    ("graph-metrics", 422, "GET", "/v1/graph/metrics?limit=0", {}),
    ("health-get", 200, "GET", "/health", {}),
]


def record(client: TestClient, responses: dict[str, dict[str, Any]], operation: str,
           expected: int, method: str, url: str, **kwargs: Any) -> Any:
    r = client.request(method, url, **kwargs)
    if r.status_code != expected:
        raise SystemExit(f"{method} {url}: expected {expected}, got {r.status_code}: {r.text[:500]}")
    body = r.json()
    responses.setdefault(operation, {})[str(expected)] = {"request": f"{method} {url}", "body": body}
    return body


def record_job(client: TestClient, responses: dict[str, dict[str, Any]], request: dict[str, Any]) -> None:
    """An ingest job sending the seed article again (so `existing`), as accepted and once done."""
    job = record(client, responses, "ingest-jobs-create", 202, "POST", "/v1/ingest-jobs",
                 json={"articles": [request]})
    deadline = time.monotonic() + 60
    while client.get(f"/v1/ingest-jobs/{job['id']}").json()["status"] != "completed":
        if time.monotonic() > deadline:
            raise SystemExit(f"ingest job {job['id']} did not complete within 60 s")
        time.sleep(0.05)  # the server's background thread (SQLite) processes it
    record(client, responses, "ingest-jobs-get", 200, "GET", f"/v1/ingest-jobs/{job['id']}")


def generate() -> dict[str, Any]:
    request = {"text": SEED.read_text(encoding="utf-8"), "source": "The Jerusalem Post"}
    responses: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(database_url=f"sqlite:///{tmp}/examples.db", seed_on_start=False,
                            migrate_on_start=True, max_article_bytes=MAX_BYTES)
        with TestClient(create_app(settings), base_url=BASE_URL) as client:
            created = record(client, responses, "articles-create", 201, "POST", "/v1/articles", json=request)
            record(client, responses, "articles-create", 200, "POST", "/v1/articles", json=request)
            nodes = created["graph"]["nodes"]
            actors = {n["id"] for n in nodes if n["type"] == "actor"}
            edge = next(e for e in created["graph"]["edges"] if e["target"] in actors)
            ids = {"article": created["id"], "actor": edge["source"], "target": edge["target"],
                   "claim": next(n["id"] for n in nodes if n["type"] == "claim")}
            for operation, status, method, url, kwargs in CALLS:
                record(client, responses, operation, status, method, url.format(**ids), **kwargs)
            record_job(client, responses, request)
    # schema-level examples: the request body, and the problem shown where no answer was recorded
    schemas = {"ArticleCreate": request, "Problem": responses["articles-create"]["422"]["body"]}
    return {"seed": SEED.relative_to(REPO).as_posix(), "schemas": schemas, "responses": responses}


if __name__ == "__main__":
    OUT.write_text(json.dumps(generate(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")
