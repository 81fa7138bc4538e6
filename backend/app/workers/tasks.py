"""The Celery tasks: thin, each the whole life of one step on an event loop of its own."""

from __future__ import annotations

import asyncio

from app.config import get_settings
from app.workers import steps
from app.workers.celery_app import CLIP_TASK, COMPOSE_TASK, build_celery

celery_app = build_celery(get_settings().jobs)

# A step records its own failures on its job (a clip that fails fails alone); what escapes is
# the database or Redis out of reach, worth trying again shortly rather than losing the step.
RETRIES = {
    "autoretry_for": (Exception,),
    "retry_backoff": 2,
    "retry_backoff_max": 60,
    "max_retries": 8,
}


@celery_app.task(name=CLIP_TASK, **RETRIES)
def clip_step(job_id: str, scene_number: int) -> None:
    """Render one clip of a clip job (and end the job if it was its last)."""
    asyncio.run(steps.clip_step(get_settings(), job_id, scene_number))


@celery_app.task(name=COMPOSE_TASK, **RETRIES)
def compose_step(job_id: str) -> None:
    """Compose a compose job's ad: music, voice, and every format."""
    asyncio.run(steps.compose_step(get_settings(), job_id))
