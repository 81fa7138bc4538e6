"""libass draws our words in our font, inside each format's safe area.

Single frames at full size: the script as the burner writes it, through the bundled FFmpeg with
the environment the burner gives it, over a black frame.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from app.ffmpeg.binary import ffmpeg_path
from app.ffmpeg.formats import format_size
from app.fonts import font_path
from app.words.ass import Placed, ass_document
from app.words.burn import Burn, words_graph
from app.words.cues import Cue
from app.words.fonts import prepare_fonts
from app.words.layout import Layout, layout_for

pytestmark = pytest.mark.slow

CUE = Cue(0, 30, ("Unbelievably", "luminous", "skin,", "tonight"), (0, 8, 16, 24))
TITLE = Placed(0, 30, "Dermatologist tested for every skin type, all day and all night")


def _render(
    tmp_path: Path, layout: Layout, script: str | None = None, font: Path | None = None
) -> tuple[np.ndarray, str]:
    """Frame 20 of the words over black, and what FFmpeg (and libass) said at debug level."""
    fonts = prepare_fonts(tmp_path, font)
    path = tmp_path / "words.ass"
    path.write_text(
        script or ass_document(layout, fonts.family, fonts.bold, [CUE], [TITLE], None, None)
    )
    graph = words_graph(Burn(path, fonts.folder, layout), "0:v:0", "v", 0, 30)
    size = f"{layout.width}x{layout.height}"
    done = subprocess.run(
        [
            ffmpeg_path(), "-hide_banner", "-v", "debug",
            "-f", "lavfi", "-i", f"color=c=black:s={size}:r=30:d=1",
            "-filter_complex", f"{graph};[v]select=eq(n\\,20)[one]", "-map", "[one]",
            "-frames:v", "1",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
        ],
        capture_output=True,
        env={**fonts.env(), "PATH": "/usr/bin:/bin"},
        check=True,
    )  # fmt: skip
    frame = np.frombuffer(done.stdout, np.uint8).reshape(layout.height, layout.width, 3)
    return frame, done.stderr.decode(errors="replace")


def _selected(log: str) -> list[str]:
    return [
        line.split("fontselect:", 1)[1].strip()
        for line in log.splitlines()
        if "fontselect:" in line
    ]


def test_the_shipped_font_is_the_one_libass_uses(tmp_path: Path) -> None:
    _, log = _render(tmp_path, layout_for(1080, 1920))
    assert f"Loading font file '{tmp_path / 'fonts' / 'DejaVuSans-Bold.ttf'}'" in log
    chosen = _selected(log)
    assert chosen and all("-> DejaVuSans-Bold" in line for line in chosen), chosen
    assert "/usr/share/fonts" not in log, "no font of the machine's is even looked at"


def test_a_family_we_do_not_ship_falls_back_to_ours_not_the_machines(tmp_path: Path) -> None:
    layout = layout_for(1080, 1920)
    fonts_family = "DejaVu Sans Mono"  # installed on this machine, not shipped by us
    script = ass_document(layout, fonts_family, False, [CUE], [], None, None)
    frame, log = _render(tmp_path, layout, script)
    assert frame.max() > 200, "the words are drawn all the same"
    chosen = _selected(log)
    assert chosen and all("DejaVuSans-Bold" in line and "Mono" not in line.split("->")[1]
                          for line in chosen), chosen  # fmt: skip
    assert "/usr/share/fonts" not in log


def test_the_brand_font_is_used_when_given(tmp_path: Path) -> None:
    _, log = _render(tmp_path, layout_for(1080, 1920), font=font_path("DejaVu Serif"))
    chosen = _selected(log)
    assert chosen and all("-> DejaVuSerif" in line for line in chosen), chosen


@pytest.mark.parametrize("name", ["9:16", "1:1", "4:5", "16:9"])
def test_captions_and_titles_stay_inside_the_safe_area(tmp_path: Path, name: str) -> None:
    width, height = format_size(name, 1080, 1920)
    layout = layout_for(width, height)
    frame, _ = _render(tmp_path, layout)
    ys, xs = np.nonzero(frame.max(axis=2) > 40)
    assert len(ys) > 1000, "words were drawn"
    left, top, right, bottom = layout.safe
    assert ys.min() >= top and ys.max() < bottom, (name, ys.min(), ys.max(), layout.safe)
    assert xs.min() >= left - layout.outline * 3 and xs.max() < right + layout.outline * 3
    if name == "9:16":
        assert ys.min() >= 0.12 * 1920 and ys.max() < 0.80 * 1920
    # The caption (bottom half) and the title (top half) are both there.
    assert (ys > height / 2).sum() > 300 and (ys < height / 2).sum() > 300
