"""The local file behind a link a client gave us: our own media without any network, anything
else fetched into the store under the fetch policy (`app.fetching`)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.errors import FetchFailed, MediaNotFound, MediaPathRefused
from app.fetching import FetchError, MediaKind, Reason, Refused
from app.runtime import Runtime


def url_refusal(runtime: Runtime, url: str) -> Refused | None:
    """Why `url` can never be used, as far as the URL alone tells (blocking: it may stat a file).

    Called when a request arrives, so that such a link is a 422 rather than a failed job.
    """
    key = runtime.store.key_from_url(url)
    if key is not None:
        try:
            runtime.store.resolve(key)
        except (MediaNotFound, MediaPathRefused):
            return Refused(Reason.MISSING_MEDIA, key)
        return None
    try:
        runtime.fetcher.check(url)
    except Refused as refused:
        return refused
    return None


async def local_media_path(
    runtime: Runtime, url: str, folder: str, kind: MediaKind, what: str
) -> Path:
    """`what` names the file for people ("the video for scene 2") when it cannot be fetched."""
    key = runtime.store.key_from_url(url)
    if key is not None:
        return await asyncio.to_thread(runtime.store.resolve, key)
    target = runtime.store.allocate(folder, "")
    try:
        return await runtime.fetcher.fetch(url, target.path, kind)
    except FetchError as exc:
        megabytes = runtime.settings.media.max_download_bytes / (1024 * 1024)
        raise FetchFailed(
            f"{what[:1].upper()}{what[1:]} could not be downloaded from the address given; "
            f"check that it is a public link to {kind.description} of at most {megabytes:g} MB."
        ) from exc
