"""The art director's vocabulary: the decisions a shot needs, and the words that ask for each.

Data only; `cues` reads a spec with it. Tables are kept compact (formatter off) so a reader can
scan what each word does.
"""

from __future__ import annotations

from enum import StrEnum


class Shot(StrEnum):
    HERO = "hero"
    CLOSE = "close"
    MACRO = "macro"
    WIDE = "wide"
    OVERHEAD = "overhead"


class Kind(StrEnum):
    DROPPER = "dropper"
    PUMP = "pump"
    PERFUME = "perfume"
    JAR = "jar"
    CAN = "can"
    BOX = "box"
    POUCH = "pouch"
    PHONE = "phone"
    LAPTOP = "laptop"
    SNEAKER = "sneaker"
    BAG = "bag"
    WATCH = "watch"
    CUP = "cup"
    OBJECT = "object"


class Setting(StrEnum):
    MARBLE = "marble"
    WATER = "water"
    SAND = "sand"
    SEA = "sea"
    WOOD = "wood"
    LINEN = "linen"
    NEON = "neon"
    CITY = "city"
    CONCRETE = "concrete"
    STONE = "stone"
    NATURE = "nature"
    SKY = "sky"
    TILES = "tiles"
    TRACK = "track"
    GLOSS = "gloss"
    GRID = "grid"
    WINDOW = "window"
    STUDIO = "studio"


class Light(StrEnum):
    SOFT = "soft"
    GOLDEN = "golden"
    SPOT = "spot"
    NEON = "neon"
    BRIGHT = "bright"
    BACKLIT = "backlit"


class Effect(StrEnum):
    DROPS = "drops"
    SPRAY = "spray"
    BUBBLES = "bubbles"
    STEAM = "steam"
    SMOKE = "smoke"
    ICE = "ice"
    CITRUS = "citrus"
    BEANS = "beans"
    PETALS = "petals"
    LEAVES = "leaves"
    CONFETTI = "confetti"
    SPARKLE = "sparkle"
    SPEED = "speed"


class Look(StrEnum):
    """Treatments a style keyword asks for."""

    MINIMAL = "minimal"
    BOLD = "bold"
    RETRO = "retro"
    ORGANIC = "organic"
    FUTURISTIC = "futuristic"
    MOODY = "moody"
    DREAMY = "dreamy"
    GRITTY = "gritty"
    SPORTY = "sporty"
    LUXE = "luxe"
    CLINICAL = "clinical"


# fmt: off
# Earlier entries win ties, so the most specific shot words come first.
SHOTS: dict[Shot, tuple[str, ...]] = {
    Shot.MACRO: ("extreme close-up", "extreme closeup", "macro", "texture", "droplet", "detail of"),
    Shot.OVERHEAD: ("flat lay", "flat-lay", "flatlay", "overhead", "top-down", "top down",
                    "from above", "bird's-eye", "knolling"),
    Shot.CLOSE: ("close-up", "closeup", "close up", "detail shot", "tight shot", "in soft close"),
    Shot.WIDE: ("lifestyle", "candid", "wide shot", "wide", "establishing", "friends", "crowd",
                "room", "city", "street", "walks", "walking", "glides", "crosses", "toast",
                "reflection and smiles", "montage"),
    Shot.HERO: ("hero", "reveal", "centred", "centered", "end card", "closing shot", "packshot",
                "pack shot", "product shot", "standing alone"),
}

# What names the product itself outweighs the words of its world; the world's words still
# decide when a shot never names the product ("dewy skin in soft close-up"), so every scene of
# an ad shows the same kind of product.
KIND_NOUNS: dict[Kind, tuple[str, ...]] = {
    Kind.DROPPER: ("serum", "serums", "dropper", "face oil", "ampoule", "tincture", "elixir",
                   "essence", "bottle", "bottles"),
    Kind.PUMP: ("pump", "lotion", "cleanser", "shampoo", "conditioner", "body wash", "hand wash",
                "soap", "gel", "sunscreen", "spf"),
    Kind.PERFUME: ("perfume", "fragrance", "parfum", "eau de", "cologne", "flacon"),
    Kind.JAR: ("jar", "face cream", "night cream", "day cream", "eye cream", "body cream",
               "hand cream", "cream jar", "balm", "moisturiser", "moisturizer", "butter", "mask",
               "candle", "candles", "salve", "scrub", "pot of", "capsules", "tub"),
    Kind.CAN: ("can", "cans", "energy drink", "soda", "seltzer", "can of"),
    Kind.BOX: ("box", "package", "packaging", "parcel", "gift box", "carton", "kit"),
    Kind.POUCH: ("bag of", "pouch", "sachet", "bag lands"),
    Kind.PHONE: ("phone", "smartphone", "app", "mobile app", "device", "gadget"),
    Kind.LAPTOP: ("laptop", "computer", "desktop", "dashboard"),
    Kind.SNEAKER: ("sneaker", "sneakers", "shoe", "shoes", "trainer", "trainers", "runner",
                   "runners", "footwear", "boots"),
    Kind.BAG: ("handbag", "tote", "purse", "backpack", "clutch", "satchel", "leather bag"),
    Kind.WATCH: ("watch", "wristwatch", "timepiece", "chronograph", "smartwatch"),
    Kind.CUP: ("cup", "cups", "mug", "mugs", "teacup", "teacups", "coffee", "espresso", "latte",
               "cappuccino", "tea", "matcha"),
}

