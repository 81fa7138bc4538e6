"""Shared fixtures: settings pointing at a temporary media store, and an API client."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import httpx
import pytest

from app.config import MediaSettings, ProviderChoice, ProviderSettings, Settings
from app.providers.registry import Providers

# Shared checks live in tests/utils; rewritten like test modules, their failures explain themselves.
pytest.register_assert_rewrite("tests.utils")

BASE_URL = "http://testserver"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def media_root(tmp_path: Path) -> Path:
    return tmp_path / "media"


@pytest.fixture
def settings(media_root: Path) -> Settings:
    local = ProviderChoice.LOCAL
    return Settings(
        media=MediaSettings(root=media_root, public_base_url=BASE_URL),
        providers=ProviderSettings(
            director=local, images=local, motion=local, music=local, voice=local
        ),
    )


ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
def api(settings: Settings) -> ClientFactory:
    """`async with api(providers) as client:` — the app with its lifespan, over ASGI."""

    @asynccontextmanager
    async def open_client(providers: Providers | None = None) -> AsyncIterator[httpx.AsyncClient]:
        from app.main import create_app  # here, so provider tests load without the whole app

        app = create_app(settings, providers)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
                yield client

    return open_client
