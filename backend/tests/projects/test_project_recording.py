"""`?project_id=` on every step records its result in the project; an unknown project is a
404 before any work is done."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.providers.local.director import LocalDirector
from app.providers.registry import Providers
from tests.conftest import BASE_URL, ClientFactory
from tests.utils.factories import brief, fake_providers, mood, poll, scenes
from tests.utils.fakes import FakeImages, FakeMotion, FakeMusic

pytestmark = pytest.mark.anyio


def _ui(role: str, text: str, index: int) -> dict[str, Any]:
    return {"id": f"m{index}", "role": role, "parts": [{"type": "text", "text": text}]}


async def _project(client: httpx.AsyncClient) -> str:
    response = await client.post("/api/projects", json={"name": "Serum"})
    assert response.status_code == 201, response.text
    project_id: str = response.json()["project_id"]
    return project_id


async def _read(client: httpx.AsyncClient, project_id: str) -> dict[str, Any]:
    response = await client.get(f"/api/projects/{project_id}")
    assert response.status_code == 200, response.text
    project: dict[str, Any] = response.json()
    return project


async def _read_once(
    client: httpx.AsyncClient, project_id: str, ready: Callable[[dict[str, Any]], bool]
) -> dict[str, Any]:
    """A job's result is written as it finishes: wait (bounded) for the project to show it."""
    for _ in range(200):
        project = await _read(client, project_id)
        if ready(project):
            return project
        await asyncio.sleep(0.05)
    raise AssertionError(f"the project never showed the job's result: {project}")


async def test_the_chat_and_the_brief_are_recorded(api: ClientFactory) -> None:
    first = [_ui("user", "I need an ad for a vitamin C serum called Glow Drops.", 0)]
    async with api(fake_providers()) as client:
        project_id = await _project(client)
        streamed = await client.post(
            "/api/director/chat", params={"project_id": project_id}, json={"messages": first}
        )
        after_chat = await _read(client, project_id)
        conversation = [*after_chat["chat"], _ui("user", "For busy women 25-40.", 2)]
        synthesized = await client.post(
            "/api/director/brief",
            params={"project_id": project_id},
            json={"messages": conversation},
        )
        after_brief = await _read(client, project_id)

    assert streamed.status_code == 200 and streamed.text.endswith("data: [DONE]\n\n")
    assert [m["role"] for m in after_chat["chat"]] == ["user", "assistant"]
    deltas = [
        json.loads(block.removeprefix("data: "))
        for block in streamed.text.split("\n\n")
        if block.startswith('data: {"type":"text-delta"')
    ]
    assert {k: after_chat["chat"][0][k] for k in first[0]} == first[0]
    assert after_chat["chat"][1]["parts"][0]["text"] == "".join(d["delta"] for d in deltas)
    assert after_chat["creative_brief"]["product_name"] == "Glow Drops"
    assert synthesized.status_code == 200, synthesized.text
    assert [m["role"] for m in after_brief["chat"]] == ["user", "assistant", "user"]
    assert after_brief["creative_brief"] == synthesized.json()["creative_brief"]
    assert after_brief["creative_brief"]["target_audience"]


async def test_every_mood_set_shown_the_chosen_mood_and_the_plan_are_recorded(
    api: ClientFactory,
) -> None:
    async with api(fake_providers()) as client:
        project_id = await _project(client)
        params = {"project_id": project_id}
        first = await client.post(
            "/api/moods/generate", params=params, json={"creative_brief": brief()}
        )
        names = [m["style_name"] for m in first.json()["moods"]]
        again = await client.post(
            "/api/moods/generate",
            params=params,
            json={"creative_brief": brief(), "avoid_styles": names},
        )
        chosen = again.json()["moods"][1]
        plan = await client.post(
            "/api/scenes/plan",
            params=params,
            json={"creative_brief": brief(), "selected_mood": chosen},
        )
        project = await _read(client, project_id)
        listed = (await client.get("/api/projects")).json()["projects"]

    assert first.status_code == again.status_code == plan.status_code == 200
    assert project["mood_sets"] == [first.json()["moods"], again.json()["moods"]]
    assert project["selected_mood"] == chosen
    assert project["scene_plan"] == plan.json()["scene_plan"]
    assert project["creative_brief"]["product_name"] == brief()["product_name"]
    assert listed[0]["thumbnail_url"] == chosen["reference_images"][0], (
        "with no seed yet, the chosen mood's first image stands for the project"
    )


