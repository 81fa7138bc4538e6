"""Results recorded at the same moment in one project are all kept."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app.db import projects as repo
from app.db.engine import open_database
from app.models.creative_brief import BriefFields
from app.models.mood import Mood
from app.services import project_recording

pytestmark = pytest.mark.anyio


async def test_mood_sets_recorded_at_once_are_all_kept(tmp_path: Path) -> None:
    brief = BriefFields(product_name="Serum")
    async with open_database(None, None, tmp_path / "media") as db:
        async with db.session() as session:
            project_id = (await repo.create(session, "Serum", {})).id
        sets = [
            [Mood(mood_id=f"set-{n}-{m}", style_name=f"Style {n}.{m}") for m in range(3)]
            for n in range(8)
        ]
        await asyncio.gather(
            *(project_recording.record_moods(db, project_id, brief, moods) for moods in sets)
        )
        async with db.session() as session:
            row = await repo.get(session, project_id)

    assert row is not None
    recorded = sorted(mood_set[0]["mood_id"] for mood_set in row.mood_sets)
    assert recorded == sorted(moods[0].mood_id for moods in sets), "no set lost"
