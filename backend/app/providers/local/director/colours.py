"""Colour words ↔ hex values, so a brief's "gold and white" becomes a palette and a palette can be
described back in words an image model reads ("white, gold, warm grey").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from app.utils.helpers import hex_to_rgb

# Style keyword → the hex colours it suggests, most typical first. Materials and light count too:
# "marble" and "golden hour" both say something about the palette.
COLOUR_WORDS: dict[str, tuple[str, ...]] = {
    "white": ("#FFFFFF",),
    "off-white": ("#F7F5F0",),
    "ivory": ("#F6F1E7",),
    "cream": ("#F3E9D2",),
    "beige": ("#E8D8C3",),
    "neutral": ("#EDE6DB", "#CBBBA0"),
    "gold": ("#D4AF37",),
    "rose gold": ("#B76E79",),
    "silver": ("#C0C0C0",),
    "copper": ("#B87333",),
    "bronze": ("#CD7F32",),
    "black": ("#0B0B0B",),
    "charcoal": ("#2E2E2E",),
    "grey": ("#8E9196",),
    "pink": ("#F4A6C1",),
    "blush": ("#F8C8D0",),
    "hot pink": ("#FF3EA5",),
    "red": ("#D7263D",),
    "burgundy": ("#6D1A36",),
    "orange": ("#FF7A1A",),
    "peach": ("#FFBE98",),
    "coral": ("#FF6F61",),
    "terracotta": ("#C8643B",),
    "yellow": ("#FFD23F",),
    "mustard": ("#D9A441",),
    "lemon": ("#F7E04B",),
    "citrus": ("#FFB627", "#F7E04B", "#9BCB3C"),
    "lime": ("#A4D233",),
    "green": ("#2E8B57",),
    "sage": ("#9CAF88",),
    "mint": ("#BDE8CF",),
    "emerald": ("#1F7A4D",),
    "olive": ("#708238",),
    "teal": ("#2A9D8F",),
    "turquoise": ("#30C5D2",),
    "blue": ("#2563EB",),
    "navy": ("#1B2A49",),
    "electric blue": ("#1F6BFF",),
    "sky blue": ("#7EC8F2",),
    "purple": ("#7B2CBF",),
    "lavender": ("#CDB4DB",),
    "lilac": ("#C8A2C8",),
    "brown": ("#6F4E37",),
    "caramel": ("#C68E4E",),
    "tan": ("#D2B48C",),
    "earthy": ("#A0522D", "#C2A878", "#6B705C"),
    "pastel": ("#F8C8D0", "#CDE7F0", "#FFF1B5"),
    "marble": ("#EDEBE6",),
    "wood": ("#8B5E3C",),
    "linen": ("#E9E1D3",),
    "concrete": ("#8A8D91",),
    "stone": ("#A39E93",),
    "sand": ("#E2CFA9",),
    "chrome": ("#D9DDE1",),
    "leather": ("#7B4B2A",),
    "golden hour": ("#F2A65A",),
    "dawn light": ("#F6C28B",),
    "morning light": ("#F9E4B7",),
}

NEUTRALS = frozenset(
    {"white", "off-white", "ivory", "cream", "beige", "neutral", "black", "charcoal", "grey",
     "marble", "linen", "concrete", "stone", "chrome"}
)  # fmt: skip
"""Colours that support a palette rather than define it: a mood is named after the other ones."""

MATERIALS = frozenset(
    {"marble", "wood", "linen", "concrete", "stone", "sand", "chrome", "leather", "golden hour",
     "dawn light", "morning light", "earthy", "pastel"}
)  # fmt: skip
"""Words that suggest colours without being one: a mood is named after a real colour first."""


def naming_colour(words: list[str]) -> str:
    """The colour word a mood should be named after: vivid colours before materials, materials
    before neutrals ('white, gold' → 'gold'; 'wood, brown, cream' → 'brown')."""
    for group in (
        [w for w in words if w not in NEUTRALS and w not in MATERIALS],
        [w for w in words if w in MATERIALS],
        words,
    ):
        if group:
            return group[0]
    return ""


# Extra names used only to describe hex colours back in words.
_DESCRIPTIVE: dict[str, str] = {
    "warm grey": "#B8B2A7",
    "deep teal": "#0F3B3E",
    "amber": "#C8873A",
    "near-black": "#111111",
    "ice blue": "#DDEBF7",
    "seafoam": "#A8DADC",
    "driftwood": "#9C8A73",
    "sea blue": "#4FA3C7",
    "asphalt": "#2A2C2E",
    "safety orange": "#FF6A13",
    "acid yellow": "#E4FF1A",
    "neon magenta": "#FF2BD6",
    "neon green": "#39FF14",
    "butter yellow": "#FFF1B5",
    "powder blue": "#CDE7F0",
    "midnight": "#0D1B2A",
    "violet": "#6C4AB6",
    "slate": "#334155",
    "smoke": "#6B6B6B",
    "espresso": "#3B2418",
    "tangerine": "#FF8C42",
    "sunshine yellow": "#FFD23F",
}


def rgb_distance(a: str, b: str) -> float:
    """Perceptual-ish distance between two hex colours ('redmean' weighting, 0 to ~765)."""
    r1, g1, b1 = hex_to_rgb(a)
    r2, g2, b2 = hex_to_rgb(b)
    mean_r = (r1 + r2) / 2
    dr, dg, db = r1 - r2, g1 - g2, b1 - b2
    return float(
        ((2 + mean_r / 256) * dr * dr + 4 * dg * dg + (2 + (255 - mean_r) / 256) * db * db) ** 0.5
    )


def colours_for(words: Iterable[str]) -> list[tuple[str, str]]:
    """(word, hex) for every colour-bearing style word, in the brief's order."""
    found: list[tuple[str, str]] = []
    for word in words:
        for hex_value in COLOUR_WORDS.get(word, ()):
            found.append((word, hex_value))
    return found


def is_close(colour: str, others: Iterable[str], threshold: float = 90.0) -> bool:
    return any(rgb_distance(colour, other) < threshold for other in others)


@cache
def name_of(hex_value: str) -> str:
    """The nearest colour name for a hex value: '#D4AF37' → 'gold'."""
    table = _naming_table()
    return min(table, key=lambda name: (rgb_distance(hex_value.upper(), table[name]), name))


_LIGHT_WORDS = frozenset({"golden hour", "dawn light", "morning light"})


@cache
def _naming_table() -> dict[str, str]:
    # Light words suggest colours but are not colour names: "golden hour" is no swatch.
    single = {
        word: hexes[0]
        for word, hexes in COLOUR_WORDS.items()
        if len(hexes) == 1 and word not in _LIGHT_WORDS
    }
    return {**single, **_DESCRIPTIVE}


def describe(palette: Iterable[str], limit: int = 3) -> list[str]:
    """The first distinct colour names of a palette, e.g. ['white', 'gold', 'warm grey']."""
    names: list[str] = []
    for colour in palette:
        name = name_of(colour)
        if name not in names:
            names.append(name)
        if len(names) == limit:
            break
    return names
