"""Step 4: one video clip per scene, rendered in the background.

Each clip is brought to the ad's normal form as soon as it arrives (`normalise_service`),
while the others still render, so the composer copies it instead of encoding it again.

Each clip fails alone: its error is recorded on the clip and the others carry on. The job ends
`complete` when every clip is, `failed` (with the finished clips kept) when any is not; a retry
starts a new job that carries the finished clips over and renders only the ones asked for.

`run_clip_job` is the step itself: given `ClipJobDeps` and a job the tracker knows, it can run
anywhere those can be built. The API spawns it in the background; the pipeline awaits it.

Each clip is checkpointed (`app.services.checkpoints`) as `clip-N`: started, its prediction's id
for a remote provider, finished with its file's key. A job resumed after a restart
(`app.services.durable_jobs`) runs again only the clips that had not finished, re-attaching to
the predictions the dead process had started.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.config import FFmpegSettings
from app.errors import ErrorCode, InvalidRequest, StorageFull
from app.fetching import IMAGE, Fetcher
from app.ffmpeg.args import encoding_of
from app.ffmpeg.form import SIDECAR_SUFFIX, ClipForm, keyframes_for
from app.ffmpeg.overlay import Overlay
from app.ffmpeg.timing import FPS, ClipCut, clip_cuts, clip_lengths
from app.models.scene import CameraMove, SceneWithSeed
from app.models.video import ErrorInfo, JobKind, JobStatus
from app.providers.base import MotionProvider, MotionSpec, RemoteRun
from app.services.checkpoints import Checkpoints
from app.services.inputs import input_path
from app.services.job_errors import error_info
from app.services.normalise_service import normalise_clip, record_form
from app.storage.media_store import MediaStore
from app.utils.background import BackgroundTasks
from app.utils.costs import CostLedger, charged_to
from app.utils.helpers import stable_seed
from app.utils.job_tracker import ClipState, Job, JobTracker

_CAMERA_ROTATION = (
    CameraMove.PUSH_IN,
    CameraMove.PAN_RIGHT,
    CameraMove.PULL_OUT,
    CameraMove.PAN_LEFT,
    CameraMove.RISE,
    CameraMove.DESCEND,
)


@dataclass(frozen=True)
class ClipJobDeps:
    """What a clip job uses: the routers take it from the runtime, the pipeline makes its own."""

    store: MediaStore
    jobs: JobTracker
    motion: MotionProvider
    fetcher: Fetcher
    """Brings in a seed image given by a link that is not our own media."""
    ffmpeg: FFmpegSettings
    """For normalising clips: the encoder settings they share with the ad."""
    checkpoints: Checkpoints = field(default_factory=Checkpoints)
    """Where each clip is recorded as it starts and ends (the API: the database)."""
    overlays: Mapping[int, Overlay] = field(default_factory=dict)
    """Scene number → the ad's words over its clip, laid in the pass that renders it (the
    pipeline, which knows the words first; `app.words.clip_words`). Only a provider that
    renders in the normal form is given them."""


def step_name(scene_number: int) -> str:
    return f"clip-{scene_number}"


def camera_for(scene: SceneWithSeed) -> CameraMove:
    """The director's choice, or a rotation so neighbouring scenes never move alike."""
    return scene.camera_move or _CAMERA_ROTATION[(scene.scene_number - 1) % len(_CAMERA_ROTATION)]


async def create_clip_job(
    deps: ClipJobDeps, scenes: list[SceneWithSeed], project_id: str | None = None
) -> Job:
    """A new clip job, recorded as processing, for `run_clip_job` to render."""
    await deps.store.ensure_room()
    clips = [ClipState(scene.scene_number, scene.duration) for scene in scenes]
    job = deps.jobs.create(JobKind.CLIPS, clips=clips, scenes=scenes)
    deps.checkpoints.job_created(job, clip_request(job), project_id)
    return job


def clip_request(job: Job) -> dict[str, Any]:
    """What a clip job was asked: its scenes, and its clips as they were when it started (a
    retry's carried-over clips already complete), enough to run it again after a restart."""
    return {
        "scenes": [scene.model_dump(mode="json") for scene in job.scenes],
        "clips": [clip.to_model().model_dump(mode="json") for clip in job.clips],
    }


def task_name(job_id: str) -> str:
    return f"clips-{job_id}"


