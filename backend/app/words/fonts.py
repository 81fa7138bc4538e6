"""The one font a render may use, in a folder of its own, and a fontconfig that knows nothing else.

libass finds fonts through fontconfig, which by default offers every font the machine has: a
family we do not ship, or a glyph ours lack, would quietly be drawn in whatever the server has
installed. So each render gets a folder holding only its font (the brand's, else the one we
ship, `app.fonts`), handed to libass as its `fontsdir`, and FFmpeg runs with `FONTCONFIG_FILE`
pointing at a configuration whose only font directory is that folder: fallback finds ours too.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import ImageFont

from app.fonts import font_path

DEFAULT_FONT = "DejaVu Sans Bold"
"""Captions and titles in the ad when the brand names no font: shipped, open licence."""


@dataclass(frozen=True)
class FontSetup:
    folder: Path
    """Holds the render's font and nothing else."""
    config: Path
    """A fontconfig configuration naming only `folder`."""
    family: str
    bold: bool

    def env(self) -> dict[str, str]:
        return {"FONTCONFIG_FILE": str(self.config)}


def fonts_conf(folder: Path, cache: Path) -> str:
    """A fontconfig configuration with one font directory and a private cache, and no
    `<include>`: the machine's own configuration (and its fonts) is never read."""
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{escape(str(folder))}</dir>\n"
        f"  <cachedir>{escape(str(cache))}</cachedir>\n"
        "</fontconfig>\n"
    )


def font_names(font: Path) -> tuple[str, bool]:
    """The family a script must ask for to get `font`, and whether it is a bold face."""
    family, style = ImageFont.truetype(str(font), size=12).getname()
    return family or font.stem, "bold" in (style or "").lower()


def prepare_fonts(workdir: Path, font: Path | None) -> FontSetup:
    """A font folder and configuration under `workdir` for `font` (None: ours). Blocking."""
    source = font or font_path(DEFAULT_FONT)
    folder, cache = workdir / "fonts", workdir / "fontcache"
    folder.mkdir(parents=True, exist_ok=True)
    cache.mkdir(exist_ok=True)
    shutil.copyfile(source, folder / source.name)
    config = workdir / "fonts.conf"
    config.write_text(fonts_conf(folder, cache))
    family, bold = font_names(source)
    return FontSetup(folder=folder, config=config, family=family, bold=bold)
