"""A server with accounts on, and two people who use it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass

import httpx
import pytest
from fastapi import FastAPI

from app.config import AuthSettings, RateLimitSettings, Settings
from app.providers.registry import Providers
from tests.conftest import BASE_URL
from tests.utils.redis_server import RedisServer

SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
PASSWORD = "correct horse battery"


@dataclass
class Server:
    client: httpx.AsyncClient
    app: FastAPI


ServerFactory = Callable[..., AbstractAsyncContextManager[Server]]


@pytest.fixture
def accounts_settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "auth": AuthSettings(enabled=True, secret=SECRET),
            "rate_limits": RateLimitSettings(per_minute=1000),
        }
    )


@pytest.fixture
def server(accounts_settings: Settings) -> ServerFactory:
    """`async with server() as s:` the app with accounts on, its lifespan run, over ASGI."""

    @asynccontextmanager
    async def open_server(
        providers: Providers | None = None, settings: Settings | None = None
    ) -> AsyncIterator[Server]:
        from app.main import create_app

        app = create_app(settings or accounts_settings, providers)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
                yield Server(client, app)

    return open_server


async def sign_up(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    """Register `email`; the headers its requests carry."""
    response = await client.post("/api/auth/register", json={"email": email, "password": PASSWORD})
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """A database of its own on the session's real Redis (`tests/conftest.py`)."""
    return redis_server.url()


async def two_users(client: httpx.AsyncClient) -> tuple[dict[str, str], dict[str, str]]:
    """Ada and Bob, signed up on one server: the headers each one's requests carry."""
    return await sign_up(client, "ada@example.com"), await sign_up(client, "bob@example.com")
