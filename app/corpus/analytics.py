"""Measures of the actor-level graph: who speaks to whom, who accuses whom, and who gathers around
whom. Pure functions over the corpus multigraph (one edge per speaker, relation and target, with a
``count``); the service caches their results."""

from dataclasses import dataclass

import networkx as nx
import numpy as np

PAGERANK_MAX_ITERATIONS = 200
LOUVAIN_SEED = 0
"""Louvain is randomised: a fixed seed gives the same communities for the same graph."""


@dataclass(frozen=True)
class ActorMeasures:
    id: str
    degree: int
    statements_made: int
    statements_received: int
    accusations_made: int
    accusations_received: int
    pagerank: float
    community: int


@dataclass(frozen=True)
class Measures:
    actors: list[ActorMeasures]  # by PageRank, highest first
    nodes: int
    edges: int
    accusation_reciprocity: float | None
    communities: list[list[str]]


def projection(G: nx.MultiDiGraph, relation: str | None = None) -> nx.DiGraph:
    """One edge per speaker and target, weighted by the statements (of one relation, if given)."""
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes)
    for source, target, data in G.edges(data=True):
        if relation is None or data["relation"] == relation:
            weight = D.get_edge_data(source, target, {"weight": 0})["weight"]
            D.add_edge(source, target, weight=weight + data["count"])
    return D


def measure(G: nx.MultiDiGraph) -> Measures:
    """Degree, statements and accusations made and received, PageRank, communities, reciprocity."""
    D = projection(G)
    accusations = projection(G, "accuse")
    accusations.remove_nodes_from([n for n in list(accusations) if accusations.degree(n) == 0])
    pagerank = _pagerank(D) if len(D) else {}
    communities = sorted(
        (sorted(c) for c in nx.community.louvain_communities(D.to_undirected(), weight="weight",
                                                             seed=LOUVAIN_SEED)),
        key=lambda c: (-len(c), c[0])) if len(D) else []
    community_of = {actor: i for i, members in enumerate(communities) for actor in members}
    actors = [ActorMeasures(
        id=n, degree=len(set(D.successors(n)) | set(D.predecessors(n))),
        statements_made=int(D.out_degree(n, weight="weight")),
        statements_received=int(D.in_degree(n, weight="weight")),
        accusations_made=int(accusations.out_degree(n, weight="weight")) if n in accusations else 0,
        accusations_received=int(accusations.in_degree(n, weight="weight")) if n in accusations else 0,
        pagerank=round(pagerank[n], 6), community=community_of[n],
    ) for n in D]
    actors.sort(key=lambda a: (-a.pagerank, a.id))
    reciprocity = nx.overall_reciprocity(accusations) if accusations.number_of_edges() else None
    return Measures(actors, D.number_of_nodes(), D.number_of_edges(),
                    None if reciprocity is None else round(reciprocity, 6), communities)


def _pagerank(D: nx.DiGraph, alpha: float = 0.85, tolerance: float = 1e-10) -> dict[str, float]:
    """PageRank by power iteration over networkx's Google matrix: ``nx.pagerank`` itself needs
    SciPy, which nothing else here does."""
    M = nx.google_matrix(D, alpha=alpha, weight="weight")
    x = np.full(len(D), 1 / len(D))
    for _ in range(PAGERANK_MAX_ITERATIONS):
        previous, x = x, x @ M
        if np.abs(x - previous).sum() < len(D) * tolerance:
            break
    return dict(zip(D, (float(v) for v in x)))


def shortest_path(G: nx.MultiDiGraph, source: str, target: str,
                  directed: bool) -> list[str] | None:
    """A shortest chain of actors from ``source`` to ``target`` (following edge directions only
    when ``directed``), or None when there is none."""
    if source not in G or target not in G:
        return None
    view = G if directed else G.to_undirected(as_view=True)
    try:
        return nx.shortest_path(view, source, target)
    except nx.NetworkXNoPath:
        return None


def busiest_edge(G: nx.MultiDiGraph, a: str, b: str, directed: bool) -> tuple[str, str, str, int]:
    """(source, relation, target, count) of the edge with most statements between two actors."""
    pairs = [(a, b)] if directed else [(a, b), (b, a)]
    edges = [(u, data["relation"], v, data["count"]) for u, v in pairs
             for data in G.get_edge_data(u, v, default={}).values()]
    return max(edges, key=lambda e: (e[3], e[0] == a, e[1]))
