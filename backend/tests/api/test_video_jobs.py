from __future__ import annotations

from typing import Any

import av
import httpx
import pytest

from app.ffmpeg.form import ClipForm, sidecar_path
from app.ffmpeg.probe import probe
from app.ffmpeg.timing import clip_cuts
from tests.conftest import BASE_URL, ClientFactory
from tests.utils.factories import brief, fake_providers, mood, poll, scenes
from tests.utils.fakes import FakeMotion

pytestmark = pytest.mark.anyio


async def _seeded(client: httpx.AsyncClient, **scene_overrides: Any) -> list[dict[str, Any]]:
    storyboard = scenes()
    for number, changes in scene_overrides.items():
        storyboard[int(number.removeprefix("scene")) - 1].update(changes)
    response = await client.post(
        "/api/scenes/seeds", json={"scenes": storyboard, "mood_style": mood()}
    )
    assert response.status_code == 200, response.text
    seeded: list[dict[str, Any]] = response.json()["scenes_with_seeds"]
    return seeded


@pytest.mark.slow
async def test_clip_job_reports_every_clip_and_never_goes_backwards(api: ClientFactory) -> None:
    motion = FakeMotion()
    async with api(fake_providers(motion)) as client:
        seeded = await _seeded(client)
        started = await client.post("/api/video/generate", json={"scenes": seeded})
        assert started.status_code == 202, started.text
        job = started.json()
        assert job["status"] == "processing"
        assert [c["scene_number"] for c in job["clips"]] == [1, 2, 3, 4, 5]

        done, progress = await poll(client, f"/api/video/status/{job['job_id']}")
        anyjob = (await client.get(f"/api/status/{job['job_id']}")).json()

    assert done["status"] == "complete" and done["progress"] == 100
    assert progress == sorted(progress), "progress must never go down"
    assert all(c["status"] == "complete" and c["video_url"] for c in done["clips"])
    assert [c["duration"] for c in done["clips"]] == [4, 6, 6, 6, 8]
    # Every clip but the last carries 0.5 s of tail for the crossfade into the next.
    assert sorted(spec.duration for spec in motion.specs) == [4.5, 6.5, 6.5, 6.5, 8]
    assert anyjob["kind"] == "clips" and anyjob["status"] == "complete"


@pytest.mark.slow
async def test_a_failed_clip_has_a_reason_the_others_finish_and_a_retry_fixes_it(
    api: ClientFactory,
) -> None:
    async with api(fake_providers(FakeMotion(fail_once=True))) as client:
        seeded = await _seeded(client, scene3={"description": "Refused shot [refuse]"})
        job = (await client.post("/api/video/generate", json={"scenes": seeded})).json()
        failed, _ = await poll(client, f"/api/video/status/{job['job_id']}")

        assert failed["status"] == "failed"
        assert failed["error"]["code"] == "clips_failed"
        by_scene = {c["scene_number"]: c for c in failed["clips"]}
        assert by_scene[3]["status"] == "failed" and by_scene[3]["video_url"] is None
        assert by_scene[3]["error"] == {
            "code": "provider_error",
            "message": "The motion model refused this image.",
        }
        assert all(by_scene[n]["status"] == "complete" for n in (1, 2, 4, 5))
        assert (await client.get("/health")).status_code == 200

        retry = await client.post(f"/api/video/generate/{job['job_id']}/retry", json={})
        assert retry.status_code == 202, retry.text
        retried, _ = await poll(client, f"/api/video/status/{retry.json()['job_id']}")

    assert retried["status"] == "complete"
    kept = {c["scene_number"]: c["video_url"] for c in retried["clips"]}
    assert all(kept[n] == by_scene[n]["video_url"] for n in (1, 2, 4, 5)), "finished clips kept"
    assert kept[3] is not None


