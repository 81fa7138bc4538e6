from __future__ import annotations

from fastapi import APIRouter

from app.deps import ProvidersDep, StoreDep
from app.models.mood import GenerateMoodsRequest, GenerateMoodsResponse
from app.services import mood_service

router = APIRouter(prefix="/api/moods", tags=["moods"])


@router.post("/generate")
async def generate_moods(
    request: GenerateMoodsRequest, providers: ProvidersDep, store: StoreDep
) -> GenerateMoodsResponse:
    """Three visual moods for the brief, four reference images each."""
    moods = await mood_service.generate_moods(
        request.creative_brief, providers.director, providers.images, store, request.avoid_styles
    )
    return GenerateMoodsResponse(moods=moods)
