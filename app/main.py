"""The FastAPI application: routes, the problem+json handler, body limit, docs, and start-up work."""

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from sqlalchemy import Engine
from sqlmodel import Session
from starlette.exceptions import HTTPException

from app.api import api_router
from app.api.body_limit import BodySizeLimit
from app.api.viewer import install_viewer
from app.config import Settings, get_settings
from app.corpus.lemmas import preload as preload_lemmas
from app.corpus.linking import link_missing
from app.db import engine_url, make_engine, upgrade
from app.errors import handle_error
from app.extract.pipeline import get_pipeline
from app.jobs import open_queue
from app.limits import WriteRateLimit
from app.openapi import DESCRIPTION, TAGS, build_openapi, install_docs
from app.security import document_security, install_cors
from app.services.extraction import get_extraction_process
from app.services.ingest import is_empty, seed


def prepare_database(settings: Settings, engine: Engine) -> None:
    """Apply migrations (and link the claims stored before corpus claims existed), and seed an
    empty database, as the settings ask."""
    if settings.migrate_on_start:
        upgrade(engine_url(engine))
        with Session(engine) as session:  # articles stored before corpus claims existed
            link_missing(session, settings.claim_match_threshold)
    if settings.seed_on_start:
        with Session(engine) as session:
            if is_empty(session):
                seed(session, Path(settings.seeds_dir), get_pipeline())


def freeze_startup_objects() -> None:
    """Keep the objects alive after start-up (modules, the model, the app) out of every later
    garbage collection: a full collection over them took 80-200 ms and landed on about one
    request in a hundred (p99). Garbage made so far is collected first."""
    gc.collect()
    gc.freeze()


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    """Build the app; ``uvicorn --factory app.main:create_app`` runs it with the env settings."""
    settings = settings or get_settings()
    engine = engine or make_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(prepare_database, settings, engine)
        # no spaCy pipeline in this process (only the seeding loads one): articles are parsed in
        # the extraction child, and matching their claims needs the lemma tables alone
        await run_in_threadpool(preload_lemmas)
        await run_in_threadpool(get_extraction_process(settings.spacy_model).start)
        app.state.ingest_queue = await run_in_threadpool(open_queue, engine, settings)
        freeze_startup_objects()
        yield
        await run_in_threadpool(app.state.ingest_queue.close)
        gc.unfreeze()  # a stopped app's objects may be collected again (tests start many apps)

    app = FastAPI(
        title="ClaimGraph",
        summary="Turn news articles into claim graphs: who asserts, denies and accuses whom.",
        description=DESCRIPTION,
        version="0.1.0",
        openapi_tags=TAGS,
        lifespan=lifespan,
        generate_unique_id_function=lambda route: f"{route.tags[0]}-{route.name}",
        docs_url=None,  # install_docs serves /docs and /redoc without a CDN
        redoc_url=None,
    )
    app.state.engine, app.state.settings = engine, settings
    app.state.write_rate_limit = WriteRateLimit(settings.write_rate_limit, settings.rate_limit_storage)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_article_bytes,
                       path_limits={"/v1/ingest-jobs": settings.max_job_bytes})
    install_cors(app, settings)  # outermost: preflights and error answers get CORS headers too
    for exc_class in (HTTPException, RequestValidationError, Exception):
        app.add_exception_handler(exc_class, handle_error)
    app.include_router(api_router)
    install_docs(app)
    install_viewer(app)
    app.openapi = lambda: document_security(build_openapi(app))  # type: ignore[method-assign]
    return app

