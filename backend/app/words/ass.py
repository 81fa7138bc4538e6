"""The ad's words as one ASS script for libass, at one frame size. Pure functions.

libass sizes a script against its `PlayResX`/`PlayResY` (an SRT's styles against 384×288), so
every script states the frame it is burned into and all sizes and positions are in its pixels.
Captions sit at the bottom of the safe area (`app.words.layout`), one event per spoken word
showing the whole phrase with that word in the accent colour, so exactly one word is lit at a
time; titles sit at its top, fading and rising in and fading out; the end card covers the last
frames in the brand colour with the product's name and the call to action (the logo is laid
over it by the burner, `app.words.burn`). Times are whole frames turned to centiseconds
rounded down, which libass shows from exactly that frame (a frame lasts 3.3 cs).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.ffmpeg.timing import FPS
from app.words.cues import Cue
from app.words.layout import Layout

DEFAULT_ACCENT = "#ffd400"
"""The highlighted word when the brand gives no colour: a warm yellow that reads on anything."""
DEFAULT_CARD = "#111111"
FADE_MS = 250
CARD_FADE_MS = 300
RISE = 0.02
"""A title rises by this share of the frame's height as it fades in."""
_HEX = re.compile(r"#?([0-9a-fA-F]{6})")


@dataclass(frozen=True)
class Placed:
    """Something shown over frames [start, end) of the ad."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Card:
    start: int
    end: int
    product_name: str
    call_to_action: str


@dataclass(frozen=True)
class LogoBox:
    """Where the end card's logo goes: centred on `x`, its bottom at `bottom`, within
    `max_width`×`max_height`."""

    x: int
    bottom: int
    max_width: int
    max_height: int


def rgb(colour: str | None, fallback: str) -> tuple[int, int, int]:
    match = _HEX.fullmatch((colour or "").strip()) or _HEX.fullmatch(fallback)
    assert match is not None
    value = int(match.group(1), 16)
    return value >> 16, (value >> 8) & 0xFF, value & 0xFF


def ass_colour(colour: tuple[int, int, int], alpha: int = 0) -> str:
    """&HAABBGGRR: ASS writes colours backwards, and alpha 0 is opaque."""
    r, g, b = colour
    return f"&H{alpha:02X}{b:02X}{g:02X}{r:02X}"


def readable_on(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    """Black or white, whichever reads better on `colour` (by its luma)."""
    r, g, b = colour
    return (17, 17, 17) if 0.299 * r + 0.587 * g + 0.114 * b > 150 else (255, 255, 255)


def ass_time(frame: int, fps: int = FPS) -> str:
    centis = frame * 100 // fps
    hours, rest = divmod(centis, 360_000)
    minutes, rest = divmod(rest, 6000)
    seconds, centis = divmod(rest, 100)
    return f"{hours}:{minutes:02d}:{seconds:02d}.{centis:02d}"


def ass_text(text: str) -> str:
    """Plain words as ASS text: braces start override blocks and backslashes escapes, so
    neither can come from a user's words."""
    return " ".join(text.split()).replace("\\", "/").replace("{", "(").replace("}", ")")


def logo_box(layout: Layout) -> LogoBox:
    centre = layout.height // 2
    return LogoBox(
        x=layout.width // 2,
        bottom=centre - layout.name_size,
        max_width=round(layout.width * 0.4),
        max_height=max(2, centre - layout.name_size - layout.top - layout.name_size),
    )


