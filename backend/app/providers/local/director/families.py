"""The director's library of style families: the art directions it knows how to pitch.

Each family is a complete look: keywords, a palette, a set and light for every shot, what briefs it
suits (tone, style words, product category), and where it sits on five "look axes" so the director
can tell which families contrast most with each other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from app.providers.local.director.lexicon import normalise_styles


@dataclass(frozen=True)
class StyleFamily:
    key: str
    name_template: str
    """An art director's label with a colour slot: 'Minimalist {c} Elegance'."""
    default_colour: str
    """Fills the slot when the brief names no colour of its own."""
    keywords: tuple[str, ...]
    palette: tuple[str, ...]
    """Hex colours, most important first."""
    tones: dict[str, float]
    styles: dict[str, float]
    categories: dict[str, float]
    axes: tuple[float, float, float, float, float]
    """energy (calm → loud), warmth (cool → warm), era (modern → vintage), light (dark → bright),
    nature (synthetic → organic); each from -1 to 1."""
    surface: str
    lighting: str
    atmosphere: str
    hero: str
    texture_treatment: str
    lively: bool
    """Fast cuts and forward camera moves (True) or slow, floating ones (False)."""


FAMILIES: tuple[StyleFamily, ...] = (
    StyleFamily(
        key="minimal_luxe",
        name_template="Minimalist {c} Elegance",
        default_colour="Ivory",
        keywords=("minimalist", "clean", "marble", "soft light", "negative space", "refined"),
        palette=("#FFFFFF", "#F6F1E7", "#D4AF37", "#B8B2A7", "#2E2E2E"),
        tones={"elegant": 3, "luxurious": 3, "calming": 2, "confident": 1, "trustworthy": 1},
        styles={
            "minimalist": 3,
            "clean": 2,
            "white": 2,
            "gold": 3,
            "marble": 3,
            "ivory": 2,
            "cream": 1,
            "soft light": 1,
            "elegant": 2,
            "luxurious": 2,
            "sleek": 1,
            "neutral": 1,
            "off-white": 2,
            "rose gold": 2,
            "silver": 1,
        },
        categories={"skincare": 1.5, "fashion": 1, "home": 0.5},
        axes=(-0.6, 0.1, 0.0, 0.8, -0.2),
        surface="polished white marble",
        lighting="soft diffused daylight with gentle shadows",
        atmosphere="styled with clean lines, generous negative space and refined details",
        hero="standing alone on a marble plinth",
        texture_treatment="in crisp macro focus against a seamless pale backdrop",
        lively=False,
    ),
    StyleFamily(
        key="neon_energy",
        name_template="{c} Neon Rush",
        default_colour="Electric",
        keywords=("neon", "high-contrast", "night", "glossy", "electric glow", "motion blur"),
        palette=("#0A0A12", "#1F6BFF", "#FF2BD6", "#39FF14", "#F5F5F5"),
        tones={"energetic": 3, "bold": 3, "rebellious": 2, "confident": 1, "playful": 1},
        styles={
            "neon": 3,
            "high-contrast": 2,
            "night": 2,
            "black": 1,
            "electric blue": 3,
            "futuristic": 2,
            "glossy": 1,
            "urban": 1,
            "dark": 1,
            "vibrant": 1,
            "lime": 1,
            "hot pink": 2,
            "purple": 1,
        },
        categories={"beverage": 1.5, "software": 0.5, "home": -1, "coffee": -1},
        axes=(1.0, -0.3, -0.4, -0.8, -0.9),
        surface="a glossy black surface slick with coloured reflections",
        lighting="hard neon rim light cutting through deep shadow",
        atmosphere="bathed in electric blue and magenta light, with motion streaks",
        hero="floating against a glowing neon grid",
        texture_treatment="glowing under neon light with sharp specular highlights",
        lively=True,
    ),
    StyleFamily(
        key="warm_organic",
        name_template="Earthy {c} Ritual",
        default_colour="Terracotta",
        keywords=("natural", "earthy", "linen", "wood", "botanical", "sunlit"),
        palette=("#F3E9DC", "#C8643B", "#9CAF88", "#8B5E3C", "#E2CFA9"),
        tones={"warm": 3, "cozy": 3, "authentic": 2, "calming": 2, "nostalgic": 1, "joyful": 1},
        styles={
            "organic": 3,
            "earthy": 3,
            "botanical": 3,
            "wood": 3,
            "linen": 2,
            "sunlit": 2,
            "terracotta": 2,
            "sage": 2,
            "rustic": 2,
            "brown": 1,
            "cream": 1,
            "beige": 1,
            "natural light": 1,
            "morning light": 1,
            "ceramic": 2,
            "olive": 1,
        },
        categories={"coffee": 1.5, "food": 1, "home": 1, "wellness": 0.5, "skincare": 0.5},
        axes=(-0.3, 0.8, 0.2, 0.3, 1.0),
        surface="a sun-warmed wooden table dressed in rumpled linen",
        lighting="warm, low morning sun through a window",
        atmosphere="full of plants, linen and hand-thrown ceramics",
        hero="resting on a stack of linen beside a sprig of greenery",
        texture_treatment="in warm macro with soft, natural grain",
        lively=False,
    ),
    StyleFamily(
        key="retro_film",
        name_template="Retro {c} Film",
        default_colour="Golden-Hour",
        keywords=("retro", "film grain", "70s", "warm tones", "vintage", "faded colour"),
        palette=("#D9A441", "#C1502E", "#2F6F73", "#EADBC8", "#4E342E"),
        tones={"nostalgic": 3, "warm": 2, "playful": 1, "joyful": 1, "authentic": 1},
        styles={
            "retro": 3,
            "vintage": 3,
            "film grain": 3,
            "mustard": 2,
            "terracotta": 1,
            "muted": 1,
            "golden hour": 2,
            "teal": 1,
            "orange": 1,
            "brown": 1,
        },
        categories={"coffee": 0.5, "food": 0.5, "fashion": 0.5},
        axes=(0.1, 0.6, 1.0, 0.0, 0.2),
        surface="a sunlit 70s tiled counter",
        lighting="warm golden-hour light with soft film halation",
        atmosphere="shot on grainy film with faded, sun-bleached colour",
        hero="framed like a vintage print ad on a mustard backdrop",
        texture_treatment="with visible film grain and light leaks",
        lively=False,
    ),
    StyleFamily(
        key="clean_clinical",
        name_template="Clinical {c} Clarity",
        default_colour="Ice-Blue",
        keywords=("clinical", "clean", "precise", "glass", "bright white", "cool light"),
        palette=("#FFFFFF", "#DDEBF7", "#2E7DD7", "#C0C7CF", "#334155"),
        tones={"trustworthy": 3, "innovative": 2, "focused": 2, "confident": 1, "fresh": 1},
        styles={
            "clinical": 3,
            "clean": 2,
            "white": 1,
            "glass": 2,
            "cool": 2,
            "blue": 2,
            "sky blue": 1,
            "silver": 1,
            "bright": 1,
            "modern": 1,
            "water droplets": 1,
        },
        categories={
            "skincare": 1,
            "software": 1,
            "wellness": 1,
            "coffee": -2,
            "food": -2,
            "fashion": -1,
        },
        axes=(-0.2, -0.8, -0.8, 1.0, -0.8),
        surface="a clean white lab counter with glass beakers",
        lighting="bright, even studio light with cool highlights",
        atmosphere="precise and uncluttered, all glass, white and cool blue",
        hero="centred on a glass pedestal against pure white",
        texture_treatment="in razor-sharp macro under cool light",
        lively=False,
    ),
    StyleFamily(
        key="playful_pop",
        name_template="Playful {c} Pop",
        default_colour="Candy",
        keywords=("colourful", "pop art", "graphic", "bold colour blocks", "fun", "bright"),
        palette=("#FF4F9A", "#FFD23F", "#3EC1F3", "#FF8C42", "#FFFFFF"),
        tones={"playful": 3, "joyful": 3, "energetic": 1, "bold": 1},
        styles={
            "colourful": 3,
            "pop art": 3,
            "graphic": 2,
            "bold": 2,
            "vibrant": 2,
            "pink": 2,
            "yellow": 2,
            "bright": 2,
            "citrus": 2,
            "lemon": 1,
            "orange": 1,
            "playful": 2,
            "geometric": 1,
            "y2k": 1,
            "hot pink": 1,
            "coral": 1,
            "sky blue": 1,
        },
        categories={"food": 1, "beverage": 1, "software": -0.5},
        axes=(0.8, 0.5, 0.0, 0.7, -0.4),
        surface="a bright colour-blocked plinth",
        lighting="flat, bright light with crisp graphic shadows",
        atmosphere="popping with colour blocks, confetti and playful shapes",
        hero="bouncing mid-air against a candy-coloured backdrop",
        texture_treatment="in saturated macro with a glossy pop finish",
        lively=True,
    ),
    StyleFamily(
        key="moody_cinematic",
        name_template="Moody {c} Noir",
        default_colour="Amber",
        keywords=("cinematic", "moody", "deep shadows", "dramatic light", "smoke", "anamorphic"),
        palette=("#111111", "#0F3B3E", "#C8873A", "#5B1A2A", "#6B6B6B"),
        tones={
            "dramatic": 3,
            "mysterious": 3,
            "luxurious": 1,
            "confident": 1,
            "romantic": 1,
            "bold": 1,
        },
        styles={
            "cinematic": 3,
            "moody": 3,
            "dark": 2,
            "black": 1,
            "smoke": 2,
            "burgundy": 2,
            "high-contrast": 1,
            "candlelight": 1,
            "night": 1,
            "charcoal": 1,
            "velvet": 1,
        },
        categories={"fashion": 0.5, "beverage": 0.5},
        axes=(0.2, 0.1, 0.3, -1.0, 0.0),
        surface="a dark slab of stone",
        lighting="low-key chiaroscuro with a single warm beam through haze",
        atmosphere="wrapped in deep shadow and drifting smoke",
        hero="emerging from darkness in a single shaft of light",
        texture_treatment="in moody macro, carved out of shadow",
        lively=False,
    ),
    StyleFamily(
        key="coastal_fresh",
        name_template="Coastal {c} Breeze",
        default_colour="Seafoam",
        keywords=("airy", "coastal", "sea breeze", "sunlit", "sand", "fresh"),
        palette=("#4FA3C7", "#A8DADC", "#E2CFA9", "#FFFFFF", "#9C8A73"),
        tones={"fresh": 3, "calming": 2, "joyful": 2, "adventurous": 2, "authentic": 1},
        styles={
            "coastal": 3,
            "airy": 2,
            "sand": 2,
            "turquoise": 2,
            "sky blue": 2,
            "mint": 1,
            "sunlit": 2,
            "natural light": 1,
            "water droplets": 2,
            "teal": 1,
            "blue": 1,
            "white": 1,
            "fresh": 2,
            "bright": 1,
        },
        categories={"beverage": 0.5, "skincare": 0.5, "wellness": 0.5},
        axes=(0.1, -0.1, -0.1, 0.9, 0.7),
        surface="weathered driftwood on pale sand",
        lighting="bright, breezy seaside light",
        atmosphere="airy and sun-washed, with the sea just out of focus",
        hero="catching the sun on a driftwood ledge, waves behind",
        texture_treatment="beaded with sea spray in bright macro",
        lively=False,
    ),
    StyleFamily(
        key="urban_street",
        name_template="Urban {c} Grit",
        default_colour="Concrete",
        keywords=("urban", "street", "gritty", "concrete", "handheld", "flash photography"),
        palette=("#2A2C2E", "#8A8D91", "#FF6A13", "#E4FF1A", "#F5F5F5"),
        tones={"rebellious": 3, "bold": 2, "energetic": 2, "authentic": 2, "confident": 1},
        styles={
            "urban": 3,
            "street": 3,
            "gritty": 3,
            "concrete": 3,
            "handheld": 2,
            "grey": 1,
            "industrial": 2,
            "orange": 1,
            "black": 1,
            "night": 1,
            "sporty": 1,
        },
        categories={"footwear": 1, "fashion": 1, "beverage": 0.5, "skincare": -1, "home": -1},
        axes=(0.8, -0.2, 0.2, -0.3, -0.5),
        surface="a raw concrete ledge with graffiti behind",
        lighting="harsh direct flash mixed with sodium streetlight",
        atmosphere="raw city textures, chain-link and spray paint",
        hero="planted on a concrete step, the city blurred behind",
        texture_treatment="in gritty macro with hard flash",
        lively=True,
    ),
    StyleFamily(
        key="soft_pastel",
        name_template="Soft {c} Dream",
        default_colour="Pastel",
        keywords=("pastel", "dreamy", "soft focus", "airy", "gentle glow", "blush"),
        palette=("#F8C8D0", "#CDB4DB", "#BDE8CF", "#FFF1B5", "#FDFBFF"),
        tones={"calming": 2, "romantic": 2, "playful": 1, "joyful": 1, "elegant": 1},
        styles={
            "pastel": 3,
            "dreamy": 3,
            "blush": 3,
            "lavender": 3,
            "lilac": 2,
            "mint": 2,
            "pink": 2,
            "soft": 2,
            "soft light": 1,
            "airy": 1,
            "peach": 1,
        },
        categories={"skincare": 1, "home": 0.5, "food": 0.5, "software": -1},
        axes=(-0.7, 0.3, 0.1, 0.9, 0.0),
        surface="a soft pastel pedestal wrapped in tulle",
        lighting="hazy backlight with a gentle bloom",
        atmosphere="dreamy and weightless, in blush, lilac and mint",
        hero="floating among soft pastel clouds",
        texture_treatment="in soft-focus macro with a pastel glow",
        lively=False,
    ),
    StyleFamily(
        key="kinetic_sport",
        name_template="Kinetic {c} Motion",
        default_colour="Dawn",
        keywords=("sporty", "dynamic motion", "dawn light", "sweat", "speed lines", "low angles"),
        palette=("#FF6B1A", "#1D4ED8", "#F6C28B", "#111827", "#F3F4F6"),
        tones={"energetic": 2, "confident": 3, "inspiring": 3, "focused": 2, "bold": 1},
        styles={
            "sporty": 3,
            "dawn light": 3,
            "orange": 2,
            "blue": 1,
            "dynamic": 1,
            "morning light": 1,
            "handheld": 1,
            "urban": 1,
        },
        categories={
            "footwear": 2,
            "wellness": 1,
            "beverage": 0.5,
            "coffee": -2,
            "skincare": -1,
            "home": -2,
            "food": -1,
        },
        axes=(0.9, 0.3, -0.5, 0.4, 0.1),
        surface="a rubber running track wet with dew",
        lighting="crisp dawn light with long, raking shadows",
        atmosphere="all motion: speed, breath and sunrise haze",
        hero="caught mid-air above the track in a frozen instant",
        texture_treatment="in sharp macro with droplets of sweat and dew",
        lively=True,
    ),
    StyleFamily(
        key="tech_sleek",
        name_template="Sleek {c} Future",
        default_colour="Midnight",
        keywords=("sleek", "futuristic", "glass", "gradient glow", "dark mode", "precise"),
        palette=("#0D1B2A", "#6C4AB6", "#3EC1F3", "#E0E7FF", "#FFFFFF"),
        tones={"innovative": 3, "focused": 2, "confident": 2, "trustworthy": 1},
        styles={
            "sleek": 3,
            "futuristic": 3,
            "modern": 2,
            "gradient": 3,
            "glass": 1,
            "chrome": 2,
            "purple": 1,
            "navy": 1,
            "dark": 1,
            "cool": 1,
            "minimalist": 1,
        },
        categories={"software": 2, "food": -3, "coffee": -3, "home": -1},
        axes=(0.3, -0.7, -1.0, -0.2, -1.0),
        surface="a floating glass panel with a soft gradient glow",
        lighting="cool screen glow with a soft violet key light",
        atmosphere="sleek and weightless, glass, gradients and floating interface cards",
        hero="hovering above a glowing gradient horizon",
        texture_treatment="in precise macro with glassy reflections",
        lively=True,
    ),
)

BY_KEY = {family.key: family for family in FAMILIES}


def distance(a: StyleFamily, b: StyleFamily) -> float:
    """How different two looks are, on the five look axes."""
    return math.dist(a.axes, b.axes)


@cache
def _own_words(key: str) -> frozenset[str]:
    return frozenset(normalise_styles(list(BY_KEY[key].keywords)))


def closest_family(style_name: str, keywords: list[str]) -> StyleFamily | None:
    """The family a mood (ours or anyone's) most resembles, from its name and keywords."""
    words = normalise_styles([*keywords, *style_name.split()])
    best: StyleFamily | None = None
    best_score = 0.0
    for family in FAMILIES:
        own = _own_words(family.key)
        score = sum(family.styles.get(word, 0.0) + (2.0 if word in own else 0.0) for word in words)
        # Our own labels carry the family's signature words ("... Neon Rush").
        name_words = {word.lower() for word in style_name.split()}
        signature = [w.lower() for w in family.name_template.split() if w != "{c}"]
        score += 2.0 * sum(1 for word in signature if word in name_words)
        if score > best_score:
            best, best_score = family, score
    return best
