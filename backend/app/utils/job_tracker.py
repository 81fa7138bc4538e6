"""In-memory job status tracking, as the seed plans for the MVP.

Each process holds the jobs it answers for. With `JOB_BACKEND=celery` the steps run in workers,
and the API's mirror (`app.workers.mirror`) applies their reports from Redis here, so status,
events and listeners read one place either way. Progress never goes down: every write is
`max(old, new)`, so a poller never sees a bar move backwards, whatever order updates arrive in.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from app.auth.owner import current_owner
from app.errors import JobNotFound
from app.models.scene import SceneWithSeed
from app.models.video import Clip, ErrorInfo, JobKind, JobStatus
from app.utils.costs import CostLedger

logger = logging.getLogger(__name__)

MAX_JOBS = 500
"""Finished jobs beyond this many are forgotten here, oldest first; the API reads them back
from the database (`app.services.durable_jobs`), and their media stays on disk."""


@dataclass
class ClipState:
    scene_number: int
    duration: float | None = None
    status: JobStatus = JobStatus.PROCESSING
    video_url: str | None = None
    error: ErrorInfo | None = None
    fraction: float = 0.0
    """How far this clip's rendering has got, 0.0 to 1.0."""

    def to_model(self) -> Clip:
        return Clip(
            scene_number=self.scene_number,
            status=self.status,
            video_url=self.video_url,
            duration=self.duration,
            error=self.error,
        )


@dataclass
class Job:
    job_id: str
    kind: JobKind
    status: JobStatus = JobStatus.PROCESSING
    progress: int = 0
    clips: list[ClipState] = field(default_factory=list)
    final_video_url: str | None = None
    final_videos: dict[str, str] = field(default_factory=dict)
    duration: float | None = None
    audio_url: str | None = None
    captions_url: str | None = None
    captions_srt_url: str | None = None
    error: ErrorInfo | None = None
    scenes: list[SceneWithSeed] = field(default_factory=list)
    """What a clip job was asked to render, kept so that single clips can be retried."""
    created_at: float = field(default_factory=time.time)
    cost: CostLedger = field(default_factory=CostLedger)
    """Every provider call made for this job (see `app.utils.costs`)."""
    owner: str = field(default_factory=current_owner)
    """The user who started it (`app.deps.current_user_id`): to anyone else it does not exist."""

    def clip(self, scene_number: int) -> ClipState:
        for clip in self.clips:
            if clip.scene_number == scene_number:
                return clip
        raise KeyError(scene_number)

    @property
    def finished(self) -> bool:
        return self.status is not JobStatus.PROCESSING

    def fields(self) -> dict[str, object]:
        """Everything a status response may show; each response model keeps the fields it has."""
        return {
            "job_id": self.job_id,
            "kind": self.kind,
            "status": self.status,
            "progress": self.progress,
            "clips": [clip.to_model() for clip in self.clips],
            "final_video_url": self.final_video_url,
            "final_videos": dict(self.final_videos),
            "duration": self.duration,
            "audio_url": self.audio_url,
            "captions_url": self.captions_url,
            "captions_srt_url": self.captions_srt_url,
            "error": self.error,
            "cost": self.cost.summary(),
        }


