"""A job's step runs from the few things it uses, built here by hand as a worker in another
process would build them: no runtime, no app, no background task, no polling."""

from __future__ import annotations

from pathlib import Path

import av
import pytest
from PIL import Image

from app.config import FFmpegSettings, MediaSettings, Settings
from app.fetching import build_fetcher
from app.models.creative_brief import BriefFields
from app.models.mood import MoodStyle
from app.models.scene import SceneWithSeed
from app.models.video import ComposeClip, JobStatus
from app.services import clip_service, composition_service
from app.services.clip_service import ClipJobDeps
from app.services.composition_service import ComposeJobDeps
from app.storage.media_store import MediaStore
from app.utils.job_tracker import Job, JobTracker
from tests.conftest import BASE_URL
from tests.utils.fakes import FakeMotion, FakeMusic

pytestmark = [pytest.mark.anyio, pytest.mark.slow]


async def _seed(store: MediaStore) -> str:
    async with store.batch() as batch:
        seed = batch.new("seeds", ".png")
        Image.new("RGB", (108, 192), "#D4AF37").save(seed.partial)
    return store.url_for(seed.key)


async def test_clips_then_the_ad_from_deps_alone_reporting_progress_as_they_go(
    tmp_path: Path,
) -> None:
    store = MediaStore(tmp_path / "media", BASE_URL)
    fetcher = build_fetcher(Settings(media=MediaSettings(root=store.root)))
    ffmpeg = FFmpegSettings(preset="ultrafast")
    heard: list[int] = []

    def hear(job: Job) -> None:
        heard.append(job.progress)

    jobs = JobTracker(on_progress=hear)
    seed = await _seed(store)
    scenes = [
        SceneWithSeed(scene_number=n, duration=d, description=f"Scene {n}", seed_image_url=seed)
        for n, d in enumerate([8, 7, 7, 8], start=1)
    ]

    clip_deps = ClipJobDeps(store, jobs, FakeMotion(), fetcher, ffmpeg)
    job = await clip_service.create_clip_job(clip_deps, scenes)
    clips_job = await clip_service.run_clip_job(clip_deps, job.job_id, scenes)
    assert clips_job.status is JobStatus.COMPLETE, clips_job.error
    assert heard and heard == sorted(heard) and heard[-1] >= 99, "the bar moves, never back"

    heard.clear()
    compose_deps = ComposeJobDeps(store, jobs, FakeMusic(), fetcher, ffmpeg)
    clips = [
        ComposeClip(scene_number=c.scene_number, video_url=c.video_url or "", duration=c.duration)
        for c in clips_job.clips
    ]
    job = await composition_service.create_compose_job(compose_deps)
    ad_job = await composition_service.run_compose_job(
        compose_deps, job.job_id, clips, MoodStyle(), BriefFields(product_name="Serum")
    )
    assert ad_job.status is JobStatus.COMPLETE, ad_job.error
    assert heard and heard == sorted(heard)
    key = store.key_from_url(ad_job.final_video_url or "")
    assert key is not None, "the ad is in the store, at one of our URLs"
    with av.open(str(store.resolve(key))) as ad:
        assert ad.streams.video[0].frames == 900
        assert ad.streams.audio
