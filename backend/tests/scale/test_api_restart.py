"""The API restarted mid-job (killed, then stopped gracefully) on the same port and settings:
the job goes on in the workers, and its status answers from the new process."""

from __future__ import annotations

import signal
from typing import Any

import httpx
import pytest

from tests.scale.conftest import Topology, signed_up
from tests.utils.factories import brief, mood, poll, scenes

pytestmark = [pytest.mark.scale, pytest.mark.slow, pytest.mark.anyio, pytest.mark.timeout(900)]

# `topology.api.restart` blocks this event loop for a few seconds, on purpose: started from a
# worker thread, the new API would die with that thread (it is bound to end with its starter).


async def _started(client: httpx.AsyncClient, url: str, body: dict[str, Any]) -> str:
    response = await client.post(url, json=body)
    assert response.status_code == 202, response.text
    job_id: str = response.json()["job_id"]
    return job_id


async def _status(client: httpx.AsyncClient, url: str) -> str:
    response = await client.get(url)
    assert response.status_code == 200, response.text
    status: str = response.json()["status"]
    return status


async def test_jobs_finish_across_a_restart_of_the_api(topology: Topology) -> None:
    async with signed_up(topology.api_url, "cid@example.com") as client:
        seeded = await client.post(
            "/api/scenes/seeds", json={"scenes": scenes(), "mood_style": mood()}
        )
        assert seeded.status_code == 200, seeded.text

        clips = await _started(
            client, "/api/video/generate", {"scenes": seeded.json()["scenes_with_seeds"]}
        )
        assert await _status(client, f"/api/video/status/{clips}") == "processing"
        topology.api.restart(signal.SIGKILL)  # as when its machine dies
        done, _ = await poll(client, f"/api/video/status/{clips}", within=600)
        assert done["status"] == "complete", done
        assert [clip["scene_number"] for clip in done["clips"]] == [1, 2, 3, 4, 5]

        ad = await _started(
            client,
            "/api/video/compose",
            {"clips": done["clips"], "mood": mood(), "creative_brief": brief(), "voice": "none"},
        )
        assert await _status(client, f"/api/video/compose/status/{ad}") == "processing"
        topology.api.restart(signal.SIGTERM)  # a deploy
        final, _ = await poll(client, f"/api/video/compose/status/{ad}", within=600)
        assert final["status"] == "complete", final
        served = await client.get(final["final_video_url"])
    assert served.status_code == 200
    assert served.headers["content-type"] == "video/mp4"
    assert len(served.content) > 100_000
