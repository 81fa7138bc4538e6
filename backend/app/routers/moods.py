from __future__ import annotations

from fastapi import APIRouter

from app.deps import ProvidersDep, StoreDep
from app.models.mood import GenerateMoodsRequest, GenerateMoodsResponse
from app.routers.responses import BODY, PROVIDERS, STORAGE, merge
from app.routers.uploads import refuse_missing_uploads
from app.services import mood_service

router = APIRouter(prefix="/api/moods", tags=["moods"], responses=merge(BODY, PROVIDERS))


@router.post("/generate", responses=STORAGE)
async def generate_moods(
    request: GenerateMoodsRequest, providers: ProvidersDep, store: StoreDep
) -> GenerateMoodsResponse:
    """Three visual moods for the brief, four reference images each."""
    await refuse_missing_uploads(store, request.creative_brief)
    moods = await mood_service.generate_moods(
        request.creative_brief, providers.director, providers.images, store, request.avoid_styles
    )
    return GenerateMoodsResponse(moods=moods)
