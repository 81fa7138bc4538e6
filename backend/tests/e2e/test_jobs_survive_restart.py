"""Issue 13: jobs survive a restart. The real API runs as a process of its own, its motion model
the fake Replicate (a live server here, counting every create), and is killed (SIGKILL) in the
middle of a clip job and of a compose, then started again on the same data:

* the clip job completes; each finished clip's model was called exactly once, and the clip
  whose prediction was in flight re-attached to it (creates = scenes);
* the compose completes from its clips, nothing of the killed run left on disk;
* a graceful stop (SIGTERM) leaves an in-flight prediction running and the next start
  re-attaches to it, nothing canceled and nothing created again;
* status and retry answer for jobs of an earlier process, from the database (the retry here is
  of a job the restarted process never held);
* deleting the project removes what its jobs made.
"""

from __future__ import annotations

import collections
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import av
import pytest

from tests.fakes import media
from tests.fakes.live_server import LiveServer
from tests.fakes.replicate_api import TOKEN, FakeReplicate
from tests.utils.api_process import ApiProcess, finished, wait_for
from tests.utils.factories import brief, mood, scenes

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]
"""Four server starts, five clips and two composes: minutes, not the usual few seconds, on a
busy machine."""

HELD_SCENE = 3


@pytest.fixture
def replicate() -> Iterator[FakeReplicate]:
    media.mp4(5)  # rendered once up front, outside any prediction's deadline
    fake = FakeReplicate()
    server = LiveServer(fake.app()).start()
    fake.origin = server.origin
    yield fake
    server.stop()


@pytest.fixture
def api(tmp_path: Path, replicate: FakeReplicate) -> Iterator[ApiProcess]:
    process = ApiProcess(
        tmp_path,
        {
            "MOTION_PROVIDER": "remote",
            "REPLICATE_API_TOKEN": TOKEN,
            "REPLICATE_BASE_URL": replicate.origin,
            "REPLICATE_POLL_INTERVAL": "0.05",
            "REPLICATE_BACKOFF_BASE_SECONDS": "0.01",
            "REPLICATE_BACKOFF_MAX_SECONDS": "0.05",
            "REPLICATE_MOTION__DEADLINE_SECONDS": "300",
            "FETCH_ALLOWED_HOSTS": "127.0.0.1",
        },
    )
    yield process
    try:
        process.kill()
    finally:
        print(process.logged())  # shown when the test failed


def _storyboard(api: ApiProcess) -> list[dict[str, Any]]:
    """Five scenes whose seeds are already in the server's store; scene 3's model is slow."""
    seeds = api.media / "seeds"
    seeds.mkdir(parents=True)
    storyboard = scenes()
    for scene in storyboard:
        number = scene["scene_number"]
        (seeds / f"seed-{number}.png").write_bytes(media.png(90, 160, f"scene {number}"))
        scene["seed_image_url"] = f"{api.origin}/media/seeds/seed-{number}.png"
        if number == HELD_SCENE:
            scene["description"] += " [held]"
    return storyboard


def _creates(replicate: FakeReplicate) -> collections.Counter[int]:
    """Predictions created, per scene (its number is in the prompt)."""
    return collections.Counter(
        int(str(p.input["prompt"]).split(":")[0].removeprefix("Scene "))
        for p in replicate.created()
    )


def _steps(api: ApiProcess, job_id: str) -> dict[str, tuple[str, str | None, str | None]]:
    try:
        rows = api.query(
            "SELECT name, status, output_key, prediction_id FROM job_steps WHERE job_id = ?", job_id
        )
    except sqlite3.OperationalError:  # not created yet
        return {}
    return {name: (status, key, prediction) for name, status, key, prediction in rows}


def _job_status(api: ApiProcess, job_id: str) -> str:
    [(status,)] = api.query("SELECT status FROM jobs WHERE id = ?", job_id)
    return str(status)


def _file(api: ApiProcess, url: str) -> Path:
    return api.media / urlsplit(url).path.removeprefix("/media/")


def _restarted_until_done(api: ApiProcess, status_url: str, what: str) -> dict[str, Any]:
    """Start the killed server again on the same data; the job's status once it has ended."""
    seconds_to_start = api.start()
    resumed_at = time.monotonic()
    with api.client() as client:
        done = finished(client, status_url)
    print(
        f"after SIGKILL: answering {seconds_to_start:.2f} s after start; {what} done "
        f"{time.monotonic() - resumed_at:.2f} s later"
    )
    return done


