"""Alembic, driven from code: at start-up, by `make db-upgrade`, and by the tests."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: URL) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["url"] = url  # kept as an object: `%` in a password breaks ini parsing
    return config


def upgrade(url: URL, revision: str = "head") -> None:
    """Bring the schema to `revision` (blocking: run it in a thread)."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: URL, revision: str) -> None:
    command.downgrade(alembic_config(url), revision)


def head() -> str:
    heads = ScriptDirectory.from_config(alembic_config(URL.create("sqlite"))).get_heads()
    return heads[0]


async def current(engine: AsyncEngine) -> str | None:
    """The revision the database is at; None for a database Alembic never touched."""
    async with engine.connect() as connection:
        return await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )
