"""Property-based fuzzing of the whole API from its own OpenAPI spec (schemathesis).

Every operation gets generated requests, valid and invalid: no answer may be a 5xx, and every
answer must match the spec (status declared, content type, body schema, headers). Examples are
few and derandomized, so the run is bounded and repeatable in CI. The spec is read from an app
built for it alone; the requests go to an app on the test's database, which holds the sample
articles.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from pydantic import SecretStr

from app.config import Settings
from app.main import create_app

MAX_EXAMPLES = 25
KEY = "fuzz-key"
# A well-formed article can still be unprocessable (no words in it, extraction over the time
# limit): 422 by design (RFC 9110), so for submissions it is an acceptable answer to valid data.
SUBMISSIONS = [{"include-method": "POST", "include-path": path,
                "checks": {"positive_data_acceptance": {
                    "expected-statuses": ["2xx", "401", "403", "404", "409", "422", "429"]}}}
               for path in ("/v1/articles", "/v1/ingest-jobs")]

# No string may hold a NUL character (no database column can): 422, tested on its own.
CONFIG = {"generation": {"allow-x00": False}, "operations": SUBMISSIONS}

schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(Settings(seed_on_start=False, migrate_on_start=False)),
    config=schemathesis.config.SchemathesisConfig.from_dict(CONFIG))


@pytest.fixture
def live_app(settings, engine, stored) -> Iterator[FastAPI]:
    """The app on a database with the sample articles, started, with an API key (as in
    production, where the spec's security applies) and no practical rate limit."""
    app = create_app(settings.model_copy(update={"api_keys": [SecretStr(KEY)], "write_rate_limit": "100000/minute"}),
                     engine)
    with TestClient(app):
        yield app


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_answers_by_its_spec(case, live_app):
    case.call_and_validate(app=live_app, headers={"Authorization": f"Bearer {KEY}"})
