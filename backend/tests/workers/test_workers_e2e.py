"""Issue 14, workers: with `JOB_BACKEND=celery` the API (real uvicorn) only enqueues and reads,
and `python -m app.workers` processes render, on a real Redis.

* a clip job made by a worker while the API was killed is complete, and in its project, when
  the API comes back; its ad is composed by the worker with progress pushed to the API's events;
* two workers share a job's clips; one is killed (SIGKILL, its whole process group) mid-clip,
  and the other finishes the job, re-attaching to the predictions the dead one had started:
  every clip's model was called exactly once.
"""

from __future__ import annotations

import collections
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import av
import httpx
import pytest

from tests.fakes import media
from tests.fakes.live_server import LiveServer
from tests.fakes.replicate_api import TOKEN, FakeReplicate
from tests.utils.api_process import ApiProcess, finished, wait_for
from tests.utils.factories import brief, mood, scenes
from tests.utils.redis_server import RedisServer
from tests.utils.worker_process import WorkerProcess

pytestmark = [pytest.mark.slow, pytest.mark.scale, pytest.mark.timeout(900)]


def _storyboard(api: ApiProcess, held: set[int] | None = None) -> list[dict[str, Any]]:
    """Five scenes whose seeds are in the store; the `held` ones' remote model is slow."""
    seeds = api.media / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    storyboard = scenes()
    for scene in storyboard:
        number = scene["scene_number"]
        (seeds / f"seed-{number}.png").write_bytes(media.png(90, 160, f"scene {number}"))
        scene["seed_image_url"] = f"{api.origin}/media/seeds/seed-{number}.png"
        if number in (held or set()):
            scene["description"] += " [held]"
    return storyboard


def _job_status(api: ApiProcess, job_id: str) -> str | None:
    rows = api.query("SELECT status FROM jobs WHERE id = ?", job_id)
    return str(rows[0][0]) if rows else None


def _steps(api: ApiProcess, job_id: str) -> dict[str, tuple[str, str | None, str | None]]:
    rows = api.query(
        "SELECT name, status, output_key, prediction_id FROM job_steps WHERE job_id = ?", job_id
    )
    return {name: (status, key, prediction) for name, status, key, prediction in rows}


def _events(api: ApiProcess, job_id: str) -> list[dict[str, Any]]:
    """Every event of the job's progress stream, to its end."""
    bodies = []
    with httpx.stream("GET", f"{api.origin}/api/jobs/{job_id}/events", timeout=300) as stream:
        assert stream.status_code == 200
        for line in stream.iter_lines():
            if line.startswith("data:"):
                bodies.append(json.loads(line.removeprefix("data:")))
    return bodies


@pytest.fixture
def stack(tmp_path: Path, redis_server: RedisServer) -> Iterator[dict[str, Any]]:
    """The API's settings (celery, a Redis database of this test's own) and its workers,
    stopped at the end; their logs shown when the test failed."""
    made: dict[str, Any] = {"workers": [], "apis": []}
    made["env"] = {"JOB_BACKEND": "celery", "REDIS_URL": redis_server.url()}
    yield made
    for worker in made["workers"]:
        worker.stop()
        print(f"--- {worker.name}\n{worker.logged()[-4000:]}")
    for api in made["apis"]:
        api.kill()
        print(f"--- api\n{api.logged()}")


def _start(stack: dict[str, Any], tmp_path: Path, env: dict[str, str], workers: int) -> ApiProcess:
    api = ApiProcess(tmp_path, {**stack["env"], **env})
    stack["apis"].append(api)
    for n in range(1, workers + 1):
        worker = WorkerProcess(f"w{n}", api.env, tmp_path / f"w{n}.log").start()
        stack["workers"].append(worker)
    api.start()
    return api


def test_a_worker_renders_while_the_api_is_down_and_its_work_is_in_the_project(
    tmp_path: Path, stack: dict[str, Any]
) -> None:
    api = _start(stack, tmp_path, {}, workers=1)
    with api.client() as client:
        project_id = client.post("/api/projects", json={"name": "Serum"}).json()["project_id"]
        params = {"project_id": project_id}
        started = client.post(
            "/api/video/generate", params=params, json={"scenes": _storyboard(api)}
        )
        assert started.status_code == 202, started.text
        clip_job = started.json()["job_id"]
    api.kill()  # the worker carries on alone

    wait_for(lambda: _job_status(api, clip_job) != "processing" or None, "the worker's clips")
    api.start()
    with api.client() as client:
        clips = finished(client, f"/api/video/status/{clip_job}")
        project = client.get(f"/api/projects/{project_id}").json()
    assert clips["status"] == "complete", clips
    assert project["clip_job_id"] == clip_job, "recorded by the worker while the API was down"
    assert [c["status"] for c in project["clips"]] == ["complete"] * 5

    body = {
        "clips": [
            {k: c[k] for k in ("scene_number", "video_url", "duration")} for c in clips["clips"]
        ],
        "mood": mood(),
        "creative_brief": brief(),
        "voice": "none",
    }
    with api.client() as client:
        composing = client.post("/api/video/compose", params=params, json=body)
        assert composing.status_code == 202, composing.text
        compose_job = composing.json()["job_id"]
    events = _events(api, compose_job)
    with api.client() as client:
        project = client.get(f"/api/projects/{project_id}").json()

    ad = events[-1]
    assert ad["status"] == "complete", ad
    bars = [event["progress"] for event in events]
    assert bars == sorted(bars) and any(0 < bar < 100 for bar in bars), "pushed as it went"
    path = api.media / urlsplit(ad["final_video_url"]).path.removeprefix("/media/")
    with av.open(str(path)) as container:
        assert container.streams.video and container.streams.audio
    assert [a["job_id"] for a in project["ads"]] == [compose_job], "recorded once"


