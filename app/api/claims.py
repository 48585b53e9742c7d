"""/v1/claims: corpus claims (one proposition across articles), and any claim by id."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from app.api.deps import SessionDep, next_url
from app.errors import problem_responses
from app.schemas import AnyClaimDetail, ClaimDetail, ClaimQuery, CorpusClaimDetail, CorpusClaimPage
from app.services import claims

router = APIRouter(prefix="/claims", tags=["claims"])

AnyClaimId = Annotated[str, Path(description="A corpus claim id (`cc-…`) or an article claim id "
                                             "(the article id, `-c` and a number).")]


@router.get("", name="list", summary="List corpus claims", response_model=CorpusClaimPage,
            responses=problem_responses(422))
def list_claims(query: Annotated[ClaimQuery, Query()], session: SessionDep,
                request: Request) -> CorpusClaimPage:
    """Claims across articles, most reported first: who asserts and who denies each one.

    `status=disputed` lists the claims some actor asserts and another denies. The date range and
    source choose which reports count; `actor` and `relation` choose claims with at least one
    such statement.
    """
    items, total = claims.list_claims(session, query)
    return CorpusClaimPage(items=items, total=total, limit=query.limit, offset=query.offset,
                           next=next_url(request, query, total))


@router.get("/{claim_id}", name="get", summary="Read a claim", response_model=AnyClaimDetail,
            responses=problem_responses(404, 422))
def get_claim(claim_id: AnyClaimId, session: SessionDep) -> ClaimDetail | CorpusClaimDetail:
    """Read a corpus claim with all its statements, evidence and articles, or an article claim
    with its statements and the corpus claim it reports (`type` tells which)."""
    return claims.get_claim(session, claim_id)
