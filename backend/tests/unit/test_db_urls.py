"""Which database the settings name, and what a document column stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.db.base import dump_json
from app.db.urls import data_dir_for, database_url, describe, sqlite_file


def test_the_default_database_is_a_sqlite_file_beside_the_media_root(tmp_path: Path) -> None:
    data = data_dir_for(None, tmp_path / "media")
    url = database_url(None, data)
    assert data == tmp_path / "data"
    assert url.drivername == "sqlite+aiosqlite"
    assert sqlite_file(url) == tmp_path / "data" / "reelsmith.db"
    assert data_dir_for(tmp_path / "elsewhere", tmp_path / "media") == tmp_path / "elsewhere"


@pytest.mark.parametrize(
    ("configured", "driver"),
    [
        ("postgresql://u:p@db.internal/reelsmith", "postgresql+asyncpg"),
        ("postgres://u:p@db.internal/reelsmith", "postgresql+asyncpg"),
        ("postgresql+asyncpg://u:p@db.internal/reelsmith", "postgresql+asyncpg"),
        ("sqlite:////srv/reelsmith.db", "sqlite+aiosqlite"),
        ("sqlite+aiosqlite:////srv/reelsmith.db", "sqlite+aiosqlite"),
    ],
)
def test_a_database_url_gets_an_async_driver(configured: str, driver: str) -> None:
    url = database_url(configured, Path("/unused"))
    assert url.drivername == driver
    assert "p@" not in describe(url) and "db.internal" not in describe(url), "no secret, no host"


@pytest.mark.parametrize(
    "value",
    ["a\x00b", "a\\u0000b", ["\\\x00"], {"k\x00": "x\x00\x00"}, "\\\\\x00"],
)
def test_documents_are_stored_without_nul_characters_and_nothing_else_changes(
    value: object,
) -> None:
    def without_nul(item: object) -> object:
        if isinstance(item, str):
            return item.replace("\x00", "")
        if isinstance(item, list):
            return [without_nul(x) for x in item]
        if isinstance(item, dict):
            return {without_nul(k): without_nul(v) for k, v in item.items()}
        return item

    assert json.loads(dump_json(value)) == without_nul(value)
