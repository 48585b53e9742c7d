"""Errors as RFC 9457 problem details: a small exception hierarchy and the one handler for all.

Responses never carry stack traces, SQL or the rejected input: only what the client can act on.
"""

from http import HTTPStatus
from typing import Any, ClassVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from pydantic.json_schema import SkipJsonSchema
from starlette.exceptions import HTTPException
from starlette.routing import compile_path

PROBLEM_JSON = "application/problem+json"


class ProblemFieldError(BaseModel):
    """One invalid part of a request."""

    loc: list[str | int] = Field(description="Where it is: `body`, `query` or `path`, then the field names.")
    detail: str = Field(description="What is wrong with it.")
    type: str = Field(description="Machine-readable kind of error, such as `missing`.")


class Problem(BaseModel):
    """An RFC 9457 problem document (served as application/problem+json)."""

    type: str = Field(description="URI naming the kind of problem (`about:blank` when the status says it all).")
    title: str = Field(description="Short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong this time.")
    # absent rather than null on other errors (the spec says so: no null, no default)
    errors: list[ProblemFieldError] | SkipJsonSchema[None] = Field(
        default=None, description="The invalid parts of the request (validation errors only).",
        json_schema_extra=lambda schema: schema.pop("default"))


class ClaimGraphError(HTTPException):
    """Base of the errors the service raises on purpose; each knows its status and problem type.

    It is an ``HTTPException`` so that FastAPI re-raises it untouched from inside body parsing.
    """

    status: ClassVar[int] = 500
    slug: ClassVar[str] = "internal-error"
    title: ClassVar[str] = "Internal server error"

    def __init__(self, detail: str, headers: dict[str, str] | None = None):
        super().__init__(status_code=self.status, detail=detail, headers=headers)


class MalformedBody(ClaimGraphError):
    status, slug, title = 400, "malformed-body", "Malformed request body"


class Unauthorized(ClaimGraphError):
    status, slug, title = 401, "unauthorized", "API key required"


class Forbidden(ClaimGraphError):
    status, slug, title = 403, "forbidden", "API key not accepted"


class NotFound(ClaimGraphError):
    status, slug, title = 404, "not-found", "Not found"


class PayloadTooLarge(ClaimGraphError):
    status, slug, title = 413, "payload-too-large", "Content too large"


class UnsupportedMediaType(ClaimGraphError):
    status, slug, title = 415, "unsupported-media-type", "Unsupported media type"


class ArticleRejected(ClaimGraphError):
    """Well-formed, but nothing the service can extract from (no text, too slow to extract)."""

    status, slug, title = 422, "article-rejected", "Article not processable"


class TooManyRequests(ClaimGraphError):
    status, slug, title = 429, "too-many-requests", "Too many requests"


class DatabaseUnavailable(ClaimGraphError):
    status, slug, title = 503, "database-unavailable", "Database unavailable"


class ExtractionBusy(ClaimGraphError):
    status, slug, title = 503, "extraction-busy", "Extraction busy"


def problem_type(slug: str) -> str:
    return f"urn:claimgraph:problem:{slug}"


def to_problem(exc: Exception) -> Problem:
    if isinstance(exc, ClaimGraphError):
        return Problem(type=problem_type(exc.slug), title=exc.title, status=exc.status,
                       detail=exc.detail)
    if isinstance(exc, RequestValidationError):
        errors = [ProblemFieldError(loc=list(e["loc"]), detail=e["msg"], type=e["type"])
                  for e in exc.errors()]
        return Problem(type=problem_type("validation-error"), title="Invalid request",
                       status=422, detail=f"{len(errors)} invalid field(s).", errors=errors)
    if isinstance(exc, HTTPException) and isinstance(exc.__cause__, UnicodeDecodeError):
        return to_problem(MalformedBody("The body is not valid UTF-8."))  # FastAPI's bare 400
    if isinstance(exc, HTTPException):  # raised by the framework: unknown route, wrong method…
        return Problem(type="about:blank", title=HTTPStatus(exc.status_code).phrase,
                       status=exc.status_code, detail=str(exc.detail))
    # anything else: the server logs the traceback (Starlette re-raises after this response)
    return Problem(type=problem_type("internal-error"), title=ClaimGraphError.title,
                   status=500, detail="The server failed to handle the request.")


def problem_response(exc: Exception) -> JSONResponse:
    problem = to_problem(exc)
    headers = getattr(exc, "headers", None)  # e.g. Allow on 405
    return JSONResponse(problem.model_dump(exclude_none=True), status_code=problem.status,
                        media_type=PROBLEM_JSON, headers=headers)


async def handle_error(request: Request, exc: Exception) -> JSONResponse:
    """The one exception handler (registered for HTTP, validation and unexpected errors)."""
    response = problem_response(exc)
    if response.status_code == 405 and (methods := _methods_of_path(request)):
        response.headers["Allow"] = ", ".join(methods)  # Starlette names one route's methods only
    return response


def _methods_of_path(request: Request) -> list[str]:
    """Every method the OpenAPI spec lists for the request's path (HEAD with GET)."""
    methods: set[str] = set()
    for template, operations in request.app.openapi()["paths"].items():
        if compile_path(template)[0].match(request.scope["path"]):
            methods |= {method.upper() for method in operations}
    return sorted(methods | ({"HEAD"} if "GET" in methods else set()))


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` entries for a route, so the OpenAPI spec lists its error statuses."""
    return {status: {"model": Problem, "description": HTTPStatus(status).phrase}
            for status in statuses}
