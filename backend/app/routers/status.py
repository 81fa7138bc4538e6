from __future__ import annotations

from fastapi import APIRouter

from app.deps import CurrentUserId, DbDep, JobsDep
from app.models.video import JobStatusResponse
from app.routers.responses import JOB, PARAMETERS, merge
from app.services import durable_jobs

router = APIRouter(prefix="/api/status", tags=["jobs"], responses=merge(JOB, PARAMETERS))


@router.get("/{job_id}")
async def job_status(
    job_id: str, jobs: JobsDep, db: DbDep, user_id: CurrentUserId
) -> JobStatusResponse:
    """Any job of yours, clip rendering or composition."""
    # Held in memory, or read back from its checkpoint (a job of an earlier process).
    job = await durable_jobs.load(db, jobs, job_id, user_id)
    return JobStatusResponse.model_validate(job.fields())
