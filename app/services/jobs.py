"""Ingest jobs: a batch of articles, recorded as one row per article that workers settle one by one.

Our own tables hold the job's state (the queue only holds "process item N of job J"), so the
progress and results survive any worker, and a retried item that is already settled is skipped.
Processing is idempotent: content already stored is found by its hash, never stored twice.

Each start on an article is counted (``attempts``, committed before the extraction), so an
article whose processing kills its worker or keeps hitting database errors is given up after
``max_attempts`` starts and recorded as failed, and the rest of its job still completes.
"""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, exists, null, update
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from app.errors import ClaimGraphError, NotFound
from app.extract.pipeline import ArticleInput, Pipeline
from app.models import IngestItem, IngestJob
from app.schemas import (ArticleCreate, IngestItemResult, IngestJobProgress, IngestJobPublic,
                         ItemStatus, JobStatus)
from app.services.extraction import TimedExtraction
from app.services.ingest import ingest

MAX_ERROR_CHARS = 500


def create_job(session: Session, articles: list[ArticleCreate]) -> str:
    """Record a job and its articles (all pending); return its id. The caller queues the items."""
    job_id = uuid.uuid4().hex
    session.add(IngestJob(id=job_id, created_at=datetime.now(UTC)))
    session.flush()  # the job row first: the items refer to it
    session.add_all(IngestItem(job_id=job_id, position=i, status=ItemStatus.PENDING,
                               article=a.model_dump(mode="json", exclude_none=True))
                    for i, a in enumerate(articles))
    session.commit()
    return job_id


def delete_job(session: Session, job_id: str) -> None:
    """Remove a job that could not be queued (its items go with it)."""
    session.exec(delete(IngestJob).where(IngestJob.id == job_id))  # type: ignore[call-overload,arg-type]
    session.commit()


def process_item(engine: Engine, pipeline: Pipeline | TimedExtraction, job_id: str,
                 position: int, max_attempts: int) -> None:
    """Extract and store one pending article of a job, and record the outcome.

    Database errors propagate, so that the job engine retries the item later, up to
    ``max_attempts`` starts in all: the last one records the item as failed instead. An item
    found pending with ``max_attempts`` starts behind it (its worker died each time, as on an
    article that exhausts the memory) is recorded as failed without another try. Any other error
    is the article's own (it would fail again) and is recorded as its result at once. Should two
    workers ever run the same item (one wrongly thought dead), the first outcome recorded stands.
    """
    with Session(engine) as session:
        item = session.get(IngestItem, (job_id, position))
        if item is None or item.status != ItemStatus.PENDING:
            return  # settled by an earlier attempt (or the job was deleted)
        pending = (IngestItem.job_id == job_id, IngestItem.position == position,
                   IngestItem.status == ItemStatus.PENDING)
        attempt, last_error, article = item.attempts + 1, item.error, item.article
        if attempt > max_attempts:
            _update(session, pending, status=ItemStatus.FAILED, finished_at=datetime.now(UTC),
                    error=_gave_up(item.attempts, last_error))
            return
        # counted before the work starts: a worker that dies in it leaves the count behind
        _update(session, pending, attempts=IngestItem.attempts + 1, error=None)
        outcome: dict[str, Any]
        try:
            stored, created = ingest(
                session, ArticleInput(**ArticleCreate.model_validate(article).model_dump()), pipeline)
        except DBAPIError as exc:
            session.rollback()
            if not _record_database_error(session, pending, attempt, max_attempts, exc):
                raise
            return
        except Exception as exc:  # noqa: BLE001  (recorded for the client, see the docstring)
            session.rollback()
            error = exc.detail if isinstance(exc, ClaimGraphError) else f"{type(exc).__name__}: {exc}"
            outcome = {"status": ItemStatus.FAILED, "error": error[:MAX_ERROR_CHARS]}
        else:
            outcome = {"status": ItemStatus.CREATED if created else ItemStatus.EXISTING,
                       "article_id": stored.id, "article": null()}
        _update(session, pending, **outcome, finished_at=datetime.now(UTC))


