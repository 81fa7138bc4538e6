"""Nothing left running at Replicate, and every prediction in the ledger, whatever goes wrong.

Each test counts at the fake: which predictions were canceled, what is still running, what
each create asked of Replicate's own deadline.
"""

from __future__ import annotations

import asyncio
import copy
from pathlib import Path

import pytest

from app.config import Settings
from app.config_models import MotionModel
from app.errors import ProviderError, ProviderTimedOut
from app.models.creative_brief import CreativeBrief
from app.providers.base import MusicSpec
from app.providers.remote.openai_director import OpenAIDirector
from app.providers.remote.replicate_images import ReplicateImageProvider
from app.providers.remote.replicate_motion import ReplicateMotionProvider
from app.providers.remote.replicate_music import ReplicateMusicProvider
from app.services.mood_service import generate_moods
from app.storage.media_store import MediaStore
from app.utils.costs import CostLedger, charged_to
from tests.conftest import BASE_URL
from tests.fakes.openai_api import BRIEF, MOODS, FakeOpenAI
from tests.fakes.replicate_api import FakeReplicate
from tests.fakes.replicate_deadlines import parse_cancel_after
from tests.remote.conftest import fake_replicate_settings
from tests.remote.helpers import image_spec, motion_spec, seed_png, settings_for

pytestmark = pytest.mark.anyio


async def polled(fake: FakeReplicate) -> None:
    """Until the provider under test polls; the fake runs in another thread, with no event."""
    while not fake.count("GET", "/v1/predictions/"):  # noqa: ASYNC110
        await asyncio.sleep(0.01)


async def test_when_one_mood_image_fails_the_creates_in_flight_are_canceled_and_charged(
    fake_replicate: FakeReplicate, fake_openai: FakeOpenAI, settings: Settings, media_root: Path
) -> None:
    # The first image fails quickly; every other create is answered only after two seconds,
    # so the failure comes while they are in flight: created at Replicate, id not yet known.
    fake_replicate.create_delay = 2.0
    board = copy.deepcopy(MOODS)
    for mood in board["moods"]:
        mood["image_prompts"] = [f"{shot} [slow-create]" for shot in mood["image_prompts"]]
    board["moods"][0]["image_prompts"][0] = "A serum bottle that breaks the model [fail]"
    fake_openai.answer("MoodBoardDraft", board)
    director, images = OpenAIDirector(settings.openai), ReplicateImageProvider(settings)
    ledger = CostLedger()
    try:
        with charged_to(ledger), pytest.raises(ProviderError, match="CUDA out of memory"):
            await generate_moods(
                CreativeBrief.model_validate(BRIEF),
                director,
                images,
                MediaStore(media_root, BASE_URL),
            )
    finally:
        await director.aclose()
        await images.aclose()

    created = fake_replicate.created()
    in_flight = [p for p in created if "[slow-create]" in p.input["prompt"]]
    assert in_flight, "some creates were still in flight when the first image failed"
    assert fake_replicate.running() == []
    assert [p.status for p in in_flight] == ["canceled"] * len(in_flight)
    assert sorted(fake_replicate.canceled) == sorted(p.id for p in in_flight)
    # Every prediction Replicate made is in the ledger, with how it ended.
    charged = [call.outcome for call in ledger.calls if call.provider == "replicate"]
    assert sorted(charged) == sorted(p.status for p in created)


