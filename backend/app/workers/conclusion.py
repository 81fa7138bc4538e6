"""A clip job as its rows say, and its end decided once, by whichever worker sees it last.

Two workers may finish a job's last two clips at the same moment: each then concludes in one
transaction that locks the job first (`app.db.jobs.lock`), so the second sees the job already
ended and does nothing. The rule is `clip_service.conclude`, the one the API applies in
process; the project records the clips in the same transaction, so a job that ends while the
API is down is in its project all the same, and only once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from app.db import jobs as repo
from app.db import spend as spend_repo
from app.db.engine import Database
from app.db.models import LOCAL_USER_ID, JobStep
from app.db.models import Job as JobRow
from app.models.cost import ProviderCall
from app.models.scene import SceneWithSeed
from app.models.video import Clip, JobKind, JobStatus
from app.services import clip_service, project_recording
from app.services.checkpoints import finished_columns, write_end
from app.services.durable_jobs import stored_error
from app.utils.costs import CostLedger
from app.utils.job_tracker import ClipState, Job, JobTracker


def clip_states(
    request_clips: Iterable[Clip], steps: dict[str, JobStep], url_for: Callable[[str], str]
) -> list[ClipState]:
    """Each clip as the job asked it (a retry's carried-over clips already complete), then as
    its step ended, if it has: complete with its file, or failed with its error."""
    states = []
    for clip in request_clips:
        state = ClipState(
            clip.scene_number,
            clip.duration,
            status=clip.status,
            video_url=clip.video_url,
            error=clip.error,
            fraction=0.0 if clip.status is JobStatus.PROCESSING else 1.0,
        )
        step = steps.get(clip_service.step_name(clip.scene_number))
        if state.status is JobStatus.PROCESSING and step is not None:
            if step.status == "complete" and step.output_key:
                state.status, state.video_url, state.fraction = (
                    JobStatus.COMPLETE,
                    url_for(step.output_key),
                    1.0,
                )
            elif step.status == "failed":
                state.status, state.error, state.fraction = (
                    JobStatus.FAILED,
                    stored_error(step),
                    1.0,
                )
        states.append(state)
    return states


def clip_job(row: JobRow, url_for: Callable[[str], str]) -> Job:
    """The running clip job of `row`, as far as its steps have got."""
    scenes = [SceneWithSeed.model_validate(scene) for scene in row.request.get("scenes", [])]
    clips = [Clip.model_validate(clip) for clip in row.request.get("clips", [])]
    steps = {step.name: step for step in row.steps}
    return Job(
        row.id,
        JobKind.CLIPS,
        clips=clip_states(clips, steps, url_for),
        scenes=scenes,
        owner=row.user_id or LOCAL_USER_ID,
    )


async def conclude_clips(
    db: Database, job_id: str, url_for: Callable[[str], str], calls: list[ProviderCall]
) -> Job | None:
    """End the clip job if every clip has finished and nobody has ended it yet: the ended job,
    else None. `calls`: what its clips cost (each step reported its own)."""
    async with db.session() as session:
        owner = await repo.owner_of(session, job_id)
        if owner is None:
            return None
        # The owner's spend lock before the job's row: the order every end and spend change
        # takes, so two of them never wait on each other.
        await spend_repo.lock_user(session, owner)
        row = await repo.lock(session, job_id)
        if row is None or row.status != repo.PROCESSING:
            return None
        job = clip_job(row, url_for)
        if any(clip.status is JobStatus.PROCESSING for clip in job.clips):
            return None
        job.cost = CostLedger(calls=list(calls))
        tracker = JobTracker()
        tracker.adopt(job)
        clip_service.conclude(tracker, job)
        await write_end(session, job_id, owner, finished_columns(job))
        if row.project_id is not None:
            await project_recording.record_clips_in(session, row.project_id, job)
    return job
