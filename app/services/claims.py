"""Corpus claims (one proposition across articles) and article claims: list and read them.

A statement's stance towards a corpus claim is its relation, with assert and deny swapped when its
article claim is negated against the corpus claim's label. A corpus claim is disputed when some
statement asserts it (or accuses over it) and another denies it, within the chosen date range
and source; the actor and relation filters pick claims without narrowing what is counted.
"""

from typing import Any

from sqlalchemy import and_, case, desc, distinct, literal
from sqlmodel import Session, func, or_, select

from app.errors import NotFound
from app.models import Article, Claim, ClaimLink, CorpusClaim, Statement
from app.schemas import (ArticleClaimRef, ArticlePublic, ClaimCounts, ClaimDetail, ClaimQuery,
                         ClaimStatus, CorpusClaimDetail, CorpusClaimSummary, CorpusStatement, GraphQuery)
from app.services.filters import article_conditions
from app.services.statements import to_public

ASSERTING = ("assert", "accuse")

_stance = case(
    (and_(ClaimLink.negated.is_(True), Statement.relation == "assert"), literal("deny")),  # type: ignore[attr-defined]
    (and_(ClaimLink.negated.is_(True), Statement.relation == "deny"), literal("assert")),  # type: ignore[attr-defined]
    else_=Statement.relation,
)
_asserts = func.sum(case((_stance.in_(ASSERTING), 1), else_=0))
_denies = func.sum(case((_stance == "deny", 1), else_=0))


def list_claims(session: Session, query: ClaimQuery) -> tuple[list[CorpusClaimSummary], int]:
    """One page of corpus claims, most reported first, and the number of all that match."""
    grouped = _aggregate(query)
    if query.actor is not None:
        grouped = grouped.having(func.sum(case((or_(Statement.source_id == query.actor,
                                                    Statement.target_id == query.actor), 1), else_=0)) > 0)
    if query.relation is not None:
        grouped = grouped.having(func.sum(case((Statement.relation == query.relation, 1), else_=0)) > 0)
    if query.status is not None:
        grouped = grouped.having({
            ClaimStatus.DISPUTED: and_(_asserts > 0, _denies > 0),
            ClaimStatus.ASSERTED: _denies == 0,
            ClaimStatus.DENIED: _asserts == 0,
        }[query.status])
    total = session.exec(select(func.count()).select_from(grouped.subquery())).one()
    rows = session.exec(grouped.order_by(desc("articles"), desc("statements"), ClaimLink.corpus_claim_id)
                        .limit(query.limit).offset(query.offset)).all()
    return _summaries(session, rows, query), total


def get_claim(session: Session, claim_id: str) -> ClaimDetail | CorpusClaimDetail:
    """A corpus claim by its id, or an article claim by its own id."""
    corpus = session.get(CorpusClaim, claim_id)
    if corpus is not None:
        return _corpus_detail(session, corpus)
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"No claim with id '{claim_id}'.")
    statements = session.exec(select(Statement).where(Statement.claim_id == claim_id)
                              .order_by(Statement.position)).all()
    link = session.get(ClaimLink, claim_id)
    return ClaimDetail(type="article_claim", id=claim.id, article_id=claim.article_id, label=claim.label,
                       status=claim.status, about=claim.about,  # type: ignore[arg-type]
                       statements=to_public(session, list(statements)),
                       corpus_claim=link.corpus_claim_id if link else None)


def _aggregate(query: GraphQuery) -> Any:
    """Per corpus claim: statements, articles, assertions, denials, first and last publication."""
    return (
        select(ClaimLink.corpus_claim_id, func.count(Statement.id).label("statements"),  # type: ignore[arg-type]
               func.count(distinct(Statement.article_id)).label("articles"),
               _asserts.label("asserts"), _denies.label("denies"),
               func.min(Article.published_at), func.max(Article.published_at))
        .select_from(Statement)
        .join(ClaimLink, ClaimLink.claim_id == Statement.claim_id)  # type: ignore[arg-type]
        .join(Article, Article.id == Statement.article_id)  # type: ignore[arg-type]
        .where(*article_conditions(query))
        .group_by(ClaimLink.corpus_claim_id)
    )


