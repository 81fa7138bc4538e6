"""A deleted project's jobs, stopped wherever they run.

Run here (`JOB_BACKEND=inprocess`), a job's task is cancelled: its partial files are removed
as it stops. Run by a worker (`JOB_BACKEND=celery`), it cannot be reached, so it is called off
in its row: ended failed (`job_cancelled`, with a sentence) in a transaction of its own,
committed before the project's deletion reads what the job made. The worker's steps read the
row as they start (an ended job: nothing to do) and again once their own output is recorded;
finding the job called off, a step removes every file it committed and records nothing
(`app.workers.steps`). One of the two always happens: either the deletion reads the step's
recorded output (and removes it), or the step reads the job called off (and removes its files
itself). Whoever follows the job here (an open event stream) sees it end with the sentence.
"""

from __future__ import annotations

import logging

from app.db import jobs as repo
from app.db import spend as spend_repo
from app.db.engine import Database
from app.errors import ErrorCode
from app.models.video import ErrorInfo, JobKind, JobStatus
from app.services import clip_service, composition_service
from app.services.checkpoints import (
    Checkpoints,
    DatabaseCheckpoints,
    finished_columns,
    write_end,
)
from app.services.durable_jobs import job_from_row
from app.utils.background import BackgroundTasks
from app.utils.job_tracker import JobTracker

logger = logging.getLogger(__name__)

PROJECT_DELETED = ErrorInfo(
    code=ErrorCode.JOB_CANCELLED,
    message="This job was stopped because its project was deleted.",
)


async def cancel_project_jobs(
    db: Database,
    jobs: JobTracker,
    background: BackgroundTasks,
    checkpoints: Checkpoints,
    project_id: str,
) -> int:
    """Stop every job still running for the project, wherever it runs, and forget them: the
    project's deletion then removes what they had made. How many were running."""
    if isinstance(checkpoints, DatabaseCheckpoints):
        await checkpoints.flush()  # a job created a moment ago is in the database too
    async with db.session() as session:
        rows = [
            (row.id, row.kind, row.status) for row in await repo.of_project(session, project_id)
        ]
    stopped = 0
    for job_id, kind, status in rows:
        name = (
            clip_service.task_name(job_id)
            if kind == JobKind.CLIPS
            else composition_service.task_name(job_id)
        )
        await background.cancel(name)
        if status == repo.PROCESSING and await _call_off(db, job_id):
            stopped += 1
        jobs.call_off(job_id, PROJECT_DELETED.model_copy())
    if stopped:
        logger.info("stopped %d jobs of a deleted project", stopped)
    return stopped


async def _call_off(db: Database, job_id: str) -> bool:
    """End the running job's row as called off (its spend settled at what its steps cost);
    whether it was still running."""
    async with db.session() as session:
        owner = await repo.owner_of(session, job_id)
        if owner is None:
            return False
        await spend_repo.lock_user(session, owner)  # first, as every spend change does
        row = await repo.lock(session, job_id)
        if row is None or row.status != repo.PROCESSING:
            return False
        job = job_from_row(row)
        job.status, job.error = JobStatus.FAILED, PROJECT_DELETED.model_copy()
        return await write_end(session, job_id, owner, finished_columns(job))
