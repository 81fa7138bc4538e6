"""Replicate faults, through the real `replicate` client: each ends in one clear domain error."""

from __future__ import annotations

import asyncio
from pathlib import Path

import anyio
import pytest

from app.config import Settings
from app.config_models import MotionModel
from app.errors import ProviderBadOutput, ProviderError, ProviderRateLimited, ProviderTimedOut
from app.providers.base import MusicSpec
from app.providers.remote.replicate_images import ReplicateImageProvider
from app.providers.remote.replicate_motion import ReplicateMotionProvider
from app.providers.remote.replicate_music import ReplicateMusicProvider
from app.utils.costs import CostLedger, charged_to
from tests.fakes.replicate_api import FakeReplicate
from tests.remote.conftest import fake_replicate_settings
from tests.remote.helpers import RecordingSleep, image_spec, motion_spec, seed_png, settings_for

pytestmark = pytest.mark.anyio


async def test_a_burst_of_429s_on_create_waits_as_long_as_retry_after_says(
    fake_replicate: FakeReplicate, media_root: Path, tmp_path: Path
) -> None:
    sleep = RecordingSleep()
    replicate = fake_replicate_settings(fake_replicate, backoff_max_seconds=60)
    provider = ReplicateImageProvider(settings_for(media_root, replicate), sleep=sleep)
    fake_replicate.fail_creates(2, 429, retry_after="7")
    try:
        out = await provider.generate(image_spec(), tmp_path / "seed.png")
    finally:
        await provider.aclose()
    assert out.is_file()
    creates = fake_replicate.count("POST", "/v1/models/")
    assert creates == 3
    assert sleep.waits[:2] == [7.0, 7.0]


