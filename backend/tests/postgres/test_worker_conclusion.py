"""Workers concluding a clip job at once, on PostgreSQL: the job's row lock (`FOR UPDATE`)
decides, where SQLite has its one writer."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db.engine import open_database
from tests.workers.conclusion_race import both_conclude_at_once

pytestmark = [pytest.mark.postgres, pytest.mark.anyio]


async def test_workers_finishing_the_last_clips_together_end_the_job_once(
    postgres_url: str, tmp_path: Path
) -> None:
    async with open_database(postgres_url, None, tmp_path / "media") as db:
        await both_conclude_at_once(db)
