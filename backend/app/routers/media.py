"""`/media/{key}`: every stored file, whichever backend holds it.

With `MEDIA_BACKEND=s3` the file is served from the local cache, downloaded into it first if
need be, so the URLs stay ours, range requests and ETags behave as with local media, and the
bucket never needs to be reachable from the browser.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse
from pydantic import AfterValidator, WithJsonSchema

from app.auth.media_links import MediaLinks
from app.deps import StoreDep
from app.errors import MediaNotFound
from app.routers.responses import FILE_RESPONSES, MEDIA, PARAMETERS, merge
from app.storage.media_store import MediaStore
from app.storage.media_types import MEDIA_HEADERS, attachment_name, media_type_for
from app.storage.previews import PREVIEW_WIDTHS, previews_of

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


def _offered_width(width: int) -> int:
    if width not in PREVIEW_WIDTHS:
        sizes = ", ".join(map(str, PREVIEW_WIDTHS))
        raise ValueError(f"a preview is one of {sizes} pixels wide")
    return width


PreviewWidth = Annotated[
    int,
    AfterValidator(_offered_width),
    WithJsonSchema({"type": "integer", "enum": list(PREVIEW_WIDTHS)}),
]
Width = Annotated[
    PreviewWidth | None,
    Query(
        description="Serve a WebP preview of this image at most this many pixels wide (made "
        "once, then stored) instead of the original: for thumbnails. Images only.",
    ),
]


async def signed_for_its_owner(
    request: Request,
    key: str,
    uid: Annotated[
        str | None,
        Query(max_length=64, description="With accounts on: the user the link was signed for."),
    ] = None,
    exp: Annotated[
        str | None,
        Query(
            max_length=12,
            pattern=r"^[0-9]+$",
            description="With accounts on: the link's expiry, in seconds since 1970.",
        ),
    ] = None,
    sig: Annotated[
        str | None,
        Query(max_length=64, description="With accounts on: the link's signature."),
    ] = None,
) -> None:
    """With accounts on, a file is served only through a link signed for its owner and not yet
    expired; any other request finds nothing, as if the file were not there. (Signed links come
    in the answers that show media; `<img>` and `<video>` cannot send a bearer token.)"""
    links: MediaLinks | None = request.app.state.media_links
    if links is not None and not links.allows(key, uid, exp, sig):
        raise MediaNotFound(
            "No media file here for this link; it may have expired. Open the project again "
            "for fresh links."
        )


@router.get(
    MEDIA_PATH,
    response_class=FileResponse,
    responses=FILE_RESPONSES,
    dependencies=[Depends(signed_for_its_owner)],
)
async def media(
    key: str, store: StoreDep, download: DownloadName = None, w: Width = None
) -> FileResponse:
    """A stored asset; supports range requests so browsers can seek in videos."""
    return _file_response(await _path(store, key, w), download)


@router.head(
    MEDIA_PATH,
    response_class=FileResponse,
    responses={200: FILE_RESPONSES[200]},
    operation_id="media_head",
    dependencies=[Depends(signed_for_its_owner)],
)
async def media_head(
    key: str, store: StoreDep, download: DownloadName = None, w: Width = None
) -> FileResponse:
    """The headers `GET` sends for a stored asset (type, length, ETag), without its bytes."""
    return _file_response(await _path(store, key, w), download)


async def _path(store: MediaStore, key: str, width: int | None) -> Path:
    if width is None:
        return await asyncio.to_thread(store.resolve, key)
    return await previews_of(store).path_for(key, width)


def _file_response(path: Path, download: str | None) -> FileResponse:
    # A page on another origin cannot make the browser save a link with `<a download>`;
    # a Content-Disposition header from us can.
    return FileResponse(
        path,
        media_type=media_type_for(path),
        headers=MEDIA_HEADERS,
        filename=attachment_name(download, path) if download else None,
    )
