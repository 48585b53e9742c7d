"""The corpus graph: actors as nodes, statements aggregated per (speaker, relation, target)."""

import networkx as nx
from sqlmodel import Session, func, select

from app.models import Actor, Article, Statement
from app.schemas import CorpusGraph, GraphQuery
from app.services.filters import article_conditions, statement_conditions


def corpus_graph(session: Session, query: GraphQuery) -> CorpusGraph:
    """Statements with an actor target only: one with no target links an actor to a claim of
    one article, which the article graph shows."""
    rows = session.exec(
        select(Statement.source_id, Statement.relation, Statement.target_id, Statement.article_id,
               func.count())
        .join(Article, Statement.article_id == Article.id)
        .where(Statement.target_id.is_not(None),  # type: ignore[union-attr]
               *article_conditions(query), *statement_conditions(query))
        .group_by(Statement.source_id, Statement.relation, Statement.target_id, Statement.article_id)
    ).all()
    G = nx.MultiDiGraph()
    actor_ids = {r[0] for r in rows} | {r[2] for r in rows}
    for actor in session.exec(select(Actor).where(Actor.id.in_(actor_ids)).order_by(Actor.id)):  # type: ignore[attr-defined]
        G.add_node(actor.id, type="actor", label=actor.label, kind=actor.kind,
                   country=actor.country, part_of=actor.part_of)
    for source, relation, target, article_id, count in sorted(rows):
        if G.has_edge(source, target, key=relation):
            edge = G.edges[source, target, relation]
            edge["count"] += count
            edge["articles"].append(article_id)
        else:
            G.add_edge(source, target, key=relation, relation=relation, count=count,
                       articles=[article_id])
    G.graph.update(articles=len({r[3] for r in rows}), statements=sum(r[4] for r in rows))
    return CorpusGraph.model_validate(nx.node_link_data(G, edges="edges"))
