"""Issue 13: a clip's prediction outlives its process. The motion (and music) provider hands its id
to the job as soon as the create answers, re-attaches to it by that id (no second create, no second
charge for the GPU), and a shutdown leaves it running instead of canceling it."""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import replace
from pathlib import Path

import av
import pytest

from app.config import Settings
from app.providers.base import MusicSpec, RemoteRun
from app.providers.remote.replicate_motion import ReplicateMotionProvider
from app.providers.remote.replicate_music import ReplicateMusicProvider
from tests.fakes.replicate_api import FakeReplicate
from tests.remote.helpers import motion_spec, seed_png

pytestmark = pytest.mark.anyio


class _Created(list[str]):
    """The ids the provider handed over, and an event set at the first."""

    def __init__(self) -> None:
        super().__init__()
        self.first = asyncio.Event()

    def __call__(self, prediction_id: str) -> None:
        self.append(prediction_id)
        self.first.set()


async def test_a_prediction_is_re_attached_by_its_id_and_never_created_again(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    fake_replicate.held = True
    first = ReplicateMotionProvider(settings)
    created = _Created()
    spec = motion_spec(seed_png(tmp_path), prompt="The serum bottle [held]")
    run = RemoteRun(created=created, keep_on_shutdown=lambda: True)
    task = asyncio.create_task(
        first.animate(dataclasses.replace(spec, remote=run), tmp_path / "a.mp4")
    )
    await asyncio.wait_for(created.first.wait(), 30)
    task.cancel()  # the process shuts down with the prediction in flight
    with pytest.raises(asyncio.CancelledError):
        await task
    await first.aclose()
    assert fake_replicate.canceled == [] and [p.id for p in fake_replicate.running()] == created

    fake_replicate.held = False
    second = ReplicateMotionProvider(settings)
    try:
        again = RemoteRun(resume_id=created[0])
        out = await second.animate(dataclasses.replace(spec, remote=again), tmp_path / "b.mp4")
    finally:
        await second.aclose()

    with av.open(str(out)) as container:
        assert container.streams.video
    assert len(fake_replicate.created()) == 1, "re-attached, not created again"
    assert fake_replicate.canceled == []


async def test_a_prediction_that_is_gone_is_created_afresh(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    provider = ReplicateMotionProvider(settings)
    created: list[str] = []
    run = RemoteRun(created=created.append, resume_id="fake-unknown")
    try:
        spec = dataclasses.replace(motion_spec(seed_png(tmp_path)), remote=run)
        await provider.animate(spec, tmp_path / "clip.mp4")
    finally:
        await provider.aclose()
    [prediction] = fake_replicate.created()
    assert created == [prediction.id]


async def test_without_a_checkpoint_a_cancelled_prediction_is_still_canceled(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    """Called off for any other reason than a shutdown with checkpoints (a sibling failed, the
    CLI stopped), nobody would re-attach: the prediction is canceled, as before."""
    fake_replicate.held = True
    provider = ReplicateMotionProvider(settings)
    created = _Created()
    run = RemoteRun(created=created)
    spec = dataclasses.replace(motion_spec(seed_png(tmp_path), prompt="Bottle [held]"), remote=run)
    task = asyncio.create_task(provider.animate(spec, tmp_path / "clip.mp4"))
    await asyncio.wait_for(created.first.wait(), 30)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await provider.aclose()
    assert fake_replicate.canceled == created


async def test_a_finished_music_prediction_is_fetched_again_not_paid_again(
    fake_replicate: FakeReplicate, settings: Settings, tmp_path: Path
) -> None:
    """A compose killed after its music was made (the file lost with the rest of the batch)
    re-attaches to the music's prediction, already succeeded, and fetches its output again."""
    spec = MusicSpec(
        duration=30, emotional_tone=("calm",), style_keywords=("gold",), seed=1, prompt="calm"
    )
    created = _Created()
    first = ReplicateMusicProvider(settings)
    try:
        await first.compose(replace(spec, remote=RemoteRun(created=created)), tmp_path / "a.wav")
    finally:
        await first.aclose()

    second = ReplicateMusicProvider(settings)
    try:
        again = replace(spec, remote=RemoteRun(resume_id=created[0]))
        out = await second.compose(again, tmp_path / "b.wav")
    finally:
        await second.aclose()

    with av.open(str(out)) as container:
        assert container.duration / av.time_base == pytest.approx(30.0, abs=0.1)
    assert len(fake_replicate.created()) == 1 and len(created) == 1
