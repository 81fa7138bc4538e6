"""Recording a step's result in the project it was asked for (`?project_id=`).

Synchronous steps record their answer before it is returned; a clip or compose job records
its result when it finishes, through the job tracker's `on_finish` hook, so the job services
know nothing of projects. A project deleted while its work ran is simply not written to.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db import projects as repo
from app.db.engine import Database
from app.db.models import Project as ProjectRow
from app.models.chat import MAX_MESSAGE_CHARS, UIMessage, UIMessagePart
from app.models.creative_brief import BriefFields, BriefSynthesis
from app.models.mood import Mood
from app.models.scene import ScenePlan, SceneWithSeed
from app.models.video import ComposeClip, JobStatus
from app.services import ui_stream
from app.storage.media_store import MediaStore
from app.utils.background import BackgroundTasks
from app.utils.job_tracker import Job

logger = logging.getLogger(__name__)

Change = Callable[[ProjectRow], dict[str, Any]]
"""From the project as it is now, the columns to write."""


async def _record(db: Database, project_id: str, change: Change) -> bool:
    async with db.session() as session:
        row = await repo.get(session, project_id, for_update=True)
        if row is None:
            logger.info("project deleted before its work was recorded")
            return False
        repo.change(row, change(row))
    return True


def _json(model: Any) -> Any:
    return model.model_dump(mode="json")


async def record_brief(
    db: Database, project_id: str, brief: BriefFields, chat: list[UIMessage] | None = None
) -> None:
    columns: dict[str, Any] = {"brief": _json(brief)}
    if chat is not None:
        columns["chat"] = [_json(message) for message in chat]
    await _record(db, project_id, lambda _row: columns)


async def record_moods(
    db: Database, project_id: str, brief: BriefFields, moods: list[Mood]
) -> None:
    shown = [_json(mood) for mood in moods]
    await _record(
        db,
        project_id,
        lambda row: {"brief": _json(brief), "mood_sets": [*row.mood_sets, shown]},
    )


async def record_plan(
    db: Database, project_id: str, brief: BriefFields, mood: Mood, plan: ScenePlan
) -> None:
    columns = {"brief": _json(brief), "selected_mood": _json(mood), "plan": _json(plan)}
    await _record(db, project_id, lambda _row: columns)


async def record_seeds(db: Database, project_id: str, scenes: list[SceneWithSeed]) -> None:
    seeds = [_json(scene) for scene in scenes]
    await _record(db, project_id, lambda _row: {"seeds": seeds})


async def record_seed(db: Database, project_id: str, scene: SceneWithSeed) -> None:
    """One scene's new take replaces that scene's seed; the other scenes stay as they are."""

    def change(row: ProjectRow) -> dict[str, Any]:
        others = [
            old
            for old in row.seeds
            if not (isinstance(old, dict) and old.get("scene_number") == scene.scene_number)
        ]
        seeds = sorted([*others, _json(scene)], key=lambda s: int(s.get("scene_number", 0)))
        return {"seeds": seeds}

    await _record(db, project_id, change)


def record_clips_when_finished(
    db: Database, background: BackgroundTasks, project_id: str, job: Job, on_finish: OnFinish
) -> None:
    """When the clip job ends, its clips (finished and failed) become the project's clips."""

    def finished(done: Job) -> None:
        columns = _clips_columns(done)
        background.spawn(
            _logged(_record(db, project_id, lambda _row: columns)),
            name=f"project-clips-{done.job_id}",
        )

    on_finish(job.job_id, finished)


def _clips_columns(job: Job) -> dict[str, Any]:
    return {"clips": [_json(clip.to_model()) for clip in job.clips], "clip_job_id": job.job_id}


async def record_clips_in(session: AsyncSession, project_id: str, job: Job) -> None:
    """The finished clip job's clips become the project's, in the caller's transaction (a
    worker concluding the job: the conclusion and its record land together)."""
    row = await repo.get(session, project_id, for_update=True)
    if row is None:
        logger.info("project deleted before its clips were recorded")
        return
    repo.change(row, _clips_columns(job))


