"""Give each article claim its corpus claim, at ingest, in the ingest's own transaction.

A new article's claims are compared with the claims of other articles that share at least
``MIN_SHARED_TERMS`` content lemmas (found through the ``claim_terms`` index, so ingest does not
read the whole corpus). The best match at or above the threshold setting gives the corpus claim;
otherwise the claim opens a new one. One article never puts two of its claims into one corpus
claim: within an article, the extractor has already decided which statements share a claim.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table
from sqlmodel import Session, delete, exists, func, select

from app.corpus.matching import MIN_SHARED_TERMS, Fold, Signature, entry_key, signature, similarity
from app.extract.gazetteer import load_gazetteer
from app.models import Actor, Article, Claim, ClaimLink, ClaimTerm, CorpusClaim
from app.schemas import ActorNode, ArticleGraph, ClaimNode


MAX_CANDIDATES = 50
"""Claims scored per new claim, those sharing the most terms first: ingest time stays flat as the
corpus grows, even when one proposition is reported hundreds of times."""


@dataclass(frozen=True)
class _Member:
    """A claim already in the corpus, as a new claim is compared with it."""

    corpus_claim_id: str
    corpus_negative: bool
    signature: Signature


def link_article(session: Session, article_id: str, graph: ArticleGraph, threshold: float) -> None:
    """Link every claim of the article (already flushed) to a corpus claim.

    The article's own rows are written together at the end: its claims are never candidates for
    one another, so none needs to see another's.
    """
    actors = {n.id: n for n in graph.nodes if isinstance(n, ActorNode)}
    fold = _folder(session, actors)
    parties: dict[str, set[str]] = {}
    for edge in graph.edges:
        if edge.claim is not None:
            parties.setdefault(edge.claim, set()).update(
                a for a in (edge.source, edge.target) if a in actors)
    opened: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    terms: list[dict[str, Any]] = []
    used: set[str] = set()
    for claim in (n for n in graph.nodes if isinstance(n, ClaimNode)):
        involved = set(claim.about) | parties.get(claim.id, set())
        names = [name for a in involved if a in actors for name in (actors[a].label, *actors[a].aliases)]
        sig = signature(claim.label, claim.about, parties.get(claim.id, ()), fold, names)
        match = _best_match(session, article_id, sig, used, threshold)
        if match is None:
            match = (f"cc-{claim.id}", sig.negative, 1.0)
            opened.append({"id": match[0], "label": claim.label, "negative": sig.negative})
        corpus_id, corpus_negative, score = match
        used.add(corpus_id)
        links.append({"claim_id": claim.id, "corpus_claim_id": corpus_id,
                      "negated": sig.negative != corpus_negative, "score": round(score, 4),
                      "actors": sorted(sig.actors), "parties": sorted(sig.parties)})
        terms += [{"claim_id": claim.id, "term": t} for t in sorted(sig.terms)]
    for model, rows in ((CorpusClaim, opened), (ClaimLink, links), (ClaimTerm, terms)):
        _insert(session, model, rows)


def _best_match(session: Session, article_id: str, sig: Signature, used: set[str],
                threshold: float) -> tuple[str, bool, float] | None:
    """(id, negative, score) of the corpus claim with the most similar member at or above
    ``threshold`` (ties: the smallest id), or None."""
    best: tuple[str, bool, float] | None = None
    for member in sorted(_candidates(session, article_id, sig.terms), key=lambda m: m.corpus_claim_id):
        score = similarity(sig, member.signature)
        if member.corpus_claim_id not in used and score >= threshold and (best is None or score > best[2]):
            best = (member.corpus_claim_id, member.corpus_negative, score)
    return best


def _candidates(session: Session, article_id: str, terms: Iterable[str]) -> list[_Member]:
    """Claims of other articles sharing enough terms, with their stored signatures."""
    terms = sorted(terms)
    if len(terms) < MIN_SHARED_TERMS:
        return []
    # Other articles' claims by their ids (the article id, "-c", a number), not by a join to
    # claims: that looked up the claim of every posting, 70% of the time at 20k articles. The
    # article's own claims have no terms stored yet anyway.
    ids = session.exec(
        select(ClaimTerm.claim_id)
        .where(ClaimTerm.term.in_(terms),  # type: ignore[attr-defined]
               ~ClaimTerm.claim_id.startswith(f"{article_id}-"))  # type: ignore[attr-defined]
        .group_by(ClaimTerm.claim_id).having(func.count() >= MIN_SHARED_TERMS)
        .order_by(func.count().desc(), ClaimTerm.claim_id).limit(MAX_CANDIDATES)
    ).all()
    if not ids:
        return []
    own_terms: dict[str, set[str]] = {}
    for claim_id, term in session.exec(select(ClaimTerm.claim_id, ClaimTerm.term)
                                       .where(ClaimTerm.claim_id.in_(ids))):  # type: ignore[attr-defined]
        own_terms.setdefault(claim_id, set()).add(term)
    links = session.exec(
        select(ClaimLink.claim_id, ClaimLink.corpus_claim_id, CorpusClaim.negative, ClaimLink.actors,
               ClaimLink.parties)
        .join(CorpusClaim, CorpusClaim.id == ClaimLink.corpus_claim_id)  # type: ignore[arg-type]
        .where(ClaimLink.claim_id.in_(ids))  # type: ignore[attr-defined]
    ).all()
    return [_Member(corpus_id, negative, Signature(frozenset(own_terms[claim_id]), frozenset(actors),
                                                   frozenset(parties), negative=False))
            for claim_id, corpus_id, negative, actors, parties in links]


def _folder(session: Session, actors: dict[str, ActorNode]) -> Fold:
    """Actor id -> its country code, else its top parent, else itself (graph, database, gazetteer)."""
    gazetteer = load_gazetteer()
    stored: dict[str, Actor | None] = {}

    def info(actor_id: str) -> tuple[str | None, str | None] | None:
        if actor_id in actors:
            return actors[actor_id].country, actors[actor_id].part_of
        if actor_id not in stored:
            stored[actor_id] = session.get(Actor, actor_id)
        row = stored[actor_id]
        return (row.country, row.part_of) if row is not None else None

    def fold(actor_id: str) -> str:
        seen = {actor_id}
        current = info(actor_id)
        if current is None:
            entry = gazetteer.entries.get(actor_id)
            return entry_key(entry) if entry is not None else actor_id
        top = actor_id
        while current is not None and current[0] is None and current[1] and current[1] not in seen:
            top = current[1]
            seen.add(top)
            current = info(top)
        return current[0] if current is not None and current[0] else top

    return fold


def drop_unused(session: Session) -> None:
    """Delete the corpus claims no article claim links to any more (after an article delete)."""
    session.exec(delete(CorpusClaim).where(  # type: ignore[call-overload]
        ~exists().where(ClaimLink.corpus_claim_id == CorpusClaim.id)))


def link_missing(session: Session, threshold: float) -> int:
    """Link the claims of articles stored without links (before migration 0002), oldest first."""
    unlinked = (select(Claim.article_id)
                .where(~exists().where(ClaimLink.claim_id == Claim.id)).distinct())
    rows = session.exec(select(Article.id, Article.graph).where(Article.id.in_(unlinked))  # type: ignore[attr-defined]
                        .order_by(Article.ingested_at, Article.id)).all()
    # start those articles afresh: a half-linked one (a crash, a hand edit) keeps no stale rows
    claims = select(Claim.id).where(Claim.article_id.in_([r[0] for r in rows]))  # type: ignore[attr-defined]
    for model in (ClaimLink, ClaimTerm):
        session.exec(delete(model).where(model.claim_id.in_(claims)))  # type: ignore[call-overload, attr-defined]
    drop_unused(session)
    for article_id, graph in rows:
        link_article(session, article_id, ArticleGraph.model_validate(graph), threshold)
    session.commit()
    return len(rows)


def relink_all(session: Session, threshold: float) -> int:
    """Match every claim again (after the threshold changed); return the number of corpus claims."""
    for model in (ClaimTerm, ClaimLink, CorpusClaim):
        session.exec(delete(model))  # type: ignore[call-overload]
    link_missing(session, threshold)
    return session.exec(select(func.count()).select_from(CorpusClaim)).one()


def _insert(session: Session, model: type, rows: list[dict[str, Any]]) -> None:
    if rows:
        table: Table = model.__table__
        session.exec(table.insert(), params=rows)  # type: ignore[call-overload]
