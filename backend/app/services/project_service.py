"""Projects: create, list, read, change, duplicate and delete, in the API's shapes.

Rows keep the work as JSON in the steps' own shapes (`app.models.project`); this module is the
one place that maps the API's names to the columns and back.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from app.db import jobs as jobs_repo
from app.db import projects as repo
from app.db.engine import Database
from app.db.models import Job as JobRow
from app.db.models import Project as ProjectRow
from app.db.models import Video
from app.errors import ProjectNotFound
from app.models.project import (
    MAX_NAME_CHARS,
    Ad,
    Project,
    ProjectCreate,
    ProjectList,
    ProjectSummary,
    ProjectUpdate,
    ProjectWork,
)
from app.services.project_media import delete_media, media_keys
from app.storage.media_store import MediaStore

COLUMNS = {
    "chat": "chat",
    "creative_brief": "brief",
    "mood_sets": "mood_sets",
    "selected_mood": "selected_mood",
    "scene_plan": "plan",
    "scenes_with_seeds": "seeds",
    "clips": "clips",
    "clip_job_id": "clip_job_id",
}
"""API field → column."""
_EMPTY_LISTS = {"chat", "mood_sets", "scenes_with_seeds", "clips"}
"""Fields whose `null` in a PATCH means "empty" (their columns hold lists)."""


def project_key(project_id: str) -> str:
    """A project id as stored, or `ProjectNotFound` for anything that is not a UUID."""
    try:
        return str(uuid.UUID(project_id))
    except (ValueError, TypeError, AttributeError):
        raise ProjectNotFound() from None


def _columns(work: ProjectWork | ProjectUpdate, only_set: bool) -> dict[str, Any]:
    fields = work.model_fields_set if only_set else set(COLUMNS)
    dumped = work.model_dump(mode="json", include=fields & set(COLUMNS))
    return {
        COLUMNS[name]: ([] if value is None and name in _EMPTY_LISTS else value)
        for name, value in dumped.items()
    }


async def create(db: Database, body: ProjectCreate, user_id: str) -> Project:
    async with db.session() as session:
        row = await repo.create(session, body.name, _columns(body, only_set=False), user_id)
        return to_project(row)


async def list_projects(db: Database, user_id: str) -> ProjectList:
    async with db.session() as session:
        rows = await repo.newest_first(session, user_id)
        return ProjectList(projects=[to_summary(row) for row in rows])


async def read(db: Database, project_id: str, user_id: str) -> Project:
    async with db.session() as session:
        return to_project(await _get(session, project_id, user_id))


async def update(db: Database, project_id: str, body: ProjectUpdate, user_id: str) -> Project:
    changes = _columns(body, only_set=True)
    if "name" in body.model_fields_set and body.name is not None:
        changes["name"] = body.name
    async with db.session() as session:
        row = await _get(session, project_id, user_id, for_update=True)
        repo.change(row, changes)
        await session.flush()
        return to_project(row)


async def duplicate(db: Database, project_id: str, user_id: str) -> Project:
    """A new project with the same work and ads; the media is shared, not copied (deleting
    either project keeps what the other still shows)."""
    async with db.session() as session:
        source = await _get(session, project_id, user_id)
        work = {column: getattr(source, column) for column in COLUMNS.values()}
        name = f"{source.name} (copy)"
        if len(name) > MAX_NAME_CHARS:
            name = source.name
        copy = await repo.create(session, name, work, user_id=source.user_id)
        for video in source.videos:
            repo.add_video(copy, **_video_fields(video))
        await session.flush()
        return to_project(copy)


async def delete(db: Database, store: MediaStore, project_id: str, user_id: str) -> int:
    """Delete the project, its jobs, and the media no other project holds: what its work names
    and what its jobs made (clips, music, ads, captions), whether or not it was recorded in the
    project yet. The bytes freed. Stop its running jobs first (`project_jobs`)."""
    async with db.session() as session:
        row = await _get(session, project_id, user_id)
        jobs = await jobs_repo.of_project(session, row.id)
        mine = media_keys(store, _documents(row)) | _job_outputs(store, jobs)
        others = await repo.others(session, row.id)
        still_used = media_keys(store, [doc for other in others for doc in _documents(other)])
        await jobs_repo.delete(session, jobs)
        await repo.delete(session, row)
    return await asyncio.to_thread(delete_media, store, mine - still_used)


async def media_in_use(db: Database, store: MediaStore) -> set[str]:
    """Every media key a project names, whatever host its URL has (what pruning keeps)."""
    async with db.session() as session:
        rows = await repo.every(session)
        documents = [doc for row in rows for doc in _documents(row)]
    return media_keys(store, documents, any_origin=True)


async def require(db: Database, project_id: str, user_id: str) -> str:
    """The stored id of an existing project of `user_id`'s, before any work is done for it."""
    key = project_key(project_id)
    async with db.session() as session:
        if not await repo.exists(session, key, user_id):
            raise ProjectNotFound()
    return key


async def _get(
    session: Any, project_id: str, user_id: str, *, for_update: bool = False
) -> ProjectRow:
    row = await repo.get(session, project_key(project_id), for_update=for_update)
    if row is None or row.user_id != user_id:  # another user's project is not found either
        raise ProjectNotFound()
    return row


def _job_outputs(store: MediaStore, jobs: Any) -> set[str]:
    """The keys of what the jobs made: each step's output and every URL of their answers."""
    rows: list[JobRow] = list(jobs)
    keys = {step.output_key for job in rows for step in job.steps if step.output_key}
    return keys | media_keys(store, [job.result for job in rows if job.result])


def _documents(row: ProjectRow) -> list[object]:
    work: list[object] = [getattr(row, column) for column in COLUMNS.values()]
    ads: list[object] = [
        [
            video.final_video_url,
            video.final_videos,
            video.audio_url,
            video.captions_url,
            video.captions_srt_url,
            video.poster_url,
        ]
        for video in row.videos
    ]
    return work + ads


def _video_fields(video: Video) -> dict[str, Any]:
    return {
        "job_id": video.job_id,
        "final_video_url": video.final_video_url,
        "final_videos": dict(video.final_videos),
        "audio_url": video.audio_url,
        "captions_url": video.captions_url,
        "captions_srt_url": video.captions_srt_url,
        "poster_url": video.poster_url,
        "duration": video.duration,
        "cost_usd": video.cost_usd,
        "created_at": video.created_at,
    }


def thumbnail(row: ProjectRow) -> str | None:
    """The latest ad's poster, else the first seed, else the chosen (or first shown) mood's
    first image."""
    for video in reversed(row.videos):
        if video.poster_url:
            return video.poster_url
    for scene in row.seeds:
        if isinstance(scene, dict) and isinstance(scene.get("seed_image_url"), str):
            return str(scene["seed_image_url"])
    moods = [row.selected_mood] if row.selected_mood else []
    moods += [mood for mood_set in reversed(row.mood_sets) for mood in mood_set]
    for mood in moods:
        images = mood.get("reference_images") if isinstance(mood, dict) else None
        if images:
            return str(images[0])
    return None


def to_ad(video: Video) -> Ad:
    return Ad(
        ad_id=video.id,
        job_id=video.job_id,
        final_video_url=video.final_video_url,
        final_videos=video.final_videos,
        audio_url=video.audio_url,
        captions_url=video.captions_url,
        captions_srt_url=video.captions_srt_url,
        poster_url=video.poster_url,
        duration=video.duration,
        estimated_usd=video.cost_usd,
        created_at=video.created_at,
    )


def to_summary(row: ProjectRow) -> ProjectSummary:
    return ProjectSummary(
        project_id=row.id,
        name=row.name,
        created_at=row.created_at,
        updated_at=row.updated_at,
        thumbnail_url=thumbnail(row),
        ad_count=len(row.videos),
    )


def to_project(row: ProjectRow) -> Project:
    work = {name: getattr(row, column) for name, column in COLUMNS.items()}
    return Project.model_validate(
        {
            **work,
            "project_id": row.id,
            "name": row.name,
            "created_at": row.created_at,
            "updated_at": row.updated_at,
            "thumbnail_url": thumbnail(row),
            "ads": [to_ad(video) for video in row.videos],
        }
    )