async def record_ad(
    db: Database, store: MediaStore, project_id: str, job: Job, clips: list[ComposeClip]
) -> None:
    """The completed compose job's ad joins the project's ads, unless it is there already (a
    worker's step handed out again after it had recorded it)."""
    if job.status is JobStatus.COMPLETE and job.final_video_url is not None:
        await _record_ad(db, store, project_id, job, clips)


def record_ad_when_finished(
    db: Database,
    store: MediaStore,
    background: BackgroundTasks,
    project_id: str,
    job: Job,
    clips: list[ComposeClip],
    on_finish: OnFinish,
) -> None:
    """When the compose job completes, its ad joins the project's ads (a failure adds none)."""

    def finished(done: Job) -> None:
        if done.status is not JobStatus.COMPLETE or done.final_video_url is None:
            return
        background.spawn(
            _logged(_record_ad(db, store, project_id, done, clips)),
            name=f"project-ad-{done.job_id}",
        )

    on_finish(job.job_id, finished)


OnFinish = Callable[[str, Callable[[Job], None]], None]


async def _record_ad(
    db: Database, store: MediaStore, project_id: str, job: Job, clips: list[ComposeClip]
) -> None:
    if job.final_video_url is None:
        return
    poster = await asyncio.to_thread(_poster, store, clips)
    cost = job.cost.summary().estimated_usd

    async with db.session() as session:
        row = await repo.get(session, project_id, for_update=True)
        if row is None:
            logger.info("project deleted before its ad was recorded")
            return
        if any(video.job_id == job.job_id for video in row.videos):
            return
        repo.add_video(
            row,
            job_id=job.job_id,
            final_video_url=job.final_video_url,
            final_videos=dict(job.final_videos),
            audio_url=job.audio_url,
            captions_url=job.captions_url,
            captions_srt_url=job.captions_srt_url,
            poster_url=poster,
            duration=job.duration,
            cost_usd=cost,
        )


def _poster(store: MediaStore, clips: list[ComposeClip]) -> str | None:
    """The ad's opening frame: the seed image its first clip was animated from (blocking)."""
    if not clips:
        return None
    key = store.key_from_url(clips[0].video_url)
    seeds = store.uses_of(key) if key is not None else []
    return store.url_for(seeds[0]) if seeds else None


async def _logged(work: Any) -> None:
    try:
        await work
    except Exception:
        logger.exception("could not record a job's result in its project")


async def record_chat_stream(
    db: Database, project_id: str, messages: list[UIMessage], stream: AsyncIterator[str]
) -> AsyncIterator[str]:
    """The director's stream, passed through untouched; once it has ended well, the chat
    (the messages sent and the reply, as `useChat` keeps it) and the brief are recorded.
    A reply that failed or was abandoned records nothing."""
    reply = _Reply()
    async for chunk in stream:
        reply.read(chunk)
        yield chunk
    if reply.brief is not None:
        synthesis = BriefSynthesis.model_validate(reply.brief)
        await record_brief(db, project_id, synthesis.creative_brief, [*messages, reply.message()])


class _Reply:
    """What a UI message stream said: its id, its text, its brief."""

    def __init__(self) -> None:
        self.message_id = ""
        self.text: list[str] = []
        self.brief: dict[str, Any] | None = None

    def read(self, chunk: str) -> None:
        for line in chunk.splitlines():
            if not line.startswith("data: ") or line == ui_stream.DONE.strip():
                continue
            event = json.loads(line.removeprefix("data: "))
            kind = event.get("type")
            if kind == "start":
                self.message_id = str(event.get("messageId", ""))
            elif kind == "text-delta":
                self.text.append(str(event.get("delta", "")))
            elif kind == "data-brief" and isinstance(event.get("data"), dict):
                self.brief = event["data"]

    def message(self) -> UIMessage:
        parts = [UIMessagePart(type="text", text="".join(self.text)[:MAX_MESSAGE_CHARS])]
        return UIMessage(id=self.message_id or None, role="assistant", parts=parts)
