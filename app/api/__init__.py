"""HTTP routes: thin functions that validate input, call a service and shape the response."""

from fastapi import APIRouter

from app.api import actors, articles, claims, graph, health, jobs

api_router = APIRouter()
api_router.include_router(health.router)
for module in (articles, jobs, actors, claims, graph):
    api_router.include_router(module.router, prefix="/v1")
