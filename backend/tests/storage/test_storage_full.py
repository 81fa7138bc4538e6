"""A full or read-only disk is a 507 `storage_full` with a sentence, or that job error: never a
500, never `internal_error`, and nothing half-written is left behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from app.config import FFmpegSettings
from app.errors import OUT_OF_SPACE, StorageFull
from app.ffmpeg.inputs import GeneratedInput
from app.ffmpeg.runner import run_ffmpeg
from app.providers.local.director import LocalDirector
from app.providers.registry import Providers
from tests.conftest import ClientFactory
from tests.fakes.errors import error_body
from tests.utils.disk_faults import (
    FULL_DISK,
    DiskFullImages,
    DiskFullMotion,
    DiskFullMusic,
    needs_dev_full,
)
from tests.utils.factories import brief, fake_providers, mood, poll, scenes
from tests.utils.fakes import FakeImages, FakeMotion, FakeMusic

pytestmark = [pytest.mark.anyio, needs_dev_full]


def _providers(
    images: FakeImages | None = None,
    motion: Any = None,
    music: FakeMusic | None = None,
) -> Providers:
    return Providers(
        director=LocalDirector(),
        images=images or FakeImages(),
        motion=motion or FakeMotion(),
        music=music or FakeMusic(),
    )


def _assert_storage_full(response: httpx.Response) -> None:
    assert response.status_code == 507, response.text
    assert response.json() == error_body("storage_full", OUT_OF_SPACE)


def _files(root: Path, folder: str) -> list[str]:
    """Everything in a store folder, hidden partial files included."""
    return sorted(p.name for p in (root / folder).iterdir()) if (root / folder).exists() else []


async def _seeded(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    response = await client.post(
        "/api/scenes/seeds", json={"scenes": scenes(), "mood_style": mood()}
    )
    assert response.status_code == 200, response.text
    seeded: list[dict[str, Any]] = response.json()["scenes_with_seeds"]
    return seeded


async def test_ffmpeg_saying_no_space_left_is_storage_full_without_its_words() -> None:
    source = GeneratedInput("testsrc=size=64x64:rate=30:duration=1").args()
    with pytest.raises(StorageFull) as failure:
        await run_ffmpeg([*source, "-f", "matroska", str(FULL_DISK)], FFmpegSettings())
    assert failure.value.message == OUT_OF_SPACE, "no FFmpeg log, no path"


@pytest.mark.parametrize("read_only", [False, True], ids=["ENOSPC", "EROFS"])
async def test_moods_on_a_full_disk_are_507_and_keep_none_of_the_twelve(
    api: ClientFactory, media_root: Path, read_only: bool
) -> None:
    # The fifth image meets the full disk: four are already whole by then.
    async with api(_providers(DiskFullImages(fail_at=5, read_only=read_only))) as client:
        response = await client.post("/api/moods/generate", json={"creative_brief": brief()})
        _assert_storage_full(response)
        assert (await client.get("/health")).status_code == 200
    assert _files(media_root, "moods") == [], "no mood image, whole or partial, is left"


@pytest.mark.parametrize("read_only", [False, True], ids=["ENOSPC", "EROFS"])
async def test_seeds_on_a_full_disk_are_507(
    api: ClientFactory, media_root: Path, read_only: bool
) -> None:
    body = {"scenes": scenes(), "mood_style": mood()}
    async with api(_providers(DiskFullImages(fail_at=3, read_only=read_only))) as client:
        _assert_storage_full(await client.post("/api/scenes/seeds", json=body))
        assert _files(media_root, "seeds") == []
        _assert_storage_full(await client.post("/api/scenes/seeds/2", json=body))
    assert _files(media_root, "seeds") == []


async def test_a_clip_whose_ffmpeg_finds_the_disk_full_fails_as_storage_full(
    api: ClientFactory, media_root: Path
) -> None:
    async with api(_providers(motion=DiskFullMotion())) as client:
        seeded = await _seeded(client)
        job = (await client.post("/api/video/generate", json={"scenes": seeded})).json()
        done, _ = await poll(client, f"/api/video/status/{job['job_id']}")
    assert done["status"] == "failed"
    for clip in done["clips"]:
        assert clip["error"] == {"code": "storage_full", "message": OUT_OF_SPACE}
    assert done["error"]["code"] == "storage_full"
    assert _files(media_root, "clips") == []


@pytest.mark.slow
@pytest.mark.parametrize("read_only", [False, True], ids=["ENOSPC", "EROFS"])
async def test_a_compose_on_a_full_disk_fails_as_storage_full_not_internal_error(
    api: ClientFactory, media_root: Path, read_only: bool
) -> None:
    async with api(_providers(music=DiskFullMusic(read_only=read_only))) as client:
        seeded = await _seeded(client)
        clips_job = (await client.post("/api/video/generate", json={"scenes": seeded})).json()
        clips, _ = await poll(client, f"/api/video/status/{clips_job['job_id']}")
        body = {"clips": clips["clips"], "mood": mood(), "creative_brief": brief()}
        job = (await client.post("/api/video/compose", json=body)).json()
        done, _ = await poll(client, f"/api/video/compose/status/{job['job_id']}")
    assert done["status"] == "failed"
    assert done["error"] == {"code": "storage_full", "message": OUT_OF_SPACE}
    assert _files(media_root, "music") == [] and _files(media_root, "ads") == []


async def test_healthy_disks_still_work(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        response = await client.post("/api/moods/generate", json={"creative_brief": brief()})
    assert response.status_code == 200
