"""The local director never puts a claim on screen, or in a shot, that the brief does not make.

"Loved by students" on a lifestyle shot, "Start your free trial" on a closing card, "botanical
ingredients" in a serum shot: each states a fact the marketer never gave. Many briefs (the
examples shipped with Reelsmith, the products tried by hand, one per product category) go
through the local director's moods and plans; no scene description, shot idea or suggestion may
contain a claim phrase that is absent from the brief.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.models.creative_brief import BriefFields, CreativeBrief
from app.models.mood import MoodStyle
from app.providers.local.director.category import CATEGORIES, GENERIC, Category
from app.providers.local.director.claims import claims_in, invented_claims
from app.providers.local.director.extraction import Draft
from app.providers.local.director.moods import propose_moods
from app.providers.local.director.storyboard import plan
from app.providers.local.director.suggestions import suggest

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"

BRIEFS: dict[str, CreativeBrief] = {
    path.stem: CreativeBrief.model_validate(json.loads(path.read_text()))
    for path in sorted(EXAMPLES.glob("*.json"))
}
BRIEFS |= {
    "kiln mugs": CreativeBrief(
        product_name="Kiln & Co",
        product_description="Handmade ceramic mugs",
        target_audience="Remote workers who love a slow morning",
        emotional_tone=["warm", "cozy"],
        visual_style_keywords=["earthy", "ceramic", "morning light"],
        key_messages=["Each mug is one of a kind", "Made in Cornwall"],
    ),
    "seaside hotel": CreativeBrief(
        product_name="Saltmarsh",
        product_description="Boutique hotel by the sea",
        target_audience="Couples from London who want a quiet weekend away",
        emotional_tone=["calming", "romantic"],
        visual_style_keywords=["coastal", "linen", "soft light"],
        key_messages=["Twelve rooms, all with sea views", "Breakfast from the local bakery"],
    ),
    "budgeting app": CreativeBrief(
        product_name="Penny",
        product_description="Budgeting app",
        target_audience="Students",
        emotional_tone=["playful", "trustworthy"],
        visual_style_keywords=["bright", "pastel", "clean"],
        key_messages=["See where your money goes"],
    ),
    "neon energy drink": CreativeBrief(
        product_name="Hyperdrive",
        product_description="Neon energy drink",
        target_audience="Gamers",
        emotional_tone=["bold", "energetic"],
        visual_style_keywords=["neon", "black", "purple"],
        key_messages=["Zero sugar", "Made for late-night raids"],
    ),
    "a name and nothing else": CreativeBrief(product_name="Acme"),
}
# One brief per product category, named only by what it is: every template gets used.
BRIEFS |= {
    f"category {category.key}": CreativeBrief(
        product_name="Acme", product_description=category.keywords[0], target_audience="Students"
    )
    for category in CATEGORIES
}


def _plans(brief: CreativeBrief) -> list[tuple[str, str]]:
    """(where, text) for everything the director writes about this brief: the moods' shot ideas
    and every scene of a plan for each mood."""
    written: list[tuple[str, str]] = []
    for mood in propose_moods(brief, 3):
        written += [(f"{mood.style_name}, shot idea", prompt) for prompt in mood.image_prompts]
        style = MoodStyle(**mood.model_dump(exclude={"image_prompts"}))
        for scene in plan(brief, style).scenes:
            written.append((f"{mood.style_name}, scene {scene.scene_number}", scene.description))
    return written


@pytest.mark.parametrize("name", list(BRIEFS))
def test_no_scene_or_shot_states_a_claim_the_brief_does_not_make(name: str) -> None:
    brief = BRIEFS[name]
    invented = {
        where: found for where, text in _plans(brief) if (found := invented_claims(text, brief))
    }
    assert invented == {}


def test_the_brief_own_claims_still_reach_the_screen() -> None:
    brief = BRIEFS["running-shoes"]
    lettered = " ".join(text for _, text in _plans(brief))
    for message in brief.key_messages:
        assert f"On-screen text: “{message}”" in lettered, "each key message gets its scene"
    assert invented_claims(lettered, brief) == []
    assert "210" in lettered, "a number the brief gives is the brief's own claim"


@pytest.mark.parametrize(
    "text",
    [
        "On-screen text: “Loved by students”",
        "Our best-selling serum",
        "The award-winning roast",
        "The #1 app for students",
        "Clinically proven to hydrate",
        "Start your free trial today",
        "Visible results in two weeks",
        "30% off this week",
        "Made with botanical ingredients",
        "Loved by thousands",
    ],
)
def test_the_claim_check_catches_the_claims_the_issue_names(text: str) -> None:
    brief = BRIEFS["budgeting app"]
    assert invented_claims(text, brief), text
    said = brief.model_copy(update={"key_messages": [text]})
    assert invented_claims(text, said) == [], "the same words are fine once the brief says them"


def test_neutral_visual_language_is_no_claim() -> None:
    for text in (
        "Soft, natural light through a window",
        "Warm macro with soft, natural grain",
        "A single drop falls in slow motion",
        "A woman in her thirties smiles by the window",
    ):
        assert claims_in(text) == [], text


@pytest.mark.parametrize("category", [*CATEGORIES, GENERIC], ids=lambda c: c.key)
def test_suggested_key_messages_make_no_claims(category: Category) -> None:
    """A marketer who says "you decide" gets lines that state no fact about the product."""
    word = category.keywords[0] if category.keywords else "thing"
    draft = Draft(product_name="Acme", product_description=word)
    suggested = suggest("key_messages", draft, f"an ad for Acme, a {word}")
    assert suggested and isinstance(suggested, list)
    for message in suggested:
        assert claims_in(message) == [], message
        assert invented_claims(message, BriefFields(product_name="Acme")) == []
