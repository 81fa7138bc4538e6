"""The same schema and the same projects on PostgreSQL (`make test-postgres`)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from app.db.migrate import downgrade, head, upgrade
from app.db.models import LOCAL_USER_ID
from app.db.urls import database_url
from tests.conftest import ClientFactory
from tests.utils.factories import brief, fake_providers, mood, scenes

pytestmark = pytest.mark.postgres

INDEXES = {
    "ix_projects_user_id_created_at",
    "ix_videos_project_id",
    "ix_brand_assets_project_id",
    "ix_jobs_project_id",
}


def _query(url: str, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    async def run() -> list[tuple[Any, ...]]:
        engine = create_async_engine(database_url(url, Path("unused")))
        try:
            async with engine.begin() as connection:
                result = await connection.execute(text(sql), params)
                return [tuple(row) for row in result.fetchall()] if result.returns_rows else []
        finally:
            await engine.dispose()

    return asyncio.run(run())


def _indexes(url: str) -> set[str]:
    rows = _query(url, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")
    return {name for (name,) in rows}


def test_migrations_reach_head_from_empty_and_from_the_previous_revision(
    postgres_url: str,
) -> None:
    url = database_url(postgres_url, Path("unused"))
    upgrade(url, "0001")
    assert _indexes(postgres_url) & INDEXES == set()
    _query(
        postgres_url,
        "INSERT INTO projects (id, user_id, name, created_at, updated_at, chat, mood_sets, seeds,"
        " clips) VALUES (:id, :user, 'Before', now(), now(), '[]', '[]', '[]', '[]')",
        id="11111111-1111-4111-8111-111111111111",
        user=LOCAL_USER_ID,
    )
    upgrade(url)
    assert _indexes(postgres_url) >= INDEXES
    assert _query(postgres_url, "SELECT version_num FROM alembic_version") == [(head(),)]
    assert _query(postgres_url, "SELECT name FROM projects") == [("Before",)]
    assert _query(postgres_url, "SELECT name FROM users") == [("Local user",)]

    downgrade(url, "base")
    assert _query(
        postgres_url,
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'projects'",
    ) == [(0,)]
    upgrade(url)
    assert _indexes(postgres_url) >= INDEXES


@pytest.mark.anyio
async def test_projects_live_in_postgres_across_a_restart(api: ClientFactory) -> None:
    chat = [{"id": "m0", "role": "user", "parts": [{"type": "text", "text": "A serum\x00 ad"}]}]
    async with api(fake_providers()) as client:
        first = await client.post("/api/projects", json={"name": "First", "chat": chat})
        second = await client.post(
            "/api/projects", json={"name": "Second", "creative_brief": brief()}
        )
        seeded = await client.post(
            "/api/scenes/seeds",
            params={"project_id": second.json()["project_id"]},
            json={"scenes": scenes(), "mood_style": mood()},
        )
        copy = await client.post(f"/api/projects/{second.json()['project_id']}/duplicate")
        doomed = await client.post("/api/projects", json={"name": "Doomed"})
        deleted = await client.delete(f"/api/projects/{doomed.json()['project_id']}")
    async with api(fake_providers()) as client:
        listed = (await client.get("/api/projects")).json()["projects"]
        read = (await client.get(f"/api/projects/{copy.json()['project_id']}")).json()
        said = (await client.get(f"/api/projects/{first.json()['project_id']}")).json()["chat"]

    assert first.status_code == second.status_code == copy.status_code == 201
    assert said[0]["parts"][0]["text"] == "A serum ad", "PostgreSQL takes no NUL: dropped"
    assert deleted.status_code == 204
    assert [p["name"] for p in listed] == ["Second (copy)", "Second", "First"]
    assert read["scenes_with_seeds"] == seeded.json()["scenes_with_seeds"]
    assert listed[0]["thumbnail_url"] == seeded.json()["scenes_with_seeds"][0]["seed_image_url"]
