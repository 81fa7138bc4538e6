"""One simulated user of the studio: signs in (with accounts on), then makes ads, calling the
endpoints in the order and with the bodies the studio sends (`frontend/lib/api/*.ts`).

Every status call is timed into the shared `LoadRecord`; an ad that fails is recorded with the
stable code that stopped it, and the user goes on to its next ad.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx

from bench.load.stats import AdOutcome, LoadRecord

PASSWORD = "bench-password-not-secret"
CHAT = "A serum for calm skin, for women 25 to 40, elegant and calming, white and gold."


class AdFailed(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _code(response: httpx.Response) -> str:
    """The error's stable code from its body, or the status when the body has none."""
    try:
        code = response.json().get("code")
    except (ValueError, AttributeError):
        code = None
    return str(code) if code else f"http_{response.status_code}"


async def _call(client: httpx.AsyncClient, method: str, url: str, **kwargs: Any) -> Any:
    try:
        response = await client.request(method, url, **kwargs)
    except httpx.TransportError as error:
        raise AdFailed(f"unreachable_{type(error).__name__}") from error
    if not response.is_success:
        raise AdFailed(_code(response))
    if response.headers.get("content-type", "").startswith("application/json"):
        return response.json()
    return response.text


class User:
    def __init__(
        self, client: httpx.AsyncClient, number: int, record: LoadRecord, poll_seconds: float
    ) -> None:
        self.client = client
        self.number = number
        self.record = record
        self.poll_seconds = poll_seconds
        self.outcome = AdOutcome(number, 0.0)
        """The ad being made."""

    async def sign_in(self, run: str) -> None:
        """Register, then sign in as a returning user would; the token goes on every call."""
        email = f"user{self.number}-{run}@bench.example"
        account = {"email": email, "password": PASSWORD, "name": f"Bench user {self.number}"}
        await _call(self.client, "POST", "/api/auth/register", json=account)
        login = {"email": email, "password": PASSWORD}
        signed_in = await _call(self.client, "POST", "/api/auth/login", json=login)
        self.client.headers["Authorization"] = f"Bearer {signed_in['access_token']}"

    async def make_ads(self, count: int) -> None:
        for number in range(1, count + 1):
            started = time.perf_counter()
            self.outcome = AdOutcome(self.number, 0.0, unfinished=True)
            self.record.outcomes.append(self.outcome)
            try:
                await self.make_ad(number)
                self.outcome.unfinished = False
            except AdFailed as failure:
                self.outcome.error, self.outcome.unfinished = failure.code, False
            finally:  # the deadline's cancellation too: the ad stays unfinished
                self.outcome.seconds = time.perf_counter() - started

    async def make_ad(self, number: int) -> None:
        call = self._call
        project = await call("project", "POST", "/api/projects", json={"name": f"Ad {number}"})
        params = {"project_id": project["project_id"]}
        messages = [{"id": "m1", "role": "user", "parts": [{"type": "text", "text": CHAT}]}]
        chat = {"messages": messages}
        await call("chat", "POST", "/api/director/chat", params=params, json=chat)
        settled = await call("brief", "POST", "/api/director/brief", params=params, json=chat)
        brief = settled["creative_brief"]
        moods = await call(
            "moods", "POST", "/api/moods/generate", params=params,
            json={"creative_brief": brief, "avoid_styles": []},
        )  # fmt: skip
        mood = moods["moods"][0]
        planned = await call(
            "plan", "POST", "/api/scenes/plan", params=params,
            json={"creative_brief": brief, "selected_mood": mood},
        )  # fmt: skip
        plan = planned["scene_plan"]
        seeded = await call(
            "seeds", "POST", "/api/scenes/seeds", params=params,
            json={"scenes": plan["scenes"], "mood_style": mood, "creative_brief": brief},
        )  # fmt: skip
        scenes = seeded["scenes_with_seeds"]
        await call("estimate", "POST", "/api/video/estimate", json={"scenes": scenes})
        started = await call(
            "generate", "POST", "/api/video/generate", params=params, json={"scenes": scenes}
        )
        clips = await self._follow("clips", f"/api/video/status/{started['job_id']}")
        composing = await call(
            "compose", "POST", "/api/video/compose", params=params,
            json=_compose_body(clips, plan, mood, brief),
        )  # fmt: skip
        ad = await self._follow("composing", f"/api/video/compose/status/{composing['job_id']}")
        # The ad is made when its file is served, not only when the job says so.
        await call("file", "HEAD", ad["final_video_url"], follow_redirects=True)

    async def _call(self, step: str, method: str, url: str, **kwargs: Any) -> Any:
        self.outcome.step = step
        return await _call(self.client, method, url, **kwargs)

    async def _follow(self, step: str, url: str) -> dict[str, Any]:
        """Poll a job until it ends, timing every call; its last answer, or `AdFailed`."""
        self.outcome.step = step
        while True:
            sent = time.perf_counter()
            try:
                response = await self.client.get(url)
            except httpx.TransportError as error:
                self.record.status_seconds.append(time.perf_counter() - sent)
                self.record.status_errors[f"unreachable_{type(error).__name__}"] += 1
            else:
                self.record.status_seconds.append(time.perf_counter() - sent)
                if response.status_code == 404:  # the job is gone: polling cannot bring it back
                    raise AdFailed(_code(response))
                if response.is_success:
                    body: dict[str, Any] = response.json()
                    if body["status"] == "failed":
                        raise AdFailed(str((body.get("error") or {}).get("code") or "job_failed"))
                    if body["status"] == "complete":
                        return body
                else:
                    self.record.status_errors[_code(response)] += 1
            await asyncio.sleep(self.poll_seconds)


def _compose_body(
    clips: dict[str, Any], plan: dict[str, Any], mood: dict[str, Any], brief: dict[str, Any]
) -> dict[str, Any]:
    """As the studio's `composeBody`: each clip with its scene's title and line, the server's
    default voice, captions on, the one vertical format."""
    words = {scene["scene_number"]: scene for scene in plan["scenes"]}
    return {
        "clips": [
            {
                "scene_number": clip["scene_number"],
                "video_url": clip["video_url"],
                "duration": clip["duration"],
                "on_screen_text": words[clip["scene_number"]].get("on_screen_text", ""),
                "voiceover": words[clip["scene_number"]].get("voiceover", ""),
            }
            for clip in clips["clips"]
            if clip.get("video_url")
        ],
        "mood": mood,
        "creative_brief": brief,
        "formats": ["9:16"],
        "call_to_action": plan.get("call_to_action", ""),
        "captions": True,
    }