HELD = {3, 4, 5}
VISIBILITY_SECONDS = 15
"""Longer than any step of this test once the held predictions are released (a few seconds),
so only the dead worker's steps are handed out again.

How they come back: a delivered message waits in Redis's `unacked` hash (indexed by delivery
time in `unacked_index`) until it is acknowledged. Nobody acknowledges a SIGKILLed worker's;
the live worker's event loop calls `QoS.restore_visible` every `unacked_restore_interval`
seconds (kombu 5.7, `kombu/transport/redis.py`, scheduled in
`Transport.register_with_event_loop`), which pushes back onto the queue every message
delivered more than `visibility_timeout` ago. `app.workers.celery_app.transport_options` sets
that interval to a quarter of the timeout (here 3 s) and scans on every call, so the dead
worker's clips return 15-18 s after it took them. Were a live worker's step slower than the
timeout it would be handed out twice: harmless here (the second re-attaches to the same
prediction), which is why the timeout is kept above the longest step."""


@pytest.fixture
def replicate() -> Iterator[FakeReplicate]:
    media.mp4(5)  # rendered once up front, outside any prediction's deadline
    fake = FakeReplicate()
    server = LiveServer(fake.app()).start()
    fake.origin = server.origin
    yield fake
    server.stop()


def _creates(replicate: FakeReplicate) -> collections.Counter[int]:
    """Predictions created, per scene (its number is in the prompt)."""
    return collections.Counter(
        int(str(p.input["prompt"]).split(":")[0].removeprefix("Scene "))
        for p in replicate.created()
    )


def _rendering(worker: WorkerProcess) -> set[int]:
    """The scenes this worker has taken up, from its log."""
    return {int(n) for n in re.findall(r"clip job \S+: scene (\d+) rendering", worker.logged())}


def test_a_killed_workers_clips_are_finished_by_the_other_each_model_called_once(
    tmp_path: Path, stack: dict[str, Any], replicate: FakeReplicate
) -> None:
    env = {
        "MOTION_PROVIDER": "remote",
        "REPLICATE_API_TOKEN": TOKEN,
        "REPLICATE_BASE_URL": replicate.origin,
        "REPLICATE_POLL_INTERVAL": "0.05",
        "REPLICATE_BACKOFF_BASE_SECONDS": "0.01",
        "REPLICATE_BACKOFF_MAX_SECONDS": "0.05",
        "REPLICATE_MOTION__DEADLINE_SECONDS": "300",
        "FETCH_ALLOWED_HOSTS": "127.0.0.1",
        "CELERY_VISIBILITY_TIMEOUT_SECONDS": str(VISIBILITY_SECONDS),
    }
    replicate.held = True
    api = _start(stack, tmp_path, env, workers=2)
    first, second = stack["workers"]
    with api.client() as client:
        started = client.post("/api/video/generate", json={"scenes": _storyboard(api, HELD)})
        assert started.status_code == 202, started.text
        job_id = started.json()["job_id"]

    # Two clips finished; the three held ones in flight, shared between the two workers.
    def two_done_three_in_flight() -> dict[str, tuple[str, str | None, str | None]] | None:
        steps = _steps(api, job_id)
        done = [n for n, (status, key, _) in steps.items() if status == "complete" and key]
        flying = [n for n in HELD if (steps.get(f"clip-{n}") or ("", None, None))[2]]
        return steps if len(done) == 2 and len(flying) == 3 else None

    before = wait_for(two_done_three_in_flight, "two clips done and three in flight", 240)
    victim = first if _rendering(first) & HELD else second
    survivor = second if victim is first else first
    orphaned = _rendering(victim) & HELD
    victim.kill()
    killed_at = time.monotonic()
    replicate.held = False

    with api.client() as client:
        clips = finished(client, f"/api/video/status/{job_id}", within=240)
    print(
        f"{len(orphaned)} clips orphaned; the job done {time.monotonic() - killed_at:.1f} s later"
    )

    assert clips["status"] == "complete", clips
    assert _creates(replicate) == {n: 1 for n in range(1, 6)}, "each clip's model called once"
    assert replicate.canceled == [], "the dead worker's predictions were re-attached to"
    by_scene = {c["scene_number"]: c["video_url"] for c in clips["clips"]}
    for number in {1, 2}:  # finished before the kill: kept, not rendered again
        assert by_scene[number].endswith(before[f"clip-{number}"][1] or "?")
    taken_over = re.findall(r"scene (\d+) re-attaching", survivor.logged())
    assert orphaned and orphaned <= {int(n) for n in taken_over}, "finished by the survivor"
