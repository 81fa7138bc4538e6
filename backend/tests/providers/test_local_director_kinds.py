"""The director understands what is advertised, whatever it is: a hotel is planned as arrival,
room, view and table, an app as a screen in a hand, a festival as a venue filling; none of them
borrows another category's object (the issue's hotel became a capsule bottle, the mugs coffee
beans). Each marketer chats from the first message to the summary, is asked once for a photo,
and says no.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from app.models.chat import ChatMessage
from app.models.creative_brief import BriefFields, CreativeBrief
from app.models.mood import MoodStyle
from app.models.scene import ScenePlan
from app.providers.local.director.claims import invented_claims
from app.providers.local.director.conversation import compose_reply
from app.providers.local.director.extraction import extract_brief
from app.providers.local.director.moods import BriefTaste, propose_moods
from app.providers.local.director.questions import PHOTOS, asked_field
from app.providers.local.director.storyboard import plan
from app.providers.local.director.suggestions import suggest
from app.providers.local.offering import Offering, offering_of
from app.providers.local.painting import cues
from app.providers.local.painting.vocabulary import Kind
from app.services.prompts import product_identity, seed_image_spec


@dataclass(frozen=True)
class Case:
    opening: str
    answers: dict[str, str]
    no_photo: str
    offering: Offering
    category: str
    must_show: tuple[str, ...]
    """Words the plan's scenes must hold between them: the moments this kind of thing is sold by."""
    model: Kind | None
    """What the painter draws for it (None: no product model, the name in type)."""


_OBJECTS = (
    "bottle", "bottles", "serum", "dropper", "capsule", "capsules", "jar", "can", "cans",
    "sneaker", "sneakers", "laces", "beans", "coffee", "espresso", "mug", "mugs", "cup", "laptop",
    "phone", "room key", "stage", "tools",
)  # fmt: skip
"""Things that belong to one category; a plan may name only its own."""

CASES: dict[str, Case] = {
    "boutique hotel": Case(
        "Hi! I need an ad for Saltmarsh, a boutique hotel by the sea",
        {
            "target_audience": "Couples from London who need a quiet weekend",
            "emotional_tone": "Calm and romantic",
            "visual_style_keywords": "Soft light, linen, sea blues",
            "key_messages": "Your weekend starts here; Wake up to the sea; Slow breakfasts",
        },
        "no",
        Offering.PLACE,
        "hospitality",
        ("arrival", "room", "view", "breakfast", "window"),
        None,
    ),
    "budgeting app": Case(
        "An ad for Penny, a budgeting app",
        {
            "target_audience": "Young professionals saving for a first home",
            "emotional_tone": "Confident and playful",
            "visual_style_keywords": "Bright pastel pop",
            "key_messages": "See where your money goes; Save without thinking",
        },
        "not yet",
        Offering.APP,
        "app",
        ("phone", "screen", "thumb"),
        Kind.PHONE,
    ),
    "music festival": Case(
        "We're Lowtide, a music festival on the coast",
        {
            "target_audience": "Friends 18-30 who love live music",
            "emotional_tone": "Energetic and joyful",
            "visual_style_keywords": "Golden hour, neon, film grain",
            "key_messages": "Three days by the sea; Be there; Bring your people",
        },
        "skip",
        Offering.EVENT,
        "event",
        ("venue fills", "crowd", "stage", "the moment"),
        None,
    ),
    "plumbing service": Case(
        "I need an ad for FlowRight, an emergency plumbing service",
        {
            "target_audience": "Homeowners with a leak that cannot wait",
            "emotional_tone": "Trustworthy and warm",
            "visual_style_keywords": "Clean, bright, blue and white",
            "key_messages": "We come to you; Help when you need it",
        },
        "No, we don't have photos",
        Offering.SERVICE,
        "service",
        ("door", "hands", "tools", "professional"),
        None,
    ),
    "handmade mugs": Case(
        "Kiln & Co handmade ceramic mugs",
        {
            "target_audience": "Couples from London",
            "emotional_tone": "Warm and cozy",
            "visual_style_keywords": "Earthy colours, clay and morning light",
            "key_messages": "Each mug is one of a kind; Made in Cornwall",
        },
        "nope",
        Offering.PRODUCT,
        "home",
        ("kiln & co handmade ceramic mugs", "room"),
        Kind.CUP,
    ),
    "energy drink": Case(
        "An ad for Volt Rush, a neon energy drink for gamers",
        {
            "target_audience": "Gamers and night-shift workers 18-30",
            "emotional_tone": "Energetic and bold",
            "visual_style_keywords": "Neon, black and electric blue",
            "key_messages": "Zero sugar; Focus that lasts",
        },
        "not now",
        Offering.PRODUCT,
        "beverage",
        ("can", "bubbles", "toast"),
        Kind.CAN,
    ),
}

_OWN_OBJECTS: dict[str, set[str]] = {
    "boutique hotel": set(),
    "budgeting app": {"phone"},
    "music festival": {"stage"},
    "plumbing service": {"tools"},
    "handmade mugs": {"mug", "mugs"},
    "energy drink": {"can", "cans"},
}


