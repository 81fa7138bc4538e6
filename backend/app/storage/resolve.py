"""Find the local file behind a media URL, fetching foreign ones into the store first."""

from __future__ import annotations

from pathlib import Path

from app.runtime import Runtime
from app.storage.fetch import fetch_into_store


async def local_media_path(runtime: Runtime, url: str, folder: str, suffix: str) -> Path:
    key = runtime.store.key_from_url(url)
    if key is not None:
        return runtime.store.resolve(key)
    return await fetch_into_store(
        runtime.http,
        runtime.store,
        url,
        folder,
        suffix,
        runtime.settings.media.max_download_bytes,
    )
