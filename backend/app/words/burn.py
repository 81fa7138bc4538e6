"""Pure builders of the FFmpeg runs that burn the words into the picture.

Words are laid only over the frames that carry them: a run of the composed ad's frames that
starts and ends on keyframes is decoded, the script burned in (libass, `ass=`) and the logo laid
over the end card (`overlay`), and encoded with the clips' own settings (`app.ffmpeg.form`), so
the concat demuxer joins it to the copied frames around it. Other formats burn their own script,
at their own size, into the reframed picture in the same run that reframes it.

Frames are retimed to the ad's frame numbers (`settb=1/fps,setpts=N+first`) before libass sees
them: the script's times are the ad's, and a frame's time is then exact, never rounded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from app.ffmpeg.args import Encoding, h264
from app.ffmpeg.form import final_video_args
from app.ffmpeg.formats import reframe_filter
from app.ffmpeg.inputs import FileInput
from app.ffmpeg.timing import FPS
from app.words.ass import CARD_FADE_MS, logo_box
from app.words.layout import Layout


@dataclass(frozen=True)
class Burn:
    """What to burn into one format's picture."""

    script: Path
    """The ASS script, written for `layout`'s frame size."""
    fonts: Path
    """The folder holding the only font libass may use (`app.words.fonts`)."""
    layout: Layout
    card: tuple[int, int] | None = None
    """Frames [start, end) of the end card, when it has a logo to lay over it."""


def filter_path(path: Path) -> str:
    """A path as a filter option's value inside a filter graph: escaped once for the option
    parser (`\\`, `'`, `:`) and once more for the graph parser (`\\`, `'`, `[`, `]`, `,`, `;`)."""
    value = str(path)
    for char in ("\\", "'", ":"):
        value = value.replace(char, "\\" + char)
    for char in ("\\", "'", "[", "]", ",", ";"):
        value = value.replace(char, "\\" + char)
    return value


def words_graph(
    burn: Burn,
    label_in: str,
    label_out: str,
    first: int,
    frames: int,
    logo_label: str | None = None,
    fps: int = FPS,
) -> str:
    """`label_in` (frames `first`.. of the ad) with the script burned in and, when
    `logo_label` is given, the logo over the end card; timestamps start again at 0."""
    retime = f"settb=1/{fps},setpts=N+{first}"
    libass = f"ass=filename={filter_path(burn.script)}:fontsdir={filter_path(burn.fonts)}"
    if logo_label is None or burn.card is None:
        return f"[{label_in}]{retime},{libass},setpts=PTS-STARTPTS[{label_out}]"
    box = logo_box(burn.layout)
    start = burn.card[0]
    fade = CARD_FADE_MS / 1000
    return ";".join(
        [
            f"[{label_in}]{retime},{libass}[{label_out}text]",
            f"[{logo_label}]scale={box.max_width}:{box.max_height}"
            ":force_original_aspect_ratio=decrease,format=rgba,"
            f"tpad=stop={frames}:stop_mode=clone,{retime},"
            f"fade=t=in:st={start / fps:g}:d={fade:g}:alpha=1[{label_out}logo]",
            f"[{label_out}text][{label_out}logo]overlay=x={box.x}-w/2:y={box.bottom}-h"
            f":enable='gte(t,{(start - 0.5) / fps:g})':eof_action=pass,"
            f"format=yuv420p,setpts=PTS-STARTPTS[{label_out}]",
        ]
    )


def burn_range_args(
    ad: FileInput,
    first: int,
    end: int,
    burn: Burn,
    logo: FileInput | None,
    out: Path,
    encoding: Encoding,
    fps: int = FPS,
) -> list[str]:
    """Frames [first, end) of the composed `ad` (both keyframes) with the words, encoded like
    every clip so that the concat joins them to the copied frames around them.

    The ad is read from its keyframe at `first` (a seek half a frame past it finds that one,
    never the one before) and only as far as it is needed.
    """
    frames = end - first
    seek = (first + 0.5) / fps if first > 0 else None
    source = replace(ad, keyframe_at=seek, seconds=(frames + 2) / fps)
    inputs = [*source.args(), *(logo.args() if logo else [])]
    graph = ";".join(
        [
            f"[0:v:0]trim=end_frame={frames}[cut]",
            words_graph(burn, "cut", "v", first, frames, "1:v:0" if logo else None, fps),
        ]
    )
    return [
        *inputs,
        "-filter_complex", graph,
        "-map", "[v]",
        *final_video_args(encoding, (0,), fps),
        "-frames:v", str(frames),
        str(out),
    ]  # fmt: skip


def reframe_words_args(
    ad: FileInput,
    outputs: list[tuple[str, Path, Burn]],
    logo: FileInput | None,
    encoding: Encoding,
    width: int,
    height: int,
    frames: int,
    fps: int = FPS,
) -> list[str]:
    """The `width`×`height` 9:16 `ad` (without words) reframed into each (format, file), with
    that format's words burned in at its size; the sound is copied. One logo input per format
    (a filter graph reads each input once; the logo is small)."""
    labels = [f"f{index}" for index in range(len(outputs))]
    parts = [f"[0:v:0]split={len(outputs)}" + "".join(f"[{label}in]" for label in labels)]
    for index, ((name, _, burn), label) in enumerate(zip(outputs, labels, strict=True)):
        parts.append(reframe_filter(name, width, height, f"{label}in", f"{label}plain"))
        logo_label = f"{index + 1}:v:0" if logo else None
        parts.append(words_graph(burn, f"{label}plain", label, 0, frames, logo_label, fps))
    logos = [arg for _ in outputs for arg in logo.args()] if logo else []
    args = [*ad.args(), *logos, "-filter_complex", ";".join(parts)]
    for (_, out, _), label in zip(outputs, labels, strict=True):
        args += [
            "-map", f"[{label}]", "-map", "0:a:0?",
            *h264(encoding), "-r", str(fps), "-c:a", "copy",
            "-movflags", "+faststart", str(out),
        ]  # fmt: skip
    return args
