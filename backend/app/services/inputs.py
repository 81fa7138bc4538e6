"""The local file behind a media URL a job was handed, fetched into the store if foreign."""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.fetching import MediaKind
from app.runtime import Runtime
from app.storage.batch import Batch
from app.storage.resolve import local_media_path


async def input_path(
    runtime: Runtime, batch: Batch, url: str, folder: str, kind: MediaKind, what: str
) -> Path:
    """A copy fetched for this job belongs to its batch: gone if the job fails, kept with its
    output (and named in its provenance record) if it succeeds.

    The fetcher writes it whole under a partial name itself (the suffix is known only once the
    bytes are sniffed), so the store is told of it afterwards.
    """
    path = await local_media_path(runtime, url, folder, kind, what)
    if runtime.store.key_from_url(url) is None:
        await asyncio.to_thread(runtime.store.count_in, path)
        batch.adopt(path)
    return path