def test_clip_and_compose_jobs_survive_a_killed_server(
    api: ApiProcess, replicate: FakeReplicate
) -> None:
    storyboard = _storyboard(api)
    replicate.held = True
    api.start()
    with api.client() as client:
        project_id = client.post("/api/projects", json={"name": "Serum"}).json()["project_id"]
        params = {"project_id": project_id}
        started = client.post("/api/video/generate", params=params, json={"scenes": storyboard})
        assert started.status_code == 202, started.text
        clip_job = started.json()["job_id"]

    # Killed with four clips finished (checkpointed) and scene 3's prediction in flight.
    def four_done_one_in_flight() -> dict[str, tuple[str, str | None, str | None]] | None:
        steps = _steps(api, clip_job)
        done = [n for n, (status, key, _) in steps.items() if status == "complete" and key]
        held = steps.get(f"clip-{HELD_SCENE}")
        return steps if len(done) == 4 and held and held[2] else None

    before = wait_for(four_done_one_in_flight, "four clips and a prediction in flight")
    api.kill()
    held_prediction = before[f"clip-{HELD_SCENE}"][2]
    assert _job_status(api, clip_job) == "processing"
    assert replicate.running() and replicate.running()[0].id == held_prediction
    replicate.held = False

    clips = _restarted_until_done(api, f"/api/video/status/{clip_job}", "the clip job")

    assert clips["status"] == "complete", clips
    assert all(clip["status"] == "complete" for clip in clips["clips"])
    assert _creates(replicate) == {n: 1 for n in range(1, 6)}, "each clip's model called once"
    assert replicate.canceled == [], "the prediction in flight was re-attached, not canceled"
    by_scene = {clip["scene_number"]: clip["video_url"] for clip in clips["clips"]}
    for number in (1, 2, 4, 5):  # the clips finished before the kill are the ones kept
        assert by_scene[number].endswith(before[f"clip-{number}"][1] or "?")
    assert all(_file(api, url).is_file() for url in by_scene.values())

    # A compose killed while it encodes runs again from its clips after the restart.
    compose_body = {
        "clips": [
            {
                "scene_number": c["scene_number"],
                "video_url": c["video_url"],
                "duration": c["duration"],
            }
            for c in clips["clips"]
        ],
        "mood": mood(),
        "creative_brief": brief(),
        "voice": "none",
    }
    with api.client() as client:
        composing = client.post("/api/video/compose", params=params, json=compose_body)
        assert composing.status_code == 202, composing.text
        compose_job = composing.json()["job_id"]

    def encoding() -> bool | None:
        step = _steps(api, compose_job).get("compose")
        return True if step and step[0] == "processing" else None

    wait_for(encoding, "the compose step")
    api.kill()
    assert _job_status(api, compose_job) == "processing", "killed mid-compose"

    ad = _restarted_until_done(api, f"/api/video/compose/status/{compose_job}", "the ad")

    assert ad["status"] == "complete", ad
    with av.open(str(_file(api, ad["final_video_url"]))) as container:
        assert container.streams.video and container.streams.audio
    assert api.partial_files() == [], "nothing of the killed runs is left behind"
    assert sum(_creates(replicate).values()) == 5, "composing again rendered no clip"

    # A graceful stop leaves a prediction in flight running; the next start re-attaches to it.
    replicate.held = True
    with api.client() as client:
        retry = client.post(
            f"/api/video/generate/{clip_job}/retry",
            params=params,
            json={"scene_numbers": [HELD_SCENE]},
        )
        assert retry.status_code == 202, retry.text
        retry_job = retry.json()["job_id"]
    wait_for(
        lambda: (
            True if (_steps(api, retry_job).get(f"clip-{HELD_SCENE}") or ("", "", ""))[2] else None
        ),
        "the retry's prediction",
    )
    api.terminate()
    assert replicate.canceled == [] and len(replicate.running()) == 1, "left running at SIGTERM"
    replicate.held = False

    api.start()
    with api.client() as client:
        retried = finished(client, f"/api/video/status/{retry_job}")
        # Jobs of earlier processes answer from the database.
        old_clips = client.get(f"/api/video/status/{clip_job}")
        old_ad = client.get(f"/api/status/{compose_job}")
        unknown = client.get("/api/status/not-a-job")
        project = client.get(f"/api/projects/{project_id}").json()

    assert retried["status"] == "complete"
    assert _creates(replicate)[HELD_SCENE] == 2, "the retry's prediction was re-attached"
    assert replicate.canceled == []
    assert old_clips.status_code == 200 and old_clips.json()["status"] == "complete"
    assert old_ad.status_code == 200 and old_ad.json()["final_video_url"] == ad["final_video_url"]
    assert unknown.status_code == 404 and unknown.json()["code"] == "job_not_found"
    assert [a["job_id"] for a in project["ads"]] == [compose_job], "recorded by the resumed job"
    assert project["clip_job_id"] == retry_job

    # Deleting the project removes every clip, music track and ad its jobs made.
    made = [api.media / folder for folder in ("clips", "music", "ads")]
    assert all(any(folder.iterdir()) for folder in made)
    with api.client() as client:
        assert client.delete(f"/api/projects/{project_id}").status_code == 204
        gone = client.get(f"/api/video/status/{clip_job}")
    assert [sorted(p.name for p in folder.iterdir()) for folder in made] == [[], [], []]
    assert gone.status_code == 404