KIND_WORLD: dict[Kind, tuple[str, ...]] = {
    Kind.DROPPER: ("drop of", "single drop", "skin", "skincare", "cheek", "complexion", "glow",
                   "glowing skin", "dewy", "radiant", "beauty", "wrinkles", "hyaluronic", "retinol",
                   "vitamin c", "hydrating"),
    Kind.PERFUME: ("scent", "notes of", "aroma"),
    Kind.JAR: ("supplement", "supplements", "vitamins", "powder", "routine"),
    Kind.CAN: ("drink", "beverage", "sip", "bubbles", "fizz", "fizzy", "sparkling", "kombucha",
               "lemonade", "caffeine", "zero sugar", "hydration", "electrolytes", "thirst",
               "refreshment", "toast", "ice-cold", "energy", "condensation"),
    Kind.BOX: ("gift", "unboxing", "doorstep", "delivered", "subscription"),
    Kind.POUCH: ("beans", "roast", "roasted", "roaster", "grounds", "granola", "snack", "snacks"),
    Kind.PHONE: ("screen", "notification", "notifications", "task list", "interface"),
    Kind.LAPTOP: ("spreadsheet", "spreadsheets", "charts", "workflow", "busywork", "teammates",
                  "software", "saas", "platform", "analytics", "productivity"),
    Kind.SNEAKER: ("running", "run", "stride", "sole", "laces", "foot", "feet", "tarmac",
                   "finish line", "marathon", "jogging", "mid-stride", "cushioning", "running crew",
                   "pace"),
    Kind.BAG: ("fashion", "outfit", "wardrobe", "collection", "wearing"),
    Kind.CUP: ("pour", "pour-over", "brew", "steam", "morning cup", "barista", "café", "cafe"),
}
WORLD_WEIGHT = 0.3

SETTINGS: dict[Setting, tuple[str, ...]] = {
    Setting.MARBLE: ("marble", "travertine", "onyx"),
    Setting.WATER: ("water", "pool", "ripple", "ripples", "splash", "wet", "waves", "wave",
                    "underwater", "dew", "spray"),
    Setting.SEA: ("sea", "ocean", "coastal", "beach", "shore", "seaside", "surf"),
    Setting.SAND: ("sand", "beach", "dune", "dunes", "desert", "driftwood", "shore"),
    Setting.WOOD: ("wood", "wooden", "oak", "walnut", "timber", "table", "driftwood", "desk"),
    Setting.LINEN: ("linen", "fabric", "tulle", "silk", "satin", "cloth", "sheets", "towel",
                    "bedding", "velvet"),
    Setting.NEON: ("neon", "electric", "glowing grid", "nightclub", "rave", "led", "cyber"),
    Setting.CITY: ("city", "urban", "street", "rooftop", "skyline", "downtown", "late-night",
                   "night", "streetlight", "office"),
    Setting.CONCRETE: ("concrete", "graffiti", "tarmac", "asphalt", "industrial", "brutalist",
                       "chain-link", "spray paint"),
    Setting.STONE: ("stone", "slate", "rock", "pebble", "pebbles", "counter", "terrazzo", "plaster",
                    "ceramic", "ceramics"),
    Setting.NATURE: ("leaves", "leaf", "botanical", "botanicals", "plant", "plants", "greenery",
                     "garden", "forest", "foliage", "moss", "fern", "palm", "sprig", "ingredients",
                     "flowers", "floral"),
    Setting.SKY: ("sky", "clouds", "cloud", "horizon", "sunrise", "sunset", "dawn", "floating",
                  "weightless", "airy", "breeze", "mid-air"),
    Setting.TILES: ("tile", "tiles", "tiled", "bathroom", "vanity", "kitchen", "70s"),
    Setting.TRACK: ("running track", "track", "stadium", "finish line", "running path"),
    Setting.GLOSS: ("glossy", "mirror", "reflection", "reflections", "slick", "lacquer", "polished",
                    "glass panel", "black surface"),
    Setting.GRID: ("grid", "gradient", "hologram", "holographic", "interface", "digital",
                   "futuristic", "dashboard", "glass panel"),
    Setting.WINDOW: ("window", "sunlit", "living room", "bedroom", "morning", "home", "cafe",
                     "café", "shelf", "apartment", "studio at sunrise"),
    Setting.STUDIO: ("studio", "seamless", "backdrop", "plinth", "pedestal", "podium",
                     "colour-blocked", "color-blocked", "end card"),
}

