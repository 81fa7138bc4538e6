"""Step 5: music, then every clip into the final 30-second ad."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from pathlib import Path

from app.fetching import VIDEO
from app.ffmpeg.formats import VERTICAL
from app.models.common import TOTAL_DURATION
from app.models.creative_brief import BriefFields
from app.models.mood import MoodStyle
from app.models.video import ComposeClip, JobKind
from app.providers.base import MusicSpec
from app.runtime import Runtime
from app.services.ffmpeg_service import ClipInput, compose_ad
from app.services.formats_service import reframe_ad
from app.services.inputs import input_path
from app.services.job_errors import error_info
from app.services.script_service import (
    WordsOptions,
    scene_seconds,
    speak_clips,
    will_speak,
    words_for,
)
from app.services.soundtrack import VoiceTrack
from app.storage.batch import Batch
from app.storage.media_store import MediaStore
from app.utils.concurrency import gather_or_cancel
from app.utils.costs import charged_to
from app.utils.helpers import stable_seed
from app.utils.job_tracker import Job

logger = logging.getLogger(__name__)

# Shares of the progress bar, measured roughly on the local providers.
_FETCHED = 5
_MUSIC_DONE = 12
_VOICE_DONE = 16


async def start_compose_job(
    runtime: Runtime,
    clips: list[ComposeClip],
    mood: MoodStyle,
    brief: BriefFields,
    formats: Sequence[str] = (VERTICAL,),
    words: WordsOptions | None = None,
) -> Job:
    await runtime.store.ensure_room()
    job = runtime.jobs.create(JobKind.COMPOSE)
    runtime.background.spawn(
        _run(runtime, job.job_id, clips, mood, brief, list(formats), words or WordsOptions()),
        name=f"compose-{job.job_id}",
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


async def _run(
    runtime: Runtime,
    job_id: str,
    clips: list[ComposeClip],
    mood: MoodStyle,
    brief: BriefFields,
    formats: list[str],
    words: WordsOptions,
) -> None:
    with charged_to(runtime.jobs.get(job_id).cost):
        await _compose(runtime, job_id, clips, mood, brief, formats, words)


async def _compose(
    runtime: Runtime,
    job_id: str,
    clips: list[ComposeClip],
    mood: MoodStyle,
    brief: BriefFields,
    formats: list[str],
    words: WordsOptions,
) -> None:
    try:
        seconds = scene_seconds(clips)
        store = runtime.store
        # Music, ad and its provenance record appear together, or (failed, cancelled) none of
        # them does, nor any clip fetched for this ad: a killed process leaves partial files
        # only, which the next start-up sweeps.
        async with store.batch() as batch:
            paths = await gather_or_cancel(*(_clip_file(runtime, batch, clip) for clip in clips))
            runtime.jobs.advance(job_id, _FETCHED)

            music = batch.new("music", ".wav")
            await runtime.providers.music.compose(music_spec(mood, brief), music.partial)
            runtime.jobs.advance(job_id, _MUSIC_DONE)

            voice = (
                batch.new("music", ".wav") if will_speak(clips, words, runtime.settings) else None
            )
            voiceover = (
                await speak_clips(
                    runtime.providers.voice, clips, words, brief, runtime.settings, voice.partial
                )
                if voice
                else None
            )
            # What the captions-and-titles renderer lays over the picture.
            ad_words = await asyncio.to_thread(words_for, clips, voiceover, words, brief, store)
            logger.info(
                "ad %s: %d spoken lines, %d titles",
                job_id,
                len(ad_words.lines),
                len(ad_words.titles),
            )
            runtime.jobs.advance(job_id, _VOICE_DONE)

            ad = batch.new("ads", ".mp4")
            others = {name: batch.new("ads", ".mp4") for name in formats if name != VERTICAL}
            # Frames to encode: the 9:16 ad's (copied ones count once copied), then every
            # other format's 900, all reframed in one run.
            share = 1 / (1 + len(others))

            def advance(fraction: float) -> None:
                runtime.jobs.advance(job_id, _VOICE_DONE + (100 - _VOICE_DONE) * fraction)

            composed = await compose_ad(
                [ClipInput(p, d) for p, d in zip(paths, seconds, strict=True)],
                music.partial,
                ad.partial,
                runtime.settings.ffmpeg,
                on_progress=lambda f: advance(share * f),
                voice=VoiceTrack(voice.partial, voiceover.windows) if voice and voiceover else None,
            )
            await reframe_ad(
                ad.partial,
                {name: file.partial for name, file in others.items()},
                runtime.settings.ffmpeg,
                on_progress=lambda f: advance(share + (1 - share) * f),
            )
            spoken = [voice.key] if voice else []
            uses = await asyncio.to_thread(_ingredients, store, paths, [music.key, *spoken])
            for made in (ad, *others.values()):
                await batch.record_uses(made, uses)
        keys = {VERTICAL: ad.key} | {name: file.key for name, file in others.items()}
        videos = {name: store.url_for(keys[name]) for name in formats}
        runtime.jobs.complete(
            job_id,
            final_video_url=videos[formats[0]],
            final_videos=videos,
            duration=composed.duration,
            audio_url=store.url_for(music.key),
        )
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        runtime.jobs.fail(job_id, error_info(exc, "composing the video"))


async def _clip_file(runtime: Runtime, batch: Batch, clip: ComposeClip) -> Path:
    what = f"the video of scene {clip.scene_number}"
    return await input_path(runtime, batch, clip.video_url, "clips", VIDEO, what)


def _ingredients(store: MediaStore, clips: list[Path], sound: list[str]) -> list[str]:
    """Every key the ad is made of: its clips, their seeds (from the clips' records), its music
    and voice.

    Blocking: it reads the clips' records.
    """
    keys = [store.key_for_path(path) for path in clips]
    return [*keys, *(seed for key in keys for seed in store.uses_of(key)), *sound]
