"""Cost estimates before paid work: what the clips, then the ad, would cost, and the budget."""

from __future__ import annotations

from fastapi import APIRouter

from app.deps import ClipJobDepsDep, ComposeJobDepsDep, CurrentUserId, SpendDep
from app.models.cost import CostEstimate, CostLine
from app.models.video import ComposeRequest, EstimateRequest
from app.routers.responses import BODY
from app.services import cost_estimate
from app.services.script_service import WordsOptions
from app.utils.spend import DailySpend

router = APIRouter(prefix="/api/video", tags=["video"], responses=BODY)


@router.post("/estimate")
async def estimate_cost(
    request: EstimateRequest,
    clip_deps: ClipJobDepsDep,
    compose_deps: ComposeJobDepsDep,
    spend: SpendDep,
    user_id: CurrentUserId,
) -> CostEstimate:
    """What rendering these scenes' clips, then composing the ad (music, and the voice when a
    line is spoken), would cost with the configured providers; and today's budget."""
    lines = [
        cost_estimate.clips_cost(clip_deps.motion, request.scenes),
        *cost_estimate.compose_cost(
            compose_deps.music,
            compose_deps.voice,
            [scene.voiceover for scene in request.scenes],
            WordsOptions(voice=request.voice),
            compose_deps.default_voice,
        ),
    ]
    return await _estimate(lines, spend, user_id)


@router.post("/compose/estimate")
async def estimate_compose(
    request: ComposeRequest, deps: ComposeJobDepsDep, spend: SpendDep, user_id: CurrentUserId
) -> CostEstimate:
    """What composing this request would cost (music, and the voice when it speaks)."""
    return await _estimate(cost_estimate.compose_request_cost(deps, request), spend, user_id)


async def _estimate(lines: list[CostLine], spend: DailySpend, user_id: str) -> CostEstimate:
    return CostEstimate(
        clips_usd=cost_estimate.total(lines, cost_estimate.CLIPS),
        compose_usd=cost_estimate.total(lines, cost_estimate.COMPOSE),
        total_usd=cost_estimate.total(lines),
        items=lines,
        budget=await spend.status(user_id),
    )
