"""The ad with its words: the one call the compose job makes for its videos.

With nothing to show (no voice, captions off, no titles, no end card) this is exactly the
composer and the reframer as they were: bodies copied, crossfades encoded, formats reframed.
With words, the composer makes the ad without them into a private folder, and the words are
laid over it (`app.words.render`): only the scenes that carry words are encoded once more.
Clips that were rendered with this ad's words already in them (`app.words.clip_words`, the
pipeline's way) are composed as they are, and nothing is encoded again.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.config import FFmpegSettings
from app.errors import InvalidRequest
from app.ffmpeg.args import HEIGHT, WIDTH
from app.ffmpeg.compose import ClipInput, ComposedVideo, compose_ad
from app.ffmpeg.compose_copy import carried_words
from app.ffmpeg.formats import VERTICAL
from app.ffmpeg.reframe import reframe_ad
from app.ffmpeg.soundtrack import VoiceTrack
from app.providers.base import ProgressCallback
from app.storage.partials import temp_dir
from app.words.clip_words import clip_digests
from app.words.cues import srt, webvtt
from app.words.plan import WordsPlan, plan_words
from app.words.render import burn_words
from app.words.timeline import AdWords

COMPOSE_SHARE_WITH_WORDS = 0.35
"""Of the progress bar, with words: composing copies most frames; burning encodes."""


@dataclass(frozen=True)
class CaptionFiles:
    webvtt: str
    srt: str


def caption_files(words: AdWords, durations: Sequence[float]) -> CaptionFiles | None:
    """The captions as `.vtt` and `.srt` text, the same cues as burned; None without any."""
    if not words.lines or not words.captions:
        return None
    cues = plan_words(words, durations).cues
    return CaptionFiles(webvtt(cues), srt(cues)) if cues else None


async def compose_with_words(
    clips: Sequence[ClipInput],
    sound: Path | None,
    outputs: Mapping[str, Path],
    words: AdWords,
    settings: FFmpegSettings,
    on_progress: ProgressCallback | None = None,
    width: int = WIDTH,
    height: int = HEIGHT,
    voice: VoiceTrack | None = None,
) -> ComposedVideo:
    """Write the ad in every format of `outputs` (format → file; 9:16 is required) with
    `words` on screen; `sound` is the music, `voice` the voice track mixed over it (ducking
    it) when the ad speaks."""
    report = on_progress or (lambda _: None)
    vertical = outputs[VERTICAL]
    others = {name: out for name, out in outputs.items() if name != VERTICAL}
    durations = [clip.duration for clip in clips]
    plan = plan_words(words, durations)
    carried = await asyncio.to_thread(carried_words, [clip.path for clip in clips])
    if any(carried):
        digests = await _digests(plan, durations, vertical, width, height)
        if others or carried != digests:
            raise InvalidRequest(
                "These clips were rendered with another ad's words in the picture; render "
                "them again to compose them with these words or in other formats."
            )
        return await compose_ad(
            clips, sound, vertical, settings, report, width, height, voice, words=digests
        )
    if plan.empty:
        share = 1 / (1 + len(others))
        composed = await compose_ad(
            clips, sound, vertical, settings, lambda f: report(share * f), width, height, voice
        )
        await reframe_ad(
            vertical, others, settings, lambda f: report(share + (1 - share) * f), width, height
        )
        return composed
    return await _with_words(
        clips, sound, vertical, outputs, plan, settings, report, width, height, voice
    )


async def _with_words(
    clips: Sequence[ClipInput],
    sound: Path | None,
    vertical: Path,
    outputs: Mapping[str, Path],
    plan: WordsPlan,
    settings: FFmpegSettings,
    report: ProgressCallback,
    width: int,
    height: int,
    voice: VoiceTrack | None,
) -> ComposedVideo:
    share = COMPOSE_SHARE_WITH_WORDS
    folder = await asyncio.to_thread(temp_dir, vertical.parent, "plain")
    try:
        plain = folder / f"plain{vertical.suffix or '.mp4'}"
        composed = await compose_ad(
            clips, sound, plain, settings, lambda f: report(share * f), width, height, voice
        )
        await burn_words(
            plain, outputs, plan, settings, lambda f: report(share + (1 - share) * f),
            width, height,
        )  # fmt: skip
    finally:
        await asyncio.to_thread(shutil.rmtree, folder, True)
    return ComposedVideo(path=vertical, duration=composed.duration)


async def _digests(
    plan: WordsPlan, durations: Sequence[float], beside: Path, width: int, height: int
) -> list[str]:
    """Each clip's words digest for this ad (an empty plan: none carry words)."""
    if plan.empty:
        return [""] * len(durations)
    folder = await asyncio.to_thread(temp_dir, beside.parent, "digest")
    try:
        return await asyncio.to_thread(clip_digests, plan, durations, folder, width, height)
    finally:
        await asyncio.to_thread(shutil.rmtree, folder, True)
