from __future__ import annotations

from fastapi import APIRouter

from app.deps import CurrentUserId, JobsDep
from app.models.video import JobStatusResponse
from app.routers.responses import JOB, PARAMETERS, merge

router = APIRouter(prefix="/api/status", tags=["jobs"], responses=merge(JOB, PARAMETERS))


@router.get("/{job_id}")
async def job_status(job_id: str, jobs: JobsDep, user_id: CurrentUserId) -> JobStatusResponse:
    """Any job of yours, clip rendering or composition."""
    return JobStatusResponse.model_validate(jobs.get_owned(job_id, user_id).fields())
