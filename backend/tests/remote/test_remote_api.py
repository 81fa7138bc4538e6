"""The studio's endpoints with every capability remote: GPT-4o and Replicate, both faked.

The whole pipeline makes a composed MP4 from "remote" clips, and every fault ends in a clear
status without losing what was already made.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import BASE_URL, ClientFactory
from tests.fakes.openai_api import FakeOpenAI
from tests.fakes.replicate_api import FakeReplicate
from tests.utils.assertions import assert_is_the_final_ad
from tests.utils.factories import brief, mood, poll, scenes
from tests.utils.walkthrough import make_an_ad

pytestmark = pytest.mark.anyio


def assert_only_our_urls(body: object, fake: FakeReplicate) -> None:
    """No provider URL ever reaches a client: they expire, ours do not."""
    text = json.dumps(body)
    assert fake.origin not in text
    urls = [value for value in text.split('"') if value.startswith("http")]
    assert urls and all(url.startswith(f"{BASE_URL}/media/") for url in urls)


async def _seeded(
    client: httpx.AsyncClient, storyboard: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    response = await client.post(
        "/api/scenes/seeds", json={"scenes": storyboard, "mood_style": mood()}
    )
    assert response.status_code == 200, response.text
    seeded: list[dict[str, Any]] = response.json()["scenes_with_seeds"]
    return seeded


async def test_health_names_the_remote_provider_of_each_capability(api: ClientFactory) -> None:
    async with api() as client:
        providers = (await client.get("/health")).json()["providers"]
    assert providers == {
        "director": "openai:gpt-4o",
        "images": "replicate:black-forest-labs/flux-schnell",
        "motion": "replicate:kwaivgi/kling-v2.1",
        "music": "replicate:meta/musicgen",
        "voice": "openai:gpt-4o-mini-tts",
    }


@pytest.mark.slow
async def test_every_endpoint_in_order_makes_an_ad_from_remote_clips(
    api: ClientFactory, media_root: Path, fake_replicate: FakeReplicate, fake_openai: FakeOpenAI
) -> None:
    async with api() as client:
        ad = await make_an_ad(client)
    moods, seeded, clips, progress, final = (
        ad.moods,
        ad.seeded,
        ad.clips,
        ad.clip_progress,
        ad.final,
    )
    assert len(moods["moods"]) == 3 and all(len(m["reference_images"]) == 4 for m in moods["moods"])
    assert clips["status"] == "complete", clips
    assert progress == sorted(progress)
    # Six 5 s scenes: each clip asks Kling for 5 s, at $0.05 a second.
    assert clips["cost"]["calls"] == 6
    assert clips["cost"]["estimated_usd"] == pytest.approx(6 * 5 * 0.05)
    assert {item["capability"] for item in clips["cost"]["items"]} == {"motion"}
    assert final["status"] == "complete", final
    assert [item["model"] for item in final["cost"]["items"]] == [
        "meta/musicgen:671ac645ce5e552cc63a54a2bbff63fcf798043055d2dac5fc9e36a837eedcfb"
    ]
    assert ad.any_job["cost"] == final["cost"]
    for body in (moods, seeded, clips, final):
        assert_only_our_urls(body, fake_replicate)
    assert final["final_video_url"].startswith(f"{BASE_URL}/media/")
    assert_is_the_final_ad(media_root / final["final_video_url"].removeprefix(f"{BASE_URL}/media/"))
    assert len(fake_replicate.created("black-forest-labs/flux-schnell")) == 12 + 6
    assert len(fake_openai.requests) == 2  # moods, plan


@pytest.mark.slow
async def test_each_clip_fault_has_its_own_status_and_a_retry_keeps_the_finished_clips(
    api: ClientFactory, settings: Any, fake_replicate: FakeReplicate, media_root: Path
) -> None:
    settings.replicate.motion.deadline_seconds = 2.0
    markers = {2: "[fail-once]", 3: "[hang]", 4: "[404]", 5: "[garbage]"}
    async with api() as client:
        seeded = await _seeded(client, scenes([5, 5, 5, 5, 5, 5]))
        # Scripted for the motion model only: the seeds themselves were made fine.
        for number, marker in markers.items():
            seeded[number - 1]["description"] += f" {marker}"
        job = (await client.post("/api/video/generate", json={"scenes": seeded})).json()
        failed, _ = await poll(client, f"/api/video/status/{job['job_id']}")
        by_scene = {c["scene_number"]: c for c in failed["clips"]}

        assert failed["status"] == "failed" and failed["error"]["code"] == "clips_failed"
        assert [by_scene[n]["status"] for n in (1, 6)] == ["complete", "complete"]
        codes = {n: by_scene[n]["error"]["code"] for n in markers}
        assert codes == {
            2: "provider_error",
            3: "provider_timed_out",
            4: "provider_bad_output",
            5: "provider_bad_output",
        }
        assert "CUDA out of memory" in by_scene[2]["error"]["message"]
        assert "canceled" in by_scene[3]["error"]["message"]
        assert "could not be downloaded" in by_scene[4]["error"]["message"]
        assert "404" not in by_scene[4]["error"]["message"]
        assert "not a readable video" in by_scene[5]["error"]["message"]
        assert [
            p.id for p in fake_replicate.created() if "[hang]" in p.input["prompt"]
        ] == fake_replicate.canceled
        assert failed["cost"]["calls"] == 6
        assert_only_our_urls(failed, fake_replicate)

        retried = await client.post(
            f"/api/video/generate/{job['job_id']}/retry", json={"scene_numbers": [2]}
        )
        assert retried.status_code == 202, retried.text
        again, _ = await poll(client, f"/api/video/status/{retried.json()['job_id']}")
        first_clip = (await client.get(by_scene[1]["video_url"].removeprefix(BASE_URL))).status_code

    after = {c["scene_number"]: c for c in again["clips"]}
    assert after[2]["status"] == "complete"
    assert after[1]["video_url"] == by_scene[1]["video_url"] and first_clip == 200
    assert [after[n]["status"] for n in (3, 4, 5)] == ["failed"] * 3
    assert again["cost"]["calls"] == 1  # only the clip asked for was made again


async def test_rate_limits_that_outlast_the_retries_are_a_503_with_a_stable_code(
    api: ClientFactory, fake_replicate: FakeReplicate
) -> None:
    fake_replicate.fail_creates(100, 429, retry_after="0")
    async with api() as client:
        response = await client.post(
            "/api/scenes/seeds", json={"scenes": scenes(), "mood_style": mood()}
        )
    assert response.status_code == 503
    assert response.json()["code"] == "provider_rate_limited"


async def test_a_plan_the_model_cannot_get_right_is_a_502_and_never_an_invalid_plan(
    api: ClientFactory, fake_openai: FakeOpenAI
) -> None:
    for _ in range(3):
        fake_openai.answer("StoryboardDraft", {"scenes": [], "call_to_action": ""})
    async with api() as client:
        response = await client.post(
            "/api/scenes/plan", json={"creative_brief": brief(), "selected_mood": mood()}
        )
    assert response.status_code == 502
    assert response.json()["code"] == "provider_bad_output"
    assert "5 to 7 scenes" in response.json()["detail"]


async def test_the_chat_streams_gpt_4o_words_and_ends_with_the_brief(api: ClientFactory) -> None:
    body = {
        "messages": [{"role": "user", "parts": [{"type": "text", "text": "A serum for calm skin"}]}]
    }
    async with api() as client:
        response = await client.post("/api/director/chat", json=body)
    events = [
        json.loads(line.removeprefix("data: "))
        for line in response.text.splitlines()
        if line.startswith("data: {")
    ]
    text = "".join(e["delta"] for e in events if e["type"] == "text-delta")
    assert text == "Lovely. You said “A serum for calm skin”. Who is the ad for?"
    [brief_part] = [e for e in events if e["type"] == "data-brief"]
    assert brief_part["data"]["creative_brief"]["product_name"] == "Luxury Skincare Serum"


@pytest.mark.slow
async def test_music_that_fails_fails_the_compose_job_and_the_clips_stay(
    api: ClientFactory, fake_replicate: FakeReplicate
) -> None:
    async with api() as client:
        seeded = await _seeded(client, scenes([5, 5, 5, 5, 5, 5]))
        job = (await client.post("/api/video/generate", json={"scenes": seeded})).json()
        clips, _ = await poll(client, f"/api/video/status/{job['job_id']}")
        composing = await client.post(
            "/api/video/compose",
            json={
                "clips": clips["clips"],
                "creative_brief": brief(emotional_tone=["calm", "[fail]"]),
            },
        )
        failed, _ = await poll(client, f"/api/video/compose/status/{composing.json()['job_id']}")
        still_there = [
            (await client.get(c["video_url"].removeprefix(BASE_URL))).status_code
            for c in clips["clips"]
        ]
    assert failed["status"] == "failed"
    assert failed["error"]["code"] == "provider_error"
    assert "CUDA out of memory" in failed["error"]["message"]
    assert failed["cost"]["items"][0]["outcome"] == "failed"
    assert still_there == [200] * 6
