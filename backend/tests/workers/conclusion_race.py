"""Two workers finishing a job's last two clips at the same moment: shared by the SQLite test
(`test_worker_units`) and the PostgreSQL one (`tests/postgres`)."""

from __future__ import annotations

import asyncio

from app.db import jobs as jobs_repo
from app.db.engine import Database
from app.models.video import JobStatus
from app.workers.conclusion import conclude_clips
from tests.utils.factories import scenes


async def both_conclude_at_once(db: Database) -> None:
    seed = "http://testserver/media/seeds/s.png"
    board = [{**scene, "seed_image_url": seed} for scene in scenes([15, 15])]
    clips = [{"scene_number": n, "status": "processing"} for n in (1, 2)]
    async with db.session() as session:
        await jobs_repo.add(session, "race", "clips", {"scenes": board, "clips": clips}, None)
        for n in (1, 2):
            await jobs_repo.step(
                session, "race", f"clip-{n}", kind="clip", status="complete",
                output_key=f"clips/{n}.mp4",
            )  # fmt: skip

    url = "http://testserver/media/{}".format
    ended = await asyncio.gather(*(conclude_clips(db, "race", url, []) for _ in range(4)))

    concluded = [job for job in ended if job is not None]
    assert len(concluded) == 1, "the job ends once, however many workers see it end"
    assert concluded[0].status is JobStatus.COMPLETE
    async with db.session() as session:
        row = await jobs_repo.get(session, "race")
    assert row is not None and row.status == "complete" and row.progress == 100
