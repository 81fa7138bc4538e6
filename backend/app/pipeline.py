"""The whole pipeline, brief to MP4, without the HTTP layer (the CLI and benchmarks use it).

It drives the same services the API routes call, in the order the studio does, and reports
progress through one callback so any front end (a progress bar, a log) can follow it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import ReelsmithError
from app.models.cost import JobCost
from app.models.creative_brief import CreativeBrief
from app.models.mood import Mood
from app.models.scene import ScenePlan
from app.models.video import ComposeClip, JobStatus
from app.runtime import Runtime
from app.services import clip_service, composition_service, mood_service, scene_service
from app.services.script_service import WordsOptions
from app.utils.costs import CostLedger, charged_to
from app.utils.job_tracker import Job

POLL_SECONDS = 0.2

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
    code = "pipeline_failed"


async def render_ad(
    runtime: Runtime,
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
        return await _render(
            runtime, brief, mood_index, _Progress(report), ledger, formats, options
        )


async def _render(
    runtime: Runtime,
    brief: CreativeBrief,
    mood_index: int,
    progress: _Progress,
    ledger: CostLedger,
    formats: Sequence[str],
    options: _Words,
) -> RenderResult:
    providers, store = runtime.providers, runtime.store

    progress.step(0)
    moods = await mood_service.generate_moods(brief, providers.director, providers.images, store)
    mood = moods[mood_index % len(moods)]

    progress.step(1)
    plan = await scene_service.plan_scenes(brief, mood, providers.director)

    progress.step(2)
    style = mood.style()
    scenes = await scene_service.generate_seeds(plan.scenes, style, brief, providers.images, store)

    progress.step(3)
    clips_job = await _wait(await clip_service.start_clip_job(runtime, scenes), progress)
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
    words = WordsOptions(options.voice, options.captions, plan.call_to_action)
    compose_job = await _wait(
        await composition_service.start_compose_job(runtime, clips, style, brief, formats, words),
        progress,
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


async def _wait(job: Job, progress: _Progress) -> Job:
    while not job.finished:
        progress.within_step(job.progress / 100)
        await asyncio.sleep(POLL_SECONDS)
    return job


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
