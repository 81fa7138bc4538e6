from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter

from app.config import Settings
from app.deps import ProvidersDep, SettingsDep
from app.errors import RenderError
from app.ffmpeg.binary import ffmpeg_path

router = APIRouter(tags=["health"])


@router.get("/health")
async def health(providers: ProvidersDep, settings: SettingsDep) -> dict[str, object]:
    """Liveness, and which provider serves each capability."""
    return {"status": "ok", "providers": providers.names(), "ffmpeg": _ffmpeg_name(settings)}


def _ffmpeg_name(settings: Settings) -> str:
    # The binary's name tells which FFmpeg runs (system or bundled, and its version); where it
    # lives on this machine is nobody's business but the operator's.
    try:
        return Path(ffmpeg_path(settings.ffmpeg)).name
    except RenderError:
        return "missing"
