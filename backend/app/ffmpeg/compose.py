"""The composer: finished clips and a music track into the final 30-second ad.

Two ways, chosen per ad:

* Every clip in the normal form (`app.ffmpeg.form`; the clip job normalises each as it
  arrives): bodies are copied and only the crossfades encoded (`app.ffmpeg.compose_copy`),
  a fraction of a full encode.
* Any clip that is not (a clip from an older job, a foreign URL, another size): segment by
  segment (see `app.ffmpeg.args.segment_args`), each clip's own frames plus its crossfade into
  the next encoded once, at most two clips decoded at a time. The log says which clip was why.
  Normalising the odd clips first would encode their frames twice; this encodes each once.

Either way the audio track is made alongside, then the video pieces and the audio are joined by
stream copy. Measured on the 2-core machine (bench/compose_bench.py): a single FFmpeg graph
chaining xfade over six clips keeps every clip's decoder and its buffers alive until the end
(memory grows by 50-80 MB per clip to about 850 MB), which neither way does.

Every clip and the music are probed before the first FFmpeg starts, and FFmpeg then reads each
with the demuxer its content proved (`app.ffmpeg.probe.media_input`): a manifest or playlist
posing as a clip is refused, never opened by FFmpeg.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import av

from app.config import FFmpegSettings
from app.errors import InvalidRequest
from app.ffmpeg.args import (
    HEIGHT,
    WIDTH,
    Encoding,
    audio_args,
    encoding_of,
    mux_args,
    segment_args,
)
from app.ffmpeg.compose_copy import copy_plan, stitch_video
from app.ffmpeg.inputs import ConcatInput, FileInput, concat_list
from app.ffmpeg.loudness import gain_db, measure_loudness
from app.ffmpeg.probe import media_input, probe_async
from app.ffmpeg.runner import run_ffmpeg
from app.ffmpeg.soundtrack import VoiceTrack, voiced_soundtrack
from app.ffmpeg.timing import FPS, TOTAL_SECONDS, ClipCut, clip_cuts
from app.providers.base import ProgressCallback
from app.storage.partials import temp_dir

logger = logging.getLogger(__name__)

A = TypeVar("A")
B = TypeVar("B")

MUX_SHARE = 0.02
"""Share of the progress bar for the final join, which only copies."""


@dataclass(frozen=True)
class ClipInput:
    path: Path
    duration: float
    """The scene's share of the ad, in seconds (the clip itself may be any length)."""


@dataclass(frozen=True)
class ComposedVideo:
    path: Path
    duration: float
    """As probed from the written file."""


async def compose_ad(
    clips: Sequence[ClipInput],
    music: Path | None,
    out: Path,
    settings: FFmpegSettings,
    on_progress: ProgressCallback | None = None,
    width: int = WIDTH,
    height: int = HEIGHT,
    voice: VoiceTrack | None = None,
    words: Sequence[str] | None = None,
) -> ComposedVideo:
    """Write the ad to `out`: 30 s, `width`×`height`, 30 fps H.264 + AAC, 0.5 s crossfades.

    Clips in the normal form (`app.ffmpeg.form`) are copied and only the crossfades encoded
    (`app.ffmpeg.compose_copy`). Any other clip may have any size, frame rate and length:
    then every frame is encoded, segment by segment, and the log says which clip was why.
    `music` may have any length (None: a silent track). Scene durations that do not sum to
    30 s are stretched to it. `on_progress` gets fractions that never decrease and end at 1.0.
    `voice` (a voice track on the ad's timeline) is mixed over the music, which ducks under it
    (`app.ffmpeg.soundtrack`); without it the audio is the music alone, as always.
    `words`: each clip's words digest when the clips already carry the ad's words
    (`app.words.clip_words`), so that only clips rendered with exactly those are copied.
    """
    if not clips:
        raise InvalidRequest("An ad needs at least one clip.")
    cuts = clip_cuts([clip.duration for clip in clips])
    paths = [clip.path for clip in clips]
    sources, track = await asyncio.to_thread(_open_inputs, paths, music)
    report = _Monotonic(on_progress)
    encoding = encoding_of(settings)
    plan = await asyncio.to_thread(
        copy_plan, [s.path for s in sources], cuts, encoding, width, height, words
    )
    workdir = await asyncio.to_thread(_workdir_beside, out)
    try:
        video: Awaitable[list[Path]]
        if isinstance(plan, str):
            logger.info("composing by encoding every frame: %s", plan)
            video = _encode_segments(
                sources, cuts, workdir, encoding, settings, report, width, height
            )
        else:
            video = stitch_video(
                sources, plan, cuts, workdir, encoding, settings,
                lambda f: report((1 - MUX_SHARE) * f),
            )  # fmt: skip
        # The audio is a light, single-threaded job: made alongside the video, it costs no time.
        audio_out = workdir / "audio.m4a"
        soundtrack = (
            _make_audio(track, audio_out, settings)
            if voice is None
            else voiced_soundtrack(track, voice, TOTAL_SECONDS, workdir, audio_out, settings)
        )
        segments, audio = await _both(video, soundtrack)
        listing = workdir / "segments.txt"
        await asyncio.to_thread(listing.write_text, concat_list(segments))
        partial = workdir / f"ad{out.suffix or '.mp4'}"
        # Both are files we just wrote: their formats are ours, not guessed.
        await run_ffmpeg(
            mux_args(ConcatInput(listing), FileInput(audio, "mov"), partial),
            settings,
            failure="The ad could not be put together",
        )
        await asyncio.to_thread(partial.replace, out)
    finally:
        await asyncio.to_thread(shutil.rmtree, workdir, True)
    info = await probe_async(out, "The finished ad")
    report(1.0)
    return ComposedVideo(path=out, duration=info.duration)


