"""The voiceover: every scene's line spoken by the voice provider, measured and placed in its
scene, and laid on one voice track for the mixer.

Each line is synthesised on its own, so its start and end on the ad's timeline are measured
from its own audio (`app.words.audio`), not estimated. A line the voice says more slowly than
its window allows is sped up (pitch kept, FFmpeg's `atempo`) by at most `MAX_TEMPO`; a line
that would need more is refused, naming the scene: the request's check at 2.5 words a second
(`app.words.script`) keeps ordinary lines far from that.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.config import FFmpegSettings
from app.errors import InvalidRequest
from app.ffmpeg.inputs import FileInput
from app.ffmpeg.runner import run_ffmpeg
from app.ffmpeg.timing import TOTAL_SECONDS
from app.providers.base import SpeechSpec, VoiceProvider
from app.utils.concurrency import gather_or_cancel
from app.words import audio
from app.words.timeline import SpokenLine
from app.words.timing import place_line, word_times
from app.words.windows import Window, speech_windows

logger = logging.getLogger(__name__)

MAX_TEMPO = 1.3
"""The most a line is sped up to fit its scene; faster sounds rushed."""
PARALLEL_LINES = 2
"""Lines synthesised at once by a provider that says one line per call (a remote one); the
local engine says a whole script in one process (`speak_many`)."""


@dataclass(frozen=True)
class Voiceover:
    lines: tuple[SpokenLine, ...]
    track: Path
    """48 kHz mono WAV, the length of the ad, each line at its place."""

    @property
    def windows(self) -> list[tuple[float, float]]:
        return [(line.start, line.end) for line in self.lines]


async def speak_script(
    provider: VoiceProvider,
    texts: Sequence[str],
    durations: Sequence[float],
    voice: str,
    tone: tuple[str, ...],
    workdir: Path,
    out: Path,
    ffmpeg: FFmpegSettings,
) -> Voiceover:
    """Speak every non-empty line of `texts` (one per scene) into a voice track at `out`."""
    windows = speech_windows(durations)
    said = {index: " ".join(text.split()) for index, text in enumerate(texts) if text.strip()}
    raws = {index: workdir / f"line-{index + 1}.wav" for index in said}
    many = getattr(provider, "speak_many", None)
    if many is not None:  # one engine process for the whole script
        specs = [SpeechSpec(text, voice, tone, seed=index) for index, text in said.items()]
        await many(specs, list(raws.values()))
    else:
        slots = asyncio.Semaphore(PARALLEL_LINES)

        async def say(index: int) -> None:
            async with slots:
                spec = SpeechSpec(said[index], voice, tone, seed=index)
                await provider.speak(spec, raws[index])

        await gather_or_cancel(*(say(index) for index in said))
    spoken = await gather_or_cancel(
        *(
            _fit_line(index, said[index], raws[index], windows[index], workdir, ffmpeg)
            for index in said
        )
    )
    placed = [(line.start, samples) for line, samples in spoken]
    await asyncio.to_thread(audio.write_track, placed, TOTAL_SECONDS, out)
    return Voiceover(tuple(line for line, _ in spoken), out)


async def _fit_line(
    index: int, said: str, raw: Path, window: Window, workdir: Path, ffmpeg: FFmpegSettings
) -> tuple[SpokenLine, audio.LineAudio]:
    """One spoken line measured, sped up if it must be, and placed in its scene's window."""
    line = await asyncio.to_thread(audio.read_line, raw)
    if line.seconds > window.seconds:
        line = await _faster(line, window, index, workdir, ffmpeg)
    start, end = place_line(window, line.seconds)
    words = word_times(said, start, end)
    return SpokenLine(index + 1, said, start, end, words), line


async def _faster(
    line: audio.LineAudio, window: Window, index: int, workdir: Path, ffmpeg: FFmpegSettings
) -> audio.LineAudio:
    tempo = line.seconds / window.seconds
    if tempo > MAX_TEMPO:
        raise InvalidRequest(
            f"Scene {index + 1}'s voiceover takes {line.seconds:.1f} s to say, but the scene "
            f"leaves {window.seconds:.1f} s clear of its crossfades; shorten the line."
        )
    logger.info("scene %d's line sped up by %.2f to fit its scene", index + 1, tempo)
    slow = workdir / f"line-{index + 1}-measured.wav"
    fast = workdir / f"line-{index + 1}-fitted.wav"
    await asyncio.to_thread(audio.write_track, [(0.0, line)], line.seconds, slow)
    # A hair faster than needed, so rounding and the coder's padding never spill over.
    argv = [*FileInput(slow, "wav").args(), "-af", f"atempo={tempo * 1.01:.4f}", str(fast)]
    await run_ffmpeg(
        argv, ffmpeg, failure=f"Scene {index + 1}'s voiceover could not be fitted to its scene"
    )
    fitted = await asyncio.to_thread(audio.read_line, fast)
    if fitted.seconds > window.seconds:
        samples = fitted.samples[: int(window.seconds * audio.RATE)]
        fitted = audio.LineAudio(samples)
    return fitted
