"""The rules of the contract, readable at run time by any client."""

from __future__ import annotations

from fastapi import APIRouter

from app.models.studio_config import StudioConfig

router = APIRouter(prefix="/api", tags=["config"])

CONFIG = StudioConfig()


@router.get("/config")
async def studio_config() -> StudioConfig:
    """The storyboard rules (length, steps, scene bounds, crossfade, frame rate), the brief
    fields a complete brief fills, and the formats an ad can be made in."""
    return CONFIG