def _styles(layout: Layout, font: str, bold: bool, card: tuple[int, int, int]) -> list[str]:
    white, black = (255, 255, 255), (0, 0, 0)
    on_card = readable_on(card)
    b = -1 if bold else 0
    o = layout.outline
    left, right = layout.side, layout.side
    rows = [
        # Name, size, text colour, outline (or, for border style 3, box) colour, border style,
        # outline width, shadow, alignment (numpad: 2 bottom, 8 top, 5 centre), vertical margin
        ("Caption", layout.caption_size, white, black, 1, 3 * o, o, 2, layout.bottom),
        ("Title", layout.title_size, white, black, 1, 2 * o, o, 8, layout.top),
        ("CardName", layout.name_size, on_card, card, 1, 0, 0, 5, 0),
        ("CardAction", layout.action_size, card, on_card, 3, 3 * o, 0, 5, 0),
        ("CardFill", 10, card, card, 1, 0, 0, 7, 0),
    ]
    lines = []
    for name, size, primary, outline, border, width, shadow, align, margin_v in rows:
        lines.append(
            f"Style: {name},{font},{size},{ass_colour(primary)},{ass_colour(primary)},"
            f"{ass_colour(outline)},{ass_colour(black, 0x80)},{b},0,0,0,100,100,0,0,"
            f"{border},{width},{shadow},{align},{left},{right},{margin_v},1"
        )
    return lines


def ass_document(
    layout: Layout,
    font: str,
    bold: bool,
    cues: Sequence[Cue],
    titles: Sequence[Placed],
    card: Card | None,
    accent: str | None,
    fps: int = FPS,
) -> str:
    """One script for a `layout.width`×`layout.height` frame: captions, titles, end card."""
    lit = rgb(accent, DEFAULT_ACCENT)
    if min(lit) > 215:  # a near-white brand colour would not stand out from the white words
        lit = rgb(DEFAULT_ACCENT, DEFAULT_ACCENT)
    fill = rgb(accent, DEFAULT_CARD)
    events: list[str] = []

    def event(layer: int, start: int, end: int, style: str, text: str) -> None:
        events.append(
            f"Dialogue: {layer},{ass_time(start, fps)},{ass_time(end, fps)},{style},,0,0,0,,{text}"
        )

    if card is not None:
        w, h, fade = layout.width, layout.height, f"\\fad({CARD_FADE_MS},0)"
        event(0, card.start, card.end, "CardFill",
              f"{{\\an7\\pos(0,0){fade}\\p1}}m 0 0 l {w} 0 {w} {h} 0 {h}{{\\p0}}")  # fmt: skip
        # The name grows up from just above the middle and the call to action down from just
        # below it, so neither can run into the other however many lines each wraps to.
        centre, gap = h // 2, round(layout.name_size * 0.4)
        action = card.call_to_action.strip()
        name_at = (
            f"\\an2\\pos({w // 2},{centre - gap})" if action else f"\\an5\\pos({w // 2},{centre})"
        )
        event(1, card.start, card.end, "CardName",
              f"{{{name_at}{fade}}}{ass_text(card.product_name)}")  # fmt: skip
        if action:
            action_at = f"\\an8\\pos({w // 2},{centre + gap})"
            event(1, card.start, card.end, "CardAction",
                  f"{{{action_at}{fade}}}{ass_text(card.call_to_action)}")  # fmt: skip
    x, y = layout.width // 2, layout.top
    rise = round(layout.height * RISE)
    for title in titles:
        motion = f"\\an8\\move({x},{y + rise},{x},{y},0,{FADE_MS})\\fad({FADE_MS},{FADE_MS})"
        event(2, title.start, title.end, "Title", f"{{{motion}}}{ass_text(title.text)}")
    lit_tag, plain_tag = f"{{\\1c{ass_colour(lit)}&}}", "{\\1c&H00FFFFFF&}"
    for cue in cues:
        bounds = [*cue.marks, cue.end]
        for index in range(len(cue.words)):
            start, end = bounds[index], bounds[index + 1]
            if end <= start:
                continue
            words = [ass_text(word) for word in cue.words]
            words[index] = f"{lit_tag}{words[index]}{plain_tag}"
            event(3, start, end, "Caption", " ".join(words))
    return "\n".join(
        [
            "[Script Info]",
            "ScriptType: v4.00+",
            f"PlayResX: {layout.width}",
            f"PlayResY: {layout.height}",
            "WrapStyle: 0",
            "ScaledBorderAndShadow: yes",
            "",
            "[V4+ Styles]",
            "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
            "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, "
            "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding",
            *_styles(layout, font, bold, fill),
            "",
            "[Events]",
            "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
            *events,
            "",
        ]
    )
