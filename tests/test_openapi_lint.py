"""Lint the OpenAPI spec: a valid OpenAPI 3.1 document (openapi-spec-validator, warnings as
errors) that also keeps the house rules a generated client depends on, Spectral-style.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from openapi_spec_validator import validate

from app.config import Settings
from app.errors import PROBLEM_JSON
from app.main import create_app

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
UNVERSIONED = {"/health"}  # for load balancers, outside the versioned API
NO_CLIENT_ERRORS = {"health-get"}  # takes no input, so it has no 4xx to declare
PAGE_FIELDS = {"items", "total", "limit", "offset", "next"}


@pytest.fixture(scope="module")
def spec() -> dict:
    return create_app(Settings(seed_on_start=False, migrate_on_start=False)).openapi()


def operations(spec: dict) -> Iterator[tuple[str, dict]]:
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def refs(node: Any) -> Iterator[str]:
    """Every ``$ref`` target under ``node``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs(item)


def reachable(spec: dict, roots: Any) -> set[str]:
    """Names of the component schemas that ``roots`` refer to, directly or through others."""
    schemas = spec["components"]["schemas"]
    seen: set[str] = set()
    todo = [r.rsplit("/", 1)[1] for r in refs(roots)]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += [r.rsplit("/", 1)[1] for r in refs(schemas[name])]
    return seen


def keys(node: Any) -> Iterator[str]:
    """Every dict key under ``node``."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from keys(item)


def allows_null(schema: dict) -> bool:
    return schema.get("type") == "null" or any(allows_null(s) for s in schema.get("anyOf", []))


# --- the document ---------------------------------------------------------------------------

def test_is_valid_openapi_without_warnings(spec):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        validate(spec)


def test_info_says_what_the_api_is(spec):
    info = spec["info"]
    assert spec["openapi"].startswith("3.1")
    assert info["title"] and info["version"] and info["summary"] and len(info["description"]) > 200


def test_paths_carry_the_api_version(spec):
    for path in spec["paths"]:
        assert path.startswith("/v1/") or path in UNVERSIONED, path


# --- operations -----------------------------------------------------------------------------

def test_operations_have_one_declared_tag_and_a_readable_id(spec):
    declared = {tag["name"]: tag for tag in spec["tags"]}
    used = set()
    ids = [op["operationId"] for _, op in operations(spec)]
    assert len(ids) == len(set(ids))
    for where, op in operations(spec):
        assert len(op.get("tags", [])) == 1, where
        tag = op["tags"][0]
        used.add(tag)
        assert tag in declared and declared[tag].get("description"), (where, tag)
        assert re.fullmatch(rf"{re.escape(tag)}-[a-z]+", op["operationId"]), (where, op["operationId"])
    assert used == set(declared), "every declared tag is used"


def test_operations_have_a_summary_and_a_description(spec):
    for where, op in operations(spec):
        summary = op.get("summary", "")
        # two words at least: not FastAPI's summary made from the route name ("Get", "List")
        assert 2 <= len(summary.split()) and len(summary) <= 40, (where, summary)
        assert not summary.endswith("."), (where, summary)
        assert len(op.get("description", "")) >= 20, where


def test_parameters_are_described(spec):
    for where, op in operations(spec):
        for parameter in op.get("parameters", []):
            assert parameter.get("description"), (where, parameter["name"])


def test_errors_are_problem_documents(spec):
    for where, op in operations(spec):
        responses = op["responses"]
        assert "default" in responses, where
        errors = {code for code in responses if code == "default" or int(code) >= 400}
        if op["operationId"] not in NO_CLIENT_ERRORS:
            assert any(code.startswith("4") for code in errors), f"{where} declares no 4xx"
        for code in errors:
            content = responses[code]["content"]
            assert responses[code]["description"] and list(content) == [PROBLEM_JSON], (where, code)
            assert content[PROBLEM_JSON]["schema"] == PROBLEM_REF, (where, code)


def test_successful_json_responses_have_real_examples(spec):
    for where, op in operations(spec):
        for code, response in op["responses"].items():
            if code.startswith("2"):
                for media_type, media in response.get("content", {}).items():
                    assert not media_type.endswith("json") or media.get("examples"), (where, code)


def test_lists_are_pages(spec):
    """Every list is the same envelope, and no response is a bare array."""
    schemas = spec["components"]["schemas"]
    for where, op in operations(spec):
        names = {p["name"] for p in op.get("parameters", [])}
        for code, response in op["responses"].items():
            for media in response.get("content", {}).values():
                schema = media["schema"]
                assert schema.get("type") != "array", (where, code)
                name = schema.get("$ref", "").rsplit("/", 1)[-1]
                if code.startswith("2") and "items" in schemas.get(name, {}).get("properties", {}):
                    assert {"limit", "offset"} <= names, where
    for name, schema in schemas.items():
        if "items" in schema.get("properties", {}) or name.endswith("Page"):
            assert set(schema["properties"]) == PAGE_FIELDS == set(schema["required"]), name
            assert schema["properties"]["items"]["type"] == "array"
            assert schema["properties"]["total"]["type"] == "integer"
            assert allows_null(schema["properties"]["next"]), name


# --- schemas --------------------------------------------------------------------------------

def test_schemas_and_their_properties_are_described(spec):
    for name, schema in spec["components"]["schemas"].items():
        assert schema.get("description"), name
        for prop, sub in schema.get("properties", {}).items():
            assert sub.get("description"), f"{name}.{prop}"


def test_no_unused_schemas(spec):
    roots = {key: value for key, value in spec.items() if key != "components"}
    assert set(spec["components"]["schemas"]) == reachable(spec, roots)


def test_one_schema_per_model_for_input_and_output(spec):
    for name in spec["components"]["schemas"]:
        assert not name.endswith(("-Input", "-Output")), name


def test_enums_are_named_schemas(spec):
    """Inline enums become anonymous unions in generated clients; named ones become types."""
    for name, schema in spec["components"]["schemas"].items():
        if "enum" in schema:
            assert schema["type"] == "string" and schema["description"], name
            continue
        for prop, sub in schema.get("properties", {}).items():
            assert "enum" not in keys(sub), f"{name}.{prop} has an inline enum"
    for where, op in operations(spec):
        for parameter in op.get("parameters", []):
            assert "enum" not in keys(parameter["schema"]), (where, parameter["name"])
    for field in ("relation", "kind", "status"):
        assert any(field in s.get("properties", {}) for s in spec["components"]["schemas"].values())


def test_response_fields_are_null_or_absent_explicitly(spec):
    """In what the API returns, a field that can be null is always present (required), so a
    client never has to tell `undefined` from `null`."""
    roots = [r for _, op in operations(spec) for code, r in op["responses"].items()]
    for name in reachable(spec, roots):
        schema = spec["components"]["schemas"][name]
        for prop, sub in schema.get("properties", {}).items():
            if allows_null(sub):
                assert prop in schema.get("required", []), f"{name}.{prop} is nullable but optional"
