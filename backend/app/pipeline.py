"""The whole pipeline, brief to MP4, without the HTTP layer (the CLI and benchmarks use it).

It drives the same services the API routes call, in the order the studio does, and reports
progress through one callback so any front end (a progress bar, a log) can follow it. The clip
and compose jobs are awaited here, not spawned and polled: their progress reaches the callback
through a job tracker of the run's own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.config import FFmpegSettings
from app.errors import ErrorCode, ReelsmithError
from app.fetching import Fetcher
from app.models.cost import JobCost
from app.models.creative_brief import CreativeBrief
from app.models.mood import Mood
from app.models.scene import ScenePlan
from app.models.video import ComposeClip, JobStatus
from app.providers.registry import Providers
from app.services import clip_service, composition_service, mood_service, scene_service
from app.services.clip_service import ClipJobDeps
from app.services.composition_service import ComposeJobDeps
from app.services.script_service import WordsOptions
from app.storage.media_store import MediaStore
from app.utils.costs import CostLedger, charged_to
from app.utils.job_tracker import JobTracker

STEPS: tuple[tuple[str, float], ...] = (
    ("Proposing moods", 10),
    ("Planning scenes", 2),
    ("Painting seed images", 8),
    ("Rendering clips", 45),
    ("Composing the ad", 35),
)
"""Each step and its share of the whole, roughly as long as it takes on the local providers."""

StepReporter = Callable[[str, float], None]
"""Called with the current step's name and the overall fraction done (0.0 to 1.0)."""


@dataclass(frozen=True)
class PipelineDeps:
    """What a whole render uses; the CLI builds it from the runtime."""

    store: MediaStore
    providers: Providers
    """All four: the pipeline calls each of them."""
    fetcher: Fetcher
    ffmpeg: FFmpegSettings
    default_voice: str = ""
    """The `VOICE_NAME` setting: who speaks when the render names no voice."""


@dataclass
class RenderResult:
    video: Path
    mood: Mood
    plan: ScenePlan
    duration: float
    cost: JobCost
    """Every provider call of the run, its jobs' included, and the estimated total."""
    videos: dict[str, Path] = field(default_factory=dict)
    """Every format asked for → its file; `video` is the first."""


@dataclass(frozen=True)
class _Words:
    voice: str | None
    captions: bool


class PipelineFailed(ReelsmithError):
    code = ErrorCode.PIPELINE_FAILED


async def render_ad(
    deps: PipelineDeps,
    brief: CreativeBrief,
    mood_index: int = 0,
    report: StepReporter | None = None,
    formats: Sequence[str] = ("9:16",),
    voice: str | None = None,
    captions: bool = True,
) -> RenderResult:
    """`voice`: a voice name, `none` for music only, None for the `VOICE_NAME` setting."""
    ledger = CostLedger()
    options = _Words(voice, captions)
    with charged_to(ledger):
        return await _render(deps, brief, mood_index, _Progress(report), ledger, formats, options)


async def _render(
    deps: PipelineDeps,
    brief: CreativeBrief,
    mood_index: int,
    progress: _Progress,
    ledger: CostLedger,
    formats: Sequence[str],
    options: _Words,
) -> RenderResult:
    providers, store = deps.providers, deps.store
    jobs = JobTracker(on_progress=lambda job: progress.within_step(job.progress / 100))

    progress.step(0)
    moods = await mood_service.generate_moods(brief, providers.director, providers.images, store)
    mood = moods[mood_index % len(moods)]

    progress.step(1)
    plan = await scene_service.plan_scenes(brief, mood, providers.director)

    progress.step(2)
    style = mood.style()
    scenes = await scene_service.generate_seeds(plan.scenes, style, brief, providers.images, store)

    progress.step(3)
    clip_deps = ClipJobDeps(store, jobs, providers.motion, deps.fetcher, deps.ffmpeg)
    job = await clip_service.create_clip_job(clip_deps, scenes)
    clips_job = await clip_service.run_clip_job(clip_deps, job.job_id, scenes)
    if clips_job.status is not JobStatus.COMPLETE:
        raise PipelineFailed(clips_job.error.message if clips_job.error else "Clips failed.")

    progress.step(4)
    by_number = {scene.scene_number: scene for scene in plan.scenes}
    clips = [
        ComposeClip(
            scene_number=c.scene_number,
            video_url=c.video_url or "",
            duration=c.duration,
            on_screen_text=by_number[c.scene_number].on_screen_text,
            voiceover=by_number[c.scene_number].voiceover,
        )
        for c in clips_job.clips
    ]
    script = WordsOptions(options.voice, options.captions, plan.call_to_action)
    compose_deps = ComposeJobDeps(
        store,
        jobs,
        providers.music,
        deps.fetcher,
        deps.ffmpeg,
        voice=providers.voice,
        default_voice=deps.default_voice,
    )
    job = await composition_service.create_compose_job(compose_deps)
    compose_job = await composition_service.run_compose_job(
        compose_deps, job.job_id, clips, style, brief, formats, script=script
    )
    if compose_job.status is not JobStatus.COMPLETE or not compose_job.final_video_url:
        raise PipelineFailed(compose_job.error.message if compose_job.error else "Compose failed.")
    videos = {}
    for name, url in compose_job.final_videos.items():
        key = store.key_from_url(url)
        assert key is not None, "the composer stores its output in our media store"
        videos[name] = store.resolve(key)
    progress.done()
    return RenderResult(
        video=videos[next(iter(videos))],
        videos=videos,
        mood=mood,
        plan=plan,
        duration=compose_job.duration or 0.0,
        cost=ledger.summary(),
    )


class _Progress:
    def __init__(self, report: StepReporter | None) -> None:
        self._report = report
        self._total = sum(weight for _, weight in STEPS)
        self._index = 0

    def step(self, index: int) -> None:
        self._index = index
        self.within_step(0.0)

    def within_step(self, fraction: float) -> None:
        if self._report is None:
            return
        name, weight = STEPS[self._index]
        before = sum(w for _, w in STEPS[: self._index])
        self._report(name, (before + weight * fraction) / self._total)

    def done(self) -> None:
        if self._report is not None:
            self._report("Done", 1.0)
