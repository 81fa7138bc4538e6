"""The CLI with accounts on works for the owner of an API token (`--token`, REELSMITH_TOKEN)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import cli
from app.auth import accounts
from app.config import Settings, get_settings
from app.db.engine import open_database
from tests.accounts.conftest import PASSWORD, SECRET
from tests.utils.factories import brief


@pytest.fixture
def accounts_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    monkeypatch.setenv("AUTH_ENABLED", "true")
    monkeypatch.setenv("AUTH_SECRET", SECRET)
    monkeypatch.setenv("MEDIA_ROOT", str(tmp_path / "media"))
    monkeypatch.delenv("REELSMITH_TOKEN", raising=False)
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


def _brief_file(tmp_path: Path) -> Path:
    path = tmp_path / "brief.json"
    path.write_text(json.dumps(brief()))
    return path


async def _token(settings: Settings) -> tuple[str, str]:
    database = settings.database
    async with open_database(database.url, database.data_dir, settings.media.root) as db:
        user = await accounts.register(db, "ada@example.com", PASSWORD, None)
        made = await accounts.create_api_token(db, user.id, "cli")
    return user.id, made.token


def test_without_a_token_the_cli_says_how_to_get_one(
    accounts_env: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = cli.main(["render", str(_brief_file(tmp_path)), "-o", str(tmp_path / "ad.mp4")])
    assert status == 2
    assert "--token" in capsys.readouterr().err
    assert not (tmp_path / "ad.mp4").exists()


def test_a_revoked_or_unknown_token_is_refused(
    accounts_env: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["render", str(_brief_file(tmp_path)), "--token", "rs_not-a-real-token"]
    assert cli.main(args) == 2
    assert "not valid" in capsys.readouterr().err


def test_a_valid_token_from_the_environment_names_its_user(
    accounts_env: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_id, token = asyncio.run(_token(accounts_env))
    monkeypatch.setenv("REELSMITH_TOKEN", token)
    parsed = cli._parser().parse_args(["render", "brief.json"])
    assert parsed.token == token
    assert asyncio.run(cli.token_user(accounts_env, token)) == user_id
