"""Issue 13: every clip job is checkpointed step by step in the database, and a database that
fails while the job runs costs the checkpoint, never the job."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from app.config import FFmpegSettings, MediaSettings, Settings
from app.db.engine import open_database
from app.db.urls import DATABASE_FILE
from app.fetching import build_fetcher
from app.models.scene import SceneWithSeed
from app.models.video import JobStatus
from app.services import clip_service
from app.services.checkpoints import open_checkpoints
from app.services.clip_service import ClipJobDeps
from app.storage.media_store import MediaStore
from app.utils.job_tracker import JobTracker
from tests.conftest import BASE_URL
from tests.utils.fakes import FakeMotion

pytestmark = [pytest.mark.anyio, pytest.mark.slow]


async def _scenes(store: MediaStore) -> list[SceneWithSeed]:
    async with store.batch() as batch:
        seed = batch.new("seeds", ".png")
        Image.new("RGB", (108, 192), "#D4AF37").save(seed.partial)
    url = store.url_for(seed.key)
    return [
        SceneWithSeed(scene_number=n, duration=d, description=f"Scene {n}", seed_image_url=url)
        for n, d in enumerate([8, 7, 7, 8], start=1)
    ]


def _deps(store: MediaStore, **kwargs: object) -> ClipJobDeps:
    fetcher = build_fetcher(Settings(media=MediaSettings(root=store.root)))
    return ClipJobDeps(
        store, JobTracker(), FakeMotion(), fetcher, FFmpegSettings(preset="ultrafast"), **kwargs
    )  # type: ignore[arg-type]


async def test_each_clip_is_checkpointed_with_its_file_and_the_job_with_its_answer(
    tmp_path: Path,
) -> None:
    store = MediaStore(tmp_path / "media", BASE_URL)
    async with (
        open_database(None, tmp_path / "data", store.root) as db,
        open_checkpoints(db) as checkpoints,
    ):
        deps = _deps(store, checkpoints=checkpoints)
        scenes = await _scenes(store)
        job = await clip_service.create_clip_job(deps, scenes, project_id=None)
        await clip_service.run_clip_job(deps, job.job_id, scenes)
        await checkpoints.flush()

    with sqlite3.connect(tmp_path / "data" / DATABASE_FILE) as connection:
        [(status, progress, request, result)] = connection.execute(
            "SELECT status, progress, request, result FROM jobs WHERE id = ?", (job.job_id,)
        ).fetchall()
        steps = connection.execute(
            "SELECT name, kind, scene_number, status, attempts, output_key FROM job_steps "
            "WHERE job_id = ? ORDER BY scene_number",
            (job.job_id,),
        ).fetchall()
    assert (status, progress) == ("complete", 100)
    assert '"scene_number": 4' in request and '"seed_image_url"' in request
    assert '"video_url"' in result
    assert [row[:5] for row in steps] == [
        (f"clip-{n}", "clip", n, "complete", 1) for n in (1, 2, 3, 4)
    ]
    by_scene = {clip.scene_number: clip.video_url for clip in job.clips}
    assert all(by_scene[n] == store.url_for(key) for (_, _, n, _, _, key) in steps)


async def test_a_database_that_fails_while_a_job_runs_costs_the_checkpoints_not_the_job(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = MediaStore(tmp_path / "media", BASE_URL)
    async with (
        open_database(None, tmp_path / "data", store.root) as db,
        open_checkpoints(db) as checkpoints,
    ):
        with sqlite3.connect(tmp_path / "data" / DATABASE_FILE) as connection:
            connection.execute("DROP TABLE job_steps")  # every step's write fails from now on
        deps = _deps(store, checkpoints=checkpoints)
        scenes = await _scenes(store)
        with caplog.at_level(logging.ERROR, logger="app.services.checkpoints"):
            job = await clip_service.create_clip_job(deps, scenes)
            done = await clip_service.run_clip_job(deps, job.job_id, scenes)
            await checkpoints.flush()

    assert done.status is JobStatus.COMPLETE
    assert all(clip.status is JobStatus.COMPLETE and clip.video_url for clip in done.clips)
    assert any("checkpoint not written" in r.getMessage() for r in caplog.records)
