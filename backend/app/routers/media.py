from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from app.deps import StoreDep

router = APIRouter(tags=["media"])


@router.get("/media/{key:path}")
async def media(key: str, store: StoreDep) -> FileResponse:
    """A stored asset; supports range requests so browsers can seek in videos."""
    return FileResponse(store.resolve(key))