async def start_clip_job(
    deps: ClipJobDeps,
    background: BackgroundTasks,
    scenes: list[SceneWithSeed],
    project_id: str | None = None,
) -> Job:
    job = await create_clip_job(deps, scenes, project_id)
    background.spawn(run_clip_job(deps, job.job_id, scenes), name=task_name(job.job_id))
    return job


async def retry_clips(
    deps: ClipJobDeps,
    background: BackgroundTasks,
    job_id: str,
    scene_numbers: list[int],
    project_id: str | None = None,
) -> Job:
    """A new job with the finished clips of `job_id` and fresh renders of the chosen scenes."""
    job, wanted = await create_retry_job(deps, job_id, scene_numbers, project_id)
    background.spawn(
        run_clip_job(deps, job.job_id, job.scenes, only=wanted), name=task_name(job.job_id)
    )
    return job


async def create_retry_job(
    deps: ClipJobDeps, job_id: str, scene_numbers: list[int], project_id: str | None = None
) -> tuple[Job, set[int]]:
    """The retry job of `job_id`, recorded as processing, and the scenes it is to render."""
    previous = deps.jobs.get(job_id)
    if previous.kind is not JobKind.CLIPS:
        raise InvalidRequest(f"Job {job_id} composes a video; only clip jobs can be retried.")
    if not previous.finished:
        raise InvalidRequest(f"Job {job_id} is still running; retry once it has finished.")
    wanted = set(scene_numbers) or {
        clip.scene_number for clip in previous.clips if clip.status is JobStatus.FAILED
    }
    unknown = wanted - {scene.scene_number for scene in previous.scenes}
    if unknown:
        raise InvalidRequest(f"Job {job_id} has no scene {sorted(unknown)}.")
    if not wanted:
        raise InvalidRequest(f"Every clip of job {job_id} is finished; there is nothing to retry.")
    await deps.store.ensure_room()

    clips = []
    for old in previous.clips:
        clip = ClipState(old.scene_number, old.duration)
        if old.scene_number not in wanted:
            clip.status, clip.video_url, clip.fraction = old.status, old.video_url, 1.0
            clip.error = old.error
        clips.append(clip)
    job = deps.jobs.create(JobKind.CLIPS, clips=clips, scenes=previous.scenes)
    deps.checkpoints.job_created(job, clip_request(job), project_id)
    return job, wanted


async def run_clip_job(
    deps: ClipJobDeps,
    job_id: str,
    scenes: list[SceneWithSeed],
    only: set[int] | None = None,
    predictions: Mapping[int, str] | None = None,
) -> Job:
    """Render the clips of job `job_id` (only the scenes in `only`, if given); the finished job.

    `predictions` maps a scene to the remote prediction an earlier process started for it, to
    re-attach to. A clip that fails is recorded on the job, never raised."""
    predictions = predictions or {}
    plan = clip_plan(scenes)
    job = deps.jobs.get(job_id)
    with charged_to(job.cost):
        await asyncio.gather(
            *(
                _render_clip(
                    deps,
                    job_id,
                    scene,
                    *plan[scene.scene_number],
                    predictions.get(scene.scene_number),
                )
                for scene in scenes
                if only is None or scene.scene_number in only
            )
        )
    conclude(deps.jobs, job)
    deps.checkpoints.job_finished(job)
    return job


def clip_plan(scenes: list[SceneWithSeed]) -> dict[int, tuple[float, ClipCut | None]]:
    """Scene number → the length its clip is asked for and its cut in the ad: each clip's
    depends on the whole storyboard (the crossfades), so one step alone asks the whole plan."""
    durations = [scene.duration for scene in scenes]
    lengths = clip_lengths(durations)
    cuts: list[ClipCut | None]
    try:
        cuts = list(clip_cuts(durations))
    except InvalidRequest:  # scenes too short to cut: the composer will say so
        cuts = [None] * len(scenes)
    return {
        scene.scene_number: (length, cut)
        for scene, length, cut in zip(scenes, lengths, cuts, strict=True)
    }


async def render_clip_step(
    deps: ClipJobDeps,
    job_id: str,
    scenes: list[SceneWithSeed],
    scene_number: int,
    prediction_id: str | None = None,
) -> None:
    """One clip step of job `job_id` (checkpointed as `clip-N`), alone: how a worker renders
    the clip it was handed. Its end is recorded on the job, never raised; the job itself is
    left running (whoever sees every clip finished calls `conclude`)."""
    scene = next(scene for scene in scenes if scene.scene_number == scene_number)
    length, cut = clip_plan(scenes)[scene_number]
    await _render_clip(deps, job_id, scene, length, cut, prediction_id)


