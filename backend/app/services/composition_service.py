"""Step 5: music, then every clip into the final 30-second ad.

Links end here: each clip is brought to a local file (`app.services.inputs`) and the composer
(`app.ffmpeg.compose`) sees paths only. `run_compose_job` is the step itself, runnable anywhere
`ComposeJobDeps` can be built; the API spawns it in the background, the pipeline awaits it.

Its steps are checkpointed (`app.services.checkpoints`): `music`, then `compose`, each started
and finished with its output's key. Music and ad are committed together, so a compose cut short
by a restart has nothing to keep: it runs again from its clips (`app.services.durable_jobs`).
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.config import FFmpegSettings
from app.fetching import VIDEO, Fetcher
from app.ffmpeg.compose import ClipInput
from app.ffmpeg.formats import VERTICAL
from app.ffmpeg.soundtrack import VoiceTrack
from app.models.common import TOTAL_DURATION
from app.models.creative_brief import BriefFields
from app.models.mood import MoodStyle
from app.models.video import ComposeClip, ErrorInfo, JobKind
from app.providers.base import MusicProvider, MusicSpec, RemoteRun, VoiceProvider
from app.services.checkpoints import Checkpoints
from app.services.inputs import input_path
from app.services.job_errors import error_info
from app.services.script_service import (
    WordsOptions,
    scene_seconds,
    speak_clips,
    will_speak,
    words_for,
)
from app.services.voice_service import Voiceover
from app.storage.batch import Batch
from app.storage.media_store import MediaStore
from app.utils.background import BackgroundTasks
from app.utils.concurrency import gather_or_cancel
from app.utils.costs import charged_to
from app.utils.helpers import stable_seed
from app.utils.job_tracker import Job, JobTracker
from app.words.compose import caption_files, compose_with_words
from app.words.timeline import AdWords

logger = logging.getLogger(__name__)

# Shares of the progress bar, measured roughly on the local providers.
_FETCHED = 5
_MUSIC_DONE = 12
_VOICE_DONE = 16


@dataclass(frozen=True)
class ComposeJobDeps:
    """What a compose job uses: the routers take it from the runtime, the pipeline makes its own."""

    store: MediaStore
    jobs: JobTracker
    music: MusicProvider
    fetcher: Fetcher
    """Brings in a clip given by a link that is not our own media."""
    ffmpeg: FFmpegSettings
    voice: VoiceProvider | None = None
    """Speaks the clips' voiceover lines; None: the ad is never voiced."""
    default_voice: str = ""
    """The `VOICE_NAME` setting: the voice when a request names none."""
    checkpoints: Checkpoints = field(default_factory=Checkpoints)
    """Where each step is recorded as it starts and ends (the API: the database)."""


async def create_compose_job(
    deps: ComposeJobDeps, request: dict[str, Any] | None = None, project_id: str | None = None
) -> Job:
    """A new compose job, recorded as processing, for `run_compose_job` to do; `request` (the
    API's compose request, as JSON) is checkpointed with it, to compose again after a restart."""
    await deps.store.ensure_room()
    job = deps.jobs.create(JobKind.COMPOSE)
    deps.checkpoints.job_created(job, request or {}, project_id)
    return job


def task_name(job_id: str) -> str:
    return f"compose-{job_id}"


async def start_compose_job(
    deps: ComposeJobDeps,
    background: BackgroundTasks,
    clips: list[ComposeClip],
    mood: MoodStyle,
    brief: BriefFields,
    formats: Sequence[str] = (VERTICAL,),
    words: AdWords | None = None,
    script: WordsOptions | None = None,
    request: dict[str, Any] | None = None,
    project_id: str | None = None,
) -> Job:
    job = await create_compose_job(deps, request, project_id)
    background.spawn(
        run_compose_job(deps, job.job_id, clips, mood, brief, formats, words, script),
        name=task_name(job.job_id),
    )
    return job


