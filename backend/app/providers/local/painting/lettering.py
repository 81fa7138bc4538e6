"""Setting the caption: the product name on the closing frame, lettered like an end card.

Uses Pillow's bundled font (no system fonts exist on the servers). Short names are set in
spaced capitals, as luxury and lifestyle brands set them; long ones in sentence case on up to
two lines. A soft scrim behind the words guarantees contrast on any background without a hard
box, and the scrim is strengthened until the ink passes WCAG's 4.5:1.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from app.fonts import FONT_FILES, font_path
from app.providers.local.painting.canvas import Canvas, blur
from app.providers.local.painting.palette import Colour, Scheme, mix

_MAX_WIDTH = 0.8
"""Of the frame width: room for a push-in camera move without cropping letters."""
_CAP_HEIGHT = 0.05
"""Of the frame height, for a short name."""


def _relative_luminance(c: np.ndarray) -> np.ndarray:
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * c[..., 0] + 0.7152 * c[..., 1] + 0.0722 * c[..., 2]


def contrast_ratio(a: Colour | np.ndarray, b: Colour | np.ndarray) -> float:
    la = float(_relative_luminance(np.asarray(a, np.float64)))
    lb = float(_relative_luminance(np.asarray(b, np.float64)))
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


@lru_cache(maxsize=32)
def _font(size: int, name: str | None = None) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The brand's font when the brief names one of ours (`app.fonts`), else Pillow's own."""
    if name in FONT_FILES:
        return ImageFont.truetype(font_path(name), size=size)
    return ImageFont.load_default(size=size)


_SUBSTITUTES = str.maketrans({"—": " - ", "–": "-", "‑": "-", "€": "EUR", "£": "GBP",
                              "®": "", "™": "", "\u00a0": " "})  # fmt: skip


@lru_cache(maxsize=256)
def _has_glyph(ch: str) -> bool:
    """Whether the bundled face draws `ch` (it is a Latin subset: no accents, no em dash)."""
    font = _font(24)
    if ch == " ":
        return True
    missing = np.asarray(font.getmask("\uffff"))
    mask = np.asarray(font.getmask(ch))
    return not (mask.shape == missing.shape and bool((mask == missing).all()))


def printable(text: str) -> str:
    """The text as the bundled font can set it: accents dropped (Crème → Creme), dashes
    simplified, anything else it lacks left out, rather than drawn as empty boxes."""
    text = unicodedata.normalize("NFKD", text.translate(_SUBSTITUTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch) and _has_glyph(ch))
    return " ".join(text.split())


def _lines(text: str) -> list[str]:
    words = text.split()
    if len(text) <= 22 or len(words) < 2:
        return [text]
    half = len(text) / 2
    best, split = float(10**6), 1
    for i in range(1, len(words)):
        diff = abs(len(" ".join(words[:i])) - half)
        if diff < best:
            best, split = diff, i
    return [" ".join(words[:split]), " ".join(words[split:])]


