from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse

from app.deps import StoreDep
from app.routers.responses import FILE_RESPONSES, MEDIA, PARAMETERS, merge
from app.storage.media_types import MEDIA_HEADERS, attachment_name, media_type_for

router = APIRouter(tags=["media"], responses=merge(MEDIA, PARAMETERS))

MEDIA_PATH = "/media/{key:path}"

DownloadName = Annotated[
    str | None,
    Query(
        pattern=r"^[\w][\w.-]{0,99}$",
        description="Serve as an attachment under this file name (a download button's link); "
        "its extension becomes the stored file's.",
    ),
]


@router.get(MEDIA_PATH, response_class=FileResponse, responses=FILE_RESPONSES)
async def media(key: str, store: StoreDep, download: DownloadName = None) -> FileResponse:
    """A stored asset; supports range requests so browsers can seek in videos."""
    return _file_response(store.resolve(key), download)


@router.head(
    MEDIA_PATH,
    response_class=FileResponse,
    responses={200: FILE_RESPONSES[200]},
    operation_id="media_head",
)
async def media_head(key: str, store: StoreDep, download: DownloadName = None) -> FileResponse:
    """The headers `GET` sends for a stored asset (type, length, ETag), without its bytes."""
    return _file_response(store.resolve(key), download)


def _file_response(path: Path, download: str | None) -> FileResponse:
    # A page on another origin cannot make the browser save a link with `<a download>`;
    # a Content-Disposition header from us can.
    return FileResponse(
        path,
        media_type=media_type_for(path),
        headers=MEDIA_HEADERS,
        filename=attachment_name(download, path) if download else None,
    )
