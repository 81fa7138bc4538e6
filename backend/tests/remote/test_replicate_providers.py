"""The Replicate providers against the fake API, through the real `replicate` client."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from app.config import Settings
from app.config_models import InputRole, MotionModel
from app.errors import ProviderError
from app.providers.base import MusicSpec
from app.providers.remote.replicate_images import ReplicateImageProvider
from app.providers.remote.replicate_motion import ReplicateMotionProvider
from app.providers.remote.replicate_music import ReplicateMusicProvider
from app.utils.costs import CostLedger, charged_to
from tests.fakes.replicate_api import FakeReplicate
from tests.fakes.replicate_models import MUSICGEN_VERSION
from tests.remote.conftest import fake_replicate_settings
from tests.remote.helpers import image_spec, motion_spec, seed_png, settings_for

pytestmark = pytest.mark.anyio


async def test_an_image_is_fetched_fitted_to_the_frame_and_charged(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    provider = ReplicateImageProvider(settings)
    ledger = CostLedger()
    try:
        with charged_to(ledger):
            out = await provider.generate(image_spec(), tmp_path / "seed.png")
    finally:
        await provider.aclose()
    with Image.open(out) as image:
        assert (image.format, image.size) == ("PNG", (1080, 1920))
    [prediction] = fake_replicate.created("black-forest-labs/flux-schnell")
    assert (
        fake_replicate.count("POST", "/v1/models/black-forest-labs/flux-schnell/predictions") == 1
    )
    assert prediction.input["prompt"] == "A serum bottle on marble"
    assert prediction.input["aspect_ratio"] == "9:16"
    assert prediction.input["output_format"] == "png"
    assert prediction.input["seed"] == 7
    assert [(c.capability, c.outcome, c.units, c.estimated_usd) for c in ledger.calls] == [
        ("images", "succeeded", 1.0, pytest.approx(0.003))
    ]
    assert provider.name == "replicate:black-forest-labs/flux-schnell"


async def test_a_clip_is_made_from_the_seed_with_a_snapped_duration_and_progress(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    provider = ReplicateMotionProvider(settings)
    progress: list[float] = []
    ledger = CostLedger()
    try:
        with charged_to(ledger):
            out = await provider.animate(
                motion_spec(seed_png(tmp_path)), tmp_path / "clip.mp4", progress.append
            )
    finally:
        await provider.aclose()
    with av.open(str(out)) as container:
        assert container.streams.video[0].codec_context.name == "h264"
        assert container.duration / av.time_base == pytest.approx(5.0, abs=0.1)
    [prediction] = fake_replicate.created("kwaivgi/kling-v2.1")
    # 5.5 s wanted (scene plus crossfade tail): Kling's 5 s, not 10 s at twice the price.
    assert prediction.input["duration"] == 5
    # The seed went up through the files API, was read from there, and is gone now.
    [upload] = fake_replicate.uploads.received
    assert prediction.input["start_image"] == fake_replicate.uploads.url(upload)
    assert fake_replicate.uploads.deleted == [upload] and fake_replicate.uploads.stored == {}
    assert "push-in" in prediction.input["prompt"]
    assert prediction.input["mode"] == "standard"
    assert progress == sorted(progress) and progress[-1] == pytest.approx(1.0)
    assert [(c.units, c.unit, c.estimated_usd) for c in ledger.calls] == [
        (5.0, "output_second", pytest.approx(0.25))
    ]


async def test_a_seed_too_large_for_a_data_url_goes_up_through_the_files_api(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    # Noise barely compresses: as a JPEG this frame is far over the 256 KB that Replicate
    # documents for data URLs (the fake refuses larger ones, as the real API may).
    seed = tmp_path / "noisy.png"
    noise = np.random.default_rng(7).integers(0, 256, (1920, 1080, 3), dtype=np.uint8)
    Image.fromarray(noise).save(seed)
    provider = ReplicateMotionProvider(settings)
    try:
        out = await provider.animate(motion_spec(seed), tmp_path / "clip.mp4")
    finally:
        await provider.aclose()
    assert out.is_file()
    assert fake_replicate.count("POST", "/v1/files") == 1
    [upload] = fake_replicate.uploads.received.values()
    assert upload.size > 256 * 1024 and upload.content_type == "image/jpeg"
    with Image.open(io.BytesIO(upload.data)) as image:
        assert (image.format, max(image.size)) == ("JPEG", 1280)
    assert fake_replicate.uploads.deleted == [upload.id]


async def test_music_uses_the_pinned_version_and_is_priced_by_gpu_time(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    provider = ReplicateMusicProvider(settings)
    ledger = CostLedger()
    spec = MusicSpec(
        duration=30, emotional_tone=("calm",), style_keywords=("gold",), seed=1, prompt="calm piano"
    )
    try:
        with charged_to(ledger):
            out = await provider.compose(spec, tmp_path / "music.wav")
    finally:
        await provider.aclose()
    with av.open(str(out)) as container:
        assert container.streams.audio[0].channels == 2
        assert container.duration / av.time_base == pytest.approx(30.0, abs=0.1)
    [prediction] = fake_replicate.created("meta/musicgen")
    assert prediction.version == MUSICGEN_VERSION
    assert fake_replicate.count("POST", "/v1/predictions") == 1
    assert prediction.input["duration"] == 30
    assert prediction.input["model_version"] == "stereo-large"
    [call] = ledger.calls
    assert (call.unit, call.units, call.estimated_usd) == (
        "compute_second",
        1.5,
        pytest.approx(1.5 * 0.0014),
    )


async def test_an_input_mapping_that_does_not_fit_the_model_says_so(
    fake_replicate: FakeReplicate, media_root: Path, tmp_path: Path
) -> None:
    wrong = MotionModel(inputs={InputRole.PROMPT: "prompt", InputRole.IMAGE: "image"})
    provider = ReplicateMotionProvider(
        settings_for(media_root, fake_replicate_settings(fake_replicate, motion=wrong))
    )
    try:
        with pytest.raises(ProviderError, match=r"start_image is required.*input mapping"):
            await provider.animate(motion_spec(seed_png(tmp_path)), tmp_path / "clip.mp4")
    finally:
        await provider.aclose()
    assert fake_replicate.count("POST", "/v1/models/") == 1  # a 422 is not retried


async def test_no_more_predictions_run_at_once_than_the_model_allows(
    fake_replicate: FakeReplicate, media_root: Path, tmp_path: Path
) -> None:
    replicate = fake_replicate_settings(fake_replicate, motion=MotionModel(max_concurrent=2))
    provider = ReplicateMotionProvider(settings_for(media_root, replicate))
    seed = seed_png(tmp_path)
    try:
        await asyncio.gather(
            *(
                provider.animate(motion_spec(seed, f"Shot {n}"), tmp_path / f"clip{n}.mp4")
                for n in range(5)
            )
        )
    finally:
        await provider.aclose()
    assert len(fake_replicate.created()) == 5
    assert fake_replicate.most_running == 2
