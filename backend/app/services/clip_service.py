"""Step 4: one video clip per scene, rendered in the background.

Each clip is brought to the ad's normal form as soon as it arrives (`normalise_service`),
while the others still render, so the composer copies it instead of encoding it again.

Each clip fails alone: its error is recorded on the clip and the others carry on. The job ends
`complete` when every clip is, `failed` (with the finished clips kept) when any is not; a retry
starts a new job that carries the finished clips over and renders only the ones asked for.
"""

from __future__ import annotations

import asyncio

from app.errors import InvalidRequest
from app.fetching import IMAGE
from app.ffmpeg.form import ClipForm, keyframes_for
from app.ffmpeg.timing import FPS, ClipCut, clip_cuts, clip_lengths
from app.models.scene import CameraMove, SceneWithSeed
from app.models.video import ErrorInfo, JobKind, JobStatus
from app.providers.base import MotionSpec
from app.runtime import Runtime
from app.services.job_errors import error_info
from app.services.normalise_service import encoding_of, normalise_clip, record_form
from app.storage.resolve import local_media_path
from app.utils.costs import charged_to
from app.utils.helpers import stable_seed
from app.utils.job_tracker import ClipState, Job

_CAMERA_ROTATION = (
    CameraMove.PUSH_IN,
    CameraMove.PAN_RIGHT,
    CameraMove.PULL_OUT,
    CameraMove.PAN_LEFT,
    CameraMove.RISE,
    CameraMove.DESCEND,
)


def camera_for(scene: SceneWithSeed) -> CameraMove:
    """The director's choice, or a rotation so neighbouring scenes never move alike."""
    return scene.camera_move or _CAMERA_ROTATION[(scene.scene_number - 1) % len(_CAMERA_ROTATION)]


def start_clip_job(runtime: Runtime, scenes: list[SceneWithSeed]) -> Job:
    clips = [ClipState(scene.scene_number, scene.duration) for scene in scenes]
    job = runtime.jobs.create(JobKind.CLIPS, clips=clips, scenes=scenes)
    runtime.background.spawn(_run(runtime, job.job_id, scenes), name=f"clips-{job.job_id}")
    return job


def retry_clips(runtime: Runtime, job_id: str, scene_numbers: list[int]) -> Job:
    """A new job with the finished clips of `job_id` and fresh renders of the chosen scenes."""
    previous = runtime.jobs.get(job_id)
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

    clips = []
    for old in previous.clips:
        clip = ClipState(old.scene_number, old.duration)
        if old.scene_number not in wanted:
            clip.status, clip.video_url, clip.fraction = old.status, old.video_url, 1.0
            clip.error = old.error
        clips.append(clip)
    job = runtime.jobs.create(JobKind.CLIPS, clips=clips, scenes=previous.scenes)
    runtime.background.spawn(
        _run(runtime, job.job_id, previous.scenes, only=wanted), name=f"clips-{job.job_id}"
    )
    return job


async def _run(
    runtime: Runtime, job_id: str, scenes: list[SceneWithSeed], only: set[int] | None = None
) -> None:
    durations = [scene.duration for scene in scenes]
    lengths = clip_lengths(durations)
    cuts: list[ClipCut | None]
    try:
        cuts = list(clip_cuts(durations))
    except InvalidRequest:  # scenes too short to cut: the composer will say so
        cuts = [None] * len(scenes)
    job = runtime.jobs.get(job_id)
    with charged_to(job.cost):
        await asyncio.gather(
            *(
                _render_clip(runtime, job_id, scene, length, cut)
                for scene, length, cut in zip(scenes, lengths, cuts, strict=True)
                if only is None or scene.scene_number in only
            )
        )
    failed = [clip for clip in job.clips if clip.status is JobStatus.FAILED]
    if not failed:
        runtime.jobs.complete(job_id)
        return
    reasons = "; ".join(
        f"scene {clip.scene_number}: {clip.error.message if clip.error else 'unknown'}"
        for clip in failed
    )
    runtime.jobs.fail(
        job_id,
        ErrorInfo(
            code="clips_failed",
            message=f"{len(failed)} of {len(job.clips)} clips failed ({reasons}).",
        ),
    )


async def _render_clip(
    runtime: Runtime, job_id: str, scene: SceneWithSeed, length: float, cut: ClipCut | None
) -> None:
    number = scene.scene_number
    motion = runtime.providers.motion
    # A provider that renders in the normal form gets the exact frames and keyframes.
    in_form = cut is not None and getattr(motion, "renders_normal_form", False)
    rendering = 0.99 if in_form or cut is None else 0.8
    try:
        image = await local_media_path(
            runtime, scene.seed_image_url, "seeds", IMAGE, f"the seed image of scene {number}"
        )
        spec = MotionSpec(
            image=image,
            duration=cut.length / FPS if cut is not None else length,
            prompt=f"{scene.description}. {scene.style_prompt}".strip(),
            camera_move=camera_for(scene),
            seed=stable_seed("clip", number, scene.description, scene.seed_image_url),
            keyframes=keyframes_for(cut) if cut is not None else (0,),
        )
        target = runtime.store.allocate("clips", ".mp4")
        path = await motion.animate(
            spec,
            target.path,
            # Hold back the last percent until the file is in place.
            on_progress=lambda f: runtime.jobs.advance_clip(job_id, number, f * rendering),
        )
        if cut is not None:
            form = ClipForm.target(cut, encoding_of(runtime.settings.ffmpeg))
            if in_form:
                await record_form(path, form)
            else:
                await normalise_clip(
                    path,
                    form,
                    runtime.settings.ffmpeg,
                    f"The clip for scene {number}",
                    lambda f: runtime.jobs.advance_clip(
                        job_id, number, rendering + f * (0.99 - rendering)
                    ),
                )
        runtime.jobs.finish_clip(job_id, number, video_url=runtime.store.url_for_path(path))
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        runtime.jobs.finish_clip(job_id, number, error=error_info(exc, f"rendering scene {number}"))
