"""The corpus graph (actors as nodes, statements aggregated per speaker, relation and target) and
what is read from it: neighbours, paths, and network measures. The graph's JSON and the measures
are cached per state of the corpus (its version, read from the database on every request)."""

import threading
from collections import OrderedDict
from typing import Any

import networkx as nx
from sqlalchemy import Engine, text
from sqlmodel import Session, func, select

from app.corpus.analytics import Measures, busiest_edge, measure, shortest_path
from app.corpus.rollup import Node, fold_to_countries, load_nodes
from app.errors import NotFound
from app.models import Actor, Article, Statement
from app.schemas import (ActorMetrics, ActorMetricsPage, ActorPublic, CorpusGraph, CorpusGraphQuery, GraphMetrics,
                         GraphPath, GraphQuery, MetricsQuery, Neighbor, NeighborQuery, PathQuery, PathStep,
                         Rollup)
from app.services.filters import article_conditions, statement_conditions

METRICS_CACHE_SIZE = 32
GRAPH_CACHE_BYTES = 64_000_000
"""Most bytes of corpus graph JSON kept per process (one entry per query, least recent dropped)."""


def build_graph(session: Session, query: GraphQuery, rollup: Rollup = Rollup.NONE,
                min_count: int = 1) -> nx.MultiDiGraph:
    """The corpus multigraph. Only statements with an actor target count: one with no target
    links an actor to a claim of one article, which the article graph shows.

    With ``rollup=country`` the actor filter matches the folded actor ("rus" includes the Kremlin).
    """
    by_actor = GraphQuery(**query.model_dump(exclude={"actor"})) if rollup == Rollup.COUNTRY else query
    rows = session.exec(
        select(Statement.source_id, Statement.relation, Statement.target_id, Statement.article_id,
               func.count())
        .where(Statement.target_id.is_not(None),  # type: ignore[union-attr]
               *_in_articles(query), *statement_conditions(by_actor))
        .group_by(Statement.source_id, Statement.relation, Statement.target_id, Statement.article_id)
    ).all()
    nodes = load_nodes(session, {r[0] for r in rows} | {r[2] for r in rows})
    folded = fold_to_countries(session, nodes) if rollup == Rollup.COUNTRY else nodes
    wanted = _folded_actor(session, query.actor) if rollup == Rollup.COUNTRY and query.actor else None
    G = nx.MultiDiGraph()
    members: dict[str, set[str]] = {}
    articles: dict[tuple[str, str, str], set[str]] = {}  # per edge; sorted once at the end
    for source, relation, target, article_id, count in rows:
        u, v = folded[source], folded[target]
        if wanted is not None and wanted not in (u.id, v.id):
            continue
        for raw, node in ((source, u), (target, v)):
            G.add_node(node.id, type="actor", label=node.label, kind=node.kind,
                       country=node.country, part_of=node.part_of)
            members.setdefault(node.id, set()).add(raw)
        if G.has_edge(u.id, v.id, key=relation):
            G.edges[u.id, v.id, relation]["count"] += count
        else:
            G.add_edge(u.id, v.id, key=relation, relation=relation, count=count)
        articles.setdefault((u.id, v.id, relation), set()).add(article_id)
    for (u_id, v_id, relation), ids in articles.items():
        G.edges[u_id, v_id, relation]["articles"] = sorted(ids)
    for node_id in G:
        G.nodes[node_id]["members"] = sorted(members[node_id]) if rollup == Rollup.COUNTRY else []
    G.remove_edges_from([(u, v, k) for u, v, k, c in G.edges(keys=True, data="count") if c < min_count])
    G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
    G = _in_id_order(G)
    G.graph.update(articles=len({a for *_, arts in G.edges(data="articles") for a in arts}),
                   statements=sum(c for *_, c in G.edges(data="count")))
    return G


def corpus_graph(session: Session, query: CorpusGraphQuery) -> CorpusGraph:
    G = build_graph(session, query, query.rollup, query.min_count)
    return CorpusGraph.model_validate(nx.node_link_data(G, edges="edges"))


