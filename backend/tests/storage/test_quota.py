"""`MEDIA_MAX_BYTES`: once the store holds that much, new work is refused up front with 507."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from app.config import MediaSettings, ProviderChoice, ProviderSettings, Settings
from app.errors import QUOTA_REACHED
from app.providers.local.director import LocalDirector
from app.providers.registry import Providers
from tests.conftest import BASE_URL, ClientFactory
from tests.fakes.errors import error_body
from tests.utils.factories import brief, fake_providers, mood, scenes
from tests.utils.fakes import FakeImages, FakeMotion, FakeMusic

pytestmark = pytest.mark.anyio

QUOTA = 50_000


@pytest.fixture
def quota() -> int:
    return QUOTA


@pytest.fixture
def settings(media_root: Path, quota: int) -> Settings:
    local = ProviderChoice.LOCAL
    return Settings(
        media=MediaSettings(root=media_root, public_base_url=BASE_URL, max_bytes=quota),
        providers=ProviderSettings(director=local, images=local, motion=local, music=local),
    )


def _old_ad(media_root: Path, size: int) -> Path:
    """An ad made earlier, already in the store when the server starts."""
    ad = media_root / "ads" / "earlier.mp4"
    ad.parent.mkdir(parents=True, exist_ok=True)
    ad.write_bytes(b"\0" * size)
    return ad


def _seeded() -> list[dict[str, Any]]:
    return [{**s, "seed_image_url": f"{BASE_URL}/media/seeds/s.png"} for s in scenes()]


def _refused(response: httpx.Response) -> bool:
    assert response.status_code == 507, response.text
    assert response.json() == error_body("storage_full", QUOTA_REACHED)
    return True


async def test_every_kind_of_new_work_is_refused_once_the_store_is_at_its_quota(
    api: ClientFactory, media_root: Path
) -> None:
    _old_ad(media_root, QUOTA)
    for key in ["seeds/s.png", *(f"clips/{n}.mp4" for n in range(1, 6))]:
        (media_root / key).parent.mkdir(exist_ok=True)
        (media_root / key).write_bytes(b"made earlier")  # what the refused requests name
    images = FakeImages()
    providers = Providers(LocalDirector(), images, FakeMotion(), FakeMusic())
    async with api(providers) as client:
        assert _refused(await client.post("/api/moods/generate", json={"creative_brief": brief()}))
        seeds = {"scenes": scenes(), "mood_style": mood()}
        assert _refused(await client.post("/api/scenes/seeds", json=seeds))
        assert _refused(await client.post("/api/scenes/seeds/2", json=seeds))
        assert _refused(await client.post("/api/video/generate", json={"scenes": _seeded()}))
        clips = [
            {"scene_number": n, "video_url": f"{BASE_URL}/media/clips/{n}.mp4", "duration": 6}
            for n in range(1, 6)
        ]
        compose = {"clips": clips, "mood": mood(), "creative_brief": brief()}
        assert _refused(await client.post("/api/video/compose", json=compose))
        # Reading what exists still works.
        assert (await client.get("/media/ads/earlier.mp4")).status_code == 200
    assert images.specs == [], "refused before any image was painted"


async def test_space_freed_by_another_process_is_seen_before_refusing(
    api: ClientFactory, media_root: Path
) -> None:
    ad = _old_ad(media_root, QUOTA * 2)
    async with api(fake_providers()) as client:
        refused = await client.post("/api/moods/generate", json={"creative_brief": brief()})
        assert refused.status_code == 507
        ad.unlink()  # as `reelsmith media prune` or an operator would, from outside the server
        again = await client.post("/api/moods/generate", json={"creative_brief": brief()})
    assert again.status_code == 200, again.text


async def test_what_the_store_writes_counts_towards_the_quota(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        first = await client.post("/api/moods/generate", json={"creative_brief": brief()})
        assert first.status_code == 200  # twelve images take the store past its quota...
        second = await client.post("/api/moods/generate", json={"creative_brief": brief()})
    assert _refused(second)  # ...so the next request is refused


@pytest.mark.parametrize("quota", [0])
async def test_a_quota_of_zero_means_none(api: ClientFactory, media_root: Path) -> None:
    _old_ad(media_root, QUOTA * 4)
    async with api(fake_providers()) as client:
        response = await client.post("/api/moods/generate", json={"creative_brief": brief()})
    assert response.status_code == 200
