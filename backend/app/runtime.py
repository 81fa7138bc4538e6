"""The long-lived objects one process shares: built once, handed to routes and the CLI."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx

from app.config import Settings
from app.providers.registry import Providers, build_providers
from app.storage.media_store import MediaStore
from app.utils.background import BackgroundTasks
from app.utils.job_tracker import JobTracker

DOWNLOAD_TIMEOUT = httpx.Timeout(60.0, connect=10.0)


@dataclass
class Runtime:
    settings: Settings
    store: MediaStore
    jobs: JobTracker
    background: BackgroundTasks
    providers: Providers
    http: httpx.AsyncClient
    """For fetching foreign media into the store."""


@asynccontextmanager
async def open_runtime(
    settings: Settings, providers: Providers | None = None
) -> AsyncIterator[Runtime]:
    async with httpx.AsyncClient(timeout=DOWNLOAD_TIMEOUT) as http:
        runtime = Runtime(
            settings=settings,
            store=MediaStore(settings.media.root, settings.media.public_base_url),
            jobs=JobTracker(),
            background=BackgroundTasks(),
            providers=providers or build_providers(settings),
            http=http,
        )
        try:
            yield runtime
        finally:
            await runtime.background.cancel_all()
            if providers is None:  # ours to close; providers handed in belong to the caller
                await runtime.providers.aclose()
