"""A throwaway PostgreSQL for the `postgres` tests (`make test-postgres`): its own cluster in a
temporary folder, listening on 127.0.0.1 at a free port, stopped and removed afterwards.

These tests are not part of the default run (`-m "not postgres"` in pytest's options): they
need PostgreSQL's server binaries (`initdb`, `pg_ctl`), which `make test` does not install.
As root, the cluster runs as the `postgres` user, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import asyncio
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import DatabaseSettings, MediaSettings, ProviderChoice, ProviderSettings, Settings
from app.db.urls import database_url
from tests.conftest import BASE_URL


def _binary(name: str) -> str:
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if found is None:
        raise RuntimeError(f"PostgreSQL's {name} is needed for the postgres tests")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _as_owner(argv: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """`postgresql://` URL of a fresh server with a `reelsmith` database."""
    folder = Path(tempfile.mkdtemp(prefix="reelsmith-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = _free_port()
    run = {"check": True, "capture_output": True, "timeout": 120}
    subprocess.run(
        _as_owner(
            [_binary("initdb"), "-D", str(data), "-U", "reelsmith", "--auth=trust", "-E", "UTF8"]
        ),
        **run,  # type: ignore[call-overload]
    )
    options = f"-k {folder} -h 127.0.0.1 -p {port} -F"
    subprocess.run(
        _as_owner(
            [
                _binary("pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(folder / "log"),
                "-w",
                "start",
            ]
        ),
        **run,  # type: ignore[call-overload]
    )
    try:
        subprocess.run(
            _as_owner(
                [
                    _binary("createdb"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(port),
                    "-U",
                    "reelsmith",
                    "reelsmith",
                ]
            ),
            **run,  # type: ignore[call-overload]
        )
        yield f"postgresql://reelsmith@127.0.0.1:{port}/reelsmith"
    finally:
        subprocess.run(
            _as_owner([_binary("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            check=False,
            capture_output=True,
            timeout=120,
        )
        shutil.rmtree(folder, ignore_errors=True)


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
