"""A compose step run by a worker bills what its music and voice cost: the job's row, its status
answer and the owner's spend today all carry the fake providers' prices (Replicate's MusicGen,
OpenAI's speech), as a clip step's calls do.

The step runs here (`app.workers.steps.compose_step`, as its Celery task runs it). Its clips
are not video, so the step fails as it reads them for the render, after the music and the voice were paid for:
a failed ad costs what it spent, and no 30-second ad is rendered for this test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import select

from app.config import FFmpegSettings, JobSettings, ProviderChoice, Settings
from app.config_models import MusicModel
from app.db import jobs as jobs_repo
from app.db.engine import open_database
from app.db.models import LOCAL_USER_ID, Spend
from app.models.video import JobStatusResponse
from app.workers import steps
from tests.conftest import BASE_URL
from tests.fakes.openai_api import FakeOpenAI
from tests.fakes.replicate_api import FakeReplicate
from tests.utils.factories import brief, mood
from tests.utils.redis_server import RedisServer
from tests.utils.remote_fakes import FAKES_ALLOWED, fake_openai_settings, fake_replicate_settings

pytestmark = [pytest.mark.anyio, pytest.mark.scale]

LINE = "Gold, made gentle."


@pytest.fixture
def paid_settings(
    settings: Settings,
    redis_server: RedisServer,
    fake_replicate: FakeReplicate,
    fake_openai: FakeOpenAI,
) -> Settings:
    remote = ProviderChoice.REMOTE
    return settings.model_copy(
        update={
            "jobs": JobSettings(backend="celery", redis_url=SecretStr(redis_server.url())),
            "fetch": FAKES_ALLOWED,
            "ffmpeg": FFmpegSettings(preset="ultrafast"),
            "replicate": fake_replicate_settings(
                fake_replicate, music=MusicModel(deadline_seconds=60)
            ),
            "openai": fake_openai_settings(fake_openai, max_retries=0),
            "providers": settings.providers.model_copy(update={"music": remote, "voice": remote}),
        }
    )


async def test_a_workers_compose_step_bills_its_music_and_voice(
    paid_settings: Settings, media_root: Path
) -> None:
    clips = media_root / "clips"
    clips.mkdir(parents=True)
    request = {
        "clips": [
            {
                "scene_number": n,
                "video_url": f"{BASE_URL}/media/clips/not-video-{n}.mp4",
                "duration": duration,
                "voiceover": LINE,
            }
            for n, duration in enumerate([4, 6, 6, 6, 8], start=1)
        ],
        "mood": mood(),
        "creative_brief": brief(),
        "voice": "coral",
    }
    for n in range(1, 6):
        (clips / f"not-video-{n}.mp4").write_bytes(b"these bytes are no video")
    async with open_database(None, None, media_root) as db:
        async with db.session() as session:
            await jobs_repo.add(session, "ad-1", "compose", request, None, LOCAL_USER_ID)

        await steps.compose_step(paid_settings, "ad-1")

        async with db.session() as session:
            row = await jobs_repo.get(session, "ad-1")
            spent = (await session.scalars(select(Spend).where(Spend.job_id == "ad-1"))).all()

    assert row is not None and row.status == "failed" and row.result is not None
    answer = JobStatusResponse.model_validate(row.result)
    assert answer.error is not None and answer.error.code.value == "unsupported_media"
    music = [call for call in answer.cost.items if call.capability == "music"]
    voice = [call for call in answer.cost.items if call.capability == "voice"]
    assert len(music) == 1 and len(voice) >= 1, "the music and the voice were paid for"
    assert (music[0].provider, music[0].unit) == ("replicate", "compute_second")
    assert music[0].estimated_usd == pytest.approx(
        paid_settings.replicate.music.price_usd * music[0].units
    )
    assert sum(call.units for call in voice) == 5 * len(LINE), "every character spoken"
    assert sum(call.estimated_usd for call in voice) == pytest.approx(
        5 * len(LINE) * paid_settings.voice.openai_price_per_mchar / 1_000_000
    )
    total = sum(call.estimated_usd for call in [*music, *voice])
    assert total > 0 and answer.cost.estimated_usd == pytest.approx(total)
    assert row.cost_usd == pytest.approx(total), "the job's row"
    assert [s.cost_usd for s in spent] == [pytest.approx(total)], "the day's spend counts it"
