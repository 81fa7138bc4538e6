"""Every endpoint in order, as the studio calls them: brief → moods → plan → seeds → clips → ad.

Shared by the end-to-end suites of the local and the remote providers, which differ only in
what they check about the answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.utils.factories import brief, poll


@dataclass
class Walkthrough:
    moods: dict[str, Any]
    seeded: list[dict[str, Any]]
    clips: dict[str, Any]
    clip_progress: list[int]
    final: dict[str, Any]
    any_job: dict[str, Any] = field(default_factory=dict)
    """`GET /api/status/{id}` of the compose job."""


async def make_an_ad(client: httpx.AsyncClient, within: float = 300) -> Walkthrough:
    moods = (await client.post("/api/moods/generate", json={"creative_brief": brief()})).json()
    chosen = moods["moods"][0]
    plan = (
        await client.post(
            "/api/scenes/plan", json={"creative_brief": brief(), "selected_mood": chosen}
        )
    ).json()["scene_plan"]
    seeded = (
        await client.post(
            "/api/scenes/seeds",
            json={"scenes": plan["scenes"], "mood_style": chosen, "creative_brief": brief()},
        )
    ).json()["scenes_with_seeds"]
    job = (await client.post("/api/video/generate", json={"scenes": seeded})).json()
    clips, progress = await poll(client, f"/api/video/status/{job['job_id']}", within=within)
    assert clips["status"] == "complete", clips
    composing = (
        await client.post(
            "/api/video/compose",
            json={"clips": clips["clips"], "mood": chosen, "creative_brief": brief()},
        )
    ).json()
    final, _ = await poll(client, f"/api/video/compose/status/{composing['job_id']}", within=within)
    any_job = (await client.get(f"/api/status/{composing['job_id']}")).json()
    return Walkthrough(moods, seeded, clips, progress, final, any_job)
