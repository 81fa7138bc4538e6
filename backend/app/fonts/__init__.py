"""The typefaces we ship, by the names a brief may choose from.

Renders never use the machine's fonts: what a server has installed differs from one machine to
the next, and its licence may not allow embedding. These are the DejaVu fonts (Bitstream Vera
licence, `LICENSE-DejaVu.txt` beside them), taken from Debian's `fonts-dejavu-core`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

FontName = Literal["DejaVu Sans", "DejaVu Sans Bold", "DejaVu Serif"]
"""A brand font a brief may name."""

FONT_FILES: dict[str, str] = {
    "DejaVu Sans": "DejaVuSans.ttf",
    "DejaVu Sans Bold": "DejaVuSans-Bold.ttf",
    "DejaVu Serif": "DejaVuSerif.ttf",
}
FONT_NAMES: tuple[str, ...] = get_args(FontName)

_HERE = Path(__file__).parent


def font_path(name: str) -> Path:
    """The file of a shipped font; `KeyError` for a name we do not ship."""
    return _HERE / FONT_FILES[name]
