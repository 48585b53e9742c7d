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
from app.schemas import (ArticleClaimRef, ArticlePublic, ClaimCounts, ClaimDetail, ClaimQuery, ClaimStatus,
                         CorpusClaimDetail, CorpusClaimSummary, CorpusStatement, GraphQuery, Relation)
from app.services.filters import article_conditions
from app.services.statements import to_public

ASSERTING = ("assert", "accuse")

_negated = ClaimLink.negated.is_(True)  # type: ignore[attr-defined]
_stance = case((and_(_negated, Statement.relation == "assert"), literal("deny")),
               (and_(_negated, Statement.relation == "deny"), literal("assert")),
               else_=Statement.relation)
_asserts = func.sum(case((_stance.in_(ASSERTING), 1), else_=0))
_denies = func.sum(case((_stance == "deny", 1), else_=0))


def list_claims(session: Session, query: ClaimQuery) -> tuple[list[CorpusClaimSummary], int]:
    """One page of corpus claims, most reported first, and the number of all that match."""
    grouped = _aggregate(query)
    if query.actor is not None:
        involved = or_(Statement.source_id == query.actor, Statement.target_id == query.actor)
        grouped = grouped.having(func.sum(case((involved, 1), else_=0)) > 0)
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
    return _summaries(session, list(rows), query), total


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
                       status=ClaimStatus(claim.status), about=claim.about,
                       statements=to_public(session, list(statements)),
                       corpus_claim=link.corpus_claim_id if link else None)


def _linked_statements(*columns: Any) -> Any:
    """SELECT columns FROM statements with their claim link and article."""
    return (select(*columns).select_from(Statement)
            .join(ClaimLink, ClaimLink.claim_id == Statement.claim_id)  # type: ignore[arg-type]
            .join(Article, Article.id == Statement.article_id))  # type: ignore[arg-type]


def _aggregate(query: GraphQuery) -> Any:
    """Per corpus claim: statements, articles, assertions, denials, first and last publication."""
    return (_linked_statements(ClaimLink.corpus_claim_id, func.count(Statement.id).label("statements"),
                               func.count(distinct(Statement.article_id)).label("articles"),
                               _asserts.label("asserts"), _denies.label("denies"),
                               func.min(Article.published_at), func.max(Article.published_at))
            .where(*article_conditions(query)).group_by(ClaimLink.corpus_claim_id))


def _summaries(session: Session, rows: list[Any], query: GraphQuery) -> list[CorpusClaimSummary]:
    """Summaries of aggregated rows, with labels, about lists and who asserts or denies.

    The label is that of the earliest article claim stated as the corpus claim is (not negated):
    the opening claim's while its article is stored, the next one's after it is deleted.
    """
    ids = [r[0] for r in rows]
    in_page = ClaimLink.corpus_claim_id.in_(ids)  # type: ignore[attr-defined]
    labels = dict(session.exec(select(CorpusClaim.id, CorpusClaim.label).where(CorpusClaim.id.in_(ids))).all())  # type: ignore[attr-defined]
    about: dict[str, set[str]] = {i: set() for i in ids}
    relabelled: set[str] = set()
    for corpus_id, label, claim_about, negated, _ingested, _position in session.exec(
            select(ClaimLink.corpus_claim_id, Claim.label, Claim.about, ClaimLink.negated,
                   Article.ingested_at, Claim.position)
            .join(Claim, Claim.id == ClaimLink.claim_id).join(Article, Article.id == Claim.article_id)  # type: ignore[arg-type]
            .where(in_page).order_by(Article.ingested_at, Claim.article_id, Claim.position)):
        about[corpus_id].update(claim_about)
        if not negated and corpus_id not in relabelled:
            labels[corpus_id] = label
            relabelled.add(corpus_id)
    speakers: dict[tuple[str, str], set[str]] = {}
    for corpus_id, stance, speaker in session.exec(
            _linked_statements(ClaimLink.corpus_claim_id, _stance, Statement.source_id).distinct()
            .where(in_page, *article_conditions(query))):
        speakers.setdefault((corpus_id, "assert" if stance in ASSERTING else "deny"), set()).add(speaker)
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
    articles = session.exec(
        select(Article).where(Article.id.in_({claim.article_id for _, claim in links}))  # type: ignore[attr-defined]
        .order_by(Article.published_at.asc().nulls_last(), Article.ingested_at, Article.id)  # type: ignore[union-attr]
    ).all()
    order = {a.id: i for i, a in enumerate(articles)}
    statements = sorted(session.exec(select(Statement).where(Statement.claim_id.in_(negated))).all(),  # type: ignore[attr-defined]
                        key=lambda s: (order[s.article_id], s.position))
    return CorpusClaimDetail(
        **summary.model_dump(),
        claims=[ArticleClaimRef(id=claim.id, label=claim.label, status=ClaimStatus(claim.status),
                                article_id=claim.article_id, negated=link.negated, score=link.score)
                for link, claim in sorted(links, key=lambda lc: (order[lc[1].article_id], lc[1].position))],
        articles=[ArticlePublic.model_validate(a, from_attributes=True) for a in articles],
        statements=[CorpusStatement(**public.model_dump(), stance=_stance_of(public.relation, negated[s.claim_id]))
                    for s, public in zip(statements, to_public(session, statements))],
    )


def _stance_of(relation: Relation, negated: bool) -> Relation:
    """The statement's relation to the corpus claim (see the module docstring)."""
    if negated and relation in (Relation.ASSERT, Relation.DENY):
        return Relation.DENY if relation == Relation.ASSERT else Relation.ASSERT
    return relation
