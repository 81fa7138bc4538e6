"""Input files on Replicate: uploaded for one prediction, deleted as soon as it is over.

Replicate takes a file input as a URL or as a data URL, and documents data URLs for files up to
256 KB only; larger ones go through its files API (`POST /v1/files`), whose answer names the URL
a model input takes (`urls.get`). Our own media URLs would not do: they are on our host, which
Replicate cannot (and should not) reach.

An uploaded file would stay on Replicate until it expires, a day later; it is deleted once the
prediction that read it has ended, however it ended. replicate 1.0.7 uploads with no timeout at
all, so the upload is bounded here.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import replicate
from replicate.file import File

from app.errors import ProviderError
from app.providers.remote.backoff import Backoff
from app.providers.remote.creates import Sleep, create, finish

logger = logging.getLogger(__name__)

DELETE_TIMEOUT = 10.0


@asynccontextmanager
async def uploaded(
    client: replicate.Client,
    data: bytes,
    *,
    filename: str,
    content_type: str,
    what: str,
    backoff: Backoff,
    request_seconds: float,
    sleep: Sleep = asyncio.sleep,
) -> AsyncIterator[str]:
    """`data` on Replicate while the block runs: yields the URL a model input takes."""

    async def post() -> File:
        async with asyncio.timeout(request_seconds):
            return await client.files.async_create(
                io.BytesIO(data), filename=filename, content_type=content_type
            )

    async def called_off(file: File) -> None:
        await delete(client, file)

    file = await create(
        post,
        called_off,
        doing=f"uploading {what}",
        backoff=backoff,
        settle=request_seconds,
        sleep=sleep,
    )
    try:
        url = (file.urls or {}).get("get")
        if not url:
            raise ProviderError(f"Replicate took {what} but gave no address for it.")
        yield url
    finally:
        await finish(delete(client, file))


async def delete(client: replicate.Client, file: File) -> None:
    """Best effort: a file that cannot be deleted expires on its own."""
    try:
        async with asyncio.timeout(DELETE_TIMEOUT):
            await client.files.async_delete(file.id)
    except Exception as exc:
        logger.warning("could not delete uploaded file %s: %s", file.id, exc)