class JobTracker:
    def __init__(
        self, max_jobs: int = MAX_JOBS, on_progress: Callable[[Job], None] | None = None
    ) -> None:
        """`on_progress` is called with a job whenever its progress rises: a caller that awaits
        the job's work itself (the CLI) follows it without polling."""
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._max_jobs = max_jobs
        self._on_progress = on_progress
        self._listeners: dict[str, list[Callable[[Job], None]]] = {}
        self._watchers: dict[str, list[Callable[[Job], None]]] = {}
        self.refresher: Callable[[str], Awaitable[None]] | None = None
        """Catches a job adopted from the database up with where its work has got, when that
        work runs elsewhere (`JOB_BACKEND=celery`: `app.workers.mirror`)."""
        self.mirrored: set[str] = set()
        """The jobs held as read from their row while another API process runs them: read
        again until their row says they have ended (`app.services.durable_jobs`)."""

    def watch(self, job_id: str, watcher: Callable[[Job], None]) -> Callable[[], None]:
        """Call `watcher` with the job after every change a status answer would show (progress,
        a clip's end, the job's end); the function returned stops it. How a stream of progress
        events follows a job without polling the tracker."""
        self.get(job_id)
        watchers = self._watchers.setdefault(job_id, [])
        watchers.append(watcher)

        def stop() -> None:
            if watcher in watchers:
                watchers.remove(watcher)
            if not watchers and self._watchers.get(job_id) is watchers:
                del self._watchers[job_id]

        return stop

    def watching(self, job_id: str) -> int:
        """How many watchers follow the job (a closed stream must leave none behind)."""
        return len(self._watchers.get(job_id, ()))

    def _changed(self, job: Job) -> None:
        for watcher in list(self._watchers.get(job.job_id, ())):
            try:
                watcher(job)
            except Exception:  # a watcher's fault is not the job's
                logger.exception("a watcher of job %s failed", job.job_id)

    def on_finish(self, job_id: str, listener: Callable[[Job], None]) -> None:
        """Call `listener` with the job once it completes or fails (now, if it has already):
        how a project records a job's result without the job services knowing of projects."""
        job = self.get(job_id)
        if job.finished:
            listener(job)
        else:
            self._listeners.setdefault(job_id, []).append(listener)

    def _finished(self, job: Job) -> None:
        self._changed(job)
        for listener in self._listeners.pop(job.job_id, []):
            try:
                listener(job)
            except Exception:  # a listener's fault is not the job's
                logger.exception("a listener of job %s failed", job.job_id)

    def create(
        self,
        kind: JobKind,
        clips: list[ClipState] | None = None,
        scenes: list[SceneWithSeed] | None = None,
        owner: str | None = None,
    ) -> Job:
        """A new job of `owner`'s (default: the user the request or task works for)."""
        job = Job(
            job_id=str(uuid.uuid4()),
            kind=kind,
            clips=clips or [],
            scenes=scenes or [],
            owner=owner or current_owner(),
        )
        self._jobs[job.job_id] = job
        self._forget_old_jobs()
        return job

    def adopt(self, job: Job) -> Job:
        """Hold a job this process did not create: one resumed after a restart, or one read back
        from the database to answer for it. The one held already wins."""
        held = self._jobs.setdefault(job.job_id, job)
        self._forget_old_jobs()
        return held

    def running(self) -> list[str]:
        """The ids of the jobs held that have not finished."""
        return [job_id for job_id, job in self._jobs.items() if not job.finished]

    def holds(self, job_id: str) -> bool:
        return job_id in self._jobs

    def forget(self, job_id: str) -> None:
        """Drop a job (its project was deleted); its listeners are never called."""
        self._jobs.pop(job_id, None)
        self._listeners.pop(job_id, None)
        self.mirrored.discard(job_id)

    def call_off(self, job_id: str, error: ErrorInfo) -> None:
        """Drop a job whose work was stopped (its project was deleted): one still running ends
        failed with `error` for whoever watches it (an open event stream ends with it), its
        end-of-job listeners are never called (nothing of it is recorded), and it is
        forgotten."""
        job = self._jobs.get(job_id)
        self._listeners.pop(job_id, None)
        if job is not None and not job.finished:
            job.error, job.status = error, JobStatus.FAILED
            self._changed(job)
        self.forget(job_id)

    def get(self, job_id: str) -> Job:
        job = self._jobs.get(job_id)
        if job is None:
            raise JobNotFound(job_id)
        return job

    def get_owned(self, job_id: str, owner: str) -> Job:
        """The job, if `owner` started it; another user's job is as unknown as a missing one."""
        job = self.get(job_id)
        if job.owner != owner:
            raise JobNotFound(job_id)
        return job

    def advance(self, job_id: str, percent: float) -> None:
        """Raise the job's progress to `percent` (never lower it; 100 only when finished)."""
        job = self.get(job_id)
        ceiling = 100 if job.finished else 99
        before = job.progress
        job.progress = max(job.progress, min(ceiling, int(percent)))
        if job.progress > before:
            self._changed(job)
            if self._on_progress is not None:
                self._on_progress(job)

    def advance_clip(self, job_id: str, scene_number: int, fraction: float) -> None:
        """Record one clip's progress; the job's progress is the mean over its clips."""
        job = self.get(job_id)
        clip = job.clip(scene_number)
        clip.fraction = max(clip.fraction, min(1.0, fraction))
        self.advance(job_id, 100 * sum(c.fraction for c in job.clips) / len(job.clips))

    def finish_clip(
        self,
        job_id: str,
        scene_number: int,
        *,
        video_url: str | None = None,
        error: ErrorInfo | None = None,
    ) -> None:
        clip = self.get(job_id).clip(scene_number)
        clip.video_url = video_url
        clip.error = error
        clip.status = JobStatus.FAILED if error else JobStatus.COMPLETE
        self.advance_clip(job_id, scene_number, 1.0)
        self._changed(self.get(job_id))  # the clip's status, even when the bar did not move

    def complete(
        self,
        job_id: str,
        *,
        final_video_url: str | None = None,
        duration: float | None = None,
        audio_url: str | None = None,
        final_videos: dict[str, str] | None = None,
        captions_url: str | None = None,
        captions_srt_url: str | None = None,
    ) -> None:
        job = self.get(job_id)
        job.final_video_url = final_video_url
        job.final_videos = dict(final_videos or {})
        job.duration = duration
        job.audio_url = audio_url
        job.captions_url = captions_url
        job.captions_srt_url = captions_srt_url
        job.status = JobStatus.COMPLETE
        job.progress = 100
        self._finished(job)

    def fail(self, job_id: str, error: ErrorInfo) -> None:
        job = self.get(job_id)
        job.error = error
        job.status = JobStatus.FAILED
        self._finished(job)

    def _forget_old_jobs(self) -> None:
        while len(self._jobs) > self._max_jobs:
            oldest_finished = next((j for j in self._jobs.values() if j.finished), None)
            if oldest_finished is None:
                return
            del self._jobs[oldest_finished.job_id]
