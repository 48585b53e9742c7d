"""HTTP routes: thin functions that validate input, call a service and shape the response."""

from fastapi import APIRouter, Depends

from app.api import actors, articles, claims, graph, health, jobs
from app.api.deps import refuse_nul
from app.errors import problem_responses
from app.limits import limit_writes
from app.security import require_api_key

api_router = APIRouter()
api_router.include_router(health.router)  # public: load balancers call it
for module in (articles, jobs, actors, claims, graph):
    # the rate limit first: a client without a valid key still spends its writes
    api_router.include_router(module.router, prefix="/v1",
                              dependencies=[Depends(limit_writes), Depends(require_api_key),
                                            Depends(refuse_nul)],
                              responses=problem_responses(401, 403))
