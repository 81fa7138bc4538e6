"""Finding 2 through the API: a manifest in the store, handed back as a clip or a seed.

Whatever brought the file into the store, its `/media` URL is ours: the composer and the local
motion provider read it without a fetch, and must refuse it as media before FFmpeg opens it.
The job error says which scene and what to do, never where anything lives.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BASE_URL, ClientFactory
from tests.fakes.manifests import manifest
from tests.ffmpeg.conftest import make_clip
from tests.utils.factories import fake_providers, poll, scenes

pytestmark = pytest.mark.anyio

MARKER = b"REELSMITH-SECRET-MARKER"


def _plant(media_root: Path, folder: str, name: str, text: str) -> str:
    path = media_root / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return f"{BASE_URL}/media/{folder}/{name}"


@pytest.fixture
def secret(media_root: Path) -> Path:
    (media_root / "clips").mkdir(parents=True)
    path = make_clip(media_root / "clips" / "secret.mp4", "magenta", size="64x114", seconds=2)
    with path.open("ab") as sink:
        sink.write(MARKER)
    return path


def _leaks(media_root: Path, secret: Path) -> list[Path]:
    return [
        p for p in media_root.rglob("*") if p.is_file() and p != secret and MARKER in p.read_bytes()
    ]


def _assert_clean(message: str, media_root: Path) -> None:
    for secret in (str(media_root), "/media/", "hostile", "secret", "http", "@ 0x"):
        assert secret not in message, f"{secret!r} in {message!r}"


async def test_a_compose_with_a_dash_manifest_for_a_clip_fails_and_reads_nothing(
    api: ClientFactory, media_root: Path, secret: Path
) -> None:
    clips: list[dict[str, Any]] = []
    for number in range(1, 6):
        path = make_clip(media_root / "clips" / f"c{number}.mp4", "gray", size="64x114")
        clips.append({"scene_number": number, "video_url": f"{BASE_URL}/media/clips/{path.name}"})
    clips[2]["video_url"] = _plant(media_root, "clips", "hostile.mp4", manifest("dash", secret))
    async with api(fake_providers()) as client:
        job = (await client.post("/api/video/compose", json={"clips": clips})).json()
        final, _ = await poll(client, f"/api/video/compose/status/{job['job_id']}")
    assert final["status"] == "failed"
    assert final["error"]["code"] == "unsupported_media"
    message = final["error"]["message"]
    assert message.startswith("The clip for scene 3 could not be read as a video")
    _assert_clean(message, media_root)
    assert not list((media_root / "ads").glob("*.mp4")), "no ad was made"
    assert _leaks(media_root, secret) == []


async def test_a_seed_image_that_is_a_manifest_fails_its_clips_in_the_users_terms(
    api: ClientFactory, media_root: Path, secret: Path
) -> None:
    seed = _plant(media_root, "seeds", "hostile.png", manifest("dash", secret))
    storyboard = [{**scene, "seed_image_url": seed} for scene in scenes()]
    async with api() as client:  # the local motion provider: FFmpeg over the seed
        job = (await client.post("/api/video/generate", json={"scenes": storyboard})).json()
        final, _ = await poll(client, f"/api/video/status/{job['job_id']}")
    assert final["status"] == "failed"
    for clip in final["clips"]:
        assert clip["status"] == "failed"
        assert clip["error"]["code"] == "unsupported_media"
        assert clip["error"]["message"].startswith("The seed image could not be read as an image")
    _assert_clean(final["error"]["message"], media_root)
    assert not list((media_root / "clips").glob("*partial*")), "nothing half-made is left"
    assert _leaks(media_root, secret) == []
