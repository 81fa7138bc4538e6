from __future__ import annotations

import asyncio
from collections.abc import Sequence

from fastapi import APIRouter, status
from fastapi.exceptions import RequestValidationError

from app.db.engine import Database
from app.deps import (
    ClipJobDepsDep,
    ComposeJobDepsDep,
    CurrentUserId,
    DbDep,
    JobsDep,
    RateLimit,
    RunnerDep,
    SpendDep,
)
from app.errors import ErrorCode, JobNotFound
from app.fetching import Fetcher
from app.models.video import (
    ComposeRequest,
    ComposeResponse,
    ComposeStatusResponse,
    GenerateVideoRequest,
    GenerateVideoResponse,
    JobKind,
    RetryClipsRequest,
    VideoStatusResponse,
)
from app.routers.projects import ProjectParam
from app.routers.responses import (
    BODY,
    BUDGET,
    JOB,
    JOB_OR_PROJECT,
    LIMITED,
    PARAMETERS,
    PROJECT,
    QUEUED,
    RULES,
    STORAGE,
    merge,
)
from app.services import (
    cost_estimate,
    durable_jobs,
)
from app.services.inputs import url_refusal
from app.services.job_runner import words_options
from app.services.script_service import request_problems
from app.storage.media_store import MediaStore
from app.utils.job_tracker import Job, JobTracker

router = APIRouter(prefix="/api/video", tags=["video"])


async def _job_of_kind(
    db: Database, jobs: JobTracker, job_id: str, kind: JobKind, owner: str
) -> Job:
    """The job of `owner`'s, held in memory or read back from its checkpoint (after a restart)."""
    job = await durable_jobs.load(db, jobs, job_id, owner)
    if job.kind is not kind:
        raise JobNotFound(job_id)
    return job


def _clips_response(job: Job) -> GenerateVideoResponse:
    return GenerateVideoResponse.model_validate(job.fields())


@router.post(
    "/generate",
    status_code=status.HTTP_202_ACCEPTED,
    responses=merge(BODY, RULES, STORAGE, PROJECT, BUDGET, LIMITED, QUEUED),
    dependencies=[RateLimit],
)
async def generate_video(
    request: GenerateVideoRequest,
    deps: ClipJobDepsDep,
    runner: RunnerDep,
    project_id: ProjectParam,
    spend: SpendDep,
    user_id: CurrentUserId,
) -> GenerateVideoResponse:
    """Start rendering one clip per scene; poll the status endpoint with the job id (or follow
    `/api/jobs/{job_id}/events`). 402 when its estimate is past the daily budget."""
    urls = [scene.seed_image_url for scene in request.scenes]
    await _refuse_unusable_links(deps.store, deps.fetcher, ("scenes", "seed_image_url"), urls)
    usd = cost_estimate.clips_cost(deps.motion, request.scenes).estimated_usd
    job = await spend.pay_for(
        user_id,
        usd,
        lambda: runner.start_clips(deps, request.scenes, project_id),
    )
    return _clips_response(job)


@router.post(
    "/generate/{job_id}/retry",
    status_code=status.HTTP_202_ACCEPTED,
    responses=merge(BODY, RULES, JOB_OR_PROJECT, STORAGE, BUDGET, LIMITED, QUEUED),
    dependencies=[RateLimit],
)
async def retry_clips(
    job_id: str,
    request: RetryClipsRequest,
    deps: ClipJobDepsDep,
    runner: RunnerDep,
    db: DbDep,
    project_id: ProjectParam,
    spend: SpendDep,
    user_id: CurrentUserId,
) -> GenerateVideoResponse:
    """Render chosen (default: failed) clips again in a new job that keeps the finished ones."""
    await durable_jobs.load(db, deps.jobs, job_id, user_id)  # an earlier process's too
    usd = cost_estimate.retry_cost(deps.jobs, deps.motion, job_id, request.scene_numbers)
    job = await spend.pay_for(
        user_id,
        usd,
        lambda: runner.retry_clips(deps, job_id, request.scene_numbers, project_id),
    )
    return _clips_response(job)


@router.get("/status/{job_id}", responses=merge(JOB, PARAMETERS))
async def video_status(
    job_id: str, jobs: JobsDep, db: DbDep, user_id: CurrentUserId
) -> VideoStatusResponse:
    """Progress of a clip job, clip by clip."""
    job = await _job_of_kind(db, jobs, job_id, JobKind.CLIPS, user_id)
    return VideoStatusResponse.model_validate(job.fields())


@router.post(
    "/compose",
    status_code=status.HTTP_202_ACCEPTED,
    responses=merge(BODY, RULES, STORAGE, PROJECT, BUDGET, LIMITED, QUEUED),
    dependencies=[RateLimit],
)
async def compose_video(
    request: ComposeRequest,
    deps: ComposeJobDepsDep,
    runner: RunnerDep,
    project_id: ProjectParam,
    spend: SpendDep,
    user_id: CurrentUserId,
) -> ComposeResponse:
    """Start composing the final ad from finished clips, with generated music."""
    urls = [clip.video_url for clip in request.clips]
    await _refuse_unusable_links(deps.store, deps.fetcher, ("clips", "video_url"), urls)
    script = words_options(request)
    problems = (
        request_problems(request.clips, script, deps.default_voice, deps.voice)
        if deps.voice is not None
        else []
    )
    if problems:
        raise RequestValidationError(problems)
    usd = cost_estimate.total(cost_estimate.compose_request_cost(deps, request))
    job = await spend.pay_for(
        user_id,
        usd,
        lambda: runner.start_compose(deps, request, project_id),
    )
    return ComposeResponse.model_validate(job.fields())


@router.get("/compose/status/{job_id}", responses=merge(JOB, PARAMETERS))
async def compose_status(
    job_id: str, jobs: JobsDep, db: DbDep, user_id: CurrentUserId
) -> ComposeStatusResponse:
    """Progress of a composition job, and the final video once it is done."""
    job = await _job_of_kind(db, jobs, job_id, JobKind.COMPOSE, user_id)
    return ComposeStatusResponse.model_validate(job.fields())


async def _refuse_unusable_links(
    store: MediaStore, fetcher: Fetcher, field: tuple[str, str], urls: Sequence[str]
) -> None:
    """A 422 for every link the fetch policy refuses from the URL alone (or naming media that
    does not exist), so that it never becomes a job that fails; the rest is checked when fetched.

    `field` is the list and the key in each item; the index in `loc` is the scene's place in
    the storyboard (scenes arrive sorted).
    """
    refusals = await asyncio.to_thread(lambda: [url_refusal(store, fetcher, url) for url in urls])
    errors = [
        {
            "loc": ["body", field[0], index, field[1]],
            "msg": refused.sentence,
            "type": ErrorCode.URL_REFUSED.value,
        }
        for index, refused in enumerate(refusals)
        if refused is not None
    ]
    if errors:
        raise RequestValidationError(errors)
