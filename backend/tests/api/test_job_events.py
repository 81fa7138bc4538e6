"""Progress pushed: `GET /api/jobs/{job_id}/events` as Server-Sent Events.

The job is driven by hand through the app's own tracker, so each test decides exactly which
changes happen and when; the stream is read over ASGI, or (to leave mid-stream) by calling the
app as uvicorn does, with an `http.disconnect` when the test says so.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
import fastapi.routing
import httpx
import pytest
from fastapi import FastAPI

from app.config import EventsSettings, Settings
from app.models.video import JobKind
from app.utils.job_tracker import ClipState, JobTracker
from tests.conftest import BASE_URL

pytestmark = pytest.mark.anyio


@asynccontextmanager
async def running(
    settings: Settings, **events: Any
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    from app.main import create_app

    settings = settings.model_copy(update={"events": EventsSettings(**events)})
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            yield app, client


def tracker(app: FastAPI) -> JobTracker:
    jobs: JobTracker = app.state.runtime.jobs
    return jobs


def events(body: str) -> list[dict[str, Any]]:
    """Every event's data, in order (comments and `retry:` lines left out)."""
    found = []
    for block in body.split("\n\n"):
        data = [line[len("data: ") :] for line in block.split("\n") if line.startswith("data: ")]
        if data:
            found.append(json.loads("\n".join(data)))
    return found


async def test_events_arrive_in_order_rising_coalesced_and_end_with_the_final_status(
    settings: Settings,
) -> None:
    async with running(settings, min_interval_seconds=0.01) as (app, client):
        jobs = tracker(app)
        job = jobs.create(JobKind.CLIPS, clips=[ClipState(1, 15.0), ClipState(2, 15.0)])
        bursts = 8

        async def work() -> None:
            # Ten changes at a time with no pause between them: one event at most per burst.
            for burst in range(bursts):
                for step in range(10):
                    fraction = (burst * 10 + step + 1) / (bursts * 10 + 1)
                    jobs.advance_clip(job.job_id, 1 + step % 2, fraction)
                await asyncio.sleep(0.02)
            jobs.finish_clip(job.job_id, 1, video_url=f"{BASE_URL}/media/clips/a.mp4")
            jobs.finish_clip(job.job_id, 2, video_url=f"{BASE_URL}/media/clips/b.mp4")
            jobs.complete(job.job_id)

        worker = asyncio.create_task(work())
        response = await client.get(f"/api/jobs/{job.job_id}/events")
        await worker
        status = (await client.get(f"/api/status/{job.job_id}")).json()

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    received = events(response.text)
    progress = [event["progress"] for event in received]
    assert progress == sorted(progress), "progress must never go down"
    assert len(set(progress)) > 2, "the bar moves while the job runs"
    assert len(received) <= bursts + 3, "changes that come together are sent as one"
    # The last event is the finished job, exactly as the status endpoint shows it.
    assert received[-1] == status
    assert received[-1]["status"] == "complete" and received[-1]["progress"] == 100
    assert all(event["status"] == "processing" for event in received[:-1])


async def test_progress_reported_from_a_worker_thread_reaches_the_stream(
    settings: Settings,
) -> None:
    async with running(settings, min_interval_seconds=0.01) as (app, client):
        jobs = tracker(app)
        job = jobs.create(JobKind.CLIPS, clips=[ClipState(1, 30.0)])

        async def work() -> None:
            # A provider's progress callback may run in a thread, as FFmpeg readers do.
            await asyncio.sleep(0.05)
            await asyncio.to_thread(jobs.advance_clip, job.job_id, 1, 0.5)
            await asyncio.sleep(0.05)
            jobs.finish_clip(job.job_id, 1, video_url=f"{BASE_URL}/media/clips/a.mp4")
            jobs.complete(job.job_id)

        worker = asyncio.create_task(work())
        response = await client.get(f"/api/jobs/{job.job_id}/events")
        await worker

    assert [event["progress"] for event in events(response.text)] == [0, 50, 100]


