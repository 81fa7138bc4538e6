"""The schema is Alembic's: an empty database and one at the previous revision both reach
head, head matches the models, and the app upgrades whatever it finds at start-up."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine
from sqlalchemy.engine import URL

from app.db.base import Base
from app.db.migrate import downgrade, head, upgrade
from app.db.models import LOCAL_USER_ID
from app.db.urls import DATABASE_FILE, database_url
from tests.conftest import ClientFactory
from tests.utils.factories import fake_providers

TABLES = {"users", "projects", "videos", "brand_assets", "jobs", "job_steps"}
INDEXES = {
    "ix_projects_user_id_created_at",
    "ix_videos_project_id",
    "ix_brand_assets_project_id",
    "ix_jobs_project_id",
}


def _url(folder: Path) -> URL:
    return database_url(None, folder)


def _names(file: Path, kind: str) -> set[str]:
    with sqlite3.connect(file) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))
        return {name for (name,) in rows if not name.startswith("sqlite_")}


def _revision(file: Path) -> str:
    with sqlite3.connect(file) as connection:
        [(revision,)] = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    return str(revision)


def test_an_empty_database_is_upgraded_to_head_with_the_local_user(tmp_path: Path) -> None:
    upgrade(_url(tmp_path))
    file = tmp_path / DATABASE_FILE

    assert _names(file, "table") >= TABLES
    assert _names(file, "index") >= INDEXES
    assert _revision(file) == head()
    with sqlite3.connect(file) as connection:
        users = connection.execute("SELECT id, name FROM users").fetchall()
    assert users == [(LOCAL_USER_ID, "Local user")]


def test_the_previous_revision_is_upgraded_with_its_projects_kept(tmp_path: Path) -> None:
    url = _url(tmp_path)
    file = tmp_path / DATABASE_FILE
    upgrade(url, "0001")
    assert _names(file, "index") & INDEXES == set(), "0001 has no indexes yet"
    with sqlite3.connect(file) as connection:
        connection.execute(
            "INSERT INTO projects (id, user_id, name, created_at, updated_at, chat, mood_sets,"
            " seeds, clips) VALUES (?, ?, 'Before', '2026-01-01 00:00:00', "
            "'2026-01-01 00:00:00', '[]', '[]', '[]', '[]')",
            ("11111111-1111-4111-8111-111111111111", LOCAL_USER_ID),
        )

    upgrade(url)

    assert _revision(file) == head()
    assert _names(file, "index") >= INDEXES
    with sqlite3.connect(file) as connection:
        names = connection.execute("SELECT name FROM projects").fetchall()
    assert names == [("Before",)]


def test_every_migration_goes_down_and_up_again(tmp_path: Path) -> None:
    url = _url(tmp_path)
    file = tmp_path / DATABASE_FILE
    upgrade(url)
    downgrade(url, "0001")
    assert _revision(file) == "0001" and _names(file, "index") & INDEXES == set()
    downgrade(url, "base")
    assert _names(file, "table") & TABLES == set()
    upgrade(url)
    assert _revision(file) == head() and _names(file, "table") >= TABLES


def test_head_matches_the_models(tmp_path: Path) -> None:
    """A model changed without a migration would be a schema only new databases get."""
    upgrade(_url(tmp_path))
    engine = create_engine(f"sqlite:///{tmp_path / DATABASE_FILE}")
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


@pytest.mark.anyio
async def test_the_server_upgrades_an_old_database_when_it_starts(
    api: ClientFactory, media_root: Path
) -> None:
    data = media_root.parent / "data"
    data.mkdir(parents=True)
    await asyncio.to_thread(upgrade, _url(data), "0001")
    with sqlite3.connect(data / DATABASE_FILE) as connection:
        connection.execute(
            "INSERT INTO projects (id, user_id, name, created_at, updated_at, chat, mood_sets,"
            " seeds, clips) VALUES (?, ?, 'Made before the upgrade', '2026-01-01 00:00:00', "
            "'2026-01-01 00:00:00', '[]', '[]', '[]', '[]')",
            ("11111111-1111-4111-8111-111111111111", LOCAL_USER_ID),
        )

    async with api(fake_providers()) as client:
        listed = (await client.get("/api/projects")).json()["projects"]

    assert [p["name"] for p in listed] == ["Made before the upgrade"]
    assert _revision(data / DATABASE_FILE) == head()


def test_0003_indexes_the_jobs_status_and_keeps_the_jobs(tmp_path: Path) -> None:
    """Start-up reads the unfinished jobs by status; a job made at 0002 is still there."""
    url = _url(tmp_path)
    file = tmp_path / DATABASE_FILE
    upgrade(url, "0002")
    assert "ix_jobs_status" not in _names(file, "index")
    with sqlite3.connect(file) as connection:
        connection.execute(
            "INSERT INTO jobs (id, kind, status, progress, request, cost_usd, created_at,"
            " updated_at) VALUES ('job-1', 'clips', 'processing', 40, '{}', 0,"
            " '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )

    upgrade(url)

    assert _revision(file) == head()
    assert "ix_jobs_status" in _names(file, "index")
    with sqlite3.connect(file) as connection:
        assert connection.execute("SELECT id, status FROM jobs").fetchall() == [
            ("job-1", "processing")
        ]
    downgrade(url, "0002")
    assert "ix_jobs_status" not in _names(file, "index")


def _columns(file: Path, table: str) -> set[str]:
    with sqlite3.connect(file) as connection:
        return {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}


def test_0004_adds_accounts_and_keeps_the_local_user(tmp_path: Path) -> None:
    """Passwords, API tokens and each job's owner arrive; the local user and its jobs stay."""
    url, file = _url(tmp_path), tmp_path / DATABASE_FILE
    upgrade(url, "0003")
    assert "api_tokens" not in _names(file, "table")

    upgrade(url, "0004")

    assert "api_tokens" in _names(file, "table")
    assert {"password_hash"} <= _columns(file, "users")
    assert {"user_id"} <= _columns(file, "jobs")
    with sqlite3.connect(file) as connection:
        assert connection.execute("SELECT id FROM users").fetchall() == [(LOCAL_USER_ID,)]
    downgrade(url, "0003")
    assert "api_tokens" not in _names(file, "table")
    assert "password_hash" not in _columns(file, "users")


