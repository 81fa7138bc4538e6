"""`reelsmith media prune`: old intermediates no ad uses go; what ads use, ads, work in progress
and anything outside the store stay."""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.cli import main, prune_media
from app.config import get_settings
from tests.conftest import BASE_URL, ClientFactory
from tests.utils.factories import brief, fake_providers, mood, poll, scenes

DAY = 86400.0


def _put(root: Path, key: str, age_days: float, data: bytes = b"x" * 1000) -> Path:
    path = root / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    _age(path, age_days)
    return path


def _age(path: Path, days: float) -> None:
    then = time.time() - days * DAY
    os.utime(path, (then, then), follow_symlinks=False)


def _age_everything(root: Path, days: float) -> None:
    for path in root.rglob("*"):
        _age(path, days)


def _record(root: Path, key: str, uses: list[str], age_days: float) -> Path:
    return _put(root, f"{key}.uses.json", age_days, json.dumps({"uses": uses}).encode())


def _keys(root: Path) -> set[str]:
    return {
        p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() or p.is_symlink()
    }


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Path]:
    """A store two months into use: one ad, what it was made from, and what it was not."""
    root = tmp_path / "media"
    _put(root, "ads/ad1.mp4", 60)
    _record(root, "ads/ad1.mp4", ["clips/c1.mp4", "seeds/s1.png", "music/m1.wav"], 60)
    _put(root, "clips/c1.mp4", 61)
    _record(root, "clips/c1.mp4", ["seeds/s1.png"], 61)
    _put(root, "seeds/s1.png", 62)
    _put(root, "music/m1.wav", 61)
    yield root


UNUSED_AND_OLD = {
    "moods/mo1.png",
    "seeds/s2.png",
    "clips/c2.mp4",
    "clips/c2.mp4.uses.json",
    "music/m2.wav",
    "ads/gone.mp4.uses.json",  # the record of an ad that never made it
}


def _unused(root: Path) -> None:
    for key in UNUSED_AND_OLD - {"clips/c2.mp4.uses.json", "ads/gone.mp4.uses.json"}:
        _put(root, key, 45)
    _record(root, "clips/c2.mp4", ["seeds/s2.png"], 45)
    _record(root, "ads/gone.mp4", ["clips/c2.mp4"], 45)


