"""Alembic's environment: runs the migrations through the app's own async driver.

`app.db.migrate` puts the URL in the config's attributes; `alembic` on the command line (with
`backend/alembic.ini`) falls back to the app's settings.
"""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import URL, Connection

from app.db import models  # noqa: F401  (registers every table on the metadata)
from app.db.base import Base
from app.db.engine import build_engine

target_metadata = Base.metadata


def _url() -> URL:
    url = context.config.attributes.get("url")
    if isinstance(url, URL):
        return url
    from app.config import get_settings  # only when run by the alembic command
    from app.db.urls import data_dir_for, database_url, sqlite_file

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
        context.run_migrations()


async def _run_online() -> None:
    engine = build_engine(_url())
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
    asyncio.run(_run_online())