def corpus_graph_json(session: Session, query: CorpusGraphQuery) -> bytes:
    """``corpus_graph`` as the JSON the API returns, built once per query and state of the corpus
    (in each server process): a read of an unchanged corpus costs one small query (the version)."""
    read_snapshot(session)
    key = (repr(session.get_bind().url), *sorted(query.model_dump().items()))
    version = corpus_version(session)
    with _graph_lock:
        cached = _graph_cache.get(key)
        if cached is not None and cached[0] == version:
            _graph_cache.move_to_end(key)
            return cached[1]
    body = corpus_graph(session, query).model_dump_json().encode()
    with _graph_lock:
        global _graph_cache_bytes
        if key in _graph_cache:
            _graph_cache_bytes -= len(_graph_cache.pop(key)[1])
        if len(body) <= GRAPH_CACHE_BYTES:
            _graph_cache[key] = (version, body)
            _graph_cache_bytes += len(body)
        while _graph_cache_bytes > GRAPH_CACHE_BYTES:
            _graph_cache_bytes -= len(_graph_cache.popitem(last=False)[1][1])
    return body


def neighbors(session: Session, actor_id: str, query: NeighborQuery) -> tuple[list[Neighbor], int]:
    """One page of the actor's neighbours, most statements first."""
    _actor(session, actor_id)
    G = build_graph(session, GraphQuery(actor=actor_id, relation=query.relation, since=query.since,
                                        until=query.until, source=query.source))
    found = []
    for direction, edges in (("out", G.out_edges(actor_id, data=True) if actor_id in G else []),
                             ("in", G.in_edges(actor_id, data=True) if actor_id in G else [])):
        if query.direction not in ("both", direction):
            continue
        for source, target, data in edges:
            other = target if direction == "out" else source
            found.append(Neighbor(actor=_public(G, other), direction=direction,  # type: ignore[arg-type]
                                  relation=data["relation"], count=data["count"],
                                  articles=len(data["articles"])))
    found.sort(key=lambda n: (-n.count, n.actor.id, n.direction, n.relation))
    return found[query.offset:query.offset + query.limit], len(found)


def path(session: Session, source: str, target: str, query: PathQuery) -> GraphPath:
    """A shortest chain of statements between two actors, in the filtered (rolled-up) graph."""
    for actor_id in (source, target):
        _actor(session, actor_id)
    if query.rollup == Rollup.COUNTRY:
        source, target = _folded_actor(session, source), _folded_actor(session, target)
    G = build_graph(session, GraphQuery(relation=query.relation, since=query.since, until=query.until,
                                        source=query.source), query.rollup, query.min_count)
    directed = query.directed
    chain = [source] if source == target else shortest_path(G, source, target, directed)
    if chain is None:
        return GraphPath(source=source, target=target, connected=False, actors=[], steps=[])
    actors = [_public(G, a) if a in G else ActorPublic.model_validate(_actor(session, a), from_attributes=True)
              for a in chain]
    steps = [PathStep(source=u, relation=r, target=v, count=c)  # type: ignore[arg-type]
             for u, r, v, c in (busiest_edge(G, a, b, directed) for a, b in zip(chain, chain[1:]))]
    return GraphPath(source=source, target=target, connected=True, actors=actors, steps=steps)


# --- caches per state of the corpus ---------------------------------------------------------------

_graph_cache: OrderedDict[tuple, tuple[tuple, bytes]] = OrderedDict()  # key -> (version, JSON)
_graph_cache_bytes = 0
_graph_lock = threading.Lock()
_metrics_cache: OrderedDict[tuple, tuple[Measures, dict[str, dict[str, Any]]]] = OrderedDict()
_metrics_lock = threading.Lock()


def clear_caches(engine: Engine | None = None) -> None:
    """Forget the cached graphs and measures of ``engine``'s database, or of every database, in
    this process (benchmarks time the builds)."""
    global _graph_cache_bytes

    def dropped(key: tuple) -> bool:
        return engine is None or key[0] == repr(engine.url)

    with _graph_lock:
        for key in [k for k in _graph_cache if dropped(k)]:
            _graph_cache_bytes -= len(_graph_cache.pop(key)[1])
    with _metrics_lock:
        for key in [k for k in _metrics_cache if dropped(k)]:
            del _metrics_cache[key]


