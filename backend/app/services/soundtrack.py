"""The ad's audio with a voice: music ducked under the lines plus the voice, measured, brought to
-16 LUFS and limited under -1 dBTP (the three runs of `app.ffmpeg.mix`). Without a voice the
composer makes the track as it always has (`app.ffmpeg.args.audio_args`)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.config import FFmpegSettings
from app.errors import RenderError
from app.ffmpeg.inputs import FileInput
from app.ffmpeg.mix import master_args, master_gain, measure_args, mix_args, parse_loudness
from app.ffmpeg.runner import run_ffmpeg

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class VoiceTrack:
    """The voice on the ad's timeline, and when it speaks (for ducking the music)."""

    path: Path
    windows: Sequence[tuple[float, float]]


async def voiced_soundtrack(
    music: tuple[FileInput, float] | None,
    voice: VoiceTrack,
    total: float,
    workdir: Path,
    out: Path,
    settings: FFmpegSettings,
) -> Path:
    """Write the ad's AAC track at `out`: the music ducked under the voice, mixed, mastered."""
    track, seconds = music or (None, None)
    mix = workdir / "mix.wav"
    await run_ffmpeg(
        mix_args(track, seconds, FileInput(voice.path, "wav"), voice.windows, total, mix),
        settings,
        failure="The voice and the music could not be mixed",
    )
    report = workdir / "loudness.txt"
    await run_ffmpeg(
        measure_args(FileInput(mix, "wav"), report),
        settings,
        failure="The soundtrack's loudness could not be measured",
    )
    try:
        loudness = parse_loudness(await asyncio.to_thread(report.read_text))
    except ValueError as exc:
        raise RenderError("The soundtrack's loudness could not be measured.") from exc
    gain = master_gain(loudness)
    logger.info(
        "soundtrack measured %.1f LUFS, %.1f dBTP; gain %.1f dB",
        loudness.integrated,
        loudness.true_peak,
        gain,
    )
    await run_ffmpeg(
        master_args(FileInput(mix, "wav"), gain, out),
        settings,
        failure="The soundtrack could not be brought to its loudness",
    )
    return out
