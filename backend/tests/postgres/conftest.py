"""A throwaway PostgreSQL for the `postgres` tests: `scripts/postgres.py`'s cluster, on
127.0.0.1 at a free port, started once per session and removed afterwards.

They run in `make test` (`make test-scale`, `-m "postgres or scale"`), outside the default
pytest run: they need PostgreSQL's server binaries (`initdb`, `postgres`), which are on these
machines but which `make backend-unit` does not assume.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import DatabaseSettings, MediaSettings, ProviderChoice, ProviderSettings, Settings
from app.db.urls import database_url
from tests.conftest import BASE_URL
from tests.utils.scripts import load_script


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`postgresql://` URL of a fresh server with a `reelsmith` database."""
    server = load_script("postgres").start(tmp_path_factory.mktemp("postgres"))
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """The server with an empty `public` schema: each test starts from nothing."""
    yield postgres_server
    asyncio.run(_reset(postgres_server))


async def _reset(url: str) -> None:
    engine = create_async_engine(database_url(url, Path("unused")))
    try:
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    finally:
        await engine.dispose()


@pytest.fixture
def settings(media_root: Path, postgres_url: str) -> Settings:
    """The suite's settings, with the database on the PostgreSQL server."""
    local = ProviderChoice.LOCAL
    return Settings(
        media=MediaSettings(root=media_root, public_base_url=BASE_URL),
        database=DatabaseSettings(url=postgres_url),
        providers=ProviderSettings(director=local, images=local, motion=local, music=local),
    )