async def test_a_task_cancelled_while_its_create_is_in_flight_cancels_that_prediction(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    fake_replicate.create_delay = 1.0
    provider = ReplicateImageProvider(settings)
    ledger = CostLedger()
    try:
        with charged_to(ledger):
            task = asyncio.create_task(
                provider.generate(image_spec("A bottle [slow-create]"), tmp_path / "seed.png")
            )
        while not fake_replicate.created():  # noqa: ASYNC110 (the fake has no event to await)
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    finally:
        await provider.aclose()
    [prediction] = fake_replicate.created()
    assert (prediction.status, fake_replicate.canceled) == ("canceled", [prediction.id])
    assert [call.outcome for call in ledger.calls] == ["canceled"]


async def test_polling_that_gives_up_cancels_the_prediction(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    fake_replicate.fail_gets(20, 500)
    provider = ReplicateImageProvider(settings)
    ledger = CostLedger()
    try:
        with charged_to(ledger), pytest.raises(ProviderError, match="HTTP 500"):
            await provider.generate(image_spec(), tmp_path / "seed.png")
    finally:
        await provider.aclose()
    [prediction] = fake_replicate.created()
    assert (prediction.status, fake_replicate.canceled) == ("canceled", [prediction.id])
    assert [call.outcome for call in ledger.calls] == ["canceled"]
    assert fake_replicate.running() == []


async def test_every_create_tells_replicate_to_cancel_it_a_little_after_our_deadline(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    fake_replicate.fail_creates(1, 503)  # a retried create carries the header too
    images, motion = ReplicateImageProvider(settings), ReplicateMotionProvider(settings)
    music = ReplicateMusicProvider(settings)
    spec = MusicSpec(duration=30, emotional_tone=(), style_keywords=(), seed=1, prompt="piano")
    try:
        await images.generate(image_spec(), tmp_path / "seed.png")
        await motion.animate(motion_spec(seed_png(tmp_path)), tmp_path / "clip.mp4")
        await music.compose(spec, tmp_path / "music.wav")
    finally:
        for provider in (images, motion, music):
            await provider.aclose()
    created = fake_replicate.created()
    assert len(created) == 3 and fake_replicate.count("POST", "/v1/models/") == 3
    # Each model's deadline in these settings is 30 s; Replicate's comes 10 s later.
    assert [p.cancel_after for p in created] == ["40s"] * 3
    assert all(parse_cancel_after(str(p.cancel_after)) == 40 for p in created)


async def test_a_prediction_we_cannot_cancel_is_ended_by_replicate_at_its_deadline(
    fake_replicate: FakeReplicate, media_root: Path, tmp_path: Path
) -> None:
    replicate = fake_replicate_settings(fake_replicate, motion=MotionModel(deadline_seconds=0.3))
    provider = ReplicateMotionProvider(settings_for(media_root, replicate))
    fake_replicate.fail_cancels(5, 500)
    try:
        with pytest.raises(ProviderTimedOut):
            await provider.animate(
                motion_spec(seed_png(tmp_path), "A bottle [hang]"), tmp_path / "clip.mp4"
            )
    finally:
        await provider.aclose()
    [prediction] = fake_replicate.running()
    assert prediction.cancel_after == "11s"  # 0.3 s rounded up, plus the 10 s grace
    fake_replicate.advance(11)
    assert fake_replicate.running() == []
    assert prediction.status == "canceled"


async def test_a_prediction_replicate_never_started_ends_aborted_timed_out_and_free(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    provider = ReplicateMotionProvider(settings)
    ledger = CostLedger()
    try:
        with charged_to(ledger):
            task = asyncio.create_task(
                provider.animate(
                    motion_spec(seed_png(tmp_path), "A bottle [queued]"), tmp_path / "clip.mp4"
                )
            )
        await polled(fake_replicate)
        fake_replicate.advance(3600)  # past its Cancel-After: Replicate aborts it
        with pytest.raises(ProviderTimedOut, match="never started"):
            await task
    finally:
        await provider.aclose()
    [prediction] = fake_replicate.created()
    assert prediction.status == "aborted"
    assert fake_replicate.canceled == []  # nothing left to cancel
    assert [(c.outcome, c.units, c.estimated_usd) for c in ledger.calls] == [("aborted", 0, 0)]
    assert fake_replicate.uploads.stored == {}
    assert not (tmp_path / "clip.mp4").exists()


async def test_a_failed_prediction_still_has_its_seed_upload_deleted(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    provider = ReplicateMotionProvider(settings)
    try:
        with pytest.raises(ProviderError, match="CUDA out of memory"):
            await provider.animate(
                motion_spec(seed_png(tmp_path), "A bottle [fail]"), tmp_path / "clip.mp4"
            )
    finally:
        await provider.aclose()
    assert len(fake_replicate.uploads.received) == 1
    assert fake_replicate.uploads.deleted == list(fake_replicate.uploads.received)
    assert fake_replicate.uploads.stored == {}
