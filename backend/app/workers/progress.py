"""Progress between processes: what a worker's step reports, and how the API applies it.

Each job has a Redis hash, `reelsmith:job:{id}`, one field per thing a status answer shows:

    clip-3     {"fraction", "status", "video_url", "error", "calls"}   (a clip step's state)
    progress   42                                                      (a compose job's bar)
    end        "complete" | "failed"    (the job's end, written once its row holds the result)

and every write is also published on `reelsmith:job-changes` as `{"job_id", "field", "value"}`.
The hash is the truth a late reader catches up from (an API started, or reconnected, mid-job);
the messages only spare it from polling. Both expire a week after the job's last change.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.models.cost import ProviderCall
from app.models.video import ErrorInfo, JobStatus
from app.utils.job_tracker import ClipState, JobTracker

logger = logging.getLogger(__name__)

CHANNEL = "reelsmith:job-changes"
KEEP_SECONDS = 7 * 24 * 3600
PROGRESS = "progress"
END = "end"


def job_key(job_id: str) -> str:
    return f"reelsmith:job:{job_id}"


def clip_field(scene_number: int) -> str:
    return f"clip-{scene_number}"


def clip_value(clip: ClipState, calls: list[ProviderCall] | None = None) -> dict[str, Any]:
    return {
        "fraction": clip.fraction,
        "status": clip.status.value,
        "video_url": clip.video_url,
        "error": clip.error.model_dump(mode="json") if clip.error else None,
        "calls": [call.model_dump(mode="json") for call in calls or []],
    }


def message(job_id: str, field: str, value: Any) -> str:
    return json.dumps({"job_id": job_id, "field": field, "value": value})


def parse(data: str | bytes) -> tuple[str, str, Any] | None:
    """A published change, or None for anything that is not one of ours."""
    try:
        change = json.loads(data)
        return str(change["job_id"]), str(change["field"]), change["value"]
    except (ValueError, KeyError, TypeError):
        return None


def apply(jobs: JobTracker, job_id: str, field: str, value: Any) -> None:
    """A clip's or the bar's change, applied to the tracker's job (if it holds it, running).
    The job's end is not applied here: its answer is in the database (`mirror`)."""
    if not jobs.holds(job_id) or jobs.get(job_id).finished:
        return
    job = jobs.get(job_id)
    if field == PROGRESS:
        jobs.advance(job_id, float(value))
    elif field.startswith("clip-") and isinstance(value, dict):
        number = int(field.removeprefix("clip-"))
        if not any(clip.scene_number == number for clip in job.clips):
            return
        status = JobStatus(value.get("status", JobStatus.PROCESSING.value))
        if status is JobStatus.PROCESSING:
            jobs.advance_clip(job_id, number, float(value.get("fraction", 0.0)))
        elif job.clip(number).status is JobStatus.PROCESSING:
            error = value.get("error")
            jobs.finish_clip(
                job_id,
                number,
                video_url=value.get("video_url"),
                error=ErrorInfo.model_validate(error) if error else None,
            )


def clip_calls(fields: dict[str, Any]) -> list[ProviderCall]:
    """Every provider call the job's clip steps reported (a job's bill, from its hash)."""
    return [
        ProviderCall.model_validate(call)
        for field, value in sorted(fields.items())
        if field.startswith("clip-") and isinstance(value, dict)
        for call in value.get("calls", [])
    ]


async def read(redis: Redis, job_id: str) -> dict[str, Any]:
    """The job's hash, each field decoded."""
    raw = await redis.hgetall(job_key(job_id))
    fields: dict[str, Any] = {}
    for name, value in raw.items():
        with contextlib.suppress(ValueError):
            fields[_text(name)] = json.loads(value)
    return fields


def _text(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value


class Publisher:
    """A worker's reports, written to Redis by one task in the order made; a burst of changes
    to one field (a clip's progress ticks) is written as its latest value. A write that fails
    is logged and dropped: the step goes on, only its live progress suffers."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis
        self._pending: dict[tuple[str, str], Any] = {}
        self._wake = asyncio.Event()
        self._busy = False
        self._writer = asyncio.create_task(self._write_all(), name="progress")

    def put(self, job_id: str, field: str, value: Any) -> None:
        self._pending.pop((job_id, field), None)  # re-inserted last: changes keep their order
        self._pending[(job_id, field)] = value
        self._wake.set()

    async def flush(self) -> None:
        """Wait until every change put so far has been written (or has failed)."""
        while self._pending or self._busy:
            self._wake.set()
            await asyncio.sleep(0.01)

    async def close(self) -> None:
        await self.flush()
        self._writer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._writer

    async def _write_all(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            changes, self._pending = self._pending, {}
            if not changes:
                continue
            self._busy = True
            try:
                async with self._redis.pipeline(transaction=False) as pipe:
                    for (job_id, field), value in changes.items():
                        pipe.hset(job_key(job_id), field, json.dumps(value))
                        pipe.expire(job_key(job_id), KEEP_SECONDS)
                        pipe.publish(CHANNEL, message(job_id, field, value))
                    await pipe.execute()
            except (RedisError, OSError):
                logger.warning("%d progress changes not reported; the step goes on", len(changes))
            finally:
                self._busy = False
