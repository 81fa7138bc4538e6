from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse

from app.deps import StoreDep

router = APIRouter(tags=["media"])

DownloadName = Annotated[
    str | None,
    Query(
        pattern=r"^[\w][\w.-]{0,99}$",
        description="Serve as an attachment under this file name (a download button's link).",
    ),
]


@router.get("/media/{key:path}")
async def media(key: str, store: StoreDep, download: DownloadName = None) -> FileResponse:
    """A stored asset; supports range requests so browsers can seek in videos."""
    # A page on another origin cannot make the browser save a link with `<a download>`;
    # a Content-Disposition header from us can.
    if download:
        return FileResponse(store.resolve(key), filename=download)
    return FileResponse(store.resolve(key))
