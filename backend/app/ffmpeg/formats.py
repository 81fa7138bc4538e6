"""The ad in other shapes: 1:1, 4:5 and 16:9, reframed from the 9:16 ad. Pure builders.

Every format is cut from the same 9:16 picture (the normalised clips and their crossfades, as
composed), so no provider is asked for anything again: a centre crop for 1:1 and 4:5, and for
16:9 the whole 9:16 frame over a blurred, darkened fill of itself. Cropping and the fill are
applied per frame and a crossfade is a per-pixel mix, so reframing the composed ad gives the
same picture as composing reframed clips, for one decode of the ad instead of six clips'.

All extra formats come out of one FFmpeg run: the ad is decoded once and split between their
encoders, and the sound is copied.
"""

from __future__ import annotations

from pathlib import Path

from app.ffmpeg.args import Encoding, h264
from app.ffmpeg.inputs import FileInput
from app.ffmpeg.timing import FPS

VERTICAL = "9:16"
FORMATS = ("9:16", "1:1", "4:5", "16:9")
"""Every format an ad can be made in; the first is the one composed, the others reframed."""
FILL_SCALE = 8
"""The 16:9 fill is blurred at an eighth of the size: as soft, for a sixty-fourth of the work."""
FILL_BRIGHTNESS = 0.55
"""The fill is darkened so the picture in front of it stays the subject."""


def _even(value: float) -> int:
    return max(2, 2 * round(value / 2))


def format_size(name: str, width: int, height: int) -> tuple[int, int]:
    """The size of format `name` for a 9:16 ad of `width`×`height` (1080×1920: 1080×1080,
    1080×1350, 1920×1080)."""
    sizes = {
        "9:16": (width, height),
        "1:1": (width, width),
        "4:5": (width, _even(width * 5 / 4)),
        "16:9": (height, width),
    }
    if name not in sizes:
        raise ValueError(f"unknown format {name!r}; expected one of {FORMATS}")
    return sizes[name]


def reframe_filter(name: str, width: int, height: int, label_in: str, label_out: str) -> str:
    """Filters turning the 9:16 picture `label_in` into format `name` as `label_out`.

    The 16:9 frame is built side by side, never by overlaying: the blurred fill is only ever
    seen in the two bands beside the picture, so only those are scaled up, and `hstack` lays
    the three down without first painting a whole frame of fill under the picture. The fill
    is taken from the band of the picture it shows (the centre, scaled to cover the width),
    so the downscale reads a third of the frame. Measured on the bench's ad: 2.7 CPU-s of
    filtering instead of 4.3 (decode and encoders aside).
    """
    out_w, out_h = format_size(name, width, height)
    if name in ("9:16", "1:1", "4:5"):
        return f"[{label_in}]crop={out_w}:{out_h},setsar=1[{label_out}]"
    front_w = _even(width * out_h / height)
    left = _even((out_w - front_w) / 2)
    right = out_w - front_w - left
    fill_w, fill_h = _even(out_w / FILL_SCALE), _even(out_h / FILL_SCALE)
    small_left, small_right = _even(left / FILL_SCALE), _even(right / FILL_SCALE)
    band_h = _even(width * out_h / out_w)
    k = f"{FILL_BRIGHTNESS:g}"
    o = label_out
    return ";".join(
        [
            f"[{label_in}]split=2[{o}bg][{o}fg]",
            # Bilinear throughout: the fill is blurred anyway, and the picture's 1.8× downscale
            # reads 55 dB PSNR against lanczos, far above what the encoder keeps.
            f"[{o}bg]crop={width}:{band_h},scale={fill_w}:{fill_h}:flags=bilinear,boxblur=4:1,"
            # Luma towards black and chroma towards grey alike: every colour darkens evenly.
            f"lutyuv=y=16+(val-16)*{k}:u=128+(val-128)*{k}:v=128+(val-128)*{k},"
            f"split=2[{o}l][{o}r]",
            f"[{o}l]crop={small_left}:{fill_h}:0:0,scale={left}:{out_h}:flags=bilinear[{o}left]",
            f"[{o}r]crop={small_right}:{fill_h}:{fill_w - small_right}:0,"
            f"scale={right}:{out_h}:flags=bilinear[{o}right]",
            f"[{o}fg]scale={front_w}:{out_h}:flags=bilinear[{o}front]",
            f"[{o}left][{o}front][{o}right]hstack=inputs=3,setsar=1,format=yuv420p[{o}]",
        ]
    )


def reframe_args(
    ad: FileInput,
    outputs: list[tuple[str, Path]],
    encoding: Encoding,
    width: int,
    height: int,
) -> list[str]:
    """The `width`×`height` 9:16 `ad` reframed into each (format, file) of `outputs`."""
    labels = [f"f{index}" for index in range(len(outputs))]
    split = f"[0:v:0]split={len(outputs)}" + "".join(f"[{label}in]" for label in labels)
    graph = ";".join(
        [
            split,
            *(
                reframe_filter(name, width, height, f"{label}in", label)
                for (name, _), label in zip(outputs, labels, strict=True)
            ),
        ]
    )
    args = [*ad.args(), "-filter_complex", graph]
    for (_, out), label in zip(outputs, labels, strict=True):
        args += [
            "-map", f"[{label}]", "-map", "0:a:0?",
            *h264(encoding), "-r", str(FPS), "-c:a", "copy",
            "-movflags", "+faststart", str(out),
        ]  # fmt: skip
    return args