def music_spec(mood: MoodStyle, brief: BriefFields) -> MusicSpec:
    tone = tuple(brief.emotional_tone)
    keywords = tuple(dict.fromkeys([*mood.style_keywords, *brief.visual_style_keywords]))
    product = brief.product_name or "a product"
    return MusicSpec(
        duration=TOTAL_DURATION,
        emotional_tone=tone,
        style_keywords=keywords,
        seed=stable_seed("music", brief.product_name, tone, mood.style_name),
        prompt=f"{', '.join(tone) or 'uplifting'} instrumental background music for a "
        f"30-second ad for {product}; {', '.join(keywords)}",
    )


async def run_compose_job(
    deps: ComposeJobDeps,
    job_id: str,
    clips: list[ComposeClip],
    mood: MoodStyle,
    brief: BriefFields,
    formats: Sequence[str] = (VERTICAL,),
    words: AdWords | None = None,
    script: WordsOptions | None = None,
    music_prediction: str | None = None,
    spoken: Voiceover | None = None,
) -> Job:
    """Compose job `job_id`'s ad in every format of `formats` (the first is the main one), with
    `words` on screen (none: today's ad); the finished job. A failure is recorded on the job,
    never raised. With `script` instead (the request's voice, captions and call to action), the
    clips' lines are spoken first and the words made from them (`app.services.script_service`).
    `music_prediction` is a remote music prediction an earlier process started for this job:
    re-attached to (its output fetched again if it had finished), not created again.
    `spoken`: the lines already spoken (the pipeline speaks them before the clips, whose
    frames then carry `words`), laid under the ad as they are."""
    job = deps.jobs.get(job_id)
    with charged_to(job.cost):
        await _compose(
            deps,
            job_id,
            clips,
            mood,
            brief,
            list(formats),
            words,
            script,
            music_prediction,
            spoken,
        )
    deps.checkpoints.job_finished(job)
    return job


