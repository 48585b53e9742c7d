"""Liveness and database reachability, for load balancers and container health checks."""

from importlib.metadata import version

from fastapi import APIRouter, Request
from sqlalchemy.exc import SQLAlchemyError

from app.db import ping
from app.errors import DatabaseUnavailable, problem_responses
from app.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", name="get", summary="Check health", response_model=Health,
            responses=problem_responses(503))
def get_health(request: Request) -> Health:
    """Report whether the service and its database answer."""
    try:
        ping(request.app.state.engine)
    except SQLAlchemyError:
        raise DatabaseUnavailable("The database does not answer.") from None
    return Health(status="ok", database="ok", version=version("claimgraph"))
