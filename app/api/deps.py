"""Request-scoped dependencies: the database session, extraction, JSON-only bodies, paging."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.exceptions import RequestValidationError
from sqlmodel import Session

from app.errors import UnsupportedMediaType
from app.schemas import PageQuery
from app.services.extraction import TimedExtraction, get_extraction_process


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        yield session


def timed_extraction(request: Request) -> TimedExtraction:
    """Extraction for a client who waits: in the child process, stopped at the timeout."""
    settings = request.app.state.settings
    return TimedExtraction(get_extraction_process(settings.spacy_model),
                           settings.extract_timeout_seconds)


SessionDep = Annotated[Session, Depends(get_session)]
ExtractionDep = Annotated[TimedExtraction, Depends(timed_extraction)]

ArticleId = Annotated[str, Path(description="Article id: the first 16 hex digits of its content hash.")]
ActorId = Annotated[str, Path(description="Actor id: a stable slug shared by all articles.")]
ClaimId = Annotated[str, Path(description="Claim id: the article id, `-c` and a number.")]


def require_json(request: Request) -> None:
    """415 unless the body is declared as JSON (``application/json`` or ``…+json``)."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json" and not (
            media_type.startswith("application/") and media_type.endswith("+json")):
        raise UnsupportedMediaType(f"Send the article as application/json, not '{media_type or 'no content type'}'.")


def refuse_nul(request: Request) -> None:
    """422 for a NUL character in the path or the query: no database column can hold one
    (PostgreSQL refuses it), so it can match nothing; the body's fields refuse it too."""
    params = [("path", name, value) for name, value in request.path_params.items()]
    params += [("query", name, value) for name, value in request.query_params.multi_items()]
    errors = [{"loc": (where, name), "type": "string_nul", "msg": "must not contain NUL characters"}
              for where, name, value in params if "\x00" in str(value)]
    if errors:
        raise RequestValidationError(errors)


def next_url(request: Request, page: PageQuery, total: int) -> str | None:
    """The URL of the next page (same filters), or None on the last page."""
    if page.offset + page.limit >= total:
        return None
    return str(request.url.include_query_params(limit=page.limit, offset=page.offset + page.limit))