def corpus_version(session: Session) -> tuple:
    """The state of the corpus, as its graphs see it; every ingest and every delete changes it,
    in this process or any other sharing the database, and no two sets of articles have the same
    version. An article's ingest time is taken as it is committed, the ingests taking turns from
    there (``services/store.py``), so it is later than that of any article committed before.

    PostgreSQL: the number of articles and the latest ingest time (a set that lost articles and
    gained others has a later latest time). SQLite: the number of articles and the row id and
    ingest time of the last row (the largest row id: the latest insert, as row ids only grow
    while that row is there; a row id used again after a delete comes with a later time), read
    in microseconds from the table's B-tree where the latest time scanned every article.
    """
    if session.get_bind().dialect.name == "sqlite":
        return tuple(session.exec(text(  # type: ignore[call-overload]
            "SELECT (SELECT count(*) FROM articles),"
            " (SELECT rowid FROM articles ORDER BY rowid DESC LIMIT 1),"
            " (SELECT ingested_at FROM articles ORDER BY rowid DESC LIMIT 1)")).one())
    return tuple(session.exec(select(func.count(), func.max(Article.ingested_at))).one())


def read_snapshot(session: Session) -> None:
    """Make the session's next reads one snapshot of the database, until its transaction ends:
    a version and what is cached under it are read from the same state (a graph built while an
    article was both added and removed would otherwise be cached under the version before)."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
    else:  # SQLite (WAL): a read transaction sees the database as of its first read
        connection.exec_driver_sql("BEGIN")


def graph_metrics(session: Session, query: MetricsQuery) -> GraphMetrics:
    """Network measures of the actor-level graph, and one page of actors by PageRank.

    Computed once per state of the corpus (``corpus_version``), so a cached result never outlives
    the corpus it was computed on (in this process or any other sharing the database).
    """
    read_snapshot(session)
    key = (repr(session.get_bind().url), query.since, query.until, query.source, query.rollup,
           *corpus_version(session))
    with _metrics_lock:
        cached = _metrics_cache.get(key)
        if cached is not None:
            _metrics_cache.move_to_end(key)
    if cached is None:
        G = build_graph(session, GraphQuery(since=query.since, until=query.until, source=query.source),
                        query.rollup)
        cached = (measure(G), dict(G.nodes(data=True)))
        with _metrics_lock:
            _metrics_cache[key] = cached
            while len(_metrics_cache) > METRICS_CACHE_SIZE:
                _metrics_cache.popitem(last=False)
    measures, attributes = cached
    page = measures.actors[query.offset:query.offset + query.limit]
    actors = ActorMetricsPage(
        items=[ActorMetrics(label=attributes[m.id]["label"], kind=attributes[m.id]["kind"],
                            **m.__dict__) for m in page],
        total=len(measures.actors), limit=query.limit, offset=query.offset, next=None)
    return GraphMetrics(
        actors=actors, nodes=measures.nodes, edges=measures.edges,
        accusation_reciprocity=measures.accusation_reciprocity, communities=measures.communities)


# --- helpers -------------------------------------------------------------------------------------------

def _in_articles(query: GraphQuery) -> list[Any]:
    """The article filters as ``article_id IN (matching articles)``: the database starts from the
    date or source index, where a join made SQLite read every statement of the corpus."""
    conditions = article_conditions(query)
    if not conditions:
        return []
    return [Statement.article_id.in_(select(Article.id).where(*conditions))]  # type: ignore[attr-defined]


def _actor(session: Session, actor_id: str) -> Actor:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound(f"No actor with id '{actor_id}'.")
    return actor


def _folded_actor(session: Session, actor_id: str) -> str:
    nodes: dict[str, Node] = load_nodes(session, [actor_id])
    return fold_to_countries(session, nodes)[actor_id].id if actor_id in nodes else actor_id


def _in_id_order(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph with nodes and edges sorted, whatever order the rows came in."""
    H = nx.MultiDiGraph()
    H.add_nodes_from(sorted(G.nodes(data=True)))
    H.add_edges_from(sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]))
    return H


def _public(G: nx.MultiDiGraph, node_id: str) -> ActorPublic:
    data = G.nodes[node_id]
    return ActorPublic(id=node_id, label=data["label"], kind=data["kind"], country=data["country"],
                       part_of=data["part_of"])
