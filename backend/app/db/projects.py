"""Projects and their videos: small queries, one purpose each. Callers own the session."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.db.base import utcnow
from app.db.models import LOCAL_USER_ID, Project, Video


async def create(
    session: AsyncSession, name: str, work: dict[str, Any], user_id: str = LOCAL_USER_ID
) -> Project:
    project = Project(user_id=user_id, name=name, **work)
    project.videos = []
    session.add(project)
    await session.flush()
    return project


async def newest_first(session: AsyncSession, user_id: str = LOCAL_USER_ID) -> Sequence[Project]:
    query = (
        select(Project)
        .where(Project.user_id == user_id)
        .options(selectinload(Project.videos))
        .order_by(Project.created_at.desc(), Project.id.desc())
    )
    return (await session.scalars(query)).all()


async def get(
    session: AsyncSession, project_id: str, *, for_update: bool = False
) -> Project | None:
    query = select(Project).where(Project.id == project_id).options(selectinload(Project.videos))
    if for_update:
        query = query.with_for_update()  # PostgreSQL: concurrent recordings queue (SQLite: no-op)
    return (await session.scalars(query)).one_or_none()


async def exists(session: AsyncSession, project_id: str, user_id: str = LOCAL_USER_ID) -> bool:
    query = select(Project.id).where(Project.id == project_id, Project.user_id == user_id)
    found = await session.scalar(query)
    return found is not None


def change(project: Project, changes: dict[str, Any]) -> None:
    """Set columns; JSON documents are replaced whole, never mutated, so the change is seen."""
    for column, value in changes.items():
        setattr(project, column, value)
    project.updated_at = utcnow()


def add_video(project: Project, **fields: Any) -> Video:
    video = Video(**fields)
    project.videos.append(video)
    project.updated_at = utcnow()
    return video


async def delete(session: AsyncSession, project: Project) -> None:
    await session.delete(project)
    await session.flush()


async def every(session: AsyncSession) -> Sequence[Project]:
    """Every project of every user, videos included."""
    query = select(Project).options(selectinload(Project.videos))
    return (await session.scalars(query)).all()


async def others(session: AsyncSession, project_id: str) -> Sequence[Project]:
    """Every other project, videos included: what still references a piece of media."""
    query = select(Project).where(Project.id != project_id).options(selectinload(Project.videos))
    return (await session.scalars(query)).all()
