"""The rules of the contract, readable at run time by any client."""

from __future__ import annotations

from fastapi import APIRouter

from app.deps import SettingsDep
from app.models.studio_config import StudioConfig

router = APIRouter(prefix="/api", tags=["config"])

CONFIG = StudioConfig()


@router.get("/config")
async def studio_config(settings: SettingsDep) -> StudioConfig:
    """The storyboard rules (length, steps, scene bounds, crossfade, frame rate), the brief
    fields a complete brief fills, the formats an ad can be made in, and whether accounts are
    on (then the studio shows its sign-in page first)."""
    if settings.auth.enabled:
        return CONFIG.model_copy(update={"auth_enabled": True})
    return CONFIG
