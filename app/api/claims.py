"""/v1/claims: one claim with the statements about it."""

from fastapi import APIRouter

from app.api.deps import ClaimId, SessionDep
from app.errors import problem_responses
from app.schemas import ClaimDetail
from app.services import claims

router = APIRouter(prefix="/claims", tags=["claims"])


@router.get("/{claim_id}", name="get", summary="Read a claim", response_model=ClaimDetail,
            responses=problem_responses(404, 422))
def get_claim(claim_id: ClaimId, session: SessionDep) -> ClaimDetail:
    """Read a claim with every statement that asserts, denies or accuses over it."""
    return claims.get_claim(session, claim_id)
