from __future__ import annotations

from fastapi import APIRouter

from app.deps import DbDep, ProvidersDep, RateLimit, StoreDep
from app.models.mood import GenerateMoodsRequest, GenerateMoodsResponse
from app.routers.projects import ProjectParam
from app.routers.responses import BODY, LIMITED, PROJECT, PROVIDERS, STORAGE, merge
from app.routers.uploads import refuse_missing_uploads
from app.services import mood_service, project_recording

router = APIRouter(prefix="/api/moods", tags=["moods"], responses=merge(BODY, PROVIDERS))


@router.post("/generate", responses=merge(STORAGE, PROJECT, LIMITED), dependencies=[RateLimit])
async def generate_moods(
    request: GenerateMoodsRequest,
    providers: ProvidersDep,
    store: StoreDep,
    db: DbDep,
    project_id: ProjectParam,
) -> GenerateMoodsResponse:
    """Three visual moods for the brief, four reference images each."""
    await refuse_missing_uploads(store, request.creative_brief)
    moods = await mood_service.generate_moods(
        request.creative_brief, providers.director, providers.images, store, request.avoid_styles
    )
    if project_id is not None:
        await project_recording.record_moods(db, project_id, request.creative_brief, moods)
    return GenerateMoodsResponse(moods=moods)
