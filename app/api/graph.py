"""/v1/graph: the claim graph of the whole corpus, paths through it, and its network measures."""

from typing import Annotated

import networkx as nx
from fastapi import APIRouter, Query, Request, Response

from app.api.deps import SessionDep, next_url
from app.corpus.exports import MEDIA_TYPES, export, filename
from app.errors import problem_responses
from app.schemas import CorpusGraph, CorpusGraphQuery, GraphFormat, GraphMetrics, GraphPath, MetricsQuery, PathQuery
from app.services import graph

router = APIRouter(prefix="/graph", tags=["graph"])

FormatParam = Annotated[GraphFormat, Query(
    description="`json`: node-link JSON (the schema below); `cytoscape`: Cytoscape.js JSON; "
                "`graphml`, `gexf`, `csv` (edge list) and `svg` (a drawing) as their media types. "
                "Formats that hold only scalars carry lists and objects as JSON text.")]
ActorParam = Annotated[str, Query(description="Actor id.")]


def graph_responses() -> dict:
    """The OpenAPI responses of a graph route: the JSON model, or another format's media type."""
    other = {MEDIA_TYPES[f].split(";")[0]: {"schema": {"type": "object" if MEDIA_TYPES[f].endswith("+json") else "string"}}
             for f in GraphFormat if MEDIA_TYPES[f] != "application/json"}
    return {200: {"description": "The graph, in the format asked for.", "content": other}}


def graph_response(G: nx.MultiDiGraph, fmt: GraphFormat, stem: str, title: str) -> Response:
    """``G`` exported as ``fmt``, named for a download (shown inline by browsers)."""
    return Response(export(G, fmt, title), media_type=MEDIA_TYPES[fmt],
                    headers={"Content-Disposition": f'inline; filename="{filename(stem, fmt)}"'})


@router.get("", name="get", summary="Read the corpus graph", response_model=CorpusGraph,
            responses={**graph_responses(), **problem_responses(422)})
def get_graph(query: Annotated[CorpusGraphQuery, Query()], session: SessionDep,
              format: FormatParam = GraphFormat.JSON) -> CorpusGraph | Response:
    """Actors and who asserts, denies or accuses whom, counted over the matching articles.

    Filters as for the article list; `rollup=country` folds institutions and officials into their
    country (the Kremlin into Russia), `min_count` drops thinner edges. Node-link JSON:
    `nx.node_link_graph(d, edges="edges")`.
    """
    if format == GraphFormat.JSON:  # cached per state of the corpus, as the JSON of CorpusGraph
        return Response(graph.corpus_graph_json(session, query), media_type="application/json")
    G = graph.build_graph(session, query, query.rollup, query.min_count)
    return graph_response(G, format, "corpus-graph", "Corpus graph")


@router.get("/path", name="path", summary="Find how two actors are connected", response_model=GraphPath,
            responses=problem_responses(404, 422))
def get_path(from_: Annotated[str, Query(alias="from", description="Id of the actor to start from.")],
             to: Annotated[str, Query(description="Id of the actor to reach.")],
             query: Annotated[PathQuery, Query()], session: SessionDep) -> GraphPath:
    """A shortest chain of statements between two actors (either direction unless `directed`),
    with the busiest edge between each pair of consecutive actors."""
    return graph.path(session, from_, to, query)


@router.get("/metrics", name="metrics", summary="Measure the actor graph", response_model=GraphMetrics,
            responses=problem_responses(422))
def get_metrics(query: Annotated[MetricsQuery, Query()], session: SessionDep,
                request: Request) -> GraphMetrics:
    """Degree, statements and accusations made and received, PageRank, communities and the
    reciprocity of accusations, over the actor-level graph; actors by PageRank, one page at a
    time. Computed once per state of the corpus (any ingest or delete starts afresh)."""
    metrics = graph.graph_metrics(session, query)
    metrics.actors.next = next_url(request, query, metrics.actors.total)
    return metrics