async def test_rate_limits_that_outlast_every_try_end_as_rate_limited(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    fake_replicate.fail_creates(10, 429, retry_after="0")
    provider = ReplicateImageProvider(settings)
    try:
        with pytest.raises(ProviderRateLimited):
            await provider.generate(image_spec(), tmp_path / "seed.png")
    finally:
        await provider.aclose()
    assert fake_replicate.count("POST", "/v1/models/") == settings.replicate.create_attempts
    assert not (tmp_path / "seed.png").exists()


async def test_500s_on_create_back_off_with_jitter_and_then_succeed(
    fake_replicate: FakeReplicate, media_root: Path, tmp_path: Path
) -> None:
    sleep = RecordingSleep()
    replicate = fake_replicate_settings(
        fake_replicate, backoff_base_seconds=1.0, backoff_max_seconds=30
    )
    provider = ReplicateImageProvider(settings_for(media_root, replicate), sleep=sleep)
    fake_replicate.fail_creates(2, 500)
    try:
        await provider.generate(image_spec(), tmp_path / "seed.png")
    finally:
        await provider.aclose()
    first, second = sleep.waits[:2]
    assert 0.5 <= first <= 1.0 and 1.0 <= second <= 2.0


async def test_persistent_500s_end_as_a_provider_error_naming_the_status(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    fake_replicate.fail_creates(10, 500)
    provider = ReplicateImageProvider(settings)
    try:
        with pytest.raises(ProviderError, match="HTTP 500"):
            await provider.generate(image_spec(), tmp_path / "seed.png")
    finally:
        await provider.aclose()


async def test_failed_polls_are_polled_past_and_429s_on_polls_left_to_the_client(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    fake_replicate.fail_gets(1, 500)
    fake_replicate.fail_gets(2, 429, retry_after="0")
    fake_replicate.fail_gets(1, 502)
    provider = ReplicateImageProvider(settings)
    try:
        out = await provider.generate(image_spec(), tmp_path / "seed.png")
    finally:
        await provider.aclose()
    assert out.is_file()
    assert fake_replicate.count("POST", "/v1/models/") == 1


async def test_a_failed_prediction_says_why_and_costs_nothing_per_image(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    provider = ReplicateImageProvider(settings)
    ledger = CostLedger()
    try:
        with charged_to(ledger), pytest.raises(ProviderError, match="CUDA out of memory"):
            await provider.generate(image_spec("A bottle [fail]"), tmp_path / "seed.png")
    finally:
        await provider.aclose()
    assert [(c.outcome, c.estimated_usd) for c in ledger.calls] == [("failed", 0.0)]


async def test_a_prediction_past_its_deadline_is_canceled_and_reported_timed_out(
    fake_replicate: FakeReplicate, media_root: Path, tmp_path: Path
) -> None:
    replicate = fake_replicate_settings(fake_replicate, motion=MotionModel(deadline_seconds=0.3))
    provider = ReplicateMotionProvider(settings_for(media_root, replicate))
    ledger = CostLedger()
    try:
        with charged_to(ledger), pytest.raises(ProviderTimedOut, match="canceled"):
            await provider.animate(
                motion_spec(seed_png(tmp_path), "A bottle [hang]"), tmp_path / "clip.mp4"
            )
    finally:
        await provider.aclose()
    [prediction] = fake_replicate.created("kwaivgi/kling-v2.1")
    assert fake_replicate.canceled == [prediction.id]
    assert prediction.status == "canceled"
    assert [c.outcome for c in ledger.calls] == ["canceled"]
    assert not (tmp_path / "clip.mp4").exists()


async def test_a_cancelled_task_cancels_its_prediction(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    provider = ReplicateMotionProvider(settings)
    task = asyncio.create_task(
        provider.animate(motion_spec(seed_png(tmp_path), "A bottle [hang]"), tmp_path / "clip.mp4")
    )
    try:
        # Until created and being polled; the fake runs in another thread, with no event to await.
        while not fake_replicate.count("GET", "/v1/predictions/"):  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    finally:
        await provider.aclose()
    assert fake_replicate.canceled == [fake_replicate.created()[0].id]


@pytest.mark.parametrize(
    ("marker", "message"),
    [("[404]", "could not be downloaded"), ("[garbage]", "not a readable video")],
)
async def test_an_output_that_is_gone_or_garbage_is_bad_output_and_leaves_no_file(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path, marker: str, message: str
) -> None:
    provider = ReplicateMotionProvider(settings)
    out = tmp_path / "clip.mp4"
    try:
        with pytest.raises(ProviderBadOutput, match=message) as failed:
            await provider.animate(motion_spec(seed_png(tmp_path), f"A bottle {marker}"), out)
    finally:
        await provider.aclose()
    # The model is named; its output's address and what the file server answered are not.
    for secret in ("127.0.0.1", "/files/", "404", "http"):
        assert secret not in failed.value.message
    assert sorted([p.name async for p in anyio.Path(tmp_path).iterdir()]) == ["seed.png"]


async def test_garbage_instead_of_an_image_or_music_is_bad_output(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    images, music = ReplicateImageProvider(settings), ReplicateMusicProvider(settings)
    spec = MusicSpec(
        duration=30, emotional_tone=(), style_keywords=(), seed=1, prompt="piano [garbage]"
    )
    try:
        with pytest.raises(ProviderBadOutput, match="not a readable image"):
            await images.generate(image_spec("A bottle [garbage]"), tmp_path / "seed.png")
        with pytest.raises(ProviderBadOutput, match="not readable audio"):
            await music.compose(spec, tmp_path / "music.wav")
    finally:
        await images.aclose()
        await music.aclose()


async def test_a_wrong_token_is_reported_as_such(
    fake_replicate: FakeReplicate, media_root: Path, tmp_path: Path
) -> None:
    from pydantic import SecretStr

    replicate = fake_replicate_settings(fake_replicate, api_token=SecretStr("r8_wrong"))
    provider = ReplicateImageProvider(settings_for(media_root, replicate))
    try:
        with pytest.raises(ProviderError, match="REPLICATE_API_TOKEN"):
            await provider.generate(image_spec(), tmp_path / "seed.png")
    finally:
        await provider.aclose()
