"""/v1/ingest-jobs: submit many articles at once, processed in the background; follow progress."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response, status
from fastapi.exceptions import RequestValidationError

from app.api.deps import SessionDep, require_json
from app.errors import problem_responses
from app.schemas import IngestJobCreate, IngestJobPublic
from app.services import jobs

router = APIRouter(prefix="/ingest-jobs", tags=["ingest-jobs"])

JobId = Annotated[str, Path(description="Ingest job id (32 hex digits).")]


@router.post(
    "", name="create", summary="Submit articles for background ingest",
    status_code=status.HTTP_202_ACCEPTED, response_model=IngestJobPublic,
    dependencies=[Depends(require_json)], responses=problem_responses(400, 413, 415, 422, 429),
)
def create_job(body: IngestJobCreate, session: SessionDep, request: Request,
               response: Response) -> IngestJobPublic:
    """Queue articles for extraction and storage; follow the job at its `Location`.

    Each article is taken as `POST /v1/articles` takes it. Workers process them in any order;
    content stored before (or twice in the job) is stored once and reported as `existing`.
    """
    limit = request.app.state.settings.max_job_articles
    if len(body.articles) > limit:
        raise RequestValidationError([{"loc": ("body", "articles"), "type": "too_long",
                                       "msg": f"A job takes at most {limit} articles."}])
    job_id = jobs.create_job(session, body.articles)
    accepted = jobs.get_job(session, job_id)  # as accepted: all queued, whatever workers do next
    try:
        request.app.state.ingest_queue.submit(job_id, range(len(body.articles)))
    except Exception:
        jobs.delete_job(session, job_id)  # not queued: leave no job that never ends
        raise
    response.headers["Location"] = f"{request.url.path}/{job_id}"
    return accepted


@router.get("/{job_id}", name="get", summary="Read an ingest job", response_model=IngestJobPublic,
            responses=problem_responses(404, 422))
def get_job(job_id: JobId, session: SessionDep) -> IngestJobPublic:
    """The job's status, its progress, and what became of each article so far."""
    return jobs.get_job(session, job_id)