LIGHTS: dict[Light, tuple[str, ...]] = {
    Light.SPOT: ("spotlight", "dramatic", "chiaroscuro", "single beam", "shaft of light", "beam",
                 "low-key", "darkness", "deep shadow", "deep shadows", "noir", "moody",
                 "spot light", "shadow"),
    Light.NEON: ("neon", "electric glow", "rim light", "screen glow", "glowing", "led",
                 "magenta light", "blue light"),
    Light.GOLDEN: ("golden hour", "golden-hour", "golden", "sunset", "warm light", "morning sun",
                   "low sun", "sun-warmed", "sunlit", "dawn", "sunrise", "halation", "amber"),
    Light.BACKLIT: ("backlight", "backlit", "bloom", "hazy", "haze", "glow", "ethereal", "dreamy",
                    "halo"),
    Light.BRIGHT: ("bright", "flat light", "even", "flash", "clinical", "crisp", "studio light",
                   "high-key"),
    Light.SOFT: ("soft", "diffused", "daylight", "overcast", "gentle", "natural light",
                 "window light"),
}

EFFECTS: dict[Effect, tuple[str, ...]] = {
    Effect.DROPS: ("drop", "drops", "droplet", "droplets", "dew", "condensation", "sea spray",
                   "sweat", "dewy", "water droplets", "beaded"),
    Effect.SPRAY: ("spray", "splash", "explosion", "burst", "cracks open", "splashes"),
    Effect.BUBBLES: ("bubble", "bubbles", "fizz", "fizzy", "sparkling", "carbonated"),
    Effect.STEAM: ("steam", "steaming", "hot", "pour", "fresh pour", "brew"),
    Effect.SMOKE: ("smoke", "haze", "mist", "fog", "drifting"),
    Effect.ICE: ("ice cube", "ice cubes", "iced", "on ice", "crushed ice", "ice and"),
    Effect.CITRUS: ("citrus", "lemon", "lime", "orange slice", "grapefruit", "fruit", "slices"),
    Effect.BEANS: ("beans", "bean", "roast", "roasted", "grounds", "espresso"),
    Effect.PETALS: ("petal", "petals", "rose", "flowers", "floral", "blossom", "tulle"),
    Effect.LEAVES: ("leaf", "leaves", "botanical", "botanicals", "greenery", "sprig", "plants",
                    "ingredients", "herbs", "fern", "palm"),
    Effect.CONFETTI: ("confetti", "pop art", "fun", "celebrate", "party", "colour blocks",
                      "playful shapes", "bouncing"),
    Effect.SPARKLE: ("sparkle", "sparkles", "glitter", "shimmer", "gold accents", "catches the",
                     "catching the light", "luxurious", "jewel"),
    Effect.SPEED: ("speed", "speed lines", "motion blur", "motion streaks", "dynamic", "kinetic",
                   "mid-stride", "glides", "racing", "race", "fast"),
}

