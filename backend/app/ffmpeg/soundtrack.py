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
from app.ffmpeg.mix import (
    TARGET_LUFS,
    Loudness,
    aac_args,
    master_args,
    master_gain,
    measure_args,
    mix_args,
    parse_loudness,
)
from app.ffmpeg.runner import run_ffmpeg

logger = logging.getLogger(__name__)

MASTER_ATTEMPTS = 3
"""Gain, limit, measure: a second try nearly always lands; a third is the most it takes."""
TOLERANCE_LU = 0.3


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
    loudness = await _measure(mix, workdir, settings)
    gain = master_gain(loudness)
    mastered = workdir / "mastered.wav"
    for attempt in range(1, MASTER_ATTEMPTS + 1):
        await run_ffmpeg(
            master_args(FileInput(mix, "wav"), gain, mastered),
            settings,
            failure="The soundtrack could not be brought to its loudness",
        )
        result = await _measure(mastered, workdir, settings)
        logger.info(
            "soundtrack: mix %.1f LUFS %.1f dBTP; gain %.1f dB gives %.1f LUFS (try %d)",
            loudness.integrated, loudness.true_peak, gain, result.integrated, attempt,
        )  # fmt: skip
        miss = TARGET_LUFS - result.integrated
        if abs(miss) <= TOLERANCE_LU:
            break
        gain = min(30.0, gain + miss)
    await run_ffmpeg(
        aac_args(FileInput(mastered, "wav"), out),
        settings,
        failure="The soundtrack could not be encoded",
    )
    return out


async def _measure(audio: Path, workdir: Path, settings: FFmpegSettings) -> Loudness:
    report = workdir / f"{audio.stem}-loudness.txt"
    await run_ffmpeg(
        measure_args(FileInput(audio, "wav"), report),
        settings,
        failure="The soundtrack's loudness could not be measured",
    )
    try:
        return parse_loudness(await asyncio.to_thread(report.read_text))
    except ValueError as exc:
        raise RenderError("The soundtrack's loudness could not be measured.") from exc
