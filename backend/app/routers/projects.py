"""Projects: the studio's work kept on the server, listed in a gallery, newest first.

Every step endpoint takes an optional `?project_id=` (`ProjectParam`): the project must exist
before any work starts (404 `project_not_found` otherwise), and the step's result is recorded
in it: synchronous steps before they answer, jobs when they finish.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from app.deps import CurrentUserId, DbDep, RuntimeDep
from app.models.project import Project, ProjectCreate, ProjectList, ProjectUpdate
from app.routers.responses import BODY, PARAMETERS, PROJECT, merge
from app.services import project_jobs, project_service

router = APIRouter(prefix="/api/projects", tags=["projects"])


async def project_param(
    db: DbDep,
    user_id: CurrentUserId,
    project_id: Annotated[
        str | None,
        Query(
            max_length=64,
            description="A project (`POST /api/projects`) to record this step's result in.",
        ),
    ] = None,
) -> str | None:
    if project_id is None:
        return None
    return await project_service.require(db, project_id, user_id)


ProjectParam = Annotated[str | None, Depends(project_param)]
"""The checked `?project_id=` of a step, or None when the step is not for a project."""


@router.post("", status_code=status.HTTP_201_CREATED, responses=BODY)
async def create_project(body: ProjectCreate, db: DbDep, user_id: CurrentUserId) -> Project:
    """A new project: a name (default "Untitled project") and any work the studio already has."""
    return await project_service.create(db, body, user_id)


@router.get("")
async def list_projects(db: DbDep, user_id: CurrentUserId) -> ProjectList:
    """Every project, newest first, each with a thumbnail."""
    return await project_service.list_projects(db, user_id)


@router.get("/{project_id}", responses=merge(PROJECT, PARAMETERS))
async def read_project(project_id: str, db: DbDep, user_id: CurrentUserId) -> Project:
    """The whole project: chat, brief, every mood set shown, the plan, seeds, clips and ads."""
    return await project_service.read(db, project_id, user_id)


@router.patch("/{project_id}", responses=merge(BODY, PROJECT))
async def update_project(
    project_id: str, body: ProjectUpdate, db: DbDep, user_id: CurrentUserId
) -> Project:
    """Rename, or save work: only the fields sent change."""
    return await project_service.update(db, project_id, body, user_id)


@router.delete(
    "/{project_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=merge(PROJECT, PARAMETERS),
)
async def delete_project(
    project_id: str, db: DbDep, runtime: RuntimeDep, user_id: CurrentUserId
) -> Response:
    """Delete the project and its media, except files another project also holds."""
    # Its jobs' outputs (clips, ads, music, captions) too; a job still running is stopped first.
    key = await project_service.require(db, project_id, user_id)
    await project_jobs.cancel_project_jobs(
        db, runtime.jobs, runtime.background, runtime.checkpoints, key
    )
    await project_service.delete(db, runtime.store, key, user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{project_id}/duplicate",
    status_code=status.HTTP_201_CREATED,
    responses=merge(PROJECT, PARAMETERS),
)
async def duplicate_project(project_id: str, db: DbDep, user_id: CurrentUserId) -> Project:
    """A copy with the same work and ads, named "… (copy)"; the media is shared."""
    return await project_service.duplicate(db, project_id, user_id)
