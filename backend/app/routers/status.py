from __future__ import annotations

from fastapi import APIRouter

from app.deps import JobsDep
from app.models.video import JobStatusResponse
from app.routers.responses import JOB, PARAMETERS, merge

router = APIRouter(prefix="/api/status", tags=["jobs"], responses=merge(JOB, PARAMETERS))


@router.get("/{job_id}")
async def job_status(job_id: str, jobs: JobsDep) -> JobStatusResponse:
    """Any job, clip rendering or composition."""
    return JobStatusResponse.model_validate(jobs.get(job_id).fields())