def _record_database_error(session: Session, pending: tuple[Any, ...], attempt: int,
                           max_attempts: int, exc: DBAPIError) -> bool:
    """Note the error on the pending item (for the message if it is given up later); on the
    last attempt, record the item as failed. True when the item was settled so."""
    cause = exc.orig if exc.orig is not None else exc
    error = f"{type(cause).__name__}: {str(cause).strip()}"[:MAX_ERROR_CHARS]
    last = attempt >= max_attempts
    values: dict[str, Any] = {"error": error}
    if last:
        values = {"status": ItemStatus.FAILED, "error": _gave_up(attempt, error),
                  "finished_at": datetime.now(UTC)}
    try:
        _update(session, pending, **values)
    except DBAPIError:  # the database still fails: the engine's retry settles it later
        session.rollback()
        return False
    return last


def _gave_up(attempts: int, last_error: str | None) -> str:
    if last_error is not None:
        reason = f"the last one ended with {last_error}"
    else:
        reason = ("the last one stopped without recording an error (its worker crashed or was "
                  "killed, or lost the database)")
    return f"Gave up after {attempts} attempts, none of which finished: {reason}"[:MAX_ERROR_CHARS]


def _update(session: Session, where: tuple[Any, ...], **values: Any) -> None:
    session.exec(update(IngestItem).where(*where).values(**values))  # type: ignore[call-overload]
    session.commit()


def pending_items(session: Session) -> list[tuple[str, int]]:
    """``(job id, position)`` of every item not settled yet, oldest job first."""
    rows = session.exec(select(IngestItem.job_id, IngestItem.position)
                        .join(IngestJob, IngestJob.id == IngestItem.job_id)  # type: ignore[arg-type]
                        .where(IngestItem.status == ItemStatus.PENDING)
                        .order_by(IngestJob.created_at, IngestItem.position)).all()
    return [(job_id, position) for job_id, position in rows]


def get_job(session: Session, job_id: str) -> IngestJobPublic:
    job = session.get(IngestJob, job_id)
    if job is None:
        raise NotFound(f"No ingest job with id '{job_id}'.")
    rows = session.exec(  # not the pending articles' text
        select(IngestItem.position, IngestItem.status, IngestItem.article_id, IngestItem.error,
               IngestItem.attempts)
        .where(IngestItem.job_id == job_id).order_by(IngestItem.position)).all()
    # a pending item may hold the error of its last attempt, kept for the record: not shown
    results = [IngestItemResult(position=p, status=ItemStatus(s), article_id=a, attempts=n,
                                error=None if s == ItemStatus.PENDING else e)
               for p, s, a, e, n in rows]
    pending = sum(r.status == ItemStatus.PENDING for r in results)
    if pending == 0:
        status = JobStatus.COMPLETED
    elif any(r.attempts for r in results):
        status = JobStatus.RUNNING
    else:
        status = JobStatus.QUEUED
    progress = IngestJobProgress(total=len(results), done=len(results) - pending,
                                 failed=sum(r.status == ItemStatus.FAILED for r in results))
    return IngestJobPublic(id=job.id, status=status, created_at=job.created_at, progress=progress,
                           results=results)


def remove_finished_jobs(session: Session, finished_before: datetime) -> int:
    """Delete the jobs whose every article was settled before ``finished_before`` (their items
    go with them); return how many. Jobs with an article still pending stay."""
    unfinished = exists().where(IngestItem.job_id == IngestJob.id,  # type: ignore[arg-type]
                                (IngestItem.finished_at == None)  # noqa: E711
                                | (IngestItem.finished_at >= finished_before))  # type: ignore[operator]
    # a job finished before the cutoff was created before it: only those jobs are looked into
    removed = session.exec(delete(IngestJob)  # type: ignore[call-overload]
                           .where(IngestJob.created_at < finished_before, ~unfinished))
    session.commit()
    return removed.rowcount
