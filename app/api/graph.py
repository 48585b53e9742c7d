"""/v1/graph: the claim graph of the whole corpus."""

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import SessionDep
from app.errors import problem_responses
from app.schemas import CorpusGraph, GraphQuery
from app.services.graph import corpus_graph

router = APIRouter(prefix="/graph", tags=["graph"])


@router.get("", name="get", summary="Read the corpus graph", response_model=CorpusGraph,
            responses=problem_responses(422))
def get_graph(query: Annotated[GraphQuery, Query()], session: SessionDep) -> CorpusGraph:
    """Actors and who asserts, denies or accuses whom, counted over the matching articles.

    Filters as for the article list. Node-link JSON: `nx.node_link_graph(d, edges="edges")`.
    """
    return corpus_graph(session, query)
