"""Who may call the API, from which browsers, and how often: API keys, private reads, CORS and
the write rate limit, through HTTP; and the spec that declares them."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from limits.errors import ConfigurationError
from pydantic import ValidationError

from app.config import Settings
from app.db import make_engine
from app.main import create_app
from app.security import key_matches

PROBLEM = "application/problem+json"
TEXT = "China on Tuesday denied a US claim that Russia had asked it for military help."
KEYS = "first-key-0123456789,second-key-abcdefghij"
WRITES = [("POST", "/v1/articles", {"text": TEXT}),
          ("DELETE", "/v1/articles/0000000000000000", None),
          ("POST", "/v1/ingest-jobs", {"articles": [{"text": TEXT}]})]
READS = ["/v1/articles", "/v1/actors", "/v1/graph", "/v1/claims", "/v1/articles/0000000000000000"]


@pytest.fixture
def make_client(sqlite_template: Path, tmp_path: Path, pipeline) -> Iterator[Callable[..., TestClient]]:
    """``make_client(**settings)``: a started app on its own SQLite database."""
    clients: list[TestClient] = []

    def make(client_address: str = "testclient", **overrides: object) -> TestClient:
        path = tmp_path / f"{len(clients)}.db"
        shutil.copyfile(sqlite_template, path)
        settings = Settings(database_url=f"sqlite:///{path}", seed_on_start=False,
                            migrate_on_start=False, **overrides)
        client = TestClient(create_app(settings, make_engine(settings.database_url)),
                            client=(client_address, 50000))
        clients.append(client.__enter__())
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def total(client: TestClient, **headers: str) -> int:
    return client.get("/v1/articles", headers=headers).json()["total"]


def assert_problem(r, status: int, type_suffix: str) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == PROBLEM and r.json()["type"].endswith(type_suffix)
    return r.json()


# --- API keys ------------------------------------------------------------------------------------

def test_without_keys_the_api_is_open(make_client):
    client = make_client()
    assert client.post("/v1/articles", json={"text": TEXT}).status_code == 201
    assert client.get("/v1/articles").status_code == 200


def test_writes_without_a_key_are_401_with_a_bearer_challenge(make_client):
    client = make_client(api_keys=KEYS)
    for method, path, body in WRITES:
        for headers in ({}, {"Authorization": "Basic dXNlcjpwYXNz"}, {"Authorization": "Bearer"}):
            r = client.request(method, path, json=body, headers=headers)
            assert_problem(r, 401, "unauthorized")
            assert r.headers["www-authenticate"] == "Bearer", (method, path, headers)
    assert total(client) == 0


def test_writes_with_a_wrong_key_are_403(make_client):
    client = make_client(api_keys=KEYS)
    first = KEYS.split(",")[0]
    for wrong in ("nope", first[:-1], first + "x", first.upper(), KEYS):
        for method, path, body in WRITES:
            r = client.request(method, path, json=body, headers=bearer(wrong))
            assert_problem(r, 403, "forbidden")
            assert "invalid_token" in r.headers["www-authenticate"]
    assert total(client) == 0


def test_every_configured_key_can_write_and_reads_stay_open(make_client):
    client = make_client(api_keys=KEYS)
    first, second = KEYS.split(",")
    created = client.post("/v1/articles", json={"text": TEXT}, headers=bearer(first))
    assert created.status_code == 201
    assert client.post("/v1/ingest-jobs", json={"articles": [{"text": TEXT}]},
                       headers=bearer(second)).status_code == 202
    for path in READS[:-1]:
        assert client.get(path).status_code == 200, path
    article = f"/v1/articles/{created.json()['id']}"
    assert client.delete(article, headers=bearer(second)).status_code == 204


def test_private_reads_need_a_key_but_health_does_not(make_client):
    client = make_client(api_keys=KEYS, private_reads=True)
    key = KEYS.split(",")[1]
    for path in READS:
        assert_problem(client.get(path), 401, "unauthorized")
        assert_problem(client.get(path, headers=bearer("nope")), 403, "forbidden")
        assert client.get(path, headers=bearer(key)).status_code in (200, 404), path
    assert client.get("/health").status_code == 200


def test_private_reads_without_keys_is_a_settings_error():
    with pytest.raises(ValidationError, match="private_reads needs api_keys"):
        Settings(private_reads=True)


def test_keys_come_from_a_comma_separated_environment_variable(monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_API_KEYS", " a-key , another-key ,")
    monkeypatch.setenv("CLAIMGRAPH_CORS_ORIGINS", "https://app.example,https://admin.example")
    settings = Settings()
    assert [k.get_secret_value() for k in settings.api_keys] == ["a-key", "another-key"]
    assert "a-key" not in repr(settings)  # secrets stay out of logs
    assert settings.cors_origins == ["https://app.example", "https://admin.example"]


def test_key_matching_is_exact():
    keys = ["k-123456", "other"]
    assert key_matches("k-123456", keys) and key_matches("other", keys)
    assert not any(key_matches(k, keys) for k in ("", "k-12345", "k-1234567", "K-123456", "other "))
    assert not key_matches("anything", [])


# --- CORS ------------------------------------------------------------------------------------------

def test_cors_answers_the_configured_origins_only(make_client):
    client = make_client(cors_origins="https://app.example", api_keys=KEYS)
    allowed, other = {"Origin": "https://app.example"}, {"Origin": "https://evil.example"}
    preflight = {"Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "authorization, content-type"}
    r = client.options("/v1/articles", headers=allowed | preflight)
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == "https://app.example"
    assert "POST" in r.headers["access-control-allow-methods"]
    assert "authorization" in r.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-origin" not in client.options("/v1/articles", headers=other | preflight).headers
    r = client.get("/v1/articles", headers=allowed)
    assert r.headers["access-control-allow-origin"] == "https://app.example"
    # error answers carry it too, so the page can read the problem and its headers
    r = client.post("/v1/articles", json={"text": TEXT}, headers=allowed)
    assert r.status_code == 401 and r.headers["access-control-allow-origin"] == "https://app.example"
    assert "www-authenticate" in r.headers["access-control-expose-headers"].lower()
    assert "access-control-allow-origin" not in client.get("/v1/articles", headers=other).headers


def test_a_rejected_preflight_is_a_problem_document(make_client):
    client = make_client(cors_origins="https://app.example", api_keys=KEYS)
    r = client.options("/v1/articles", headers={"Origin": "https://evil.example",
                                                "Access-Control-Request-Method": "PUT"})
    assert r.status_code == 400 and r.headers["content-type"] == "application/problem+json"
    problem = r.json()
    assert problem["type"] == "urn:claimgraph:problem:cors-rejected" and problem["status"] == 400
    assert "origin" in problem["detail"] and "method" in problem["detail"]
    assert "access-control-allow-origin" not in r.headers


def test_without_origins_there_is_no_cors(make_client):
    r = make_client().get("/v1/articles", headers={"Origin": "https://app.example"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers


# --- rate limit ------------------------------------------------------------------------------------

def test_writes_over_the_rate_are_429_with_retry_after(make_client):
    client = make_client(write_rate_limit="3/minute")
    statuses = [client.post("/v1/articles", json={"text": TEXT}).status_code for _ in range(2)]
    statuses.append(client.delete("/v1/articles/0000000000000000").status_code)
    assert statuses == [201, 200, 404]
    r = client.post("/v1/articles", json={"text": TEXT + " Again."})
    problem = assert_problem(r, 429, "too-many-requests")
    assert 1 <= int(r.headers["retry-after"]) <= 60 and "3 per 1 minute" in problem["detail"]
    assert total(client) == 1
    assert all(client.get("/v1/articles").status_code == 200 for _ in range(10))  # reads are free


def test_the_rate_is_counted_per_client_and_before_the_key_check(make_client):
    first = make_client(write_rate_limit="2/minute", api_keys=KEYS, client_address="10.0.0.1")
    for _ in range(2):
        assert first.post("/v1/articles", json={"text": TEXT}).status_code == 401
    assert first.post("/v1/articles", json={"text": TEXT}).status_code == 429  # no key guessing
    # another app: its own counters; and another client address on the same app
    other = TestClient(first.app, client=("10.0.0.2", 50000))
    assert other.post("/v1/articles", json={"text": TEXT},
                      headers=bearer(KEYS.split(",")[0])).status_code == 201


def test_a_bad_rate_or_storage_fails_at_start(tmp_path):
    for overrides in ({"write_rate_limit": "lots"}, {"rate_limit_storage": "nowhere://"}):
        settings = Settings(database_url=f"sqlite:///{tmp_path}/x.db", **overrides)
        with pytest.raises((ValueError, ConfigurationError)):
            create_app(settings)


# --- the spec --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def spec() -> dict:
    return create_app(Settings(seed_on_start=False, migrate_on_start=False)).openapi()


def test_the_spec_declares_the_bearer_scheme_and_who_needs_it(spec):
    assert spec["components"]["securitySchemes"]["apiKey"] == {
        "type": "http", "scheme": "bearer", "description": spec["components"]["securitySchemes"]["apiKey"]["description"]}
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            codes = set(operation["responses"])
            if path == "/health":
                assert "security" not in operation and not {"401", "403"} & codes
            elif method == "get":
                assert operation["security"] == [{}, {"apiKey": []}], (method, path)
                assert {"401", "403"} <= codes, (method, path)
            else:
                assert operation["security"] == [{"apiKey": []}], (method, path)
                assert {"401", "403", "429"} <= codes, (method, path)
