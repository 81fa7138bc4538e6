from __future__ import annotations

from fastapi import APIRouter

from app.deps import ProvidersDep, SettingsDep
from app.ffmpeg.binary import ffmpeg_path

router = APIRouter(tags=["health"])


@router.get("/health")
async def health(providers: ProvidersDep, settings: SettingsDep) -> dict[str, object]:
    """Liveness, and which provider serves each capability."""
    ffmpeg_path(settings.ffmpeg)  # raises, path-free, when there is none; where it is stays ours
    return {"status": "ok", "providers": providers.names(), "ffmpeg": "ok"}