def _summaries(session: Session, rows: list[Any], query: GraphQuery) -> list[CorpusClaimSummary]:
    """Summaries of aggregated rows, with labels, about lists and who asserts or denies."""
    ids = [r[0] for r in rows]
    labels = dict(session.exec(select(CorpusClaim.id, CorpusClaim.label)
                               .where(CorpusClaim.id.in_(ids))).all())  # type: ignore[attr-defined]
    about: dict[str, set[str]] = {i: set() for i in ids}
    for corpus_id, claim_about in session.exec(
            select(ClaimLink.corpus_claim_id, Claim.about).join(Claim, Claim.id == ClaimLink.claim_id)  # type: ignore[arg-type]
            .where(ClaimLink.corpus_claim_id.in_(ids))):  # type: ignore[attr-defined]
        about[corpus_id].update(claim_about)
    speakers: dict[tuple[str, str], set[str]] = {}
    for corpus_id, stance, speaker in session.exec(
            select(ClaimLink.corpus_claim_id, _stance, Statement.source_id).distinct()
            .join(ClaimLink, ClaimLink.claim_id == Statement.claim_id)  # type: ignore[arg-type]
            .join(Article, Article.id == Statement.article_id)  # type: ignore[arg-type]
            .where(ClaimLink.corpus_claim_id.in_(ids), *article_conditions(query))):  # type: ignore[attr-defined]
        side = "assert" if stance in ASSERTING else "deny"
        speakers.setdefault((corpus_id, side), set()).add(speaker)
    return [CorpusClaimSummary(
        type="corpus_claim", id=corpus_id, label=labels[corpus_id], status=_status(asserts, denies),
        about=sorted(about[corpus_id]),
        asserted_by=sorted(speakers.get((corpus_id, "assert"), ())),
        denied_by=sorted(speakers.get((corpus_id, "deny"), ())),
        counts=ClaimCounts(statements=statements, articles=articles, asserts=asserts, denies=denies),
        first_seen=first, last_seen=last,
    ) for corpus_id, statements, articles, asserts, denies, first, last in rows]


def _status(asserts: int, denies: int) -> ClaimStatus:
    if asserts and denies:
        return ClaimStatus.DISPUTED
    return ClaimStatus.DENIED if denies else ClaimStatus.ASSERTED


def _corpus_detail(session: Session, corpus: CorpusClaim) -> CorpusClaimDetail:
    rows = session.exec(_aggregate(GraphQuery()).where(ClaimLink.corpus_claim_id == corpus.id)).all()
    summary = _summaries(session, list(rows), GraphQuery())[0]
    links = session.exec(select(ClaimLink, Claim).join(Claim, Claim.id == ClaimLink.claim_id)  # type: ignore[arg-type]
                         .where(ClaimLink.corpus_claim_id == corpus.id)).all()
    negated = {claim.id: link.negated for link, claim in links}
    articles = session.exec(select(Article).where(Article.id.in_({c.article_id for _, c in links}))  # type: ignore[attr-defined]
                            .order_by(Article.published_at.asc().nulls_last(),  # type: ignore[union-attr]
                                      Article.ingested_at, Article.id)).all()
    order = {a.id: i for i, a in enumerate(articles)}
    statements = session.exec(select(Statement).where(Statement.claim_id.in_(negated))  # type: ignore[attr-defined]
                              .order_by(Statement.article_id, Statement.position)).all()
    statements = sorted(statements, key=lambda s: (order[s.article_id], s.position))
    return CorpusClaimDetail(
        **summary.model_dump(),
        claims=[ArticleClaimRef(id=claim.id, label=claim.label, status=claim.status,  # type: ignore[arg-type]
                                article_id=claim.article_id, negated=link.negated, score=link.score)
                for link, claim in sorted(links, key=lambda lc: (order[lc[1].article_id], lc[1].position))],
        articles=[ArticlePublic.model_validate(a, from_attributes=True) for a in articles],
        statements=[CorpusStatement(**public.model_dump(), stance=_flip(public.relation, negated[s.claim_id]))
                    for s, public in zip(statements, to_public(session, statements))],
    )


def _flip(relation: str, negated: bool) -> str:
    if negated and relation in ("assert", "deny"):
        return "deny" if relation == "assert" else "assert"
    return relation
