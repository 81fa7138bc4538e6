"""Mood directions: three clearly distinct looks, the first one in the brief's own words."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest

from app.models.creative_brief import BriefFields, CreativeBrief
from app.models.mood import MoodDirection
from app.providers.local.director.colours import rgb_distance
from app.providers.local.director.families import FAMILIES, distance
from app.providers.local.director.lexicon import STYLES, TONES
from app.providers.local.director.moods import (
    MIN_CONTRAST,
    BriefTaste,
    choose_families,
    propose_moods,
)

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def example_briefs() -> list[CreativeBrief]:
    return [CreativeBrief(**json.loads(p.read_text())) for p in sorted(EXAMPLES.glob("*.json"))]


def random_brief(rng: random.Random) -> CreativeBrief:
    return CreativeBrief(
        product_name=rng.choice(["Glow Drops", "Volt Rush", "Stride One", "Ledgerly", "Ember & Oak",
                                 "Nimbus", "Pip's Pies", "Zéphyr 9"]),
        target_audience=rng.choice(["Women 25-40", "Gamers 18-30", "", "finance teams", "dads"]),
        emotional_tone=rng.sample(sorted(TONES), rng.randint(0, 3)),
        visual_style_keywords=rng.sample(sorted(STYLES), rng.randint(0, 5)),
        key_messages=rng.sample(["Zero sugar", "Free shipping", "Made in Italy", "Vegan"],
                                rng.randint(0, 4)),
    )  # fmt: skip


def assert_distinct_valid_moods(moods: list[MoodDirection], brief: BriefFields) -> None:
    assert len(moods) == 3
    for mood in moods:
        MoodDirection.model_validate(mood.model_dump())
        assert len(mood.image_prompts) == 4
        assert len(set(mood.image_prompts)) == 4, "four different shots, not one shot four times"
        assert sum(brief.product_name in prompt for prompt in mood.image_prompts) >= 2
    assert len({m.style_name for m in moods}) == 3
    assert len({tuple(m.color_palette) for m in moods}) == 3
    assert len({m.color_palette[0] for m in moods}) == 3, "each mood leads with its own colour"
    for a, b in itertools.combinations(moods, 2):
        assert set(a.style_keywords) != set(b.style_keywords)


@pytest.mark.parametrize("brief", example_briefs(), ids=lambda b: b.product_name)
def test_three_distinct_valid_moods_for_each_example(brief: CreativeBrief) -> None:
    assert_distinct_valid_moods(propose_moods(brief, 3), brief)


def _closest(palette: list[str], target: str) -> float:
    return min(rgb_distance(colour, target) for colour in palette)


def test_the_first_mood_follows_the_briefs_colours() -> None:
    brief = CreativeBrief(
        product_name="Luxury Skincare Serum",
        target_audience="Women 25-40",
        emotional_tone=["elegant", "calming"],
        visual_style_keywords=["minimalist", "white", "gold"],
        key_messages=["Natural ingredients"],
    )
    first = propose_moods(brief, 3)[0]
    assert _closest(first.color_palette, "#D4AF37") < 40, "gold-ish"
    assert _closest(first.color_palette, "#FFFFFF") < 20, "white-ish"
    assert first.style_name == "Minimalist Gold Elegance"
    assert first.style_keywords[:3] == ["minimalist", "white", "gold"]


@pytest.mark.parametrize(
    ("style", "colour"),
    [(["bright", "citrus"], "#F7E04B"), (["neon", "electric blue"], "#1F6BFF"),
     (["pastel", "lavender"], "#CDB4DB"), (["terracotta", "linen"], "#C8643B")],
)  # fmt: skip
def test_brief_colours_steer_the_leading_palette(style: list[str], colour: str) -> None:
    brief = CreativeBrief(product_name="Nimbus", visual_style_keywords=style)
    assert _closest(propose_moods(brief, 3)[0].color_palette, colour) < 40


@pytest.mark.parametrize(
    ("tones", "expected_family"),
    [(["calming", "elegant"], "minimal_luxe"), (["energetic", "bold"], "neon_energy"),
     (["nostalgic"], "retro_film"), (["playful", "joyful"], "playful_pop"),
     (["innovative"], "tech_sleek"), (["mysterious", "dramatic"], "moody_cinematic")],
)  # fmt: skip
def test_the_first_direction_follows_the_tone(tones: list[str], expected_family: str) -> None:
    taste = BriefTaste.of(BriefFields(product_name="Nimbus", emotional_tone=tones))
    assert choose_families(taste, 1)[0].key == expected_family


def test_alternatives_contrast_with_the_first_and_each_other() -> None:
    rng = random.Random(7)
    for _ in range(300):
        chosen = choose_families(BriefTaste.of(random_brief(rng)), 3)
        for a, b in itertools.combinations(chosen, 2):
            assert distance(a, b) >= MIN_CONTRAST, (a.key, b.key)


def test_a_calm_luxury_serum_is_not_pitched_as_a_neon_rave() -> None:
    brief = example_briefs()[-1]  # serum.json
    assert brief.product_name == "Luxury Skincare Serum"
    keys = [f.key for f in choose_families(BriefTaste.of(brief), 3)]
    assert "neon_energy" not in keys and "urban_street" not in keys


def test_count_is_honoured_up_to_the_size_of_the_library() -> None:
    brief = example_briefs()[0]
    assert propose_moods(brief, 0) == []
    assert len(propose_moods(brief, 1)) == 1
    every = propose_moods(brief, 99)
    assert len(every) == len(FAMILIES)
    assert len({m.style_name for m in every}) == len(FAMILIES)


def test_random_briefs_always_get_three_distinct_valid_moods() -> None:
    rng = random.Random(42)
    for _ in range(300):
        brief = random_brief(rng)
        moods = propose_moods(brief, 3)
        assert_distinct_valid_moods(moods, brief)
        assert moods == propose_moods(brief, 3), "deterministic"


def test_moods_to_avoid_give_way_to_new_ones_until_the_library_runs_short() -> None:
    brief = BriefFields(product_name="Glow Serum", visual_style_keywords=["minimalist"])
    seen: list[str] = []
    for _ in range(len(FAMILIES) // 3):
        names = [m.style_name for m in propose_moods(brief, 3, avoid=seen)]
        assert not set(names) & set(seen)
        seen += names
    # Every family has been shown: the whole library is open again rather than offering nothing.
    assert_distinct_valid_moods(propose_moods(brief, 3, avoid=seen), brief)
