from __future__ import annotations

from fastapi import APIRouter

from app.deps import JobsDep
from app.models.video import JobStatusResponse

router = APIRouter(prefix="/api/status", tags=["jobs"])


@router.get("/{job_id}")
async def job_status(job_id: str, jobs: JobsDep) -> JobStatusResponse:
    """Any job, clip rendering or composition."""
    job = jobs.get(job_id)
    return JobStatusResponse(
        job_id=job.job_id,
        kind=job.kind,
        status=job.status,
        progress=job.progress,
        clips=[clip.to_model() for clip in job.clips],
        final_video_url=job.final_video_url,
        duration=job.duration,
        audio_url=job.audio_url,
        error=job.error,
    )
