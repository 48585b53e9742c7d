"""Read one claim with the statements about it."""

from sqlmodel import Session, select

from app.errors import NotFound
from app.models import Claim, Statement
from app.schemas import ClaimDetail
from app.services.statements import to_public


def get_claim(session: Session, claim_id: str) -> ClaimDetail:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"No claim with id '{claim_id}'.")
    statements = session.exec(select(Statement).where(Statement.claim_id == claim_id)
                              .order_by(Statement.position)).all()
    return ClaimDetail(id=claim.id, article_id=claim.article_id, label=claim.label,
                       status=claim.status, about=claim.about,  # type: ignore[arg-type]
                       statements=to_public(session, list(statements)))
