"""One engine per process, its sessions, and the schema brought up to date before any use."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from app.db.base import dump_json
from app.db.migrate import upgrade
from app.db.urls import data_dir_for, database_url, describe, sqlite_file

logger = logging.getLogger(__name__)

SQLITE_BUSY_MS = 10_000
"""How long a writer waits for another (the CLI beside the server) before giving up."""


@dataclass
class Database:
    url: URL
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A unit of work: committed when the block ends well, rolled back otherwise."""
        async with self.sessions() as session, session.begin():
            yield session


def build_engine(url: URL) -> AsyncEngine:
    engine = create_async_engine(
        url, pool_pre_ping=url.get_backend_name() != "sqlite", json_serializer=dump_json
    )
    if url.get_backend_name() == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_connected)
        event.listen(engine.sync_engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connected(connection: Any, _record: Any) -> None:
    # Foreign keys are off in SQLite unless asked, per connection; deletes cascade through them.
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.close()
    # The driver's own implicit BEGIN is turned off so that `_sqlite_begin` says how to begin.
    connection.isolation_level = None


def _sqlite_begin(connection: Any) -> None:
    # A transaction that reads a project and then writes it (appending a mood set) must hold the
    # write lock from its start: begun deferred, two of them would both read, and the second
    # to write would fail at once (SQLite reports that deadlock as busy without waiting).
    connection.exec_driver_sql("BEGIN IMMEDIATE")


@asynccontextmanager
async def open_database(
    configured_url: str | None, data_dir: Path | None, media_root: Path
) -> AsyncIterator[Database]:
    """The database, its schema upgraded to the newest revision, disposed of on exit.

    The data directory is created when the default SQLite file lives there; the upgrade runs
    in a thread (Alembic reads its scripts from disk, and runs its own event loop there).
    """
    url = database_url(configured_url, data_dir_for(data_dir, media_root))
    file = sqlite_file(url)
    if file is not None:
        await asyncio.to_thread(file.parent.mkdir, parents=True, exist_ok=True)
    await asyncio.to_thread(upgrade, url)
    logger.info("%s ready", describe(url))
    engine = build_engine(url)
    try:
        yield Database(url, engine, async_sessionmaker(engine, expire_on_commit=False))
    finally:
        await engine.dispose()