async def test_seeds_and_a_single_new_take_are_recorded(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        project_id = await _project(client)
        params = {"project_id": project_id}
        seeded = await client.post(
            "/api/scenes/seeds", params=params, json={"scenes": scenes(), "mood_style": mood()}
        )
        again = await client.post(
            "/api/scenes/seeds/3",
            params=params,
            json={"scenes": scenes(), "mood_style": mood(), "variation": 2},
        )
        project = await _read(client, project_id)

    assert seeded.status_code == again.status_code == 200
    expected = seeded.json()["scenes_with_seeds"]
    expected[2] = again.json()["scene_with_seed"]
    assert project["scenes_with_seeds"] == expected
    assert expected[2]["seed_image_url"] != seeded.json()["scenes_with_seeds"][2]["seed_image_url"]


@pytest.mark.slow
async def test_clips_are_recorded_when_the_job_ends_and_again_after_a_retry(
    api: ClientFactory,
) -> None:
    async with api(fake_providers(FakeMotion(fail_once=True))) as client:
        project_id = await _project(client)
        params = {"project_id": project_id}
        storyboard = scenes()
        storyboard[2]["description"] = "Refused shot [refuse]"
        seeded = (
            await client.post(
                "/api/scenes/seeds",
                params=params,
                json={"scenes": storyboard, "mood_style": mood()},
            )
        ).json()["scenes_with_seeds"]
        started = await client.post("/api/video/generate", params=params, json={"scenes": seeded})
        job_id = started.json()["job_id"]
        failed, _ = await poll(client, f"/api/video/status/{job_id}")
        recorded = await _read_once(client, project_id, lambda p: p["clip_job_id"] == job_id)
        retry = await client.post(f"/api/video/generate/{job_id}/retry", params=params, json={})
        retried, _ = await poll(client, f"/api/video/status/{retry.json()['job_id']}")
        after_retry = await _read_once(
            client, project_id, lambda p: p["clip_job_id"] == retry.json()["job_id"]
        )

    assert started.status_code == 202, started.text
    assert failed["status"] == "failed"
    assert recorded["clips"] == failed["clips"], "finished and failed clips alike, with reasons"
    assert retried["status"] == "complete"
    assert after_retry["clips"] == retried["clips"]
    assert all(clip["status"] == "complete" for clip in after_retry["clips"])


@pytest.mark.slow
async def test_a_composed_ad_joins_the_project_and_leaves_with_it(
    api: ClientFactory, media_root: Path
) -> None:
    async with api(fake_providers()) as client:
        project_id = await _project(client)
        params = {"project_id": project_id}
        seeded = (
            await client.post(
                "/api/scenes/seeds", params=params, json={"scenes": scenes(), "mood_style": mood()}
            )
        ).json()["scenes_with_seeds"]
        job = (
            await client.post("/api/video/generate", params=params, json={"scenes": seeded})
        ).json()
        clips, _ = await poll(client, f"/api/video/status/{job['job_id']}")
        # One spoken line: the ad gets captions, which the project keeps (and deletes) too.
        spoken = [clip | {"voiceover": "Look closer."} for clip in clips["clips"][:1]]
        started = await client.post(
            "/api/video/compose",
            params=params,
            json={
                "clips": spoken + clips["clips"][1:],
                "mood": mood(),
                "creative_brief": brief(),
                "formats": ["9:16", "1:1"],
            },
        )
        final, _ = await poll(
            client, f"/api/video/compose/status/{started.json()['job_id']}", within=240
        )
        project = await _read_once(client, project_id, lambda p: len(p["ads"]) == 1)
        listed = (await client.get("/api/projects")).json()["projects"]
        deleted = await client.delete(f"/api/projects/{project_id}")
        ad_after = await client.get(final["final_video_url"].removeprefix(BASE_URL))

    assert final["status"] == "complete", final
    [ad] = project["ads"]
    assert ad["job_id"] == started.json()["job_id"]
    assert ad["final_video_url"] == final["final_video_url"]
    assert ad["final_videos"] == final["final_videos"]
    assert ad["audio_url"] == final["audio_url"]
    assert final["captions_url"] and final["captions_srt_url"], "a spoken line has captions"
    assert (ad["captions_url"], ad["captions_srt_url"]) == (
        final["captions_url"],
        final["captions_srt_url"],
    ), "an opened project offers the ad's captions"
    assert ad["duration"] == pytest.approx(30, abs=1 / 30)
    assert ad["poster_url"] == seeded[0]["seed_image_url"], "the ad opens on scene 1's seed"
    assert listed[0]["thumbnail_url"] == ad["poster_url"] and listed[0]["ad_count"] == 1
    assert deleted.status_code == 204
    assert ad_after.status_code == 404
    urls = [*final["final_videos"].values(), final["audio_url"]]
    urls += [final["captions_url"], final["captions_srt_url"]]
    urls += [c["video_url"] for c in clips["clips"]] + [s["seed_image_url"] for s in seeded]
    left = [url for url in urls if (media_root / url.removeprefix(f"{BASE_URL}/media/")).exists()]
    assert left == [], "the ad, its formats, music, captions, clips and seeds went with it"
    assert _records(media_root) == [], "and the records kept beside them"


def _records(media_root: Path) -> list[Path]:
    return [*media_root.glob("**/*.uses.json"), *media_root.glob("**/*.form.json")]


def _counting_providers() -> tuple[Providers, FakeImages, FakeMotion]:
    images, motion = FakeImages(), FakeMotion()
    return (
        Providers(director=LocalDirector(), images=images, motion=motion, music=FakeMusic()),
        images,
        motion,
    )


# A named id for the random one: every pytest-xdist worker must collect the same test ids.
@pytest.mark.parametrize(
    "project_id",
    [pytest.param(str(uuid.uuid4()), id="unknown-uuid"), "not-a-uuid", "' OR 1=1 --"],
)
async def test_an_unknown_project_is_a_404_and_no_work_is_done(
    api: ClientFactory, project_id: str
) -> None:
    providers, images, motion = _counting_providers()
    params = {"project_id": project_id}
    seeded = [
        {**scene, "seed_image_url": f"{BASE_URL}/media/seeds/nothing.png"} for scene in scenes()
    ]
    async with api(providers) as client:
        answers = [
            await client.post("/api/director/chat", params=params, json={"messages": [_ui("user", "hi", 0)]}),
            await client.post("/api/director/brief", params=params, json={"messages": [_ui("user", "hi", 0)]}),
            await client.post("/api/moods/generate", params=params, json={"creative_brief": brief()}),
            await client.post("/api/scenes/plan", params=params, json={"creative_brief": brief(), "selected_mood": mood()}),
            await client.post("/api/scenes/seeds", params=params, json={"scenes": scenes()}),
            await client.post("/api/scenes/seeds/1", params=params, json={"scenes": scenes()}),
            await client.post("/api/video/generate", params=params, json={"scenes": seeded}),
            await client.post(f"/api/video/generate/{uuid.uuid4()}/retry", params=params, json={}),
            await client.post("/api/video/compose", params=params, json={"clips": [{"scene_number": n, "video_url": f"{BASE_URL}/media/clips/{n}.mp4"} for n in range(1, 6)]}),
        ]  # fmt: skip

    for response in answers:
        assert response.status_code == 404, (response.request.url, response.text)
        assert response.json()["code"] == "project_not_found"
    assert images.specs == [] and motion.specs == [], "nothing was painted or rendered"


class _HeldMotion(FakeMotion):
    """A scene whose prompt says `[hold]` stays in flight, a partial file written, until
    released; the others render at once."""

    def __init__(self) -> None:
        super().__init__()
        self.holding = asyncio.Event()
        self.release = asyncio.Event()

    async def animate(self, spec: Any, out: Path, on_progress: Any = None) -> Path:
        if "[hold]" in spec.prompt:
            await asyncio.to_thread(out.write_bytes, b"half a clip")
            self.holding.set()
            await self.release.wait()
        return await super().animate(spec, out, on_progress)


def _media_files(root: Path, folder: str) -> list[str]:
    return sorted(p.name for p in (root / folder).rglob("*") if p.is_file())


@pytest.mark.slow
async def test_deleting_a_project_stops_its_running_job_and_removes_what_it_made(
    api: ClientFactory, media_root: Path
) -> None:
    """Issue 13: deleting a project deletes its media, the outputs of its jobs included, and a
    job still running for it is stopped first: nothing of it is left on disk, or brought back."""
    motion = _HeldMotion()
    async with api(fake_providers(motion)) as client:
        project_id = await _project(client)
        params = {"project_id": project_id}
        storyboard = scenes()
        storyboard[2]["description"] += " [hold]"
        seeded = (
            await client.post(
                "/api/scenes/seeds", json={"scenes": storyboard, "mood_style": mood()}
            )
        ).json()["scenes_with_seeds"]
        job = (
            await client.post("/api/video/generate", params=params, json={"scenes": seeded})
        ).json()
        await asyncio.wait_for(motion.holding.wait(), 60)
        while True:  # the other four clips finish while scene 3 is held
            status = (await client.get(f"/api/video/status/{job['job_id']}")).json()
            if sum(c["status"] == "complete" for c in status["clips"]) == 4:
                break
            await asyncio.sleep(0.05)
        made = _media_files(media_root, "clips")

        deleted = await client.delete(f"/api/projects/{project_id}")
        motion.release.set()
        await asyncio.sleep(0.2)
        after = await client.get(f"/api/video/status/{job['job_id']}")
        listed = (await client.get("/api/projects")).json()["projects"]
        health = await client.get("/health")

    finished = [name for name in made if name.endswith(".mp4") and not name.startswith(".")]
    assert len(finished) == 4 and any(".partial" in name for name in made), made
    assert deleted.status_code == 204
    assert _media_files(media_root, "clips") == [], "the job's clips (and its partial) are gone"
    assert after.status_code == 404 and after.json()["code"] == "job_not_found"
    assert listed == [] and health.status_code == 200
