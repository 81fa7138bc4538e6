"""An ad made on the scale-out topology: the API only enqueues and reads, two workers render the
clips and compose from Redis, projects and jobs live in PostgreSQL and media in the bucket; the
ad comes back whole through `/media`. A second user sees none of it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import anyio
import httpx
import pytest

from tests.scale.conftest import Topology, signed_up, steps_run
from tests.utils.assertions import assert_is_the_final_ad
from tests.utils.walkthrough import Walkthrough, make_an_ad

pytestmark = [pytest.mark.scale, pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def adas_ad(topology: Topology) -> dict[str, Any]:
    """Ada's project and her ad, made once through the API: what the tests below look at."""

    async def make() -> dict[str, Any]:
        async with signed_up(topology.api_url, "ada@example.com") as client:
            created = await client.post("/api/projects", json={"name": "Serum"})
            assert created.status_code == 201, created.text
            ad = await make_an_ad(client, within=600)
        return {"ad": ad, "project_id": created.json()["project_id"]}

    def counted() -> tuple[list[int], list[int]]:
        return steps_run(topology, "clip_step"), steps_run(topology, "compose_step")

    before = counted()
    made = anyio.run(make)
    # Celery logs a step's success once its task has returned, a moment after the job it ended
    # has answered "complete": wait for the lines (a step that never ran never logs one).
    clips = len(made["ad"].clips["clips"])
    deadline = time.monotonic() + 30
    while True:
        after = counted()
        made["clip_steps"], made["compose_steps"] = (
            [now - then for now, then in zip(a, b, strict=True)]
            for a, b in zip(after, before, strict=True)
        )
        logged = sum(made["clip_steps"]) >= clips and sum(made["compose_steps"]) >= 1
        if logged or time.monotonic() > deadline:
            return made
        time.sleep(0.2)


def _with_query(url: str, **changes: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query=urlencode({**dict(parse_qsl(parts.query)), **changes})))


@pytest.mark.anyio
async def test_an_ad_is_made_by_two_workers_and_served_from_the_bucket(
    topology: Topology, adas_ad: dict[str, Any], tmp_path: Path
) -> None:
    ad: Walkthrough = adas_ad["ad"]
    assert ad.clips["status"] == "complete", ad.clips
    assert ad.final["status"] == "complete", ad.final
    url = ad.final["final_video_url"]
    assert url.startswith(f"{topology.api_url}/media/ads/")
    async with httpx.AsyncClient(timeout=60) as client:
        response = await client.get(url)  # signed: a <video> needs no token
    assert response.status_code == 200
    copy = tmp_path / "ad.mp4"
    copy.write_bytes(response.content)
    assert_is_the_final_ad(copy)
    # The workers made it, both taking clips, each clip once; one of them composed.
    clips = adas_ad["clip_steps"]
    assert sum(clips) == len(ad.clips["clips"]) >= 5, clips
    assert all(clips), clips
    assert sorted(adas_ad["compose_steps"]) == [0, 1]


@pytest.mark.anyio
async def test_another_user_sees_none_of_her_projects_jobs_or_media(
    topology: Topology, adas_ad: dict[str, Any]
) -> None:
    ad: Walkthrough = adas_ad["ad"]
    project = adas_ad["project_id"]
    clip_job, compose_job = ad.clips["job_id"], ad.final["job_id"]
    final = ad.final["final_video_url"]
    async with signed_up(topology.api_url, "bob@example.com") as bob:
        bobs_id = (await bob.get("/api/auth/me")).json()["user_id"]
        listed = (await bob.get("/api/projects")).json()["projects"]
        answers = {
            "project": await bob.get(f"/api/projects/{project}"),
            "renamed": await bob.patch(f"/api/projects/{project}", json={"name": "Mine"}),
            "clip job": await bob.get(f"/api/video/status/{clip_job}"),
            "compose job": await bob.get(f"/api/video/compose/status/{compose_job}"),
            "any job": await bob.get(f"/api/status/{compose_job}"),
            "retry": await bob.post(
                f"/api/video/generate/{clip_job}/retry", json={"scene_numbers": [1]}
            ),
            "ad as his": await bob.get(_with_query(final, uid=bobs_id)),
            "ad unsigned": await bob.get(urlsplit(final)._replace(query="").geturl()),
        }
    assert listed == []
    for what, answer in answers.items():
        assert answer.status_code == 404, (what, answer.text)
        assert answer.json()["code"].endswith("_not_found"), what
