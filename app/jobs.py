"""The job engine behind ``/v1/ingest-jobs``: procrastinate on PostgreSQL, a thread on SQLite.

On PostgreSQL every article of a job is one procrastinate job in the queue tables that live in
the same database (no other broker), run by ``claimgraph worker`` processes on any machine.
One job per article, not per batch: extracting articles one at a time is no slower than in
batches, the queue spreads them evenly over the workers, and a crash costs one article.

A worker that dies (SIGKILL, lost machine) stops sending heartbeats; once it has been silent for
``worker_stalled_seconds``, any live worker sends its unfinished jobs back to the queue: at
start-up and every minute (procrastinate's ``get_stalled_jobs`` + ``retry_job``). Failing
jobs (the database went away) are retried with exponential back-off. Running an article twice
is harmless: its item is skipped once settled, and its content is stored once (unique hash).
An article is started at most ``job_max_attempts`` times, then recorded as failed: one that
kills every worker taking it is not sent round the workers forever.

Every hour a worker removes the jobs finished more than ``job_retention_days`` ago: our rows
and the queue's (``claimgraph jobs prune`` does the same by hand, on either database).

On SQLite there are no separate workers: the API process runs the same item function in one
background thread, and picks up the items left pending when it starts (and prunes old jobs
then, and at most hourly as jobs come in). The thread extracts in a child process of its own,
stopped after ``extract_timeout_seconds`` as a worker's is: the API's child stays free for
``POST /v1/articles``.
"""

import asyncio
import logging
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Protocol

import procrastinate
from sqlalchemy import Engine, make_url
from sqlmodel import Session

from app.config import Settings, get_settings
from app.db import engine_url
from app.services.extraction import ExtractionProcess, TimedExtraction, get_extraction_process
from app.services.jobs import pending_items, process_item, remove_finished_jobs

logger = logging.getLogger(__name__)

QUEUE = "ingest"
INGEST_TASK = "ingest_article"
RETRY_STALLED_TASK = "retry_stalled_jobs"
REMOVE_OLD_TASK = "remove_old_jobs"
PRUNE_INTERVAL_SECONDS = 3600  # how often the SQLite server removes old jobs, as jobs come in
# 8 attempts, 2 s to 4 min apart: rides out a database restart, gives up on a lasting fault
INGEST_RETRY = procrastinate.RetryStrategy(max_attempts=8, exponential_wait=2)


def ingest_article(context: procrastinate.JobContext, job_id: str, position: int) -> None:
    """Extract and store article ``position`` of ingest job ``job_id`` (runs in a worker thread).

    Extraction runs in the worker's child process, stopped after ``extract_timeout_seconds``: a
    runaway article fails alone instead of holding the worker (whose heartbeat goes on) forever.
    """
    settings: Settings = context.additional_context["settings"]
    extraction = TimedExtraction(get_extraction_process(settings.spacy_model),
                                 settings.extract_timeout_seconds)
    process_item(context.additional_context["engine"], extraction, job_id, position,
                 settings.job_max_attempts)


async def retry_stalled_jobs(context: procrastinate.JobContext, timestamp: int) -> None:
    """Periodic: send the jobs of workers silent for too long back to the queue."""
    await requeue_stalled(context.app, context.additional_context["settings"].worker_stalled_seconds)


async def requeue_stalled(app: procrastinate.App, stalled_seconds: float) -> None:
    for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=stalled_seconds):
        logger.warning("requeueing job %s (%s) of a dead worker", job.id, job.call_string)
        try:
            await app.job_manager.retry_job(job)
        except procrastinate.exceptions.ConnectorException:  # another worker requeued it first
            logger.info("job %s was requeued already", job.id)


async def remove_old_jobs_task(context: procrastinate.JobContext, timestamp: int) -> None:
    """Periodic: remove the jobs finished more than ``job_retention_days`` ago."""
    settings: Settings = context.additional_context["settings"]
    await remove_old_jobs_async(context.additional_context["engine"], settings.job_retention_days,
                                context.app)


async def remove_old_jobs_async(engine: Engine, days: float, app: procrastinate.App | None) -> int:
    """Remove our finished jobs older than ``days`` and, with an (open) procrastinate ``app``,
    the queue's finished jobs (whole hours) and their events; return how many of ours."""
    removed = await asyncio.to_thread(remove_old_ingest_jobs, engine, days)
    if app is not None:  # procrastinate's own cleanup, as its builtin remove_old_jobs task does
        await app.job_manager.delete_old_jobs(nb_hours=int(days * 24), include_failed=True,
                                              include_cancelled=True, include_aborted=True)
    return removed


def remove_old_ingest_jobs(engine: Engine, days: float) -> int:
    with Session(engine) as session:
        return remove_finished_jobs(session, datetime.now(UTC) - timedelta(days=days))


def remove_old_jobs(engine: Engine, days: float) -> int:
    """``remove_old_jobs_async`` from synchronous code (the command line), on either database."""
    if engine.dialect.name != "postgresql":
        return remove_old_ingest_jobs(engine, days)
    app = make_app(engine_url(engine))

    async def remove() -> int:
        async with app.open_async():
            return await remove_old_jobs_async(engine, days, app)

    return asyncio.run(remove())