async def test_a_finished_job_sends_its_final_status_once_and_ends(settings: Settings) -> None:
    async with running(settings) as (app, client):
        jobs = tracker(app)
        job = jobs.create(JobKind.COMPOSE)
        jobs.complete(job.job_id, final_video_url=f"{BASE_URL}/media/ads/ad.mp4", duration=30.0)
        response = await client.get(f"/api/jobs/{job.job_id}/events")

    [only] = events(response.text)
    assert only["status"] == "complete"
    assert only["final_video_url"] == f"{BASE_URL}/media/ads/ad.mp4"


async def test_an_unknown_job_is_a_json_404_before_any_stream(settings: Settings) -> None:
    async with running(settings) as (app, client):
        response = await client.get("/api/jobs/no-such-job/events")
        assert tracker(app).watching("no-such-job") == 0
        assert app.state.runtime.streams.open == 0

    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["code"] == "job_not_found"


async def test_a_quiet_job_gets_keep_alive_comments(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fastapi.routing, "_PING_INTERVAL", 0.01)
    async with running(settings) as (app, client):
        jobs = tracker(app)
        job = jobs.create(JobKind.COMPOSE)

        async def finish_later() -> None:
            await asyncio.sleep(0.2)
            jobs.complete(job.job_id, final_video_url=f"{BASE_URL}/media/ads/ad.mp4")

        worker = asyncio.create_task(finish_later())
        response = await client.get(f"/api/jobs/{job.job_id}/events")
        await worker

    assert ": ping" in response.text
    assert events(response.text)[-1]["status"] == "complete"


class Stream:
    """One event stream, called the way uvicorn calls the app: the test reads what was sent
    and decides when the client goes away."""

    def __init__(self, app: FastAPI, path: str) -> None:
        self.app, self.path = app, path
        self.status: int | None = None
        self.body = b""
        self.first_event = asyncio.Event()
        self._gone = asyncio.Event()
        self._asked = False

    async def _receive(self) -> dict[str, Any]:
        if not self._asked:
            self._asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await self._gone.wait()
        return {"type": "http.disconnect"}

    async def _send(self, message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
        elif message["type"] == "http.response.body":
            self.body += message.get("body", b"")
            if b"data: " in self.body:
                self.first_event.set()

    def open(self) -> asyncio.Task[None]:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.3"},  # as uvicorn says
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": self.path,
            "raw_path": self.path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": [(b"host", b"testserver"), (b"accept", b"text/event-stream")],
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
        }
        return asyncio.create_task(self.app(scope, self._receive, self._send))  # type: ignore[arg-type]

    def leave(self) -> None:
        self._gone.set()


async def test_a_client_that_leaves_ends_its_stream_and_frees_everything(
    settings: Settings,
) -> None:
    async with running(settings, max_streams=1) as (app, client):
        jobs, streams = tracker(app), app.state.runtime.streams
        job = jobs.create(JobKind.CLIPS, clips=[ClipState(1, 30.0)])
        before = {task for task in asyncio.all_tasks() if not task.done()}

        stream = Stream(app, f"/api/jobs/{job.job_id}/events")
        served = stream.open()
        with anyio.fail_after(30):
            await stream.first_event.wait()
        assert stream.status == 200
        assert jobs.watching(job.job_id) == 1 and streams.open == 1

        # The only slot is taken: a second screen is told to poll, in JSON.
        refused = await client.get(f"/api/jobs/{job.job_id}/events")
        assert refused.status_code == 503
        assert refused.json()["code"] == "too_many_streams"

        stream.leave()
        with anyio.fail_after(30):
            await served
        jobs.advance_clip(job.job_id, 1, 0.5)  # a change after the client left wakes nobody

        assert jobs.watching(job.job_id) == 0
        assert streams.open == 0
        await asyncio.sleep(0)
        after = {task for task in asyncio.all_tasks() if not task.done()}
        assert after <= before, f"tasks left behind: {after - before}"

        # The slot is free again for the next screen.
        jobs.complete(job.job_id)
        again = await client.get(f"/api/jobs/{job.job_id}/events")
        assert again.status_code == 200 and events(again.text)[-1]["status"] == "complete"
        assert streams.open == 0