def conclude(jobs: JobTracker, job: Job) -> None:
    """End a clip job whose clips have all finished: complete when every clip is, else failed
    with each failed clip's reason (the finished clips kept)."""
    job_id = job.job_id
    failed = [clip for clip in job.clips if clip.status is JobStatus.FAILED]
    if not failed:
        jobs.complete(job_id)
        return
    reasons = "; ".join(
        f"scene {clip.scene_number}: {clip.error.message if clip.error else 'unknown'}"
        for clip in failed
    )
    # Out of space is the operator's to fix, not a retry's: say so in the job's own code.
    codes = {clip.error.code if clip.error else None for clip in failed}
    jobs.fail(
        job_id,
        ErrorInfo(
            code=StorageFull.code if codes == {StorageFull.code} else ErrorCode.CLIPS_FAILED,
            message=f"{len(failed)} of {len(job.clips)} clips failed ({reasons}).",
        ),
    )


async def _render_clip(
    deps: ClipJobDeps,
    job_id: str,
    scene: SceneWithSeed,
    length: float,
    cut: ClipCut | None,
    prediction_id: str | None,
) -> None:
    number, store, checkpoints = scene.scene_number, deps.store, deps.checkpoints
    name = step_name(number)
    checkpoints.step_started(job_id, name, "clip", number)
    remote = RemoteRun(
        created=lambda made: checkpoints.step_prediction(job_id, name, made),
        resume_id=prediction_id,
        keep_on_shutdown=checkpoints.keep_on_shutdown,
    )
    with charged_to(CostLedger()) as spent:
        try:
            key = await _clip_file(deps, job_id, scene, length, cut, remote)
        except asyncio.CancelledError:
            raise  # shut down or called off: the next start, or nobody, takes it up
        except Exception as exc:
            error = error_info(exc, f"rendering scene {number}")
            checkpoints.step_finished(job_id, name, cost_usd=spent.total_usd, error=error)
            deps.jobs.finish_clip(job_id, number, error=error)
            return
    checkpoints.step_finished(job_id, name, output_key=key, cost_usd=spent.total_usd)
    deps.jobs.finish_clip(job_id, number, video_url=store.url_for(key))


async def _clip_file(
    deps: ClipJobDeps,
    job_id: str,
    scene: SceneWithSeed,
    length: float,
    cut: ClipCut | None,
    remote: RemoteRun,
) -> str:
    """The clip of `scene`, normalised, committed to the store: its key."""
    number, store, motion = scene.scene_number, deps.store, deps.motion
    # A provider that renders in the normal form gets the exact frames and keyframes.
    in_form = cut is not None and getattr(motion, "renders_normal_form", False)
    overlay = deps.overlays.get(number) if in_form else None
    rendering = 0.99 if in_form or cut is None else 0.8
    # The clip, its records (provenance, form) and a seed fetched for it: all kept, or none.
    async with store.batch() as batch:
        what = f"the seed image of scene {number}"
        image = await input_path(
            store, deps.fetcher, batch, scene.seed_image_url, "seeds", IMAGE, what
        )
        spec = MotionSpec(
            image=image,
            duration=cut.length / FPS if cut is not None else length,
            prompt=f"{scene.description}. {scene.style_prompt}".strip(),
            camera_move=camera_for(scene),
            seed=stable_seed("clip", number, scene.description, scene.seed_image_url),
            keyframes=keyframes_for(cut) if cut is not None else (0,),
            remote=remote,
            overlay=overlay,
        )
        clip = batch.new("clips", ".mp4")
        await batch.record_uses(clip, [store.key_for_path(image)])
        await motion.animate(
            spec,
            clip.partial,
            # Hold back the last percent until the file is in place.
            on_progress=lambda f: deps.jobs.advance_clip(job_id, number, f * rendering),
        )
        if cut is not None:
            words = overlay.digest if overlay else ""
            form = ClipForm.target(cut, encoding_of(deps.ffmpeg), words=words)
            sidecar = batch.beside(clip, SIDECAR_SUFFIX).partial
            if in_form:
                await record_form(clip.partial, form, sidecar)
            else:
                await normalise_clip(
                    clip.partial,
                    form,
                    deps.ffmpeg,
                    f"The clip for scene {number}",
                    lambda f: deps.jobs.advance_clip(
                        job_id, number, rendering + f * (0.99 - rendering)
                    ),
                    sidecar=sidecar,
                )
    return clip.key
