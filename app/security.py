"""Who may call the API: API keys for writes (and for reads, when they are private), and CORS.

Keys come from the settings; without keys the API is open, as on a developer's machine. A write is
any method but GET, HEAD and OPTIONS. Keys are compared in constant time, against every
configured key, so the answer's timing says nothing about how much of a key was right.
"""

import hmac
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.datastructures import Headers

from app.config import Settings
from app.errors import PROBLEM_JSON, Forbidden, Problem, Unauthorized, problem_type

SCHEME = "apiKey"
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

bearer = HTTPBearer(
    scheme_name=SCHEME, auto_error=False,
    description="An API key as `Authorization: Bearer <key>`. Writes need one when the server has "
                "keys configured; reads too when its reads are private.")


def is_write(request: Request) -> bool:
    return request.method not in READ_METHODS


def key_matches(given: str, keys: list[str]) -> bool:
    """Whether ``given`` is one of ``keys``; every key is compared, each in constant time."""
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(given.encode(), key.encode())
    return matched


def require_api_key(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """401 without a key, 403 with a wrong one, where the settings ask for a key."""
    settings: Settings = request.app.state.settings
    if not settings.api_keys or not (is_write(request) or settings.private_reads):
        return
    if credentials is None:
        raise Unauthorized("Send an API key as 'Authorization: Bearer <key>'.",
                           headers={"WWW-Authenticate": "Bearer"})
    keys = [key.get_secret_value() for key in settings.api_keys]
    if not key_matches(credentials.credentials, keys):
        raise Forbidden("The API key is not valid.",
                        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


def document_security(schema: dict[str, Any]) -> dict[str, Any]:
    """Reads take a key but need none unless the server makes them private: say so in the spec
    (an empty requirement is "no key"). Writes keep the requirement FastAPI derived."""
    for methods in schema["paths"].values():
        for method, operation in methods.items():
            security = operation.get("security")
            if security and method.upper() in READ_METHODS and {} not in security:
                security.insert(0, {})
    return schema


class ProblemCORSMiddleware(CORSMiddleware):
    """Starlette's CORS handling, with a rejected preflight answered as problem+json like every error."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        reason = bytes(response.body).decode("utf-8", "replace")  # "Disallowed CORS origin, method"
        problem = Problem(type=problem_type("cors-rejected"), title="Cross-origin request not allowed",
                          status=response.status_code, detail=f"{reason}: the preflight request asks for what "
                          "the server does not allow (CLAIMGRAPH_CORS_ORIGINS lists the allowed origins).")
        headers = {k: v for k, v in response.headers.items() if k.lower() not in {"content-length", "content-type"}}
        return JSONResponse(problem.model_dump(exclude_none=True), status_code=response.status_code,
                            media_type=PROBLEM_JSON, headers=headers)


def install_cors(app: FastAPI, settings: Settings) -> None:
    """Let the browsers of the configured origins call the API (and read its error headers)."""
    if settings.cors_origins:
        app.add_middleware(
            ProblemCORSMiddleware, allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"], allow_headers=["Authorization", "Content-Type"],
            expose_headers=["Location", "Retry-After", "WWW-Authenticate"], max_age=600)
