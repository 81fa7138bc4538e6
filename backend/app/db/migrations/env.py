"""Alembic's environment: runs the migrations through the app's own async driver.

`app.db.migrate` puts the URL in the config's attributes; `alembic` on the command line (with
`backend/alembic.ini`) falls back to the app's settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

from alembic import context
from sqlalchemy.engine import URL, Connection

from app.db import models  # noqa: F401  (registers every table on the metadata)
from app.db.base import Base
from app.db.engine import build_engine
from app.db.urls import sqlite_file

target_metadata = Base.metadata

MIGRATION_LOCK = 0x52534D47
"""PostgreSQL advisory lock key ("RSMG") held while one process migrates."""


def _url() -> URL:
    url = context.config.attributes.get("url")
    if isinstance(url, URL):
        return url
    from app.config import get_settings  # only when run by the alembic command
    from app.db.urls import data_dir_for, database_url

    settings = get_settings()
    data_dir = data_dir_for(settings.database.data_dir, settings.media.root)
    url = database_url(settings.database.url, data_dir)
    file = sqlite_file(url)
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
    return url


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters by copying
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            # The API and its workers start together and each migrates: one at a time, and the
            # second reads the revision the first left (the lock is taken before it is read).
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        context.run_migrations()


@contextlib.contextmanager
def _one_at_a_time(database: Path | None) -> Iterator[None]:
    """SQLite's counterpart of the advisory lock: a lock file beside the database."""
    if database is None:
        yield
        return
    with (database.parent / f"{database.name}.migrate-lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, or the process ends
        yield


async def _run_online(url: URL) -> None:
    engine = build_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run)
    finally:
        await engine.dispose()


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    online_url = _url()
    with _one_at_a_time(sqlite_file(online_url)):
        asyncio.run(_run_online(online_url))