def test_prune_removes_old_unused_intermediates_and_keeps_what_ads_use(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _unused(store)
    recent = _put(store, "clips/c3.mp4", 1)
    in_progress = _put(store, "clips/.c4.1-ab.partial.mp4", 90)
    outside = _put(tmp_path / "elsewhere", "keep.mp4", 90)
    (store / "clips" / "link.mp4").symlink_to(outside)
    _age(store / "clips" / "link.mp4", 90)
    before = _keys(store)
    freed = sum((store / key).stat().st_size for key in UNUSED_AND_OLD)

    prune_media(store, 30, dry_run=False)

    assert _keys(store) == before - UNUSED_AND_OLD
    assert recent.exists() and in_progress.exists() and outside.exists()
    out = capsys.readouterr().out.splitlines()
    assert sorted(line.split()[1] for line in out[:-1]) == sorted(UNUSED_AND_OLD)
    assert out[-1] == f"Removed {len(UNUSED_AND_OLD)} files, {freed / 1024:.1f} KB freed."


def test_a_dry_run_lists_the_same_and_removes_nothing(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _unused(store)
    before = _keys(store)
    prune_media(store, 30, dry_run=True)
    assert _keys(store) == before
    out = capsys.readouterr().out.splitlines()
    assert all(line.startswith("would remove ") for line in out[:-1])
    assert sorted(line.split()[2] for line in out[:-1]) == sorted(UNUSED_AND_OLD)
    assert out[-1].startswith(f"Would remove {len(UNUSED_AND_OLD)} files")


def test_an_ad_without_a_record_keeps_everything_older_than_it(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _put(store, "ads/legacy.mp4", 40)  # made before records existed
    older = _put(store, "clips/maybe-used.mp4", 50)
    newer = _put(store, "clips/not-used.mp4", 35)
    prune_media(store, 30, dry_run=False)
    assert older.exists() and not newer.exists()
    assert "1 ads predate provenance records" in capsys.readouterr().out


def test_the_command_prunes_media_root_and_counts_the_bytes(
    store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _put(store, "moods/a.png", 40, b"x" * 2048)
    _put(store, "moods/b.png", 40, b"x" * 1024)
    monkeypatch.setenv("MEDIA_ROOT", str(store))
    get_settings.cache_clear()
    try:
        assert main(["media", "prune", "--older-than", "30"]) == 0
    finally:
        get_settings.cache_clear()
    out = capsys.readouterr().out
    assert "removed moods/a.png (2.0 KB)" in out and "removed moods/b.png (1.0 KB)" in out
    assert "Removed 2 files, 3.0 KB freed." in out
    assert (store / "ads" / "ad1.mp4").exists()


def test_the_command_wants_a_positive_age(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["media", "prune", "--older-than", "-3"])
    assert "not a positive number of days" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.anyio
async def test_an_ad_made_through_the_api_keeps_its_clips_seeds_and_music(
    api: ClientFactory, media_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with api(fake_providers()) as client:
        moods = await client.post("/api/moods/generate", json={"creative_brief": brief()})
        assert moods.status_code == 200
        seeds = {"scenes": scenes(), "mood_style": mood()}
        seeded = (await client.post("/api/scenes/seeds", json=seeds)).json()["scenes_with_seeds"]
        other_take = await client.post("/api/scenes/seeds/2", json={**seeds, "variation": 1})
        assert other_take.status_code == 200  # a take the user did not keep
        job = (await client.post("/api/video/generate", json={"scenes": seeded})).json()
        clips, _ = await poll(client, f"/api/video/status/{job['job_id']}")
        body = {"clips": clips["clips"], "mood": mood(), "creative_brief": brief()}
        job = (await client.post("/api/video/compose", json=body)).json()
        composed, _ = await poll(client, f"/api/video/compose/status/{job['job_id']}")
    assert composed["status"] == "complete"

    await asyncio.to_thread(_age_everything, media_root, 60)
    await asyncio.to_thread(prune_media, media_root, 30, False)

    def key(url: str) -> str:
        return url.removeprefix(f"{BASE_URL}/media/")

    used: list[Any] = [
        key(composed["final_video_url"]),
        key(composed["audio_url"]),
        *(key(c["video_url"]) for c in clips["clips"]),
        *(key(s["seed_image_url"]) for s in seeded),
    ]
    left = _keys(media_root)
    assert set(used) <= left, "everything the ad was made from is kept"
    assert not [k for k in left if k.startswith("moods/")], "mood images no ad uses are gone"
    assert key(other_take.json()["scene_with_seed"]["seed_image_url"]) not in left


def test_previews_go_with_their_source_and_never_outlive_it(store: Path) -> None:
    _unused(store)
    kept = {
        "previews/seeds/s1.png.w320.webp",  # its source an ad uses: stays
        "previews/seeds/s1.png.w960.webp",
        "previews/assets/a1/photo.jpg.w160.webp",  # an upload, never pruned: stays
        "previews/moods/notes.txt",  # not a name we give a preview: left alone
    }
    doomed = {
        "previews/moods/mo1.png.w320.webp",  # its source is pruned now
        "previews/seeds/s2.png.w640.webp",
        "previews/seeds/deleted-by-hand.png.w160.webp",  # its source is already gone
    }
    _put(store, "assets/a1/photo.jpg", 90)
    for key in kept | doomed:
        # Fresh previews of old sources: a preview's age does not keep it.
        _put(store, key, 0)
    in_progress = _put(store, "previews/seeds/.s9.png.w320.1-ab.partial.webp", 90)
    before = _keys(store)

    prune_media(store, 30, dry_run=False)

    assert _keys(store) == before - UNUSED_AND_OLD - doomed
    assert in_progress.exists()


@pytest.mark.anyio
async def test_what_a_saved_project_shows_is_kept_however_old(
    api: ClientFactory,
    media_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    async with api(fake_providers()) as client:
        project = (await client.post("/api/projects", json={"name": "Serum"})).json()
        params = {"project_id": project["project_id"]}
        moods = await client.post(
            "/api/moods/generate", params=params, json={"creative_brief": brief()}
        )
        seeds = {"scenes": scenes(), "mood_style": mood()}
        saved = await client.post("/api/scenes/seeds", params=params, json=seeds)
        unsaved = await client.post("/api/scenes/seeds", json=seeds)  # for no project
    await asyncio.to_thread(_age_everything, media_root, 60)

    monkeypatch.setenv("MEDIA_ROOT", str(media_root))
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://studio.example")  # moved since: still kept
    get_settings.cache_clear()
    try:
        assert await asyncio.to_thread(main, ["media", "prune", "--older-than", "30"]) == 0
    finally:
        get_settings.cache_clear()

    def key(url: str) -> str:
        return url.removeprefix(f"{BASE_URL}/media/")

    left = await asyncio.to_thread(_keys, media_root)
    kept = [key(s["seed_image_url"]) for s in saved.json()["scenes_with_seeds"]]
    kept += [key(url) for m in moods.json()["moods"] for url in m["reference_images"]]
    assert set(kept) <= left, "the project's mood images and seeds stay"
    assert not {key(s["seed_image_url"]) for s in unsaved.json()["scenes_with_seeds"]} & left
    assert "removed seeds/" in capsys.readouterr().out