async def test_unknown_jobs_are_404(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        for url in (
            "/api/video/status/nope",
            "/api/video/compose/status/nope",
            "/api/status/nope",
        ):
            response = await client.get(url)
            assert response.status_code == 404, url
            assert response.json()["code"] == "job_not_found"
        retry = await client.post("/api/video/generate/nope/retry", json={})
        assert retry.status_code == 404


@pytest.mark.slow
async def test_compose_makes_a_thirty_second_vertical_ad_from_finished_clips(
    api: ClientFactory, media_root
) -> None:
    async with api(fake_providers()) as client:
        seeded = await _seeded(client)
        job = (await client.post("/api/video/generate", json={"scenes": seeded})).json()
        clips, _ = await poll(client, f"/api/video/status/{job['job_id']}")
        # The fake provider's small clips were brought to the ad's form as each arrived.
        cuts = clip_cuts([c["duration"] for c in clips["clips"]])
        for clip, cut in zip(clips["clips"], cuts, strict=True):
            path = media_root / clip["video_url"].removeprefix(f"{BASE_URL}/media/")
            info = probe(path)
            assert (info.width, info.height, info.fps, info.frames) == (1080, 1920, 30, cut.length)
            assert ClipForm.from_json(sidecar_path(path).read_text()).frames == cut.length

        started = await client.post(
            "/api/video/compose",
            json={
                "clips": clips["clips"],
                "mood": mood(),
                "creative_brief": brief(),
                "formats": ["9:16", "1:1"],
            },
        )
        assert started.status_code == 202, started.text
        assert set(started.json()) >= {"job_id", "status"}
        # A clip job id is not a compose job.
        wrong_kind = await client.get(f"/api/video/compose/status/{job['job_id']}")
        assert wrong_kind.status_code == 404

        final, progress = await poll(
            client, f"/api/video/compose/status/{started.json()['job_id']}", within=240
        )
        assert final["status"] == "complete", final
        assert list(final["final_videos"]) == ["9:16", "1:1"]
        assert final["final_video_url"] == final["final_videos"]["9:16"]
        anyjob = (await client.get(f"/api/status/{started.json()['job_id']}")).json()
        assert anyjob["final_videos"] == final["final_videos"]
        assert final["duration"] == pytest.approx(30, abs=1 / 30)
        assert progress == sorted(progress) and final["progress"] == 100
        video = await client.get(final["final_video_url"].removeprefix(BASE_URL))
        audio = await client.get(final["audio_url"].removeprefix(BASE_URL))

    assert video.status_code == 200 and audio.status_code == 200
    path = media_root / final["final_video_url"].removeprefix(f"{BASE_URL}/media/")
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height) == (1080, 1920)
        assert container.streams.audio
    square = media_root / final["final_videos"]["1:1"].removeprefix(f"{BASE_URL}/media/")
    with av.open(str(square)) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height, stream.frames) == (1080, 1080, 900)
        assert container.duration / av.time_base == pytest.approx(30, abs=1 / 30)
        assert container.streams.audio


@pytest.mark.parametrize(
    ("formats", "reason"),
    [(["9:16", "2:1"], "'9:16', '1:1', '4:5' or '16:9'"), (["1:1", "1:1"], "each format once"), ([], "at least 1")],
)  # fmt: skip
async def test_compose_refuses_formats_it_cannot_make(
    api: ClientFactory, formats: list[str], reason: str
) -> None:
    clips = [{"scene_number": n, "video_url": f"/media/clips/{n}.mp4"} for n in range(1, 6)]
    async with api(fake_providers()) as client:
        response = await client.post(
            "/api/video/compose", json={"clips": clips, "formats": formats}
        )
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert any(e["loc"][:2] == ["body", "formats"] and reason in e["msg"] for e in errors), errors


@pytest.mark.parametrize(
    ("clips", "reason"),
    [
        ([], "at least 5"),
        (
            [{"scene_number": n, "video_url": f"/media/clips/{n}.mp4", "duration": 5} for n in range(1, 6)],
            "sum to exactly 30",
        ),
        (
            [{"scene_number": n, "video_url": f"/media/clips/{n}.mp4", "status": "failed" if n == 2 else "complete"} for n in range(1, 6)],
            "no finished clip",
        ),
    ],
)  # fmt: skip
async def test_compose_refuses_what_cannot_make_an_ad(
    api: ClientFactory, clips: list[dict[str, Any]], reason: str
) -> None:
    async with api(fake_providers()) as client:
        response = await client.post("/api/video/compose", json={"clips": clips})
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert any(e["loc"][:2] == ["body", "clips"] and reason in e["msg"] for e in errors), errors


async def test_compose_with_a_missing_clip_is_refused_with_a_reason(api: ClientFactory) -> None:
    clips = [
        {"scene_number": n, "video_url": f"{BASE_URL}/media/clips/gone-{n}.mp4"}
        for n in range(1, 6)
    ]
    async with api(fake_providers()) as client:
        response = await client.post("/api/video/compose", json={"clips": clips})
        assert (await client.get("/health")).status_code == 200
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert [e["loc"] for e in errors] == [["body", "clips", n, "video_url"] for n in range(5)]
    assert {e["type"] for e in errors} == {"url_refused"}
    assert "no media file exists" in errors[0]["msg"]
