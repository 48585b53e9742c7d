"""/v1/actors: search actors, read one, list its statements and its neighbours."""

from typing import Annotated

from fastapi import APIRouter, Query, Request

from app.api.deps import ActorId, SessionDep, next_url
from app.errors import problem_responses
from app.schemas import (ActorDetail, ActorPage, ActorQuery, NeighborPage, NeighborQuery, StatementPage,
                         StatementQuery)
from app.services import actors, graph

router = APIRouter(prefix="/actors", tags=["actors"])


@router.get("", name="list", summary="Search actors", response_model=ActorPage,
            responses=problem_responses(422))
def list_actors(query: Annotated[ActorQuery, Query()], session: SessionDep,
                request: Request) -> ActorPage:
    """Search actors by name or alias (`q`), country and kind."""
    items, total = actors.list_actors(session, query)
    return ActorPage(items=items, total=total, limit=query.limit, offset=query.offset,
                     next=next_url(request, query, total))


@router.get("/{actor_id}", name="get", summary="Read an actor", response_model=ActorDetail,
            responses=problem_responses(404, 422))
def get_actor(actor_id: ActorId, session: SessionDep) -> ActorDetail:
    """Read one actor, with its aliases and how many statements it makes and receives."""
    return actors.get_actor(session, actor_id)


@router.get("/{actor_id}/statements", name="statements", summary="List an actor's statements",
            response_model=StatementPage,
            responses=problem_responses(404, 422))
def list_actor_statements(actor_id: ActorId, query: Annotated[StatementQuery, Query()],
                          session: SessionDep, request: Request) -> StatementPage:
    """Statements the actor makes (as speaker) or receives (as target), with their evidence."""
    items, total = actors.actor_statements(session, actor_id, query)
    return StatementPage(items=items, total=total, limit=query.limit, offset=query.offset,
                         next=next_url(request, query, total))


@router.get("/{actor_id}/neighbors", name="neighbors", summary="List an actor's neighbours",
            response_model=NeighborPage, responses=problem_responses(404, 422))
def list_actor_neighbors(actor_id: ActorId, query: Annotated[NeighborQuery, Query()],
                         session: SessionDep, request: Request) -> NeighborPage:
    """The actors this one speaks to or is spoken of by, per direction and relation, most
    statements first; filter by relation, direction, date range and source."""
    items, total = graph.neighbors(session, actor_id, query)
    return NeighborPage(items=items, total=total, limit=query.limit, offset=query.offset,
                        next=next_url(request, query, total))
