"""The whole product with `MEDIA_BACKEND=s3` on a real S3 server (SeaweedFS on loopback): every
step reads and writes local files while the bucket keeps them, and the ad plays from the
bucket alone once the local cache is gone."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from app.config import Settings
from tests.conftest import BASE_URL, ClientFactory
from tests.utils.assertions import assert_is_the_final_ad
from tests.utils.s3 import bucket_keys
from tests.utils.walkthrough import make_an_ad


@pytest.fixture
def media_backend() -> str:
    return "s3"


@pytest.mark.slow
@pytest.mark.anyio
async def test_every_endpoint_in_order_makes_a_real_ad_kept_in_the_bucket(
    api: ClientFactory, settings: Settings, media_root: Path, tmp_path: Path
) -> None:
    async with api() as client:
        ad = await make_an_ad(client)
    final = ad.final
    assert final["status"] == "complete", final
    key = final["final_video_url"].removeprefix(f"{BASE_URL}/media/")
    stored = bucket_keys(settings.s3)
    assert {key, f"{key}.uses.json"} <= stored
    assert {folder.split("/")[0] for folder in stored} >= {"moods", "seeds", "clips", "ads"}

    # A new machine, or a lost disk: nothing cached, and the ad still comes whole from /media.
    await asyncio.to_thread(shutil.rmtree, media_root)
    async with api() as client:
        response = await client.get(f"/media/{key}")
    assert response.status_code == 200
    copy = tmp_path / "ad.mp4"
    await asyncio.to_thread(copy.write_bytes, response.content)
    assert_is_the_final_ad(copy)
