"""What a compose request says in words, checked and turned into the ad's `AdWords` and voice.

The checks that need the running app (the voice exists; every line fits its scene) run when
the request arrives, so a line that cannot fit is a 422 on its field, never a failed job.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.config import FFmpegSettings
from app.errors import MediaNotFound, MediaPathRefused
from app.ffmpeg.timing import even_durations
from app.fonts import font_path
from app.models.creative_brief import BriefFields
from app.models.video import ComposeClip
from app.providers.base import VoiceProvider
from app.services.voice_service import Voiceover, speak_script
from app.storage.media_store import MediaStore
from app.storage.partials import temp_dir
from app.words.build import ad_words
from app.words.script import lines_too_long
from app.words.timeline import AdWords

NO_VOICE = "none"


@dataclass(frozen=True)
class WordsOptions:
    """The compose request's words switches."""

    voice: str | None = None
    """A voice name, `none`, or None for the `VOICE_NAME` setting."""
    captions: bool = True
    call_to_action: str = ""


def scene_seconds(clips: Sequence[ComposeClip]) -> list[float]:
    """The scenes' shares of the ad: the clips' durations, or an even split without them."""
    durations = [clip.duration for clip in clips]
    if all(d is not None for d in durations):
        return [d for d in durations if d is not None]
    return even_durations(len(clips))


def chosen_voice(options: WordsOptions, default_voice: str) -> str | None:
    """The voice to speak with (empty: the provider's default), or None for music only.
    `default_voice` is the `VOICE_NAME` setting."""
    name = options.voice if options.voice is not None else default_voice
    return None if name.strip().lower() == NO_VOICE else name.strip()


def will_speak(clips: Sequence[ComposeClip], options: WordsOptions, default_voice: str) -> bool:
    """Whether the ad gets a voice: a voice is chosen and some scene has a line."""
    spoken = any(clip.voiceover.strip() for clip in clips)
    return chosen_voice(options, default_voice) is not None and spoken


def request_problems(
    clips: Sequence[ComposeClip], options: WordsOptions, default_voice: str, voice: VoiceProvider
) -> list[dict[str, object]]:
    """Validation errors (FastAPI's shape) for lines that do not fit and an unknown voice."""
    lines = [clip.voiceover for clip in clips]
    speaks = any(line.strip() for line in lines)
    errors: list[dict[str, object]] = []
    name = chosen_voice(options, default_voice)
    if speaks and name is not None:
        refused = voice_problem(name, voice)
        if refused is not None:
            errors.append(refused)
    if speaks:
        for problem in lines_too_long(lines, scene_seconds(clips)):
            errors.append(
                _error(
                    ["clips", problem.index, "voiceover"],
                    problem.sentence(clips[problem.index].scene_number),
                    "line_too_long",
                )
            )
    return errors


def voice_problem(name: str, voice: VoiceProvider) -> dict[str, object] | None:
    """The validation error for speaking with voice `name` (empty: the provider's default),
    or None when the provider has it."""
    if not voice.voices:
        return _error(
            ["voice"],
            "No voice is installed on this server; compose with the voice set to none, "
            "or install one.",
            "voice_missing",
        )
    if name and name not in voice.voices:
        return _error(
            ["voice"],
            f"Unknown voice {name!r}; choose one of {', '.join(voice.voices)}, or none.",
            "voice_unknown",
        )
    return None


def _error(loc: list[str | int], message: str, kind: str) -> dict[str, object]:
    return {"loc": ["body", *loc], "msg": message, "type": kind}


async def speak_clips(
    voice: VoiceProvider,
    clips: Sequence[ComposeClip],
    options: WordsOptions,
    brief: BriefFields,
    default_voice: str,
    ffmpeg: FFmpegSettings,
    out: Path,
) -> Voiceover | None:
    """The clips' lines spoken into a voice track at `out`; None when silent or `none`."""
    name = chosen_voice(options, default_voice)
    if name is None or not will_speak(clips, options, default_voice):
        return None
    lines = [clip.voiceover for clip in clips]
    workdir = await asyncio.to_thread(temp_dir, out.parent, "voice")
    try:
        return await speak_script(
            voice,
            lines,
            scene_seconds(clips),
            name,
            tuple(brief.emotional_tone),
            workdir,
            out,
            ffmpeg,
        )
    finally:
        await asyncio.to_thread(shutil.rmtree, workdir, True)


def words_for(
    clips: Sequence[ComposeClip],
    voiceover: Voiceover | None,
    options: WordsOptions,
    brief: BriefFields,
    store: MediaStore,
) -> AdWords:
    """Everything the ad says, on its timeline (blocking: resolves the logo's file)."""
    brand = brief.brand
    return ad_words(
        voiceover.lines if voiceover else (),
        [clip.on_screen_text for clip in clips],
        scene_seconds(clips),
        product_name=brief.product_name,
        call_to_action=options.call_to_action or brief.call_to_action,
        logo=_logo(store, brand.logo_url if brand else None),
        captions=options.captions,
        font=font_path(brand.font) if brand and brand.font else None,
        accent=brand.colors[0] if brand and brand.colors else None,
    )


def _logo(store: MediaStore, url: str | None) -> Path | None:
    key = store.key_from_url(url) if url else None
    if key is None:
        return None
    try:
        return store.resolve(key)
    except (MediaNotFound, MediaPathRefused):
        return None