def _talk(case: Case) -> tuple[list[ChatMessage], list[str | None]]:
    transcript = [ChatMessage(role="user", content=case.opening)]
    asked: list[str | None] = []
    for _ in range(10):
        reply = compose_reply(transcript)
        transcript.append(ChatMessage(role="assistant", content=reply))
        field = asked_field(reply)
        asked.append(field)
        if field is None:
            return transcript, asked
        answer = case.no_photo if field == PHOTOS else case.answers[field]
        transcript.append(ChatMessage(role="user", content=answer))
    raise AssertionError(f"the conversation never completed: {asked}")


def _brief(case: Case) -> tuple[CreativeBrief, list[ChatMessage], list[str | None]]:
    transcript, asked = _talk(case)
    fields = extract_brief(transcript, suggest)
    assert fields.missing_fields() == [], fields
    return CreativeBrief(**fields.model_dump()), transcript, asked


def _plan(brief: CreativeBrief) -> tuple[ScenePlan, MoodStyle, list[str]]:
    mood = propose_moods(brief, 3)[0]
    style = MoodStyle(
        style_name=mood.style_name,
        style_keywords=mood.style_keywords,
        color_palette=mood.color_palette,
    )
    return plan(brief, style), style, mood.image_prompts


def _words(text: str, words: tuple[str, ...] | set[str]) -> set[str]:
    return {w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, re.I)}


@pytest.mark.parametrize("name", list(CASES))
def test_the_photo_question_is_asked_once_and_no_is_accepted(name: str) -> None:
    case = CASES[name]
    _, transcript, asked = _brief(case)
    assert asked.count(PHOTOS) == 1, asked
    assert asked[asked.index(PHOTOS) + 1] != PHOTOS
    after_no = transcript[asked.index(PHOTOS) * 2 + 3].content
    assert after_no.startswith(("No problem", "That's fine")), after_no
    assert "Vision step" in after_no, "says where a photo can still go"
    photo_question = transcript[asked.index(PHOTOS) * 2 + 1].content
    assert "“Your product and brand”" in photo_question, "names the studio's real upload area"
    assert asked[-1] is None and "Here" in transcript[-1].content, "ends on the summary"


@pytest.mark.parametrize("name", list(CASES))
def test_the_kind_is_recognised_from_what_the_marketer_said(name: str) -> None:
    case = CASES[name]
    brief, _, _ = _brief(case)
    assert (offering_of(product_identity(brief)) or Offering.PRODUCT) is case.offering
    category = BriefTaste.of(brief).category
    assert category.key == case.category
    assert (case.offering in category.offerings) is True


@pytest.mark.parametrize("name", list(CASES))
def test_the_plan_shows_what_this_kind_is_sold_by_and_nothing_of_another(name: str) -> None:
    case = CASES[name]
    brief, _, _ = _brief(case)
    scenes, _, image_prompts = _plan(brief)
    text = " ".join(s.description for s in scenes.scenes).lower()
    missing = [w for w in case.must_show if w not in text]
    assert not missing, f"{name}: the plan never shows {missing}: {text}"
    everything = f"{text} {' '.join(image_prompts).lower()}"
    strays = _words(everything, _OBJECTS) - _OWN_OBJECTS[name]
    assert not strays, f"{name}: another category's objects {strays} in: {everything}"
    for scene in scenes.scenes:
        assert invented_claims(scene.description, brief) == [], scene.description


@pytest.mark.parametrize("name", list(CASES))
def test_the_painter_draws_the_same_kind_the_director_planned(name: str) -> None:
    case = CASES[name]
    brief, _, _ = _brief(case)
    scenes, style, _ = _plan(brief)
    for index, scene in enumerate(scenes.scenes):
        last = index == len(scenes.scenes) - 1
        spec = seed_image_spec(scene, style, brief, last, scenes.scenes)
        assert cues.read(spec).model is case.model, f"{name}, scene {index + 1}"


def test_a_brief_with_photos_in_the_studio_is_never_asked_for_one() -> None:
    photos = {"product_images": ["/media/assets/" + "0" * 32 + "/product.png"]}
    answers = CASES["boutique hotel"].answers
    transcript = [ChatMessage(role="user", content="Saltmarsh, a boutique hotel by the sea")]
    for _ in range(len(answers)):
        shown = extract_brief(transcript[:-1]).model_copy(update=photos)
        reply = compose_reply(transcript, shown)
        field = asked_field(reply)
        assert field in answers and "photo" not in reply.lower(), reply
        transcript += [
            ChatMessage(role="assistant", content=reply),
            ChatMessage(role="user", content=answers[field]),
        ]
    shown = extract_brief(transcript[:-1]).model_copy(update=photos)
    assert asked_field(compose_reply(transcript, shown)) is None


def test_an_app_for_hotels_is_an_app_and_a_protein_bar_is_food() -> None:
    assert offering_of("a booking app for boutique hotels") is Offering.APP
    hotel_app = BriefFields(product_name="Roomly", product_description="a booking app for hotels")
    assert Offering.APP in BriefTaste.of(hotel_app).category.offerings
    assert (
        BriefTaste.of(
            BriefFields(product_name="Oomph", product_description="a protein bar")
        ).category.key
        == "food"
    )
