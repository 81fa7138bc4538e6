"""The local file behind a media URL a job was handed, fetched into the store if foreign."""

from __future__ import annotations

from pathlib import Path

from app.runtime import Runtime
from app.storage.batch import Batch
from app.storage.resolve import local_media_path


async def input_path(runtime: Runtime, batch: Batch, url: str, folder: str, suffix: str) -> Path:
    """A copy fetched for this job belongs to its batch: gone if the job fails, kept with its
    output (and named in its provenance record) if it succeeds."""
    path = await local_media_path(runtime, url, folder, suffix)
    if runtime.store.key_from_url(url) is None:
        batch.adopt(path)
    return path