def make_app(database_url: str) -> procrastinate.App:
    """A procrastinate app on the PostgreSQL database of ``database_url`` (a SQLAlchemy URL)."""
    conninfo = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=conninfo))
    app.task(name=INGEST_TASK, queue=QUEUE, pass_context=True, retry=INGEST_RETRY)(ingest_article)
    app.periodic(cron="* * * * *", periodic_id=RETRY_STALLED_TASK)(
        app.task(name=RETRY_STALLED_TASK, queue=QUEUE, pass_context=True,
                 queueing_lock=RETRY_STALLED_TASK)(retry_stalled_jobs))
    app.periodic(cron="17 * * * *", periodic_id=REMOVE_OLD_TASK)(
        app.task(name=REMOVE_OLD_TASK, queue=QUEUE, pass_context=True,
                 queueing_lock=REMOVE_OLD_TASK)(remove_old_jobs_task))
    return app


def run_worker(settings: Settings, engine: Engine, *, burst: bool = False) -> None:
    """Run a worker until stopped (SIGINT/SIGTERM finish the current article first); with
    ``burst``, until the queue is empty."""
    get_extraction_process(settings.spacy_model).start()  # load the model before taking jobs
    app = make_app(engine_url(engine))

    async def work() -> None:
        async with app.open_async():
            await requeue_stalled(app, settings.worker_stalled_seconds)
            await app.run_worker_async(
                queues=[QUEUE], concurrency=1, wait=not burst, delete_jobs="successful",
                update_heartbeat_interval=settings.worker_heartbeat_seconds,
                stalled_worker_timeout=settings.worker_stalled_seconds,
                additional_context={"engine": engine, "settings": settings})

    asyncio.run(work())


class IngestQueue(Protocol):
    """Where the API sends the items of a new job."""

    def submit(self, job_id: str, positions: Iterable[int]) -> None: ...

    def close(self) -> None: ...


class ProcrastinateQueue:
    """PostgreSQL: items become procrastinate jobs, for ``claimgraph worker`` processes."""

    def __init__(self, engine: Engine):
        self.app = make_app(engine_url(engine))
        self.lock = threading.Lock()
        self.opened = False

    def submit(self, job_id: str, positions: Iterable[int]) -> None:
        with self.lock:  # connect on first use: the API starts even while the database is down
            if not self.opened:
                self.app.open()
                self.opened = True
        self.app.tasks[INGEST_TASK].batch_defer(
            *({"job_id": job_id, "position": p} for p in positions))

    def close(self) -> None:
        if self.opened:
            self.app.close()


class ThreadQueue:
    """SQLite: items run in one background thread of this process (the embedded default)."""

    def __init__(self, engine: Engine, settings: Settings):
        self.engine = engine
        self.settings = settings
        self.extraction = TimedExtraction(job_extraction_process(settings.spacy_model),
                                          settings.extract_timeout_seconds)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")
        self.pruned_at = time.monotonic()
        self.executor.submit(self._prune).add_done_callback(_log_failure)
        self.executor.submit(self._resume).add_done_callback(_log_failure)

    def _prune(self) -> None:
        removed = remove_old_ingest_jobs(self.engine, self.settings.job_retention_days)
        if removed:
            logger.info("removed %d ingest job(s) finished over %g days ago", removed,
                        self.settings.job_retention_days)

    def _resume(self) -> None:
        """Process the items a stopped server left pending (before any new ones)."""
        with Session(self.engine) as session:
            pending = pending_items(session)
        for job_id, position in pending:
            self._process(job_id, position)

    def _process(self, job_id: str, position: int) -> None:
        process_item(self.engine, self.extraction, job_id, position, self.settings.job_max_attempts)

    def submit(self, job_id: str, positions: Iterable[int]) -> None:
        if time.monotonic() - self.pruned_at >= PRUNE_INTERVAL_SECONDS:
            self.pruned_at = time.monotonic()
            self.executor.submit(self._prune).add_done_callback(_log_failure)
        for position in positions:
            self.executor.submit(self._process, job_id, position).add_done_callback(_log_failure)

    def close(self) -> None:
        """Finish the current article; the ones not started stay pending for the next start."""
        self.executor.shutdown(cancel_futures=True)


def _log_failure(future: Future[None]) -> None:
    # a database error: the item stays pending, and is picked up again when the server restarts
    if not future.cancelled() and future.exception() is not None:
        logger.error("ingest job work failed", exc_info=future.exception())


_job_processes: dict[str, ExtractionProcess] = {}
_job_processes_lock = threading.Lock()


def job_extraction_process(model: str) -> ExtractionProcess:
    """The child process that extracts the job articles of this (SQLite) server process: not the
    API's, so that a job never holds up ``POST /v1/articles`` (started on the first article)."""
    with _job_processes_lock:
        if model not in _job_processes:
            _job_processes[model] = ExtractionProcess(model)
        return _job_processes[model]


def open_queue(engine: Engine, settings: Settings | None = None) -> IngestQueue:
    if engine.dialect.name == "postgresql":
        return ProcrastinateQueue(engine)
    return ThreadQueue(engine, settings or get_settings())
