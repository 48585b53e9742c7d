"""The filters shared by the article list and the corpus graph, as SQL conditions."""

from typing import Any

from sqlmodel import or_

from app.models import Article, Statement
from app.schemas import GraphQuery


def article_conditions(query: GraphQuery) -> list[Any]:
    """Conditions on :class:`Article`: publication date range and source."""
    conditions = []
    if query.since is not None:
        conditions.append(Article.published_at >= query.since)
    if query.until is not None:
        conditions.append(Article.published_at <= query.until)
    if query.source is not None:
        conditions.append(Article.source == query.source)
    return conditions


def statement_conditions(query: GraphQuery) -> list[Any]:
    """Conditions on :class:`Statement`: the actor (as speaker or target) and the relation."""
    conditions = []
    if query.actor is not None:
        conditions.append(or_(Statement.source_id == query.actor, Statement.target_id == query.actor))
    if query.relation is not None:
        conditions.append(Statement.relation == query.relation)
    return conditions