# Style keywords that ask for a treatment (density, grain, glow, shape language).
LOOKS: dict[Look, tuple[str, ...]] = {
    Look.MINIMAL: ("minimalist", "minimal", "clean", "negative space", "simple", "refined",
                   "white space", "uncluttered", "sleek", "precise", "clean lines"),
    Look.BOLD: ("bold", "graphic", "pop art", "pop", "colour blocks", "bold colour blocks",
                "vibrant", "colourful", "colorful", "high-contrast", "loud", "saturated"),
    Look.RETRO: ("retro", "vintage", "film", "film grain", "70s", "80s", "90s", "faded",
                 "faded colour", "nostalgic", "analog", "analogue", "polaroid", "warm tones"),
    Look.ORGANIC: ("organic", "natural", "earthy", "botanical", "handmade", "rustic", "linen",
                   "wood", "raw", "hand-thrown", "ceramic"),
    Look.FUTURISTIC: ("futuristic", "tech", "sleek", "chrome", "gradient", "gradient glow", "cyber",
                      "digital", "holographic", "dark mode", "glass", "innovative"),
    Look.MOODY: ("cinematic", "moody", "dramatic", "noir", "anamorphic", "deep shadows",
                 "dramatic light", "smoke", "mysterious", "dark"),
    Look.DREAMY: ("pastel", "dreamy", "soft focus", "airy", "ethereal", "blush", "gentle glow",
                  "romantic", "weightless", "cloud"),
    Look.GRITTY: ("urban", "street", "gritty", "concrete", "handheld", "flash photography", "raw",
                  "industrial", "grunge"),
    Look.SPORTY: ("sporty", "dynamic motion", "dynamic", "speed lines", "athletic", "kinetic",
                  "energetic", "low angles", "sweat"),
    Look.LUXE: ("luxury", "luxurious", "luxe", "premium", "elegant", "gold", "refined", "opulent",
                "couture", "marble"),
    Look.CLINICAL: ("clinical", "lab", "scientific", "dermatologist", "precise", "cool light",
                    "bright white"),
}

# Tone words as energy, warmth, contrast, saturation and roundness (each -1..1).
TONES: dict[str, tuple[float, float, float, float, float]] = {
    "calm": (-0.7, 0.0, -0.3, -0.2, 0.6),
    "calming": (-0.7, 0.0, -0.3, -0.2, 0.6),
    "serene": (-0.7, 0.0, -0.3, -0.2, 0.6),
    "relaxing": (-0.6, 0.1, -0.3, -0.2, 0.6),
    "energetic": (0.9, 0.1, 0.4, 0.4, -0.3),
    "exciting": (0.8, 0.1, 0.4, 0.3, -0.2),
    "bold": (0.5, 0.0, 0.7, 0.3, -0.6),
    "confident": (0.3, 0.0, 0.4, 0.1, -0.3),
    "playful": (0.6, 0.2, 0.1, 0.5, 0.9),
    "fun": (0.6, 0.2, 0.1, 0.5, 0.9),
    "joyful": (0.5, 0.3, 0.1, 0.4, 0.6),
    "luxurious": (-0.2, 0.2, 0.3, -0.2, 0.3),
    "elegant": (-0.3, 0.1, 0.2, -0.3, 0.4),
    "sophisticated": (-0.3, 0.0, 0.3, -0.3, 0.2),
    "warm": (0.0, 0.7, 0.0, 0.1, 0.5),
    "cozy": (-0.4, 0.8, -0.1, 0.0, 0.7),
    "nostalgic": (-0.2, 0.6, -0.2, -0.2, 0.4),
    "dramatic": (0.3, 0.0, 0.9, 0.0, -0.4),
    "mysterious": (-0.1, -0.2, 0.7, -0.2, 0.0),
    "romantic": (-0.4, 0.4, -0.3, 0.0, 0.8),
    "fresh": (0.2, -0.4, 0.1, 0.2, 0.3),
    "trustworthy": (-0.2, -0.2, 0.1, -0.2, 0.2),
    "innovative": (0.3, -0.4, 0.3, 0.1, -0.3),
    "focused": (0.1, -0.2, 0.3, -0.1, -0.4),
    "rebellious": (0.8, -0.1, 0.8, 0.2, -0.8),
    "edgy": (0.7, -0.2, 0.7, 0.1, -0.8),
    "inspiring": (0.5, 0.3, 0.3, 0.2, 0.0),
    "authentic": (-0.1, 0.4, 0.0, -0.1, 0.4),
    "adventurous": (0.6, 0.2, 0.3, 0.2, -0.2),
    "minimal": (-0.5, 0.0, 0.0, -0.3, 0.2),
}

CHILLED = ("frosted", "ice-cold", "iced", "chilled", "condensation", "cold")
NIGHT = ("night", "midnight", "late-night", "after dark", "nightclub", "night owls", "nocturnal")
COPY_SPACE = ("space for", "headline", "on-screen text", "copy space", "room for text",
              "space for on-screen text")
# fmt: on
