"""The other formats' sizes and the one FFmpeg run that reframes the 9:16 ad into them."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import format_path
from app.ffmpeg.args import Encoding
from app.ffmpeg.formats import FORMATS, format_size, reframe_args
from app.ffmpeg.inputs import FileInput, check_argv


def test_every_format_has_its_published_size() -> None:
    sizes = {name: format_size(name, 1080, 1920) for name in FORMATS}
    assert sizes == {
        "9:16": (1080, 1920),
        "1:1": (1080, 1080),
        "4:5": (1080, 1350),
        "16:9": (1920, 1080),
    }
    with pytest.raises(ValueError, match="unknown format"):
        format_size("2:1", 1080, 1920)


def test_one_run_decodes_the_ad_once_and_writes_every_format_with_its_sound() -> None:
    ad = FileInput(Path("/m/ads/ad.mp4"), "mov")
    outputs = [("1:1", Path("/m/a.mp4")), ("4:5", Path("/m/b.mp4")), ("16:9", Path("/m/c.mp4"))]
    args = reframe_args(ad, outputs, Encoding("ultrafast"), 1080, 1920)
    check_argv(args)
    assert args.count("-i") == 1
    graph = args[args.index("-filter_complex") + 1]
    assert graph.startswith("[0:v:0]split=3[f0in][f1in][f2in];")
    assert "[f0in]crop=1080:1080,setsar=1[f0]" in graph
    assert "[f1in]crop=1080:1350,setsar=1[f1]" in graph
    # 16:9: the 9:16 picture (608×1080) in front of a blurred, darkened fill of itself.
    assert "boxblur" in graph and "lutyuv=y=16+(val-16)*0.55:u=128+(val-128)*0.55" in graph
    assert "[f2fg]scale=608:1080:flags=bilinear[f2front]" in graph
    # Only the bands beside the picture are filled: two 656-wide bands and the 608-wide
    # picture make the 1920-wide frame, side by side.
    assert "scale=656:1080:flags=bilinear[f2left]" in graph
    assert "scale=656:1080:flags=bilinear[f2right]" in graph
    assert "[f2left][f2front][f2right]hstack=inputs=3" in graph
    for label, (_, out) in zip(("f0", "f1", "f2"), outputs, strict=True):
        at = args.index(f"[{label}]")
        assert args[at + 1 : at + 3] == ["-map", "0:a:0?"]
        assert str(out) in args[at:]
    assert args.count("-preset") == 3 and "ultrafast" in args


def test_the_cli_writes_each_further_format_beside_the_first() -> None:
    out = Path("/tmp/x/ad.mp4")
    assert format_path(out, "9:16", first=True) == out
    assert format_path(out, "1:1", first=False) == Path("/tmp/x/ad-1x1.mp4")
    assert format_path(out, "9:16", first=False) == Path("/tmp/x/ad-9x16.mp4")
