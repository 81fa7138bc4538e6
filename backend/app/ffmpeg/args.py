"""Pure builders of FFmpeg argument lists (everything after the binary). No I/O here.

Keeping argv construction pure means every option is unit-tested as an exact list, and the
runner is the only place that touches processes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.ffmpeg.timing import CROSSFADE_FRAMES, CROSSFADE_SECONDS, FPS, ClipCut

WIDTH, HEIGHT = 1080, 1920
AUDIO_RATE = 48000
LOUDNESS = "loudnorm=I=-16:TP=-1.5:LRA=11"
"""Integrated loudness for social video (-16 LUFS), true peak kept under -1.5 dBTP."""
MUSIC_FADE_IN = 1.0
MUSIC_FADE_OUT = 1.5
NEXT_CLIP_READ_SECONDS = 1.0
"""How much of the next clip a segment reads: its 0.5 s head, with room for odd frame rates."""


@dataclass(frozen=True)
class Encoding:
    preset: str = "veryfast"
    crf: int = 20


def h264(encoding: Encoding) -> list[str]:
    # yuv420p + high profile play everywhere, phones and browsers included.
    return [
        "-c:v", "libx264", "-preset", encoding.preset, "-crf", str(encoding.crf),
        "-pix_fmt", "yuv420p", "-profile:v", "high",
    ]  # fmt: skip


def normalise(
    index: int, frames: int, width: int = WIDTH, height: int = HEIGHT, fps: int = FPS
) -> str:
    """Input `index`'s video → exactly `frames` frames of `width`×`height` at `fps`.

    Scale to cover and crop the centre (no letterboxing in a vertical ad), resample to a
    constant frame rate, hold the last frame when the clip is short, cut it when it is long.
    """
    return (
        f"[{index}:v:0]setpts=PTS-STARTPTS,"
        f"scale={width}:{height}:force_original_aspect_ratio=increase,"
        f"crop={width}:{height},setsar=1,fps={fps},format=yuv420p,"
        f"tpad=stop_mode=clone:stop={frames},trim=end_frame={frames},setpts=PTS-STARTPTS"
    )


def _trim(label_in: str, frames: tuple[int, int], label_out: str) -> str:
    start, end = frames
    return f"[{label_in}]trim=start_frame={start}:end_frame={end},setpts=PTS-STARTPTS[{label_out}]"


def segment_frames(cut: ClipCut) -> int:
    """Frames one segment contributes: the clip's body, plus its crossfade unless it is last."""
    return cut.body[1] - cut.body[0] + (CROSSFADE_FRAMES if cut.tail else 0)


def segment_args(
    clip: Path, cut: ClipCut, next_clip: Path | None, out: Path, encoding: Encoding
) -> list[str]:
    """One clip's own frames, then (unless it is the last) its crossfade into the next clip.

    Composing segment by segment keeps one or two decoders alive at a time. A single graph
    over every clip makes FFmpeg decode all of them at once and queue the frames that the
    crossfades are not ready for (about 550 MB for six clips, measured).
    """
    inputs = ["-i", str(clip)]
    if cut.tail is None or next_clip is None:
        graph = f"{normalise(0, cut.length)}[n];{_trim('n', cut.body, 'vout')}"
    else:
        inputs += ["-t", f"{NEXT_CLIP_READ_SECONDS:g}", "-i", str(next_clip)]
        graph = ";".join(
            [
                f"{normalise(0, cut.length)},split=2[n][m]",
                _trim("n", cut.body, "body"),
                _trim("m", cut.tail, "tail"),
                f"{normalise(1, CROSSFADE_FRAMES)}[head]",
                f"[tail][head]xfade=transition=fade:duration={CROSSFADE_SECONDS:g}:offset=0[fade]",
                "[body][fade]concat=n=2:v=1:a=0[vout]",
            ]
        )
    return [
        *inputs,
        "-filter_complex", graph,
        "-map", "[vout]", "-an",
        *h264(encoding), "-r", str(FPS), "-frames:v", str(segment_frames(cut)),
        str(out),
    ]  # fmt: skip


def concat_list(segments: Sequence[Path]) -> str:
    """A concat-demuxer list; single quotes in paths are escaped the way the demuxer expects."""
    lines = []
    for segment in segments:
        escaped = str(segment).replace("'", "'\\''")
        lines.append(f"file '{escaped}'")
    return "\n".join(lines) + "\n"


