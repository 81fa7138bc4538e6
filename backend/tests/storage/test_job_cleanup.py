"""Temporary work goes when a job ends, however it ends: failed, cancelled, or a clip lost."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.errors import ProviderError
from app.providers.base import MotionSpec, ProgressCallback
from tests.conftest import BASE_URL, ClientFactory
from tests.utils.factories import brief, fake_providers, mood, poll, scenes
from tests.utils.fakes import FakeMotion

pytestmark = pytest.mark.anyio


class HalfWrittenMotion(FakeMotion):
    """Renders every scene but the second, which dies halfway through writing its clip."""

    async def animate(
        self, spec: MotionSpec, out: Path, on_progress: ProgressCallback | None = None
    ) -> Path:
        if spec.prompt.startswith("Scene 2:"):
            await asyncio.to_thread(out.write_bytes, b"\0\0\0\x18ftypisom" + b"\0" * 4096)
            raise ProviderError("The motion model stopped halfway.")
        return await super().animate(spec, out, on_progress)


def _names(root: Path, folder: str) -> list[str]:
    return sorted(p.name for p in (root / folder).iterdir()) if (root / folder).exists() else []


async def _clips(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    seeds = {"scenes": scenes(), "mood_style": mood()}
    seeded = (await client.post("/api/scenes/seeds", json=seeds)).json()["scenes_with_seeds"]
    job = (await client.post("/api/video/generate", json={"scenes": seeded})).json()
    done, _ = await poll(client, f"/api/video/status/{job['job_id']}")
    clips: list[dict[str, Any]] = done["clips"]
    return clips


@pytest.mark.slow
async def test_a_clip_that_fails_halfway_leaves_no_file(
    api: ClientFactory, media_root: Path
) -> None:
    async with api(fake_providers(HalfWrittenMotion())) as client:
        clips = await _clips(client)
    assert [c["status"] for c in clips] == [
        "complete",
        "failed",
        "complete",
        "complete",
        "complete",
    ]
    kept = _names(media_root, "clips")
    assert not [name for name in kept if name.startswith(".")], "no partial clip"
    # The four finished clips, each with the record of the seed it came from.
    assert len([n for n in kept if n.endswith(".mp4")]) == 4
    assert len([n for n in kept if n.endswith(".uses.json")]) == 4


@pytest.mark.slow
async def test_a_failed_compose_keeps_no_music_and_no_work_folder(
    api: ClientFactory, media_root: Path
) -> None:
    async with api(fake_providers()) as client:
        clips = await _clips(client)
        broken = media_root / "clips" / "broken.mp4"
        broken.write_bytes(b"not a video at all")
        clips[2]["video_url"] = f"{BASE_URL}/media/clips/broken.mp4"
        body = {"clips": clips, "mood": mood(), "creative_brief": brief()}
        job = (await client.post("/api/video/compose", json=body)).json()
        done, _ = await poll(client, f"/api/video/compose/status/{job['job_id']}")
    assert done["status"] == "failed"
    assert _names(media_root, "music") == []
    assert _names(media_root, "ads") == []
    assert broken.exists(), "the user's own inputs are not ours to delete"


@pytest.mark.slow
async def test_a_compose_cancelled_midway_keeps_nothing(
    api: ClientFactory, media_root: Path
) -> None:
    async with api(fake_providers()) as client:
        clips = await _clips(client)
        body = {"clips": clips, "mood": mood(), "creative_brief": brief()}
        job = (await client.post("/api/video/compose", json=body)).json()
        url = f"/api/video/compose/status/{job['job_id']}"
        while (status := (await client.get(url)).json())["progress"] < 20:
            assert status["status"] == "processing"
            await asyncio.sleep(0.05)
        # Leaving the block shuts the server down, which cancels the running compose.
    assert _names(media_root, "music") == []
    assert _names(media_root, "ads") == []
