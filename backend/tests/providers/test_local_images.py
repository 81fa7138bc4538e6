"""The offline image provider: what a marketer would notice in the pictures it paints.

Renders are small (a few hundred pixels) so the whole file runs in seconds; every property
checked here holds at any size.
"""

from __future__ import annotations

import asyncio
import itertools
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.errors import ProviderError
from app.providers.base import ImageSpec
from app.providers.local.images import LocalImageProvider
from app.providers.local.painting import render
from app.providers.local.painting.cues import (
    Cues,
    Effect,
    Kind,
    Light,
    Look,
    Setting,
    Shot,
    read,
)
from app.providers.local.painting.finish import grade_for
from app.providers.local.painting.lettering import contrast_ratio, printable
from app.providers.local.painting.palette import cast
from app.utils.helpers import hex_to_rgb

pytestmark = pytest.mark.anyio

GOLD_WHITE = ("#FFFFFF", "#F6F1E7", "#D4AF37", "#B8B2A7", "#2E2E2E")
NAVY_NEON = ("#0A0A12", "#1F6BFF", "#FF2BD6", "#39FF14", "#F5F5F5")
W, H = 144, 256


def spec(**changes: object) -> ImageSpec:
    base = ImageSpec(
        prompt="Hero shot of Lumina Serum on a marble plinth, soft diffused daylight. "
        "minimalist, clean, marble. Vertical 9:16 product photograph.",
        subject="Hero shot of Lumina Serum on a marble plinth, soft diffused daylight",
        style_keywords=("minimalist", "clean", "marble", "soft light"),
        palette=GOLD_WHITE,
        width=W,
        height=H,
        seed=1234,
        tone=("elegant", "calming"),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def pixels(s: ImageSpec) -> np.ndarray:
    return np.asarray(render(s), np.float32)


def difference(a: np.ndarray, b: np.ndarray) -> float:
    """Mean absolute difference per channel, in 8-bit levels."""
    return float(np.abs(a - b).mean())


def palette_distance(img: np.ndarray, palette: tuple[str, ...]) -> float:
    """How far, on average, each pixel is from the nearest palette colour (8-bit RGB units)."""
    colours = np.asarray([hex_to_rgb(h) for h in palette], np.float32)
    d = np.linalg.norm(img.reshape(-1, 1, 3) - colours[None, :, :], axis=2)
    return float(d.min(axis=1).mean())


def _hues(rgb: np.ndarray) -> np.ndarray:
    """Hue in degrees of (n, 3) 8-bit colours."""
    r, g, b = rgb[:, 0], rgb[:, 1], rgb[:, 2]
    return np.degrees(np.arctan2(np.sqrt(3) * (g - b), 2 * r - g - b)) % 360


def on_palette_hue(img: np.ndarray, palette: tuple[str, ...], tolerance: float = 25) -> float:
    """The share of the image's coloured pixels whose hue is one of the palette's hues.

    Light and shade change a colour's lightness, not its hue, so this is what "in the palette's
    colours" means for a lit scene.
    """
    px = img.reshape(-1, 3)
    coloured = px[px.max(axis=1) - px.min(axis=1) > 60]
    swatches = np.asarray([hex_to_rgb(h) for h in palette], np.float32)
    swatches = swatches[swatches.max(axis=1) - swatches.min(axis=1) > 60]
    if len(coloured) == 0 or len(swatches) == 0:
        return 0.0
    gap = np.abs(_hues(coloured)[:, None] - _hues(swatches)[None, :])
    nearest = np.minimum(gap, 360 - gap).min(axis=1)
    return float((nearest < tolerance).mean())


# --- the file the provider writes -----------------------------------------------------------


async def test_writes_an_rgb_png_of_the_requested_size(tmp_path: Path) -> None:
    out = tmp_path / "nested" / "dirs" / "image.png"
    written = await LocalImageProvider().generate(spec(), out)
    assert written == out
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.mode == "RGB"
        assert image.size == (W, H)


async def test_the_same_spec_writes_the_same_bytes(tmp_path: Path) -> None:
    provider = LocalImageProvider()
    a = await provider.generate(spec(caption="Lumina"), tmp_path / "a.png")
    b = await provider.generate(spec(caption="Lumina"), tmp_path / "b.png")
    assert a.read_bytes() == b.read_bytes()


async def test_rendering_leaves_the_event_loop_free(tmp_path: Path) -> None:
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(ticker())
    await LocalImageProvider().generate(spec(width=270, height=480), tmp_path / "x.png")
    task.cancel()
    assert ticks > 1


@pytest.mark.parametrize("size", [(0, 100), (100, -1), (5000, 100)])
async def test_impossible_sizes_are_refused_with_a_provider_error(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    with pytest.raises(ProviderError):
        await LocalImageProvider().generate(spec(width=size[0], height=size[1]), tmp_path / "x.png")


@pytest.mark.parametrize("size", [(256, 144), (96, 96), (9, 16), (300, 120)])
def test_any_size_and_aspect_renders(size: tuple[int, int]) -> None:
    image = render(spec(width=size[0], height=size[1]))
    assert image.size == size
    assert image.mode == "RGB"


# --- images follow their spec ---------------------------------------------------------------


def test_a_different_seed_gives_a_visibly_different_image() -> None:
    assert difference(pixels(spec(seed=1)), pixels(spec(seed=2))) > 6


def test_the_dominant_colours_come_from_the_palette() -> None:
    gold = pixels(spec(palette=GOLD_WHITE))
    neon = pixels(
        spec(
            palette=NAVY_NEON,
            style_keywords=("neon", "night", "glossy", "electric glow"),
            subject="Hero shot of a can of Volt floating against a glowing neon grid",
            prompt="Hero shot of a can of Volt floating against a glowing neon grid. neon",
            tone=("energetic", "bold"),
        )
    )
    # Most pixels sit near a palette colour, nearer than to the other palette's colours.
    assert palette_distance(gold, GOLD_WHITE) < 45
    assert palette_distance(neon, NAVY_NEON) < 60
    assert palette_distance(gold, NAVY_NEON) > palette_distance(gold, GOLD_WHITE) + 8
    assert palette_distance(neon, GOLD_WHITE) > palette_distance(neon, NAVY_NEON) + 5
    # Whatever is coloured is coloured in the palette's hues, never in the other palette's.
    assert on_palette_hue(gold, GOLD_WHITE) > 0.8 > 0.1 > on_palette_hue(gold, NAVY_NEON)
    assert on_palette_hue(neon, NAVY_NEON) > 0.8 > 0.1 > on_palette_hue(neon, GOLD_WHITE)
    # A white and gold set is bright; a navy neon set is dark.
    assert gold.mean() > 150 > 90 > neon.mean()


def test_four_reference_images_of_a_mood_are_clearly_distinct() -> None:
    shots = [
        "Close-up of the Lumina bottle on polished white marble, soft diffused daylight",
        "A woman smooths Lumina onto her cheek at a bright bathroom vanity, candid lifestyle",
        "Macro detail of a glossy serum droplet catching the light, seamless pale backdrop",
        "Hero shot of Lumina standing alone on a marble plinth, space for a headline",
    ]
    images = [
        pixels(spec(subject=shot, prompt=f"{shot}. minimalist, clean, marble.", seed=100 + i))
        for i, shot in enumerate(shots)
    ]
    for a, b in itertools.combinations(images, 2):
        assert difference(a, b) > 8


def test_a_caption_is_lettered_in_the_lower_third() -> None:
    with_name = pixels(spec(caption="Lumina Serum"))
    without = pixels(spec(caption=None))
    lower = slice(int(H * 0.74), int(H * 0.88))
    assert difference(with_name[lower], without[lower]) > 4
    # The letters stand out from what is around them: strong local contrast in the band.
    band = with_name[lower].mean(axis=2)
    assert band.max() - band.min() > 80


def test_the_product_named_changes_the_picture() -> None:
    serum = pixels(spec(subject="Close-up of a serum bottle on marble", prompt="serum bottle"))
    shoe = pixels(spec(subject="Close-up of a running sneaker on marble", prompt="sneaker"))
    assert difference(serum, shoe) > 5


def test_the_setting_named_changes_the_picture() -> None:
    coastal = ("#4FA3C7", "#A8DADC", "#E2CFA9", "#FFFFFF", "#9C8A73")

    def at(place: str) -> np.ndarray:
        subject = f"Hero shot of the bottle {place}, soft light"
        return pixels(spec(subject=subject, prompt=subject, palette=coastal, style_keywords=()))

    marble, beach, night = (
        at("on white marble"),
        at("on sand at the beach, the sea and sky behind"),
        at("on a rooftop in the city at night, neon signs"),
    )
    assert difference(marble, beach) > 5
    assert difference(marble, night) > 20
    assert night.mean() < marble.mean() - 40


def test_the_shot_type_changes_the_composition() -> None:
    macro = pixels(spec(subject="Extreme close-up macro of the bottle's glass shoulder"))
    wide = pixels(spec(subject="Wide lifestyle shot of the bottle on a shelf by a window"))
    flat = pixels(spec(subject="Flat lay of the bottle from above with leaves"))
    assert difference(macro, wide) > 8
    assert difference(wide, flat) > 8


def test_tone_changes_the_treatment() -> None:
    calm = pixels(spec(tone=("calming", "serene")))
    bold = pixels(spec(tone=("bold", "energetic", "dramatic")))
    assert difference(calm, bold) > 2


# --- reading the words ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "kind"),
    [
        ("Close-up of the Lumina Serum bottle on polished white marble", Kind.DROPPER),
        ("A frosted can of Volt Energy cracks open in an explosion of spray", Kind.CAN),
        ("Hero shot of a Stride Runner sneaker caught mid-air above the track", Kind.SNEAKER),
        ("Steam curls up from a fresh pour of Ember Roast Coffee", Kind.CUP),
        ("The reveal: a fresh bag of Ember Roast Coffee on linen", Kind.POUCH),
        ("A jar of Velvet night cream on a stone ledge", Kind.JAR),
        ("Chrono One watch face in a beam of light", Kind.WATCH),
        ("The leather handbag on a plinth", Kind.BAG),
        ("Dashboard of Ledger open on a laptop screen", Kind.LAPTOP),
        ("Nocturne perfume flacon in smoke", Kind.PERFUME),
        ("A gift box tied with ribbon", Kind.BOX),
        ("Hero shot of Orbit in a spotlight", Kind.OBJECT),
        ("Dewy, glowing skin in soft close-up", Kind.DROPPER),
    ],
)
def test_the_product_kind_is_read_from_the_words(subject: str, kind: Kind) -> None:
    assert read(spec(subject=subject, prompt=subject, style_keywords=())).kind is kind


def test_colour_words_are_not_mistaken_for_products() -> None:
    subject = "Hero shot of Ember Roast Coffee on linen, brown, cream and terracotta backdrop"
    assert read(spec(subject=subject, prompt=subject)).kind is Kind.CUP


@pytest.mark.parametrize(
    ("subject", "shot"),
    [
        ("Extreme close-up of a drop falling", Shot.MACRO),
        ("Close-up of the bottle on marble", Shot.CLOSE),
        ("Candid lifestyle moment at a vanity", Shot.WIDE),
        ("Flat lay of the products from above", Shot.OVERHEAD),
        ("Hero shot on a plinth", Shot.HERO),
    ],
)
def test_the_shot_is_read_from_the_words(subject: str, shot: Shot) -> None:
    assert read(spec(subject=subject, prompt=subject)).shot is shot


def test_settings_light_and_effects_are_read_from_the_words() -> None:
    cues = read(
        spec(
            subject="The can on a wet rooftop at night, neon rim light, bubbles and ice cubes",
            prompt="The can on a wet rooftop at night, neon rim light, bubbles and ice cubes",
            style_keywords=("neon", "night"),
        )
    )
    assert Setting.NEON in cues.settings and Setting.CITY in cues.settings
    assert cues.light is Light.NEON
    assert {Effect.BUBBLES, Effect.ICE} <= cues.effects


def test_style_keywords_set_the_treatment() -> None:
    def styled(*keywords: str) -> Cues:
        return read(spec(style_keywords=keywords, prompt="Hero shot of the bottle"))

    minimal = styled("minimalist", "clean", "negative space")
    bold = styled("bold", "graphic", "pop art", "colour blocks")
    retro = styled("retro", "film grain", "70s")
    assert minimal.density < 0.3 < 0.7 < bold.density
    assert retro.look(Look.RETRO) > 0.5
    retro_grade = grade_for(retro, cast(GOLD_WHITE, 0.0, random.Random(1)))
    plain_grade = grade_for(minimal, cast(GOLD_WHITE, 0.0, random.Random(1)))
    assert retro_grade.grain > plain_grade.grain and retro_grade.warmth > plain_grade.warmth


def test_tone_words_set_contrast_and_shape_language() -> None:
    calm = read(spec(tone=("calming", "romantic")))
    bold = read(spec(tone=("bold", "rebellious")))
    assert bold.traits.contrast > calm.traits.contrast
    assert calm.traits.roundness > 0 > bold.traits.roundness


def test_caption_ink_is_legible_on_its_scrim() -> None:
    for palette in (GOLD_WHITE, NAVY_NEON, ("#FF4F9A", "#FFD23F", "#3EC1F3")):
        scheme = cast(palette, 0.0, random.Random(3))
        assert contrast_ratio(scheme.ink, scheme.scrim) >= 3.0


@pytest.mark.parametrize(
    "changes",
    [
        {"palette": ()},
        {"palette": ("not a colour", "#12", "#ABCDEF")},
        {"subject": "", "prompt": "", "style_keywords": (), "tone": ()},
        {"caption": "Crème Brûlée — Édition 1"},
        {"caption": "   "},
        {"caption": "A product name long enough that it has to wrap onto two lines"},
    ],
)
def test_odd_specs_still_render(changes: dict[str, object]) -> None:
    image = render(spec(**changes))
    assert image.size == (W, H)


def test_captions_are_set_in_letters_the_bundled_font_has() -> None:
    # Pillow's bundled face has no accents or em dash: they would print as empty boxes.
    assert printable("Crème Brûlée — Édition") == "Creme Brulee - Edition"


def test_a_shot_that_names_no_product_shows_the_ads_product_from_its_context() -> None:
    from app.providers.local.painting.cues import read
    from app.providers.local.painting.vocabulary import Kind

    shot = ImageSpec(
        prompt="",
        subject="A gamer in their twenties snaps into focus, eyes sharp, back in the zone",
        style_keywords=("neon",),
        palette=("#0B0B0B", "#FF2BD6"),
        width=108,
        height=192,
        seed=1,
        context="A frosted can of Volt Rush cracks open | Bubbles race up through the drink",
    )
    assert read(shot).kind is Kind.CAN
    # The shot's own words still win over the context.
    named = replace(shot, subject="Close-up of the serum dropper bottle on marble")
    assert read(named).kind is Kind.DROPPER