def _set(lines: list[str], size: int, tracking: float, face: str | None = None) -> np.ndarray:
    """The words as a coverage mask (float 0..1), letter-spaced and centred line by line."""
    font = _font(size, face)
    spacing = size * tracking
    widths = [
        sum(font.getlength(ch) for ch in line) + spacing * max(len(line) - 1, 0) for line in lines
    ]
    line_h = int(size * 1.25)
    pad = max(2, size // 6)
    w = int(max(widths)) + 2 * pad
    h = line_h * len(lines) + 2 * pad
    img = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(img)
    stroke = max(0, size // 40)  # a touch of weight: the bundled face is a light regular
    for i, line in enumerate(lines):
        x = pad + (w - 2 * pad - widths[i]) / 2
        y = pad + i * line_h
        for ch in line:
            draw.text((x, y), ch, font=font, fill=255, stroke_width=stroke, stroke_fill=255)
            x += font.getlength(ch) + spacing
    return np.asarray(img, np.float32) / 255.0


def caption(
    canvas: Canvas, text: str, scheme: Scheme, centre_y: float = 0.8, font: str | None = None
) -> None:
    text = printable(text)
    if not text:
        return
    capitals = len(text) <= 18
    lines = _lines(text.upper() if capitals else text)
    tracking = 0.22 if capitals else 0.02
    size = max(8, int(canvas.h * _CAP_HEIGHT * (1.4 if capitals else 1.2)))
    mask = _set(lines, size, tracking, font)
    max_w, max_h = canvas.w * _MAX_WIDTH, canvas.h * 0.25
    if mask.shape[1] > max_w or mask.shape[0] > max_h:
        size = max(6, int(size * min(max_w / mask.shape[1], max_h / mask.shape[0])))
        mask = _set(lines, size, tracking, font)
    if mask.shape[0] > canvas.h or mask.shape[1] > canvas.w:
        return  # no room to letter legibly at all
    mh, mw = mask.shape
    x0 = (canvas.w - mw) // 2
    y0 = int(centre_y * canvas.h - mh / 2)
    y0 = min(max(y0, 0), canvas.h - mh)
    box = (max(x0, 0), y0, min(x0 + mw, canvas.w), y0 + mh)
    mask = mask[:, box[0] - x0 : box[0] - x0 + (box[2] - box[0])]

    ink, scrim = scheme.ink, scheme.scrim
    if contrast_ratio(ink, scrim) < 4.5:
        ink = (
            (1.0, 1.0, 1.0)
            if contrast_ratio((1, 1, 1), scrim) > contrast_ratio((0, 0, 0), scrim)
            else (0.05, 0.05, 0.05)
        )
    _scrim(canvas, box, ink, scrim, mask)
    glow = blur(mask, size * 0.12)
    canvas.blend(scrim, np.clip(glow * 0.5, 0, 1), box)
    canvas.blend(ink, mask, box)
    _rule(canvas, box, scheme, ink)


def _scrim(
    canvas: Canvas, box: tuple[int, int, int, int], ink: Colour, scrim: Colour, mask: np.ndarray
) -> None:
    """A soft band of the scrim colour behind the words, only as strong as legibility needs."""
    _, y0, _, y1 = box
    pad = int((y1 - y0) * 1.2)
    top, bottom = max(0, y0 - pad), min(canvas.h, y1 + pad)
    band_box = (0, top, canvas.w, bottom)
    ys = np.arange(top, bottom, dtype=np.float32)[:, None]
    centre, half = (y0 + y1) / 2, (y1 - y0) / 2 + pad * 0.6
    profile = np.clip(1 - np.abs(ys - centre) / half, 0, 1) ** 1.5
    xs = np.arange(canvas.w, dtype=np.float32)[None, :]
    across = np.clip(1.2 - np.abs(xs - canvas.w / 2) / (canvas.w * 0.55), 0, 1)
    shape = profile * across
    under = canvas.view(box)[mask > 0.5] if (mask > 0.5).any() else canvas.view(box).reshape(-1, 3)
    r, g, b = (float(v) for v in under.mean(axis=0))
    strength = 0.35
    while strength < 0.95:
        seen = np.asarray(mix((float(r), float(g), float(b)), scrim, strength), np.float32)
        if contrast_ratio(ink, seen) >= 4.5:
            break
        strength += 0.1
    canvas.blend(scrim, (shape * strength).astype(np.float32), band_box)


def _rule(canvas: Canvas, box: tuple[int, int, int, int], scheme: Scheme, ink: Colour) -> None:
    """A short hairline under the name, in the accent colour: the end card's signature."""
    _, y0, _, y1 = box
    width = int(canvas.w * 0.08)
    thick = max(1, canvas.h // 640)
    y = y1 + max(2, (y1 - y0) // 5)
    if y + thick >= canvas.h:
        return
    cx = canvas.w // 2
    rule_box = (cx - width // 2, y, cx + width // 2, y + thick)
    colour = scheme.accent if contrast_ratio(scheme.accent, scheme.scrim) > 2.0 else ink
    canvas.blend(colour, np.ones((thick, rule_box[2] - rule_box[0]), np.float32), rule_box)
