"""Write one extraction result, in one transaction, safely under concurrent ingests.

Duplicates are settled by the database, not by a prior read: the article's content hash is unique
(a losing concurrent insert raises IntegrityError, and the stored article is returned instead) and
actors are inserted with ON CONFLICT DO NOTHING (the first writer's row is kept).
"""

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, select

from app.config import get_settings
from app.corpus.linking import link_article
from app.extract.pipeline import ExtractionResult
from app.models import Actor, Article, ArticleActor, Claim, Evidence, Statement
from app.schemas import ActorNode, ArticleGraph, ClaimNode, EvidencePublic

STORE_ATTEMPTS = 3
ARTICLES_LOCK = 0x636C_6169_6D67_7261  # PostgreSQL advisory lock: ingests commit in turn


def find_by_hash(session: Session, content_hash: str) -> Article | None:
    return session.exec(select(Article).where(Article.content_hash == content_hash)).first()


def store_result(session: Session, result: ExtractionResult) -> tuple[Article, bool]:
    """Store ``result``; return ``(article, created)``. An already stored article comes back as is.

    An IntegrityError means a concurrent ingest won the race for this article (or deleted an actor
    this one reuses); the transaction is rolled back and retried, and the next read finds the
    winner's article.
    """
    graph = ArticleGraph.model_validate(result.graph)
    for _ in range(STORE_ATTEMPTS - 1):
        try:
            return _store_once(session, result, graph)
        except IntegrityError:
            session.rollback()
    return _store_once(session, result, graph)


def _store_once(session: Session, result: ExtractionResult,
                graph: ArticleGraph) -> tuple[Article, bool]:
    existing = find_by_hash(session, result.article["content_hash"])
    if existing is not None:
        return existing, False
    article = _insert(session, result, graph)
    _stamp(session, article)
    session.commit()
    return article, True


def _stamp(session: Session, article: Article) -> None:
    """Set the ingest time last, with the ingests taking turns from here to their commit: it is
    later than that of every article committed before, so that the number of articles and the
    latest ingest time tell every state of the corpus apart (``graph.corpus_version``, which the
    graph caches of every process rely on). PostgreSQL: an advisory lock and the database's clock
    (which several hosts share); SQLite: a writer holds the one write lock from its first write.
    A lock holder waits for nothing else, so no deadlock."""
    if session.get_bind().dialect.name == "postgresql":
        session.exec(text("SELECT pg_advisory_xact_lock(:key)"), params={"key": ARTICLES_LOCK})  # type: ignore[call-overload]
        article.ingested_at = session.exec(text("SELECT clock_timestamp()")).scalar_one()  # type: ignore[call-overload]
    else:
        article.ingested_at = datetime.now(UTC)
    session.flush()


def _insert(session: Session, result: ExtractionResult, graph: ArticleGraph) -> Article:
    meta = result.article
    article = Article(
        id=meta["id"], content_hash=meta["content_hash"], title=meta["title"],
        source=meta["source"], url=meta["url"],
        published_at=date.fromisoformat(meta["published_at"]) if meta["published_at"] else None,
        ingested_at=datetime.now(UTC), language=result.language, text=result.text,
        graph=graph.model_dump(mode="json"),
    )
    session.add(article)
    session.flush()  # a duplicate article fails here, before anything else is written

    actors = [n for n in graph.nodes if isinstance(n, ActorNode)]
    claims = [n for n in graph.nodes if isinstance(n, ClaimNode)]
    actor_ids = {a.id for a in actors}
    _insert_actors(session, [
        {"id": a.id, "label": a.label, "kind": a.kind, "country": a.country,
         "part_of": a.part_of if a.part_of in actor_ids else None}
        for a in _parents_first(actors)])
    _insert_rows(session, ArticleActor, [
        {"article_id": article.id, "actor_id": a.id, "aliases": a.aliases} for a in actors])
    _insert_rows(session, Claim, [
        {"id": c.id, "article_id": article.id, "position": i, "label": c.label,
         "status": c.status, "about": c.about} for i, c in enumerate(claims)])
    _insert_rows(session, Statement, [
        {"id": e.id, "article_id": article.id, "position": i, "source_id": e.source,
         "relation": e.relation, "target_id": e.target if e.target in actor_ids else None,
         "claim_id": e.claim, "confidence": e.confidence} for i, e in enumerate(graph.edges)])
    _insert_rows(session, Evidence, [
        _evidence_row(e.id, i, ev) for e in graph.edges for i, ev in enumerate(e.evidence)])
    link_article(session, article.id, graph, get_settings().claim_match_threshold)
    return article


def _evidence_row(statement_id: str, position: int, ev: EvidencePublic) -> dict[str, Any]:
    row: dict[str, Any] = {"statement_id": statement_id, "position": position, "text": ev.text,
                           "start": ev.start, "end": ev.end, "cue_text": ev.cue.text,
                           "cue_start": ev.cue.start, "cue_end": ev.cue.end}
    for part in ("speaker", "content"):
        span = getattr(ev, part)
        row |= {f"{part}_text": span and span.text, f"{part}_start": span and span.start,
                f"{part}_end": span and span.end}
    return row


def _parents_first(actors: list[ActorNode]) -> list[ActorNode]:
    """Order actors so that each ``part_of`` parent is inserted before its children."""
    by_id = {a.id: a for a in actors}
    ordered: dict[str, ActorNode] = {}

    def visit(actor: ActorNode, seen: frozenset[str]) -> None:
        parent = by_id.get(actor.part_of or "")
        if parent is not None and parent.id not in seen:
            visit(parent, seen | {actor.id})
        ordered.setdefault(actor.id, actor)

    for actor in actors:
        visit(actor, frozenset())
    return list(ordered.values())


def _table(model: type[SQLModel]) -> Table:
    return model.__table__  # type: ignore[attr-defined, return-value]


def _insert_rows(session: Session, model: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    if rows:
        session.exec(_table(model).insert(), params=rows)  # type: ignore[call-overload]


def _insert_actors(session: Session, rows: list[dict[str, Any]]) -> None:
    """INSERT … ON CONFLICT (id) DO NOTHING, in the dialect of the session's database."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    for row in rows:  # one statement per row: each parent exists before its child is checked
        session.exec(insert(_table(Actor)).values(row).on_conflict_do_nothing(index_elements=["id"]))
