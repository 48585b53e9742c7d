"""Read and delete stored articles."""

from sqlalchemy import Text, cast
from sqlalchemy.orm import aliased, defer
from sqlmodel import Session, delete, exists, func, select

from app.corpus.linking import drop_unused
from app.errors import NotFound
from app.models import Actor, Article, ArticleActor, Claim, Evidence, Statement
from app.schemas import ArticleGraph, ArticleQuery, ArticlePublic
from app.services.filters import article_conditions, statement_conditions


def get_article(session: Session, article_id: str) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"No article with id '{article_id}'.")
    return article


def get_graph(session: Session, article_id: str) -> ArticleGraph:
    return ArticleGraph.model_validate_json(get_graph_json(session, article_id))


def get_graph_json(session: Session, article_id: str) -> str:
    """The article graph as stored: JSON text, neither parsed nor validated again. It was
    validated as an ``ArticleGraph`` and dumped from it at ingest (``services/store.py``), and
    articles are never changed, so the text is what validating it again would return."""
    graph = session.exec(select(cast(Article.graph, Text))  # type: ignore[call-overload]
                         .where(Article.id == article_id)).first()
    if graph is None:
        raise NotFound(f"No article with id '{article_id}'.")
    return graph


def list_articles(session: Session, query: ArticleQuery) -> tuple[list[ArticlePublic], int]:
    """One page of articles, newest first, and the number of all that match."""
    conditions = article_conditions(query)
    if by_statement := statement_conditions(query):
        # IN, not a correlated EXISTS: the statements indexes find the articles, where EXISTS
        # made the database probe the statements of every article in the corpus
        conditions.append(Article.id.in_(select(Statement.article_id).where(*by_statement)))  # type: ignore[attr-defined]
    total = session.exec(select(func.count()).select_from(Article).where(*conditions)).one()
    rows = session.exec(
        select(Article).where(*conditions)
        .options(defer(Article.text), defer(Article.graph))  # type: ignore[arg-type]
        .order_by(Article.published_at.desc().nulls_last(),  # type: ignore[union-attr]
                  Article.ingested_at.desc(), Article.id)  # type: ignore[attr-defined]
        .limit(query.limit).offset(query.offset)
    ).all()
    return [ArticlePublic.model_validate(a, from_attributes=True) for a in rows], total


def delete_article(session: Session, article_id: str) -> None:
    """Delete an article with its claims, statements and evidence, then the actors no article uses."""
    get_article(session, article_id)
    statement_ids = select(Statement.id).where(Statement.article_id == article_id)
    session.exec(delete(Evidence).where(Evidence.statement_id.in_(statement_ids)))  # type: ignore[attr-defined]
    for model in (Statement, Claim, ArticleActor):
        session.exec(delete(model).where(model.article_id == article_id))  # type: ignore[attr-defined]
    session.exec(delete(Article).where(Article.id == article_id))  # type: ignore[arg-type]
    _delete_unused_actors(session)
    drop_unused(session)  # corpus claims that only this article reported
    session.commit()


def _delete_unused_actors(session: Session) -> None:
    # an unused parent stays while a used actor is part of it; repeat for chains of parents
    child = aliased(Actor)
    while session.exec(delete(Actor).where(
            ~exists().where(ArticleActor.actor_id == Actor.id),
            ~exists().where(child.part_of == Actor.id))).rowcount:
        pass
