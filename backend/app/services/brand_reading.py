"""Brand facts a marketer states in the chat: colours as hex codes, a font we ship by name.

They are tokens, not prose, so one reader serves every director (rule-based or GPT-4o) the
same way: the brief the studio shows keeps its brand unless the latest message states new
colours or a font, and a chat without a studio brief takes the latest statement of each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.fonts import FONT_NAMES
from app.models.chat import ChatMessage
from app.models.creative_brief import Brand, BriefFields

MAX_COLOURS = 6
_HEX = re.compile(r"(?<![\w#])#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
# Longest names first, so "DejaVu Sans Bold" is not read as "DejaVu Sans".
_FONTS = sorted(FONT_NAMES, key=len, reverse=True)


def colours_in(text: str) -> list[str]:
    """Hex colours in the order said, upper-case `#RRGGBB`, each once."""
    found: list[str] = []
    for match in _HEX.finditer(text):
        code = match.group(1)
        if len(code) == 3:
            code = "".join(ch * 2 for ch in code)
        colour = f"#{code.upper()}"
        if colour not in found:
            found.append(colour)
    return found[:MAX_COLOURS]


def font_in(text: str) -> str | None:
    """The first typeface we ship that the text names (case-insensitive)."""
    lowered = text.lower()
    return next((name for name in _FONTS if name.lower() in lowered), None)


def settle_brand(
    brief: BriefFields, messages: Sequence[ChatMessage], current: BriefFields | None
) -> BriefFields:
    """`brief` with the brand the conversation and the studio agree on.

    Uploads (photos, logo) only ever come from the studio. Colours and font come from the
    latest message when it states them; otherwise from the studio's brief, when there is one;
    otherwise from the latest message that stated them.
    """
    said = [m.content for m in messages if m.role == "user"]
    shown = (current.brand if current else None) or Brand()
    latest = said[-1] if said else ""
    colours = colours_in(latest) or (
        shown.colors if current else next((c for t in reversed(said) if (c := colours_in(t))), [])
    )
    font = font_in(latest) or (
        shown.font if current else next((f for t in reversed(said) if (f := font_in(t))), None)
    )
    logo = shown.logo_url or (brief.brand.logo_url if brief.brand else None)
    brand = Brand.model_validate({"logo_url": logo, "colors": colours, "font": font})
    update: dict[str, object] = {
        "product_images": (current.product_images if current else []) or brief.product_images,
        "brand": brand if (brand.logo_url or brand.colors or brand.font) else None,
    }
    return brief.model_copy(update=update)
