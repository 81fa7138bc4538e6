"""The whole pipeline, brief to MP4, without the HTTP layer (the CLI and benchmarks use it).

It drives the same services the API routes call, in the order the studio does, and reports
progress through one callback so any front end (a progress bar, a log) can follow it. The clip
and compose jobs are awaited here, not spawned and polled: their progress reaches the callback
through a job tracker of the run's own.

Unlike the studio, where the words are edited after the clips are made, the pipeline knows
them once the scenes are planned: it speaks the lines while the seeds are painted, and a motion
provider that renders the ad's normal form lays each clip's words over it in the same pass
(`app.words.clip_words`), so the composer only copies and crossfades. Other formats need the
clean picture to burn their own words into, so with them the words are burned at compose.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from app.config import FFmpegSettings
from app.errors import ErrorCode, ReelsmithError
from app.fetching import Fetcher
from app.ffmpeg.formats import VERTICAL
from app.ffmpeg.overlay import Overlay
from app.ffmpeg.timing import clip_cuts
from app.models.cost import JobCost
from app.models.creative_brief import CreativeBrief
from app.models.mood import Mood
from app.models.scene import Scene, ScenePlan, SceneWithSeed
from app.models.video import ComposeClip, JobStatus
from app.providers.registry import Providers
from app.services import clip_service, composition_service, mood_service, scene_service
from app.services.clip_service import ClipJobDeps
from app.services.composition_service import ComposeJobDeps
from app.services.script_service import WordsOptions, speak_clips, words_for
from app.services.voice_service import Voiceover
from app.storage.media_store import MediaStore
from app.storage.partials import temp_dir
from app.utils.concurrency import gather_or_cancel
from app.utils.costs import CostLedger, charged_to
from app.utils.job_tracker import JobTracker
from app.words.clip_words import clip_overlays
from app.words.plan import plan_words
from app.words.timeline import AdWords

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
    script = WordsOptions(options.voice, options.captions, plan.call_to_action)
    early = list(formats) == [VERTICAL] and getattr(providers.motion, "renders_normal_form", False)
    workdir = await asyncio.to_thread(temp_dir, store.root, "pipeline")
    try:
        seeding = scene_service.generate_seeds(plan.scenes, style, brief, providers.images, store)
        words: AdWords | None = None
        spoken: Voiceover | None = None
        overlays: dict[int, Overlay] = {}
        if early:
            # Painting is one core's work; the voice and the words' files take the other.
            seeded, said = await gather_or_cancel(
                seeding, _words_first(deps, plan.scenes, script, brief, workdir)
            )
            scenes = cast(list[SceneWithSeed], seeded)
            words, spoken, overlays = cast(_EarlyWords, said)
        else:
            scenes = await seeding

        progress.step(3)
        clip_deps = ClipJobDeps(
            store, jobs, providers.motion, deps.fetcher, deps.ffmpeg, overlays=overlays
        )
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
            compose_deps,
            job.job_id,
            clips,
            style,
            brief,
            formats,
            words=words,
            script=None if words is not None else script,
            spoken=spoken,
        )
    finally:
        # The words' files and the spoken track, once the clips and the ad carry them.
        await asyncio.to_thread(shutil.rmtree, workdir, True)
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


_EarlyWords = tuple[AdWords, Voiceover | None, dict[int, Overlay]]


async def _words_first(
    deps: PipelineDeps,
    scenes: Sequence[Scene],
    script: WordsOptions,
    brief: CreativeBrief,
    workdir: Path,
) -> _EarlyWords:
    """The ad's words from the planned scenes: the lines spoken (to a track in `workdir`) and
    each clip's words as an overlay for its render (files in `workdir`)."""
    # Only the scenes' lines, durations and titles are read here; the clips do not exist yet.
    lines = [
        ComposeClip(
            scene_number=scene.scene_number,
            video_url="(not rendered yet)",
            duration=scene.duration,
            on_screen_text=scene.on_screen_text,
            voiceover=scene.voiceover,
        )
        for scene in scenes
    ]
    spoken = None
    if deps.providers.voice is not None:
        spoken = await speak_clips(
            deps.providers.voice,
            lines,
            script,
            brief,
            deps.default_voice,
            deps.ffmpeg,
            workdir / "voice.wav",
        )
    words = await asyncio.to_thread(words_for, lines, spoken, script, brief, deps.store)
    durations = [scene.duration for scene in scenes]
    plan = plan_words(words, durations)
    if plan.empty:
        return words, spoken, {}
    made = await asyncio.to_thread(
        clip_overlays, plan, durations, clip_cuts(durations), workdir / "words"
    )
    return words, spoken, {s.scene_number: o for s, o in zip(scenes, made, strict=True)}


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
