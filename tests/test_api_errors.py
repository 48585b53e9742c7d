"""Problem details everywhere, the health check, and an OpenAPI spec that says what the API does."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from app.config import Settings
from app.db import make_engine
from app.main import create_app
from app.services import articles

PROBLEM = "application/problem+json"
OPERATION_IDS = {"articles-create", "articles-list", "articles-get", "articles-graph",
                 "articles-delete", "ingest-jobs-create", "ingest-jobs-get", "actors-list",
                 "actors-get", "actors-statements", "actors-neighbors", "claims-list", "claims-get",
                 "graph-get", "graph-path", "graph-metrics", "health-get"}


def test_health(client):
    r = client.get("/health")
    assert r.status_code == 200 and r.json()["status"] == "ok" and r.json()["database"] == "ok"


def test_health_is_503_when_the_database_is_gone(tmp_path, pipeline):
    missing = tmp_path / "no-such-dir" / "x.db"  # SQLite cannot create a file there
    settings = Settings(database_url=f"sqlite:///{missing}", seed_on_start=False,
                        migrate_on_start=False)
    with TestClient(create_app(settings, make_engine(settings.database_url))) as client:
        r = client.get("/health")
    assert r.status_code == 503 and r.headers["content-type"] == PROBLEM
    assert "sqlite" not in r.text.lower()


def test_unknown_route_and_wrong_method_are_problems(client):
    r = client.get("/v1/nothing-here")
    assert r.status_code == 404 and r.headers["content-type"] == PROBLEM
    assert r.json() == {"type": "about:blank", "title": "Not Found", "status": 404,
                        "detail": "Not Found"}
    r = client.put("/v1/articles")
    assert r.status_code == 405 and r.json()["status"] == 405 and r.headers["allow"]


def test_unexpected_errors_are_500_without_internals(settings, engine, pipeline, monkeypatch):
    def fail(*_args, **_kwargs):
        raise OperationalError("SELECT secret FROM articles", {}, Exception("disk on fire"))

    monkeypatch.setattr(articles, "get_article", fail)
    with TestClient(create_app(settings, engine), raise_server_exceptions=False) as client:
        r = client.get("/v1/articles/0000000000000000")
    assert r.status_code == 500 and r.headers["content-type"] == PROBLEM
    assert r.json()["type"].endswith("internal-error")
    assert "secret" not in r.text and "fire" not in r.text and "Traceback" not in r.text


# --- the OpenAPI spec ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def spec() -> dict:
    return create_app(Settings(seed_on_start=False, migrate_on_start=False)).openapi()


def operations(spec: dict):
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_operation_ids(spec):
    assert {op["operationId"] for _, _, op in operations(spec)} == OPERATION_IDS


def test_every_operation_is_documented_and_declares_its_errors(spec):
    for path, method, op in operations(spec):
        assert op.get("summary") and op.get("description"), (method, path)
        errors = {code: r for code, r in op["responses"].items()
                  if code == "default" or int(code) >= 400}
        assert errors, (method, path)
        for response in errors.values():
            assert list(response["content"]) == [PROBLEM]
            assert response["content"][PROBLEM]["schema"] == {"$ref": "#/components/schemas/Problem"}
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_create_declares_its_statuses_and_an_example(spec):
    create = spec["paths"]["/v1/articles"]["post"]
    assert {"200", "201", "413", "415", "422"} <= set(create["responses"])
    assert spec["components"]["schemas"]["ArticleCreate"]["examples"]
    assert spec["components"]["schemas"]["ArticleCreate"]["additionalProperties"] is False


def test_responses_are_typed_models_not_tables(spec):
    schemas = spec["components"]["schemas"]
    assert not {"Article", "Actor", "Statement", "Claim", "Evidence"} & set(schemas)
    get = spec["paths"]["/v1/articles/{article_id}"]["get"]
    assert get["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ArticleDetail"}
