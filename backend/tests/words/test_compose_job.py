"""A compose job with words offers its captions as .vtt and .srt beside the ad."""

from __future__ import annotations

from pathlib import Path

import av
import httpx
import pytest

from app.config import Settings
from app.models.creative_brief import BriefFields
from app.models.mood import MoodStyle
from app.models.video import ComposeClip
from app.services import composition_service
from tests.conftest import BASE_URL
from tests.utils.factories import brief, fake_providers, mood, poll, scenes
from tests.words.factories import ad_words

pytestmark = [pytest.mark.anyio, pytest.mark.slow]


async def test_a_compose_job_with_words_stores_its_captions_and_says_where(
    settings: Settings, media_root: Path
) -> None:
    from app.main import create_app

    app = create_app(settings, fake_providers())
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            seeded = await client.post(
                "/api/scenes/seeds", json={"scenes": scenes(), "mood_style": mood()}
            )
            job = await client.post(
                "/api/video/generate", json={"scenes": seeded.json()["scenes_with_seeds"]}
            )
            clips, _ = await poll(client, f"/api/video/status/{job.json()['job_id']}")
            runtime = app.state.runtime
            compose = await composition_service.start_compose_job(
                runtime.compose_job_deps(),
                runtime.background,
                [ComposeClip.model_validate(clip) for clip in clips["clips"]],
                MoodStyle.model_validate(mood()),
                BriefFields.model_validate(brief()),
                words=ad_words(),
            )
            final, progress = await poll(
                client, f"/api/video/compose/status/{compose.job_id}", within=300
            )
            assert final["status"] == "complete", final
            anyjob = (await client.get(f"/api/status/{compose.job_id}")).json()
            vtt = await client.get(final["captions_url"].removeprefix(BASE_URL))
            srt = await client.get(final["captions_srt_url"].removeprefix(BASE_URL))

    assert progress == sorted(progress)
    assert anyjob["captions_url"] == final["captions_url"]
    assert vtt.status_code == 200 and vtt.headers["content-type"].startswith("text/vtt")
    assert vtt.text.startswith("WEBVTT\n\n1\n00:00:00.300 --> ")
    assert "Glow that lasts," in vtt.text
    assert srt.status_code == 200 and srt.text.startswith("1\n00:00:00,300 --> ")
    path = media_root / final["final_video_url"].removeprefix(f"{BASE_URL}/media/")
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height, stream.frames) == (1080, 1920, 900)
