"""Statements with their claim and evidence, as the API shows them."""

from sqlmodel import Session, select

from app.models import Claim, Evidence, Statement
from app.schemas import ClaimRef, EvidencePublic, Span, StatementPublic


def to_public(session: Session, statements: list[Statement]) -> list[StatementPublic]:
    """Attach evidence and claims with one query each (not one per statement)."""
    ids = [s.id for s in statements]
    claim_ids = {s.claim_id for s in statements if s.claim_id}
    evidence: dict[str, list[EvidencePublic]] = {i: [] for i in ids}
    for row in session.exec(select(Evidence).where(Evidence.statement_id.in_(ids))  # type: ignore[attr-defined]
                            .order_by(Evidence.statement_id, Evidence.position)):
        evidence[row.statement_id].append(_evidence(row))
    claims = {c.id: ClaimRef(id=c.id, label=c.label, status=c.status)  # type: ignore[arg-type]
              for c in session.exec(select(Claim).where(Claim.id.in_(claim_ids)))}  # type: ignore[attr-defined]
    return [StatementPublic(id=s.id, article_id=s.article_id, relation=s.relation,  # type: ignore[arg-type]
                            source=s.source_id, target=s.target_id,
                            claim=claims.get(s.claim_id) if s.claim_id else None,
                            confidence=s.confidence, evidence=evidence[s.id])
            for s in statements]


def _evidence(row: Evidence) -> EvidencePublic:
    def span(part: str) -> Span | None:
        text = getattr(row, f"{part}_text")
        if text is None:
            return None
        return Span(text=text, start=getattr(row, f"{part}_start"), end=getattr(row, f"{part}_end"))

    return EvidencePublic(text=row.text, start=row.start, end=row.end,
                          cue=Span(text=row.cue_text, start=row.cue_start, end=row.cue_end),
                          speaker=span("speaker"), content=span("content"))
