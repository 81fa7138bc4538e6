from __future__ import annotations

from fastapi import APIRouter
from fastapi.exceptions import RequestValidationError

from app.deps import DbDep, ProvidersDep, RateLimit, StoreDep
from app.models.scene import (
    GenerateSeedsRequest,
    GenerateSeedsResponse,
    PlanScenesRequest,
    PlanScenesResponse,
    RegenerateSeedRequest,
    RegenerateSeedResponse,
)
from app.routers.projects import ProjectParam
from app.routers.responses import BODY, LIMITED, PROJECT, PROVIDERS, STORAGE, merge
from app.routers.uploads import refuse_missing_uploads
from app.services import project_recording, scene_service

router = APIRouter(prefix="/api/scenes", tags=["scenes"], responses=merge(BODY, PROVIDERS, PROJECT))


@router.post("/plan", responses=LIMITED, dependencies=[RateLimit])
async def plan_scenes(
    request: PlanScenesRequest, providers: ProvidersDep, db: DbDep, project_id: ProjectParam
) -> PlanScenesResponse:
    """A storyboard of 5–7 scenes whose durations sum to 30 s."""
    plan = await scene_service.plan_scenes(
        request.creative_brief, request.selected_mood, providers.director
    )
    if project_id is not None:
        await project_recording.record_plan(
            db, project_id, request.creative_brief, request.selected_mood, plan
        )
    return PlanScenesResponse(scene_plan=plan)


@router.post("/seeds", responses=merge(STORAGE, LIMITED), dependencies=[RateLimit])
async def generate_seeds(
    request: GenerateSeedsRequest,
    providers: ProvidersDep,
    store: StoreDep,
    db: DbDep,
    project_id: ProjectParam,
) -> GenerateSeedsResponse:
    """A 1080×1920 seed image for every scene, in the mood's style."""
    await refuse_missing_uploads(store, request.creative_brief)
    scenes = await scene_service.generate_seeds(
        request.scenes, request.mood_style, request.creative_brief, providers.images, store
    )
    if project_id is not None:
        await project_recording.record_seeds(db, project_id, scenes)
    return GenerateSeedsResponse(scenes_with_seeds=scenes)


@router.post("/seeds/{scene_number}", responses=merge(STORAGE, LIMITED), dependencies=[RateLimit])
async def regenerate_seed(
    scene_number: int,
    request: RegenerateSeedRequest,
    providers: ProvidersDep,
    store: StoreDep,
    db: DbDep,
    project_id: ProjectParam,
) -> RegenerateSeedResponse:
    """A new seed image for one scene, leaving every other scene as it is."""
    if scene_number not in {scene.scene_number for scene in request.scenes}:
        raise RequestValidationError(
            [
                {
                    "loc": ("path", "scene_number"),
                    "msg": f"the storyboard has no scene {scene_number}",
                    "type": "value_error",
                }
            ]
        )
    await refuse_missing_uploads(store, request.creative_brief)
    scene = await scene_service.regenerate_seed(
        scene_number,
        request.scenes,
        request.mood_style,
        request.creative_brief,
        providers.images,
        store,
        request.variation,
    )
    if project_id is not None:
        await project_recording.record_seed(db, project_id, scene)
    return RegenerateSeedResponse(scene_with_seed=scene)
