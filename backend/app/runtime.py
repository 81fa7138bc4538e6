"""The long-lived objects one process shares: built once, handed to routes and the CLI."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from app.config import Settings
from app.fetching import Fetcher, build_fetcher
from app.providers.registry import Providers, build_providers
from app.storage.media_store import MediaStore
from app.utils.background import BackgroundTasks
from app.utils.job_tracker import JobTracker


@dataclass
class Runtime:
    settings: Settings
    store: MediaStore
    jobs: JobTracker
    background: BackgroundTasks
    providers: Providers
    fetcher: Fetcher
    """The one outbound-fetch policy: client links and model outputs alike."""


@asynccontextmanager
async def open_runtime(
    settings: Settings, providers: Providers | None = None
) -> AsyncIterator[Runtime]:
    fetcher = build_fetcher(settings)
    runtime = Runtime(
        settings=settings,
        store=MediaStore(settings.media.root, settings.media.public_base_url),
        jobs=JobTracker(),
        background=BackgroundTasks(),
        providers=providers or build_providers(settings, fetcher),
        fetcher=fetcher,
    )
    try:
        yield runtime
    finally:
        await runtime.background.cancel_all()
        if providers is None:  # ours to close; providers handed in belong to the caller
            await runtime.providers.aclose()
