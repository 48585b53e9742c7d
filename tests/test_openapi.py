"""The committed openapi.json is the app's spec, and its examples are real and valid.

The frontend team generates its client from the committed file, so it must never drift from
the app; the examples were recorded from the seed article, so they must validate against the
very schemas the spec publishes.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from app.config import Settings
from app.main import create_app
from app.openapi import load_examples

REPO = Path(__file__).resolve().parents[1]
COMMITTED = REPO / "openapi.json"
REGENERATE = "claimgraph openapi > openapi.json"


@pytest.fixture(scope="module")
def spec() -> dict:
    return create_app(Settings(seed_on_start=False, migrate_on_start=False)).openapi()


def _dump(spec: dict) -> list[str]:
    return json.dumps(spec, indent=2, sort_keys=True).splitlines()


def test_committed_spec_is_the_apps(spec):
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    if committed != spec:
        diff = list(difflib.unified_diff(_dump(committed), _dump(spec), "openapi.json", "the app",
                                         lineterm="", n=1))
        pytest.fail(f"openapi.json differs from the app's spec; regenerate it with "
                    f"`{REGENERATE}` and commit it.\n" + "\n".join(diff[:60]), pytrace=False)


def _examples(spec: dict):
    """(where, media schema, example value) for every example in the spec."""
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            for code, response in operation["responses"].items():
                for media in response.get("content", {}).values():
                    for example in media.get("examples", {}).values():
                        yield f"{method} {path} {code}", media["schema"], example["value"]
    for name, schema in spec["components"]["schemas"].items():
        for value in schema.get("examples", []):
            yield name, {"$ref": f"#/components/schemas/{name}"}, value


def test_examples_validate_against_the_published_schemas(spec):
    examples = list(_examples(spec))
    assert len(examples) >= 20
    for where, schema, value in examples:
        validator = Draft202012Validator({**schema, "components": spec["components"]},
                                         format_checker=FormatChecker())
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(value)]
        assert not errors, (where, errors[:5])


def test_every_recorded_example_is_used(spec):
    """An answer recorded for a status the operation no longer declares is a stale example."""
    operations = {op["operationId"]: op for methods in spec["paths"].values() for op in methods.values()}
    for operation_id, answers in load_examples()["responses"].items():
        assert operation_id in operations, f"examples for unknown operation {operation_id}"
        for code in answers:
            response = operations[operation_id]["responses"].get(code, {})
            assert response.get("content"), f"{operation_id} declares no {code} response with a body"


def test_examples_come_from_the_seed_article_and_their_offsets_hold():
    examples = load_examples()
    seed = (REPO / examples["seed"]).read_text(encoding="utf-8")
    assert examples["schemas"]["ArticleCreate"]["text"] == seed
    answers = examples["responses"]
    text = answers["articles-get"]["200"]["body"]["text"]
    edges = answers["articles-graph"]["200"]["body"]["edges"]
    spans = [span for edge in edges for evidence in edge["evidence"]
             for span in (evidence, evidence["cue"], evidence["speaker"], evidence["content"]) if span]
    assert spans and all(text[s["start"]:s["end"]] == s["text"] for s in spans)
    relations = {edge["relation"] for edge in edges}
    assert {"assert", "deny"} <= relations, relations  # the seed's disputed claim
