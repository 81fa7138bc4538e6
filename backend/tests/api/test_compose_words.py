"""The compose request's words: lines checked when they arrive, spoken when asked, and an ad
exactly as before when the voice is `none`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest

from tests.conftest import BASE_URL, ClientFactory
from tests.utils.factories import brief, fake_providers, mood, poll, scenes
from tests.words.loudness import ebur128, level_db, track

pytestmark = pytest.mark.anyio

DURATIONS = [4.0, 6.0, 6.0, 6.0, 8.0]


def _stored_clips(media_root: Path) -> list[dict[str, Any]]:
    """Clip links our store holds (the words are checked before any clip is read)."""
    (media_root / "clips").mkdir(parents=True)
    clips = []
    for number, seconds in enumerate(DURATIONS, start=1):
        (media_root / "clips" / f"c{number}.mp4").write_bytes(b"\0" * 64)
        clips.append(
            {"scene_number": number, "video_url": f"{BASE_URL}/media/clips/c{number}.mp4",
             "duration": seconds}
        )  # fmt: skip
    return clips


async def test_a_line_that_cannot_fit_its_scene_is_a_422_that_says_by_how_much(
    api: ClientFactory, media_root: Path
) -> None:
    clips = _stored_clips(media_root)
    clips[0]["voiceover"] = "Look closer."
    clips[2]["voiceover"] = " ".join(["word"] * 20)  # 8 s of speech in a 6 s scene
    async with api(fake_providers()) as client:
        response = await client.post("/api/video/compose", json={"clips": clips})
    assert response.status_code == 422, response.text
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "clips", 2, "voiceover"]
    assert error["type"] == "line_too_long"
    assert "Scene 3" in error["msg"] and "2.9 s too long" in error["msg"]


async def test_an_unknown_voice_is_a_422_naming_the_voices_there_are(
    api: ClientFactory, media_root: Path
) -> None:
    clips = _stored_clips(media_root)
    clips[0]["voiceover"] = "Look closer."
    async with api(fake_providers()) as client:
        response = await client.post("/api/video/compose", json={"clips": clips, "voice": "hal"})
        # No line, no voice needed: any name is fine then.
        silent = await client.post(
            "/api/video/compose", json={"clips": _clips_without_lines(clips), "voice": "hal"}
        )
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "voice"] and "joe" in error["msg"]
    assert silent.status_code == 202


def _clips_without_lines(clips: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in clip.items() if k != "voiceover"} for clip in clips]


async def _finished_clips(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    seeded = await client.post(
        "/api/scenes/seeds", json={"scenes": scenes(DURATIONS), "mood_style": mood()}
    )
    job = (
        await client.post(
            "/api/video/generate", json={"scenes": seeded.json()["scenes_with_seeds"]}
        )
    ).json()
    clips, _ = await poll(client, f"/api/video/status/{job['job_id']}")
    return list(clips["clips"])


async def _compose(client: httpx.AsyncClient, media_root: Path, **body: Any) -> Path:
    started = await client.post(
        "/api/video/compose", json={"mood": mood(), "creative_brief": brief(), **body}
    )
    assert started.status_code == 202, started.text
    final, _ = await poll(client, f"/api/video/compose/status/{started.json()['job_id']}", 240)
    assert final["status"] == "complete", final
    return media_root / final["final_video_url"].removeprefix(f"{BASE_URL}/media/")


@pytest.mark.slow
async def test_the_ad_speaks_its_lines_and_with_voice_none_is_what_it_was(
    api: ClientFactory, media_root: Path
) -> None:
    async with api(fake_providers()) as client:
        clips = await _finished_clips(client)
        before = track(await _compose(client, media_root, clips=clips))
        lines = {1: "Look closer.", 3: "Natural ingredients."}
        spoken = [{**clip, "voiceover": lines.get(clip["scene_number"], "")} for clip in clips]
        unvoiced = track(await _compose(client, media_root, clips=spoken, voice="none"))
        ad = await _compose(client, media_root, clips=spoken, voice="joe")
    voiced = track(ad)
    # `none`: the very same soundtrack as an ad with no lines at all.
    assert len(unvoiced) == len(before)
    assert np.max(np.abs(unvoiced - before)) < 1e-4
    # The voice: heard over scenes 1 and 3 (clear of their crossfades), the music as before
    # over the scenes without a line, and the whole mastered to the platforms' loudness.
    difference = voiced - before
    assert level_db(difference, 0.3, 3.6) > -35 and level_db(difference, 10.7, 15.8) > -35
    assert abs(level_db(before, 22.5, 24.0) - level_db(voiced, 22.5, 24.0)) < 3
    measured = ebur128(ad)
    assert measured.integrated == pytest.approx(-16.0, abs=1.0) and measured.true_peak <= -1.0
