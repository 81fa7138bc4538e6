"""The Celery application: Redis as broker, a step acknowledged only once it has run.

The API and the workers build it from the same settings; the API only sends tasks by name
(`enqueue`), the workers register them (`tasks`). No result backend: a step's outcome is in the
database and its progress in Redis (`progress`), where the API reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from celery import Celery

from app.config import JobSettings

CLIP_TASK = "reelsmith.clip_step"
COMPOSE_TASK = "reelsmith.compose_step"
QUEUE = "reelsmith-steps"


@dataclass(frozen=True)
class Step:
    """One task to send: its name and arguments (JSON)."""

    task: str
    args: tuple[Any, ...]


def clip_steps(job_id: str, scene_numbers: list[int]) -> list[Step]:
    """A clip job's tasks: one per clip, so the workers share a job's clips between them."""
    return [Step(CLIP_TASK, (job_id, number)) for number in sorted(scene_numbers)]


def compose_step(job_id: str) -> Step:
    """A compose job's task: music and ad together, as they are committed together."""
    return Step(COMPOSE_TASK, (job_id,))


def transport_options(jobs: JobSettings) -> dict[str, Any]:
    """kombu's Redis transport: a step unacknowledged past the visibility timeout is handed out
    again. A live worker looks for such steps every `unacked_restore_interval` seconds, scanning
    every `unacked_restore_throttle`-th time (kombu 5.7, `kombu/transport/redis.py`:
    `QoS.restore_visible`, scheduled by `Transport.register_with_event_loop`; its defaults, 10 and
    10, make that every 100 s): every time, and often enough for a short timeout."""
    timeout = jobs.visibility_timeout_seconds
    return {
        "visibility_timeout": timeout,
        "unacked_restore_interval": max(1, min(10, timeout // 4)),
        "unacked_restore_throttle": 1,
    }


def build_celery(jobs: JobSettings) -> Celery:
    celery = Celery("reelsmith", broker=jobs.redis or None, set_as_current=False)
    celery.conf.update(
        task_acks_late=True,  # acknowledged once it has run: a killed worker's step comes back
        task_reject_on_worker_lost=True,  # a pool child killed mid-step: requeued at once
        worker_prefetch_multiplier=1,  # a worker holds no more steps than it runs
        broker_transport_options=transport_options(jobs),
        broker_connection_retry_on_startup=True,
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        task_default_queue=QUEUE,
        worker_concurrency=jobs.worker_concurrency,
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
    )
    return celery
