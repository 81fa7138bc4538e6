"""The local file behind a link a client or a job gave us: our own media without any network,
anything else fetched into the store under the fetch policy (`app.fetching`).

This is where links end: what is handed on (to a provider, to `app.ffmpeg`) is a local path.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.errors import FetchFailed, MediaNotFound, MediaPathRefused
from app.fetching import Fetcher, FetchError, MediaKind, Reason, Refused
from app.storage.batch import Batch
from app.storage.media_store import MediaStore


def url_refusal(store: MediaStore, fetcher: Fetcher, url: str) -> Refused | None:
    """Why `url` can never be used, as far as the URL alone tells (blocking: it may stat a file).

    Called when a request arrives, so that such a link is a 422 rather than a failed job.
    """
    key = store.key_from_url(url)
    if key is not None:
        try:
            store.resolve(key)
        except (MediaNotFound, MediaPathRefused):
            return Refused(Reason.MISSING_MEDIA, key)
        if not store.usable(url, key):  # another user's media is as missing as none
            return Refused(Reason.MISSING_MEDIA, key)
        return None
    try:
        fetcher.check(url)
    except Refused as refused:
        return refused
    return None


async def local_media_path(
    store: MediaStore, fetcher: Fetcher, url: str, folder: str, kind: MediaKind, what: str
) -> Path:
    """`what` names the file for people ("the video for scene 2") when it cannot be fetched."""
    key = store.key_from_url(url)
    if key is not None:
        return await asyncio.to_thread(store.resolve, key)
    target = store.allocate(folder, "")
    try:
        return await fetcher.fetch(url, target.path, kind)
    except FetchError as exc:
        megabytes = fetcher.max_bytes / (1024 * 1024)
        raise FetchFailed(
            f"{what[:1].upper()}{what[1:]} could not be downloaded from the address given; "
            f"check that it is a public link to {kind.description} of at most {megabytes:g} MB."
        ) from exc


async def input_path(
    store: MediaStore,
    fetcher: Fetcher,
    batch: Batch,
    url: str,
    folder: str,
    kind: MediaKind,
    what: str,
) -> Path:
    """A copy fetched for this job belongs to its batch: gone if the job fails, kept with its
    output (and named in its provenance record) if it succeeds.

    The fetcher writes it whole under a partial name itself (the suffix is known only once the
    bytes are sniffed), so the store is told of it afterwards.
    """
    path = await local_media_path(store, fetcher, url, folder, kind, what)
    if store.key_from_url(url) is None:
        await asyncio.to_thread(store.count_in, path)
        batch.adopt(path)
    return path
