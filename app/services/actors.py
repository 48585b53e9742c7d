"""Search and read actors, and the statements they make or receive."""

from sqlalchemy import String, cast
from sqlmodel import Session, func, or_, select

from app.errors import NotFound
from app.models import Actor, Article, ArticleActor, Statement
from app.schemas import ActorDetail, ActorPublic, ActorQuery, StatementPublic, StatementQuery
from app.services.statements import to_public


def list_actors(session: Session, query: ActorQuery) -> tuple[list[ActorPublic], int]:
    conditions = []
    if query.q is not None:
        named = select(ArticleActor.actor_id).where(
            cast(ArticleActor.aliases, String).icontains(query.q, autoescape=True))
        conditions.append(or_(Actor.label.icontains(query.q, autoescape=True),  # type: ignore[attr-defined]
                              Actor.id.in_(named)))  # type: ignore[attr-defined]
    if query.country is not None:
        conditions.append(Actor.country == query.country)
    if query.kind is not None:
        conditions.append(Actor.kind == query.kind)
    total = session.exec(select(func.count()).select_from(Actor).where(*conditions)).one()
    rows = session.exec(select(Actor).where(*conditions).order_by(Actor.label, Actor.id)
                        .limit(query.limit).offset(query.offset)).all()
    return [ActorPublic.model_validate(a, from_attributes=True) for a in rows], total


def get_actor(session: Session, actor_id: str) -> ActorDetail:
    actor = _get(session, actor_id)
    links = session.exec(select(ArticleActor.aliases).where(ArticleActor.actor_id == actor_id)).all()

    def count(*where) -> int:
        return session.exec(select(func.count()).select_from(Statement).where(*where)).one()

    return ActorDetail(
        **ActorPublic.model_validate(actor, from_attributes=True).model_dump(),
        aliases=sorted({alias for aliases in links for alias in aliases}),
        articles=len(links),
        statements_made=count(Statement.source_id == actor_id),
        statements_received=count(Statement.target_id == actor_id),
    )


def actor_statements(session: Session, actor_id: str,
                     query: StatementQuery) -> tuple[list[StatementPublic], int]:
    """Statements the actor makes or receives, newest article first."""
    _get(session, actor_id)
    conditions = [or_(Statement.source_id == actor_id, Statement.target_id == actor_id)]
    if query.relation is not None:
        conditions.append(Statement.relation == query.relation)
    total = session.exec(select(func.count()).select_from(Statement).where(*conditions)).one()
    rows = session.exec(
        select(Statement).join(Article, Statement.article_id == Article.id).where(*conditions)
        .order_by(Article.published_at.desc().nulls_last(),  # type: ignore[union-attr]
                  Statement.article_id, Statement.position)
        .limit(query.limit).offset(query.offset)
    ).all()
    return to_public(session, list(rows)), total


def _get(session: Session, actor_id: str) -> Actor:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound(f"No actor with id '{actor_id}'.")
    return actor