def test_0005_gives_each_ad_its_captions_and_keeps_the_ads(tmp_path: Path) -> None:
    """An ad made at 0004 is still there, with no captions; the two columns come and go."""
    url, file = _url(tmp_path), tmp_path / DATABASE_FILE
    upgrade(url, "0004")
    with sqlite3.connect(file) as connection:
        connection.execute(
            "INSERT INTO projects (id, user_id, name, created_at, updated_at, chat, mood_sets,"
            " seeds, clips) VALUES ('p-1', ?, 'Serum', '2026-01-01 00:00:00',"
            " '2026-01-01 00:00:00', '[]', '[]', '[]', '[]')",
            (LOCAL_USER_ID,),
        )
        connection.execute(
            "INSERT INTO videos (id, project_id, final_video_url, final_videos, cost_usd,"
            " created_at) VALUES ('v-1', 'p-1', 'http://x/media/ads/a.mp4', '{}', 0,"
            " '2026-01-01 00:00:00')"
        )

    upgrade(url)

    assert _revision(file) == head()
    assert {"captions_url", "captions_srt_url"} <= _columns(file, "videos")
    with sqlite3.connect(file) as connection:
        rows = connection.execute("SELECT id, captions_url FROM videos").fetchall()
    assert rows == [("v-1", None)]
    downgrade(url, "0004")
    assert "captions_url" not in _columns(file, "videos")


def test_0006_adds_the_spend_and_the_job_leases_and_keeps_the_jobs(tmp_path: Path) -> None:
    """A job made at 0005 is still there, with no lease; the spend table and the lease
    columns come, and go with the downgrade, the jobs staying."""
    url, file = _url(tmp_path), tmp_path / DATABASE_FILE
    upgrade(url, "0005")
    job = (
        "INSERT INTO jobs (id, kind, status, progress, request, cost_usd, created_at,"
        " updated_at, user_id) VALUES (?, 'clips', 'complete', 100, '{}', 0.5,"
        " '2026-01-01 00:00:00', '2026-01-01 00:00:00', ?)"
    )
    with sqlite3.connect(file) as connection:
        connection.execute(job, ("job-1", LOCAL_USER_ID))
    assert "spend" not in _names(file, "table")

    upgrade(url)

    assert _revision(file) == head()
    assert "ix_spend_user_id_settled_at" in _names(file, "index")
    assert {"lease_owner", "lease_expires_at"} <= _columns(file, "jobs")
    with sqlite3.connect(file) as connection:
        connection.execute(
            "INSERT INTO spend (id, user_id, job_id, estimate_usd, cost_usd, reserved_at,"
            " settled_at) VALUES ('s-1', ?, 'job-1', 0.75, 0.5, '2026-01-01 00:00:00',"
            " '2026-01-01 00:01:00')",
            (LOCAL_USER_ID,),
        )
        assert connection.execute("SELECT id, status, lease_owner FROM jobs").fetchall() == [
            ("job-1", "complete", None)
        ]
    downgrade(url, "0005")
    assert "spend" not in _names(file, "table")
    assert "lease_owner" not in _columns(file, "jobs")
    with sqlite3.connect(file) as connection:
        assert connection.execute("SELECT id, cost_usd FROM jobs").fetchall() == [("job-1", 0.5)]


STARTS = 6


def test_processes_starting_together_migrate_one_at_a_time(tmp_path: Path) -> None:
    # The API and its workers start at once and each brings the schema up: without the lock
    # the second creates what the first just made ("index ix_jobs_status already exists").
    url = database_url(None, tmp_path)
    code = f"from app.db.migrate import upgrade; from sqlalchemy.engine import make_url; upgrade(make_url({str(url)!r}))"
    starts = [
        subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE)
        for _ in range(STARTS)
    ]
    errors = [process.communicate(timeout=120)[1].decode() for process in starts]
    assert [process.returncode for process in starts] == [0] * STARTS, errors
    assert _revision(tmp_path / DATABASE_FILE) == head()
