"""The words the director understands for how an ad should feel (tone) and look (style).

Marketers say the same thing many ways ("calm", "serene", "zen"); the brief stores one canonical
word per idea so moods and storyboards can reason about it. Some words are ambiguous ("warm"
colours or a warm feeling, "bold" type or a bold attitude): a match reports every field it could
fill, and the extractor decides from context. Weak words ("luxury", "energy", "premium") often
describe the product rather than the ad ("a luxury serum", "an energy drink"), so they only count
when the sentence is clearly about tone or style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# canonical tone → strong synonyms (the canonical word itself is always included)
TONES: dict[str, tuple[str, ...]] = {
    "calming": (
        "calm",
        "serene",
        "peaceful",
        "tranquil",
        "relaxing",
        "relaxed",
        "soothing",
        "zen",
        "restful",
        "gentle",
        "mindful",
    ),
    "luxurious": (
        "luxe",
        "opulent",
        "indulgent",
        "high-end",
        "upscale",
        "lavish",
        "decadent",
        "glamorous",
        "glam",
    ),
    "elegant": ("sophisticated", "refined", "classy", "graceful", "chic", "timeless", "polished"),
    "confident": ("empowered", "empowering", "self-assured", "assured", "powerful", "unstoppable"),
    "energetic": (
        "energised",
        "energized",
        "energising",
        "energizing",
        "high-energy",
        "lively",
        "dynamic",
        "pumped",
        "hyped",
        "electric",
        "exciting",
        "adrenaline",
        "fast-paced",
    ),
    "bold": ("daring", "fearless", "striking", "loud", "punchy", "unapologetic", "brave"),
    "fresh": (
        "refreshing",
        "crisp",
        "invigorating",
        "revitalising",
        "revitalizing",
        "zesty",
        "breezy",
    ),
    "playful": (
        "fun",
        "cheeky",
        "whimsical",
        "quirky",
        "silly",
        "lighthearted",
        "light-hearted",
        "goofy",
        "witty",
        "humorous",
        "funny",
        "youthful",
    ),
    "joyful": (
        "happy",
        "cheerful",
        "uplifting",
        "upbeat",
        "optimistic",
        "positive",
        "feel-good",
        "delightful",
        "sunny",
    ),
    "warm": (
        "comforting",
        "friendly",
        "inviting",
        "welcoming",
        "heartwarming",
        "wholesome",
        "nurturing",
        "caring",
    ),
    "cozy": ("cosy", "homey", "homely", "snug", "hygge"),
    "nostalgic": ("sentimental", "wistful", "reminiscent"),
    "trustworthy": (
        "trusted",
        "reliable",
        "dependable",
        "credible",
        "reassuring",
        "honest",
        "transparent",
    ),
    "innovative": (
        "cutting-edge",
        "forward-thinking",
        "pioneering",
        "clever",
        "ingenious",
        "next-gen",
        "visionary",
        "disruptive",
    ),
    "adventurous": ("free-spirited", "wild", "exploratory", "outdoorsy", "daredevil"),
    "romantic": ("sensual", "intimate", "tender", "passionate", "seductive", "dreamy-eyed"),
    "dramatic": ("epic", "intense", "gripping", "suspenseful", "theatrical"),
    "inspiring": ("inspirational", "motivating", "motivational", "aspirational", "hopeful"),
    "authentic": ("genuine", "raw", "down-to-earth", "unfiltered"),
    "focused": ("productive", "efficient", "determined", "driven", "disciplined"),
    "mysterious": ("enigmatic", "sultry", "intriguing", "secretive"),
    "rebellious": ("edgy", "defiant", "subversive", "irreverent", "punk"),
}

# Weak tone words: they count only where the sentence is about feeling (or answers that question).
WEAK_TONES: dict[str, str] = {
    "luxury": "luxurious",
    "premium": "luxurious",
    "energy": "energetic",
    "smart": "innovative",
    "professional": "trustworthy",
    "adventure": "adventurous",
    "joy": "joyful",
    "confidence": "confident",
    "excitement": "energetic",
    "trust": "trustworthy",
    "nostalgia": "nostalgic",
    "romance": "romantic",
    "drama": "dramatic",
    "elegance": "elegant",
    "serenity": "calming",
    "comfort": "warm",
    "freshness": "fresh",
    "strong": "confident",
    "safe": "trustworthy",
    "secure": "trustworthy",
    "real": "authentic",
    "human": "authentic",
    "quiet": "calming",
    "sharp": "focused",
}

# canonical style keyword → synonyms. Colours, materials, lighting and aesthetics all live here:
# the brief has one list for "how it looks".
STYLES: dict[str, tuple[str, ...]] = {
    # aesthetics
    "minimalist": (
        "minimal",
        "minimalistic",
        "minimalism",
        "understated",
        "pared-back",
        "clean lines",
        "less is more",
    ),
    "maximalist": ("maximalism", "more is more"),
    "clean": ("crisp white", "uncluttered", "tidy"),
    "sleek": ("slick", "streamlined"),
    "modern": ("contemporary",),
    "futuristic": ("sci-fi", "space-age", "high-tech", "techy", "holographic"),
    "retro": ("70s", "80s", "90s", "seventies", "eighties", "nineties", "throwback", "disco"),
    "vintage": ("old-school", "analogue", "analog", "antique", "heritage"),
    "film grain": ("grainy", "35mm", "super 8", "polaroid", "film look", "on film"),
    "neon": ("neon lights", "neon signs", "glowing", "fluorescent", "cyberpunk"),
    "high-contrast": ("contrasty", "high contrast"),
    "glossy": ("shiny", "sheen", "lacquered", "wet look"),
    "matte": ("matt", "velvety"),
    "organic": ("natural", "clean beauty", "plant-based"),
    "earthy": ("earth tones", "earth-toned", "earth tone"),
    "botanical": ("floral", "flowers", "plants", "leafy", "greenery", "leaves", "herbal"),
    "rustic": ("farmhouse", "handmade", "artisanal", "artisan", "craft", "hand-crafted"),
    "industrial": ("warehouse", "raw concrete"),
    "urban": ("city", "cityscape", "downtown", "rooftop"),
    "street": ("streetwear", "graffiti", "skate", "hip-hop"),
    "gritty": ("grunge", "grungy", "rough", "distressed"),
    "editorial": ("magazine", "fashion editorial", "vogue"),
    "cinematic": ("filmic", "widescreen", "movie-like", "anamorphic"),
    "clinical": ("lab", "laboratory", "scientific", "medical", "sterile", "dermatological"),
    "pastel": ("pastels", "pastel colours", "pastel colors", "sorbet"),
    "dreamy": ("ethereal", "soft-focus", "soft focus", "hazy", "misty", "whimsical light"),
    "pop art": ("comic", "comic-book"),
    "colourful": ("colorful", "multicolour", "multicolor", "rainbow", "kaleidoscopic"),
    "vibrant": ("saturated", "vivid", "punchy colours", "punchy colors"),
    "muted": ("desaturated", "washed-out", "faded", "subdued"),
    "monochrome": ("black and white", "black-and-white", "b&w", "monochromatic", "greyscale"),
    "bright": ("light and airy", "luminous", "sunny colours"),
    "airy": ("light-filled", "spacious"),
    "dark": ("low-key", "shadowy", "dark mode", "nocturnal"),
    "moody": ("brooding", "atmospheric", "chiaroscuro"),
    "sporty": ("athletic", "activewear", "sport", "sports", "athleisure"),
    "coastal": ("beachy", "seaside", "ocean", "nautical", "beach", "surf"),
    "scandinavian": ("nordic", "scandi"),
    "art deco": ("deco", "gatsby"),
    "y2k": ("2000s", "chrome y2k"),
    "geometric": ("shapes", "graphic shapes", "bauhaus"),
    "graphic": ("bold graphics", "typographic", "flat design"),
    "handheld": ("documentary", "ugc", "lo-fi", "lofi", "selfie-style", "phone footage"),
    "sunlit": ("sun-drenched", "sun-kissed", "sunshine", "sunny"),
    "soft": ("gentle light", "soft tones"),
    "warm": ("warm tones", "warm colours", "warm colors", "warm palette"),
    "cool": ("cool tones", "cool colours", "cool colors", "icy", "cool palette"),
    "elegant": (),
    "luxurious": ("luxe look",),
    "playful": (),
    "bold": ("bold colours", "bold colors", "block colours", "colour-blocked", "color-blocked"),
    "fresh": (),
    # lighting
    "soft light": ("soft lighting", "diffused light", "diffused lighting", "soft daylight"),
    "golden hour": ("sunset light", "golden light", "magic hour"),
    "morning light": ("morning sun", "sunrise light", "early light"),
    "dawn light": ("dawn", "sunrise", "first light"),
    "natural light": ("daylight", "window light", "natural lighting"),
    "studio lighting": ("studio light", "studio"),
    "backlit": ("backlight", "rim light", "rim-lit"),
    "candlelight": ("candlelit", "candles"),
    "night": ("nighttime", "night-time", "after dark", "midnight"),
    # materials and textures
    "marble": ("marbled",),
    "wood": ("wooden", "oak", "walnut", "timber"),
    "linen": ("cotton", "textiles"),
    "concrete": ("cement", "brutalist"),
    "glass": ("glassy", "frosted glass", "translucent"),
    "chrome": ("metallic", "metal", "steel", "mirror finish"),
    "velvet": ("plush",),
    "stone": ("slate", "terrazzo", "pebbles"),
    "sand": ("sandy", "dunes"),
    "water droplets": ("splashes", "ripples", "dewy", "droplets"),
    "leather": ("suede",),
    "ceramic": ("pottery", "clay"),
    "paper": ("kraft paper", "cardboard"),
    "smoke": ("haze", "fog", "mist"),
    "gradient": ("gradients", "ombre"),
    # colours
    "white": ("all-white", "snow white", "pure white"),
    "off-white": ("eggshell",),
    "ivory": (),
    "cream": ("creamy",),
    "beige": ("nude", "oatmeal", "greige"),
    "neutral": ("neutrals", "neutral tones", "neutral colours", "neutral colors"),
    "gold": ("golden", "gilded", "brass", "gold accents"),
    "rose gold": (),
    "silver": (),
    "copper": (),
    "bronze": (),
    "black": ("jet black", "inky", "pitch black"),
    "charcoal": ("graphite",),
    "grey": ("gray", "slate grey", "slate gray"),
    "pink": ("rosy", "rose"),
    "blush": ("blush pink", "dusty pink", "millennial pink"),
    "hot pink": ("magenta", "fuchsia"),
    "red": ("crimson", "scarlet", "cherry"),
    "burgundy": ("wine", "maroon", "oxblood"),
    "orange": ("tangerine",),
    "peach": ("apricot",),
    "coral": (),
    "terracotta": ("rust", "burnt orange", "clay red"),
    "yellow": ("sunflower",),
    "mustard": ("ochre",),
    "lemon": ("lemony",),
    "citrus": ("citrusy", "citrussy"),
    "lime": ("lime green", "neon green", "acid green"),
    "green": ("verdant",),
    "sage": ("sage green",),
    "mint": ("mint green", "seafoam"),
    "emerald": ("jade",),
    "olive": ("khaki",),
    "teal": (),
    "turquoise": ("aqua", "cyan"),
    "blue": ("cobalt",),
    "navy": ("navy blue", "midnight blue", "indigo"),
    "electric blue": ("neon blue",),
    "sky blue": ("baby blue", "powder blue", "light blue"),
    "purple": ("violet", "plum"),
    "lavender": (),
    "lilac": ("mauve",),
    "brown": ("espresso brown", "chocolate brown"),
    "caramel": ("toffee", "honey"),
    "tan": ("camel",),
}

# Ambiguous words and which field they lean to when nothing else in the sentence decides.
AMBIGUOUS_PRIMARY: dict[str, str] = {
    "bold": "tone",
    "warm": "tone",
    "fresh": "tone",
    "playful": "tone",
    "elegant": "tone",
    "luxurious": "tone",
    "bright": "style",
    "soft": "style",
    "dark": "style",
    "moody": "style",
    "sunny": "tone",
}

TONE_CUE = re.compile(
    r"\b(feel|feels|feeling|felt|tone|vibe|vibes|emotion|emotional|emotions|evoke|evokes|"
    r"sense of|come across|comes across|attitude|personality)\b",
    re.IGNORECASE,
)
STYLE_CUE = re.compile(
    r"\b(look|looks|looking|visual|visuals|visually|style|styled|styling|aesthetic|"
    r"aesthetics|colou?rs?|palette|tones|textures?|lighting|lit|shots?|footage|imagery|"
    r"design|art direction|backdrop|props|type|typography|fonts?|graphics)\b",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"\b(not|no|never|without|avoid|avoiding|nothing|less|isn't|aren't|don't|dont|doesn't|"
    r"shouldn't|won't|hate|dislike|instead of|rather than|anything but|except)\b[\w\s,'-]{0,18}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TermMatch:
    """One recognised word or phrase in the text and what it could mean."""

    start: int
    end: int
    surface: str
    tone: str | None
    """Canonical tone, if the phrase can describe a feeling."""
    style: str | None
    """Canonical style keyword, if the phrase can describe a look."""
    weak_tone: bool
    """True when the tone reading needs context (see module docstring)."""

    @property
    def ambiguous(self) -> bool:
        return self.tone is not None and self.style is not None


@cache
def _index() -> tuple[re.Pattern[str], dict[str, tuple[str | None, str | None, bool]]]:
    meanings: dict[str, tuple[str | None, str | None, bool]] = {}

    def add(surface: str, tone: str | None = None, style: str | None = None, weak: bool = False):
        key = surface.lower()
        old_tone, old_style, old_weak = meanings.get(key, (None, None, False))
        meanings[key] = (
            old_tone or tone,
            old_style or style,
            (old_weak if old_tone else weak) if (old_tone or tone) else False,
        )

    for canonical, synonyms in TONES.items():
        for surface in (canonical, *synonyms):
            add(surface, tone=canonical)
    for surface, canonical in WEAK_TONES.items():
        add(surface, tone=canonical, weak=True)
    for canonical, synonyms in STYLES.items():
        for surface in (canonical, *synonyms):
            add(surface, style=canonical)
    # Longest first so "electric blue" wins over "electric", "black and white" over "black".
    surfaces = sorted(meanings, key=len, reverse=True)
    alternation = "|".join(re.escape(s) for s in surfaces)
    pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)
    return pattern, meanings


def find_terms(text: str) -> list[TermMatch]:
    """Every tone/style phrase in `text`, skipping negated ones ("not too corporate", "no pink")."""
    pattern, meanings = _index()
    found: list[TermMatch] = []
    for match in pattern.finditer(text):
        if NEGATION.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        tone, style, weak = meanings[match.group(0).lower()]
        found.append(TermMatch(match.start(), match.end(), match.group(0), tone, style, weak))
    return found


def canonical_tone(word: str) -> str | None:
    """'serene' → 'calming'; unknown words → None."""
    _, meanings = _index()
    return meanings.get(word.strip().lower(), (None, None, False))[0]


def canonical_style(word: str) -> str | None:
    """'golden' → 'gold'; unknown words → None."""
    _, meanings = _index()
    return meanings.get(word.strip().lower(), (None, None, False))[1]


def normalise_tones(words: list[str]) -> list[str]:
    """A brief's tone list in canonical words; unknown words are kept as they are (lower-cased)."""
    return [canonical_tone(w) or w.strip().lower() for w in words if w.strip()]


def normalise_styles(words: list[str]) -> list[str]:
    """A brief's style list in canonical words, reading multi-word entries too ('bright citrus')."""
    result: list[str] = []
    for word in words:
        known = canonical_style(word)
        if known:
            result.append(known)
            continue
        inner = [m.style for m in find_terms(word) if m.style]
        result.extend(inner or [word.strip().lower()])
    return [w for w in result if w]