def music_chain(index: int, total: float) -> str:
    """Music of any length → exactly `total` s, faded in and out, loudness-normalised."""
    return (
        f"[{index}:a:0]aresample={AUDIO_RATE},atrim=0:{total:g},apad=whole_dur={total:g},"
        f"afade=t=in:d={MUSIC_FADE_IN:g},"
        f"afade=t=out:st={total - MUSIC_FADE_OUT:g}:d={MUSIC_FADE_OUT:g},"
        f"{LOUDNESS},aresample={AUDIO_RATE},atrim=0:{total:g}[aout]"
    )


def mux_args(concat_list_file: Path, music: Path | None, total: float, out: Path) -> list[str]:
    """Join the encoded segments without re-encoding them, and lay the music under them."""
    inputs = ["-f", "concat", "-safe", "0", "-i", str(concat_list_file)]
    if music is not None:
        inputs += ["-i", str(music)]
        audio = music_chain(1, total)
    else:
        # Always ship an audio track: players and platforms treat silence better than none.
        inputs += ["-f", "lavfi", "-t", f"{total:g}", "-i", f"anullsrc=r={AUDIO_RATE}:cl=stereo"]
        audio = f"[1:a:0]atrim=0:{total:g}[aout]"
    return [
        *inputs,
        "-filter_complex", audio,
        "-map", "0:v:0", "-map", "[aout]",
        "-c:v", "copy",
        "-c:a", "aac", "-b:a", "192k", "-ar", str(AUDIO_RATE), "-ac", "2",
        "-t", f"{total:g}",
        "-movflags", "+faststart",
        str(out),
    ]  # fmt: skip


def plain_encode_args(seconds: float, out: Path, encoding: Encoding) -> list[str]:
    """The benchmark's yardstick: encode `seconds` of synthetic 1080×1920 30 fps video."""
    return [
        "-f", "lavfi", "-i", f"testsrc2=size={WIDTH}x{HEIGHT}:rate={FPS}:duration={seconds:g}",
        *h264(encoding), str(out),
    ]  # fmt: skip


MOTION_ZOOM = 0.12
"""How far a camera move travels: 12 % of the frame, enough to feel alive, not to lose the shot."""


def _eased(duration: float) -> str:
    """Progress 0→1 over the clip, half linear and half smoothstep: it settles without stalling."""
    p = f"min(t/{duration:g},1)"
    return f"(0.5*{p}+0.5*{p}*{p}*(3-2*{p}))"


def camera_filter(move: str, duration: float, width: int, height: int) -> str:
    """The per-frame zoom or pan for a camera move, on a `width`×`height` still."""
    e = _eased(duration)
    if move in ("push_in", "pull_out"):
        zoom = f"(1+{MOTION_ZOOM}*{e})" if move == "push_in" else f"(1+{MOTION_ZOOM}*(1-{e}))"
        return (
            f"scale=w='2*trunc({width}*{zoom}/2)':h='2*trunc({height}*{zoom}/2)':eval=frame,"
            f"crop={width}:{height}:(iw-{width})/2:(ih-{height})/2"
        )
    big_w = 2 * round(width * (1 + MOTION_ZOOM) / 2)
    big_h = 2 * round(height * (1 + MOTION_ZOOM) / 2)
    x, y = "(iw-ow)/2", "(ih-oh)/2"
    if move == "pan_right":
        x = f"(iw-ow)*{e}"
    elif move == "pan_left":
        x = f"(iw-ow)*(1-{e})"
    elif move == "rise":
        y = f"(ih-oh)*(1-{e})"
    elif move == "descend":
        y = f"(ih-oh)*{e}"
    else:
        raise ValueError(f"unknown camera move {move!r}")
    return f"scale={big_w}:{big_h},crop={width}:{height}:x='{x}':y='{y}'"


def motion_args(
    image: Path,
    move: str,
    duration: float,
    out: Path,
    encoding: Encoding,
    width: int = WIDTH,
    height: int = HEIGHT,
    fps: int = FPS,
) -> list[str]:
    """A clip of `duration` s from one still, the camera moving over it."""
    frames = round(duration * fps)
    return [
        "-loop", "1", "-framerate", str(fps), "-i", str(image),
        "-vf",
        f"scale={width}:{height}:force_original_aspect_ratio=increase,crop={width}:{height},"
        f"{camera_filter(move, duration, width, height)},setsar=1,format=yuv420p",
        *h264(encoding), "-r", str(fps), "-frames:v", str(frames),
        "-movflags", "+faststart",
        str(out),
    ]  # fmt: skip