async def _compose(
    deps: ComposeJobDeps,
    job_id: str,
    clips: list[ComposeClip],
    mood: MoodStyle,
    brief: BriefFields,
    formats: list[str],
    given: AdWords | None,
    script: WordsOptions | None,
    music_prediction: str | None = None,
    said: Voiceover | None = None,
) -> None:
    steps = _Steps(deps.checkpoints, job_id)
    try:
        seconds = scene_seconds(clips)
        store = deps.store
        # Music, ad and its provenance record appear together, or (failed, cancelled) none of
        # them does, nor any clip fetched for this ad: a killed process leaves partial files
        # only, which the next start-up sweeps.
        async with store.batch() as batch:
            paths = await gather_or_cancel(*(_clip_file(deps, batch, clip) for clip in clips))
            deps.jobs.advance(job_id, _FETCHED)

            music = batch.new("music", ".wav")
            steps.start("music")
            await deps.music.compose(
                replace(music_spec(mood, brief), remote=steps.remote(music_prediction)),
                music.partial,
            )
            steps.done(music.key)
            deps.jobs.advance(job_id, _MUSIC_DONE)

            speaks = script is not None and deps.voice is not None
            speaks = speaks and will_speak(clips, script or WordsOptions(), deps.default_voice)
            voice = batch.new("music", ".wav") if speaks or said else None
            voiceover = (
                await speak_clips(
                    deps.voice, clips, script, brief, deps.default_voice, deps.ffmpeg, voice.partial
                )
                if voice and deps.voice and script and not said
                else None
            )
            if voice and said:
                await asyncio.to_thread(shutil.copyfile, said.track, voice.partial)
                voiceover = Voiceover(said.lines, voice.partial)
            words = given or AdWords()
            if script is not None and given is None:
                words = await asyncio.to_thread(words_for, clips, voiceover, script, brief, store)
            logger.info(
                "ad %s: %d spoken lines, %d titles", job_id, len(words.lines), len(words.titles)
            )
            deps.jobs.advance(job_id, _VOICE_DONE)

            ad = batch.new("ads", ".mp4")
            others = {name: batch.new("ads", ".mp4") for name in formats if name != VERTICAL}

            def advance(fraction: float) -> None:
                deps.jobs.advance(job_id, _VOICE_DONE + (100 - _VOICE_DONE) * fraction)

            # Every format's frames to encode; with words, the scenes that carry them too.
            steps.start("compose")
            composed = await compose_with_words(
                [ClipInput(p, d) for p, d in zip(paths, seconds, strict=True)],
                music.partial,
                {VERTICAL: ad.partial} | {name: file.partial for name, file in others.items()},
                words,
                deps.ffmpeg,
                on_progress=advance,
                voice=VoiceTrack(voice.partial, voiceover.windows) if voice and voiceover else None,
            )
            captions = await asyncio.to_thread(caption_files, words, seconds)
            vtt = srt = None
            if captions is not None:
                vtt, srt = batch.new("captions", ".vtt"), batch.new("captions", ".srt")
                await asyncio.to_thread(vtt.partial.write_text, captions.webvtt, "utf-8")
                await asyncio.to_thread(srt.partial.write_text, captions.srt, "utf-8")
            spoken = [voice.key] if voice else []
            uses = await asyncio.to_thread(_ingredients, store, paths, [music.key, *spoken])
            for made in (ad, *others.values()):
                await batch.record_uses(made, uses)
        steps.done(ad.key)
        keys = {VERTICAL: ad.key} | {name: file.key for name, file in others.items()}
        videos = {name: store.url_for(keys[name]) for name in formats}
        deps.jobs.complete(
            job_id,
            final_video_url=videos[formats[0]],
            final_videos=videos,
            duration=composed.duration,
            audio_url=store.url_for(music.key),
            captions_url=store.url_for(vtt.key) if vtt else None,
            captions_srt_url=store.url_for(srt.key) if srt else None,
        )
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        error = error_info(exc, "composing the video")
        steps.failed(error)
        deps.jobs.fail(job_id, error)


class _Steps:
    """The step running now, checkpointed as it starts and ends. `music` is finished as soon as
    its file is written (its key is the one the ad will commit); `compose` once the ad is in
    place."""

    def __init__(self, checkpoints: Checkpoints, job_id: str) -> None:
        self._checkpoints = checkpoints
        self._job_id = job_id
        self._running: str | None = None

    def start(self, name: str) -> None:
        self._running = name
        self._checkpoints.step_started(self._job_id, name, name)

    def remote(self, resume_id: str | None) -> RemoteRun:
        """The running step's hook on a remote prediction: its id checkpointed when created."""
        name, checkpoints = self._running or "", self._checkpoints
        return RemoteRun(
            created=lambda made: checkpoints.step_prediction(self._job_id, name, made),
            resume_id=resume_id,
            keep_on_shutdown=checkpoints.keep_on_shutdown,
        )

    def done(self, output_key: str) -> None:
        if self._running is not None:
            self._checkpoints.step_finished(self._job_id, self._running, output_key=output_key)
        self._running = None

    def failed(self, error: ErrorInfo) -> None:
        if self._running is not None:
            self._checkpoints.step_finished(self._job_id, self._running, error=error)
        self._running = None


async def _clip_file(deps: ComposeJobDeps, batch: Batch, clip: ComposeClip) -> Path:
    what = f"the video of scene {clip.scene_number}"
    return await input_path(deps.store, deps.fetcher, batch, clip.video_url, "clips", VIDEO, what)


def _ingredients(store: MediaStore, clips: list[Path], sound: list[str]) -> list[str]:
    """Every key the ad is made of: its clips, their seeds (from the clips' records), its music
    and voice.

    Blocking: it reads the clips' records.
    """
    keys = [store.key_for_path(path) for path in clips]
    return [*keys, *(seed for key in keys for seed in store.uses_of(key)), *sound]