def _workdir_beside(out: Path) -> Path:
    """A private folder next to `out`, so the finished file is moved in place, never copied.

    Absolute, because the concat list names segments relative to where the list lives.
    """
    return temp_dir(out.parent, "compose")


def _open_inputs(
    clips: list[Path], music: Path | None
) -> tuple[list[FileInput], tuple[FileInput, float] | None]:
    """Every clip and the music as FFmpeg may read them, or the first that may not be read.

    Blocking (headers only). A missing or foreign file fails here, named in the user's terms,
    before any FFmpeg runs.
    """
    sources = [
        media_input(path, "video", f"The clip for scene {number}")[0]
        for number, path in enumerate(clips, start=1)
    ]
    if music is None:
        return sources, None
    track, info = media_input(music, "audio", "The music track")
    # A container that does not state its length is trimmed or padded all the same.
    return sources, (track, info.duration or TOTAL_SECONDS)


async def _both(first: Awaitable[A], second: Awaitable[B]) -> tuple[A, B]:
    """Run two jobs at once; the first failure cancels the other and is raised as it is."""
    one, two = asyncio.ensure_future(first), asyncio.ensure_future(second)
    try:
        done, _ = await asyncio.wait((one, two), return_when=asyncio.FIRST_EXCEPTION)
        for task in done:
            error = task.exception()
            if error is not None:
                raise error
        return one.result(), two.result()
    finally:
        for task in (one, two):
            task.cancel()
        await asyncio.gather(one, two, return_exceptions=True)


async def _encode_segments(
    clips: Sequence[FileInput],
    cuts: list[ClipCut],
    workdir: Path,
    encoding: Encoding,
    settings: FFmpegSettings,
    report: _Monotonic,
    width: int,
    height: int,
) -> list[Path]:
    total = sum(cut.segment_frames for cut in cuts)
    segments: list[Path] = []
    done = 0
    for index, cut in enumerate(cuts):
        segment = workdir / f"segment-{index:02d}.mp4"
        following = clips[index + 1] if index + 1 < len(clips) else None

        def on_segment(
            fraction: float, before: int = done, frames: int = cut.segment_frames
        ) -> None:
            report((1 - MUX_SHARE) * (before + fraction * frames) / total)

        await run_ffmpeg(
            segment_args(clips[index], cut, following, segment, encoding, width, height),
            settings,
            duration=cut.segment_frames / FPS,
            on_progress=on_segment,
            failure=f"The ad could not be rendered at scene {index + 1}",
        )
        segments.append(segment)
        done += cut.segment_frames
    return segments


async def _make_audio(
    track: tuple[FileInput, float] | None, out: Path, settings: FFmpegSettings
) -> Path:
    """The ad's AAC track: the music's loudness measured here, then one FFmpeg run that sets
    its level, fades and encodes it (`app.ffmpeg.loudness` says why not `loudnorm`)."""
    music, seconds = track or (None, None)
    gain = 0.0
    if music is not None and seconds:
        try:
            loudness = await asyncio.to_thread(
                measure_loudness, music.path, min(seconds, TOTAL_SECONDS)
            )
            gain = gain_db(loudness)
        except (av.FFmpegError, ValueError, OSError) as exc:
            # FFmpeg reads it next and says, in the user's words, if it cannot.
            logger.warning("could not measure the music's loudness, leaving its level: %r", exc)
    await run_ffmpeg(
        audio_args(music, seconds, TOTAL_SECONDS, out, gain),
        settings,
        failure="The music track could not be laid under the ad",
    )
    return out


class _Monotonic:
    """Forwards progress fractions, never a smaller one than before."""

    def __init__(self, callback: ProgressCallback | None) -> None:
        self._callback = callback
        self._last = 0.0

    def __call__(self, fraction: float) -> None:
        fraction = min(1.0, fraction)
        if self._callback is not None and fraction > self._last:
            self._last = fraction
            self._callback(fraction)
