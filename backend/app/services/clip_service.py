"""Step 4: one video clip per scene, rendered in the background.

Each clip is brought to the ad's normal form as soon as it arrives (`normalise_service`),
while the others still render, so the composer copies it instead of encoding it again.

Each clip fails alone: its error is recorded on the clip and the others carry on. The job ends
`complete` when every clip is, `failed` (with the finished clips kept) when any is not; a retry
starts a new job that carries the finished clips over and renders only the ones asked for.
"""

from __future__ import annotations

import asyncio

from app.errors import ErrorCode, InvalidRequest, StorageFull
from app.fetching import IMAGE
from app.ffmpeg.form import SIDECAR_SUFFIX, ClipForm, keyframes_for
from app.ffmpeg.timing import FPS, ClipCut, clip_cuts, clip_lengths
from app.models.scene import CameraMove, SceneWithSeed
from app.models.video import ErrorInfo, JobKind, JobStatus
from app.providers.base import MotionSpec
from app.runtime import Runtime
from app.services.inputs import input_path
from app.services.job_errors import error_info
from app.services.normalise_service import encoding_of, normalise_clip, record_form
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


async def start_clip_job(runtime: Runtime, scenes: list[SceneWithSeed]) -> Job:
    await runtime.store.ensure_room()
    clips = [ClipState(scene.scene_number, scene.duration) for scene in scenes]
    job = runtime.jobs.create(JobKind.CLIPS, clips=clips, scenes=scenes)
    runtime.background.spawn(_run(runtime, job.job_id, scenes), name=f"clips-{job.job_id}")
    return job


async def retry_clips(runtime: Runtime, job_id: str, scene_numbers: list[int]) -> Job:
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
    await runtime.store.ensure_room()

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
    # Out of space is the operator's to fix, not a retry's: say so in the job's own code.
    codes = {clip.error.code if clip.error else None for clip in failed}
    runtime.jobs.fail(
        job_id,
        ErrorInfo(
            code=StorageFull.code if codes == {StorageFull.code} else ErrorCode.CLIPS_FAILED,
            message=f"{len(failed)} of {len(job.clips)} clips failed ({reasons}).",
        ),
    )


async def _render_clip(
    runtime: Runtime, job_id: str, scene: SceneWithSeed, length: float, cut: ClipCut | None
) -> None:
    number, store = scene.scene_number, runtime.store
    motion = runtime.providers.motion
    # A provider that renders in the normal form gets the exact frames and keyframes.
    in_form = cut is not None and getattr(motion, "renders_normal_form", False)
    rendering = 0.99 if in_form or cut is None else 0.8
    try:
        # The clip, its records (provenance, form) and a seed fetched for it: all kept, or none.
        async with store.batch() as batch:
            what = f"the seed image of scene {number}"
            image = await input_path(runtime, batch, scene.seed_image_url, "seeds", IMAGE, what)
            spec = MotionSpec(
                image=image,
                duration=cut.length / FPS if cut is not None else length,
                prompt=f"{scene.description}. {scene.style_prompt}".strip(),
                camera_move=camera_for(scene),
                seed=stable_seed("clip", number, scene.description, scene.seed_image_url),
                keyframes=keyframes_for(cut) if cut is not None else (0,),
            )
            clip = batch.new("clips", ".mp4")
            await batch.record_uses(clip, [store.key_for_path(image)])
            await motion.animate(
                spec,
                clip.partial,
                # Hold back the last percent until the file is in place.
                on_progress=lambda f: runtime.jobs.advance_clip(job_id, number, f * rendering),
            )
            if cut is not None:
                form = ClipForm.target(cut, encoding_of(runtime.settings.ffmpeg))
                sidecar = batch.beside(clip, SIDECAR_SUFFIX).partial
                if in_form:
                    await record_form(clip.partial, form, sidecar)
                else:
                    await normalise_clip(
                        clip.partial,
                        form,
                        runtime.settings.ffmpeg,
                        f"The clip for scene {number}",
                        lambda f: runtime.jobs.advance_clip(
                            job_id, number, rendering + f * (0.99 - rendering)
                        ),
                        sidecar=sidecar,
                    )
        runtime.jobs.finish_clip(job_id, number, video_url=store.url_for(clip.key))
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        runtime.jobs.finish_clip(job_id, number, error=error_info(exc, f"rendering scene {number}"))
