"""The composer's fast path: copy every clip's body, encode only the crossfades.

When every clip is in the normal form (`app.ffmpeg.form`), the ad is a concat of pieces: clip
1's body, the crossfade 1→2, clip 2's body, …, the last clip's body. Bodies are copied packet
for packet (nothing decoded or encoded); each crossfade is 15 frames encoded from the tail of
one clip and the head of the next with the clips' own encoder settings, so the concat demuxer
joins them into one stream that plays straight through. Of 900 frames only 15 per transition
are encoded: a fraction of a full encode, and no more than two decoders and one encoder alive.

Measured on the 2-core machine (bench/compose_bench.py; see the README's benchmark table).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from app.config import FFmpegSettings
from app.errors import UnsupportedMedia
from app.ffmpeg.args import Encoding
from app.ffmpeg.form import ClipForm, sidecar_path
from app.ffmpeg.inputs import FileInput
from app.ffmpeg.probe import probe
from app.ffmpeg.runner import run_ffmpeg
from app.ffmpeg.stitch import copy_frames, crossfade_args
from app.ffmpeg.timing import CROSSFADE_FRAMES, ClipCut
from app.utils.concurrency import gather_or_cancel

logger = logging.getLogger(__name__)


def copy_plan(
    clips: Sequence[Path],
    cuts: Sequence[ClipCut],
    encoding: Encoding,
    width: int,
    height: int,
    words: Sequence[str] | None = None,
) -> list[ClipForm] | str:
    """Every clip's form if all of them can be copied into this ad, else why not (blocking).

    The sidecar says what the clip was made as; its size and a probe (headers only) confirm
    the file is still that clip. The reason is for the log, in our words. `words`: each
    clip's words digest when its frames must already carry the ad's words.
    """
    forms = []
    digests = list(words) if words is not None else [""] * len(cuts)
    for number, (clip, cut, digest) in enumerate(zip(clips, cuts, digests, strict=True), start=1):
        wanted = ClipForm.target(cut, encoding, width, height, words=digest)
        try:
            form = ClipForm.from_json(sidecar_path(clip).read_text())
            size = clip.stat().st_size
        except FileNotFoundError:
            return f"scene {number} was not normalised (no form recorded beside it)"
        except (OSError, ValueError, TypeError, KeyError) as exc:
            return f"scene {number}'s recorded form is unreadable ({exc!r})"
        if form.size_bytes != size:
            return f"scene {number} changed since it was normalised"
        why = form.mismatch(wanted)
        if why:
            return f"scene {number} is not in this ad's form: {why}"
        try:
            info = probe(clip, f"The clip for scene {number}")
        except UnsupportedMedia:
            return f"scene {number} could not be probed"
        facts = (info.video_codec, info.pix_fmt, info.width, info.height, info.frames)
        if facts != ("h264", "yuv420p", width, height, form.frames):
            return f"scene {number} is not what its form says: {facts}"
        forms.append(form)
    return forms


async def stitch_video(
    clips: Sequence[FileInput],
    forms: Sequence[ClipForm],
    cuts: Sequence[ClipCut],
    workdir: Path,
    encoding: Encoding,
    settings: FFmpegSettings,
    report: Callable[[float], None],
) -> list[Path]:
    """The ad's video as pieces for the concat demuxer, in order. `report` gets the fraction
    of frames done (copied ones count once copied, encoded ones as they are encoded)."""
    total = sum(cut.segment_frames for cut in cuts)
    done: dict[str, float] = {}

    def advance(piece: str, frames: float) -> None:
        done[piece] = frames
        report(sum(done.values()) / total)

    async def body(index: int) -> Path:
        cut, out = cuts[index], workdir / f"body-{index:02d}.mp4"
        async with one_body_at_a_time:
            await asyncio.to_thread(
                copy_frames, clips[index].path, cut.body[0], cut.body[1], forms[index].fps, out
            )
        advance(out.name, cut.body[1] - cut.body[0])
        return out

    async def crossfade(index: int) -> Path:
        cut, out = cuts[index], workdir / f"fade-{index:02d}.mp4"
        assert cut.tail is not None
        async with one_at_a_time:  # and, inside it, the process-wide cap as usual
            await run_ffmpeg(
                crossfade_args(
                    clips[index], cut.tail[0], clips[index + 1], forms[index], out, encoding
                ),
                settings,
                duration=CROSSFADE_FRAMES / forms[index].fps,
                on_progress=lambda f: advance(out.name, f * CROSSFADE_FRAMES),
                failure=f"The ad could not be rendered at the transition after scene {index + 1}",
            )
        return out

    # One crossfade at a time: each holds two decoders, the blend and an encoder at the ad's
    # size (about 160 MB at 1080×1920, measured), and FFmpeg runs those side by side already.
    # With the soundtrack alongside (about 35 MB) and this process, a compose peaks near 270 MB.
    one_at_a_time = asyncio.Semaphore(1)
    # Bodies one at a time too: each copy takes a few hundredths of a second, and six at once
    # hold six demuxers and muxers in this process (about 20 MB more, measured).
    one_body_at_a_time = asyncio.Semaphore(1)
    jobs = []
    for index, cut in enumerate(cuts):
        jobs.append(body(index))
        if cut.tail is not None:
            jobs.append(crossfade(index))
    return await gather_or_cancel(*jobs)


def carried_words(clips: Sequence[Path]) -> list[str]:
    """Each clip's recorded words digest, empty for a clean picture or no form (blocking)."""
    carried = []
    for clip in clips:
        try:
            carried.append(ClipForm.from_json(sidecar_path(clip).read_text()).words)
        except (OSError, ValueError, TypeError, KeyError):
            carried.append("")
    return carried
