"""The OpenAPI document as the frontend team reads it, and the docs pages that render it offline.

FastAPI derives the spec from the routes and schemas; this module adds what it cannot know:
error bodies served as problem+json (plus a ``default`` error response on every operation), the
tags' descriptions, and request/response examples recorded from the seed article by
``python -m app.api.examples.generate`` (stored in ``app/api/examples/seed_graph.json``).
"""

import json
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from app.corpus.exports import MEDIA_TYPES, cytoscape
from app.errors import PROBLEM_JSON
from app.schemas import GraphFormat

EXAMPLES = Path(__file__).parent / "api" / "examples" / "seed_graph.json"
DOCS_ASSETS = "/docs/assets"
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}

DESCRIPTION = """\
Turn news articles into claim graphs: the actors (countries, governments, institutions, people,
organizations) and the statements linking them, each statement with the claim it is about and
the sentences that show it.

- **Versioning.** Every route of version 1 lives under `/v1`; `/health` is for load balancers.
- **Errors** are [RFC 9457](https://www.rfc-editor.org/rfc/rfc9457) problem documents served as
  `application/problem+json` (schema `Problem`); `type` names the problem, invalid fields are
  listed in `errors`.
- **Lists** are pages: `{items, total, limit, offset, next}`, where `next` is the URL of the next
  page or null on the last one. Ask for pages with `limit` (at most 100) and `offset`.
- **Graphs** are networkx node-link JSON: `nx.node_link_graph(data, edges="edges")` loads them.
- **Evidence offsets** count Unicode code points into the article's `text`.
- The examples are real: the seed article, ingested through this API.
"""

TAGS = [
    {"name": "articles", "description": "Submit an article to extract its claim graph; list, read and delete stored articles."},
    {"name": "ingest-jobs", "description": "Submit many articles at once: workers extract and store them in the background; follow the job's progress and per-article results."},
    {"name": "actors", "description": "Actors are shared by all articles: search them, read one, list its statements."},
    {"name": "claims", "description": "Claims across articles (one corpus claim per proposition): who asserts and who denies each; any claim with every statement over it and its evidence."},
    {"name": "graph", "description": "The claim graph of the whole corpus, filtered like the article list and folded into countries on request, in JSON, GraphML, GEXF, Cytoscape, CSV or SVG; paths between actors; network measures."},
    {"name": "health", "description": "Whether the service and its database answer."},
]

DEFAULT_ERROR = {"description": "Any other error, as a problem document.",
                 "content": {PROBLEM_JSON: {"schema": PROBLEM_REF}}}


@cache
def load_examples() -> dict[str, Any]:
    return json.loads(EXAMPLES.read_text(encoding="utf-8"))


def build_openapi(app: FastAPI) -> dict[str, Any]:
    """The generated spec with problem+json errors and the recorded examples (built once)."""
    if app.openapi_schema is None:
        schema = FastAPI.openapi(app)
        examples = load_examples()
        for methods in schema["paths"].values():
            for operation in methods.values():
                responses = operation["responses"]
                for code, response in responses.items():
                    content = response.get("content", {})
                    if int(code) >= 400 and "application/json" in content:
                        response["content"] = {PROBLEM_JSON: content.pop("application/json")}
                responses["default"] = DEFAULT_ERROR
                _add_examples(operation, examples["responses"].get(operation["operationId"], {}))
                _drop_titles(operation.get("parameters", []))
        for component in schema["components"]["schemas"].values():
            _drop_titles(component.get("properties", {}))
        for name, example in examples["schemas"].items():
            schema["components"]["schemas"][name]["examples"] = [example]
        app.openapi_schema = schema
    return app.openapi_schema


def _drop_titles(node: Any) -> None:
    """Remove the titles pydantic derives from field names ("Published At"): the docs would show
    them beside every type, and the field name already says it. Component titles stay."""
    if isinstance(node, dict):
        if isinstance(node.get("title"), str):
            del node["title"]
        for value in node.values():
            _drop_titles(value)
    elif isinstance(node, list):
        for item in node:
            _drop_titles(item)


def _add_examples(operation: dict[str, Any], recorded: dict[str, Any]) -> None:
    """Each recorded answer becomes the example of the response with its status (JSON bodies)."""
    for code, answer in recorded.items():
        for media_type, media in operation["responses"].get(code, {}).get("content", {}).items():
            if media_type in {"application/json", "application/problem+json"}:
                media["examples"] = {"seed": {"summary": answer["request"], "value": answer["body"]}}
            elif media_type == MEDIA_TYPES[GraphFormat.CYTOSCAPE]:  # the same recorded graph, as Cytoscape.js
                graph = nx.node_link_graph(answer["body"], edges="edges")
                media["examples"] = {"seed": {"summary": f"{answer['request']}?format=cytoscape",
                                              "value": json.loads(json.dumps(cytoscape(graph)))}}


def install_docs(app: FastAPI) -> None:
    """Swagger UI at /docs and ReDoc at /redoc, their assets served from the fastapi-offline
    package: the pages load nothing from outside the service."""
    app.mount(DOCS_ASSETS, StaticFiles(packages=[("fastapi_offline", "static")]), name="docs-assets")

    def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}", title=f"{app.title} API",
            swagger_js_url=f"{root}{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{root}{DOCS_ASSETS}/favicon.png",
            swagger_ui_parameters={"validatorUrl": None})  # no badge fetched from outside

    def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}", title=f"{app.title} API",
            redoc_js_url=f"{root}{DOCS_ASSETS}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{DOCS_ASSETS}/favicon.png", with_google_fonts=False)

    # plain Starlette routes: pages, not API operations
    app.add_route("/docs", swagger_ui, include_in_schema=False)
    app.add_route("/redoc", redoc, include_in_schema=False)
