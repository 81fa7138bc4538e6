"""Answers the local director used to misfile, each as the conversation a marketer had.

Reported as "Product: Remote, Audience: Warm, cozy — That's everything I need": a product named
in passing was missed, and every later answer landed one field off. Each test replays such a
chat and checks what the user sees: the brief beside the chat, and what the director says.
"""

from __future__ import annotations

import pytest

from app.models.chat import ChatMessage
from app.models.creative_brief import BriefFields
from app.providers.local.director.conversation import compose_reply
from app.providers.local.director.questions import DESCRIPTION_QUESTION, PHOTOS, asked_field
from app.providers.local.director.text import with_article
from tests.providers.test_local_director_conversation import (
    PRODUCTS,
    Marketer,
    assistant,
    brief_of,
    user,
)

KILN = BriefFields(
    product_name="Kiln & Co",
    product_description="Handmade ceramic mugs",
    target_audience="Remote workers who love a slow morning",
    emotional_tone=["warm", "cozy"],
    visual_style_keywords=["earthy", "ceramic", "morning light"],
    key_messages=["Each mug is one of a kind", "Made in Cornwall"],
)
KILN_ANSWERS = {
    "target_audience": "Remote workers who love a slow morning",
    "emotional_tone": "Warm, cozy",
    "visual_style_keywords": "earthy, clay, morning light",
    "key_messages": "Each mug is one of a kind; made in Cornwall",
}


def _after(question_field: str) -> ChatMessage:
    """The director's own question for a field, as the studio would have shown it."""
    transcripts = [Marketer(m.opening, m.answers).talk() for m in PRODUCTS.values()]
    for transcript in transcripts:
        for message in transcript:
            if message.role == "assistant" and asked_field(message.content) == question_field:
                return message
    raise AssertionError(f"no question for {question_field}")


@pytest.mark.parametrize(
    "opening",
    [
        "Kiln & Co handmade ceramic mugs",
        "Kiln & Co — handmade ceramic mugs",
        "Kiln & Co: handmade ceramic mugs",
        "Kiln & Co. Handmade ceramic mugs.",
        "Hi! Kiln & Co handmade ceramic mugs",
        "handmade ceramic mugs by Kiln & Co",
        "Kiln & Co makes handmade ceramic mugs",
        "We're Kiln & Co, we make handmade ceramic mugs",
    ],
)
@pytest.mark.parametrize("greeted", [False, True])
def test_a_name_and_what_it_is_as_the_first_message_are_understood(
    opening: str, greeted: bool
) -> None:
    messages = [assistant(compose_reply([])), user(opening)] if greeted else [user(opening)]
    brief = brief_of(messages)
    assert brief.product_name == "Kiln & Co"
    assert brief.product_description == "Handmade ceramic mugs"
    assert brief.visual_style_keywords == [], "'handmade ceramic' describes the mugs, not a look"
    reply = compose_reply(messages)
    assert "Kiln & Co" in reply and "handmade ceramic mugs" in reply
    assert asked_field(reply) == PHOTOS, "the product is known: ask the next thing"


def test_the_reported_chat_files_every_answer_under_the_question_it_answers() -> None:
    transcript = Marketer("Kiln & Co handmade ceramic mugs", KILN_ANSWERS).talk()
    assert brief_of(transcript) == KILN
    asked = [asked_field(m.content) for m in transcript if m.role == "assistant"]
    assert asked == [
        PHOTOS,
        "target_audience",
        "emotional_tone",
        "visual_style_keywords",
        "key_messages",
        None,
    ]
    summary = transcript[-1].content
    assert "• Product: Kiln & Co (handmade ceramic mugs)" in summary
    assert "• Audience: Remote workers who love a slow morning" in summary


@pytest.mark.parametrize(
    ("asked", "answer", "field", "value"),
    [
        ("target_audience", "Warm, cozy", "emotional_tone", ["warm", "cozy"]),
        ("product_name", "Remote workers who love a slow morning", "target_audience",
         "Remote workers who love a slow morning"),
        ("emotional_tone", "couples from London", "target_audience", "Couples from London"),
    ],
)  # fmt: skip
def test_an_answer_that_plainly_belongs_elsewhere_goes_there_not_under_the_question(
    asked: str, answer: str, field: str, value: object
) -> None:
    messages = [assistant(_after(asked).content), user(answer)]
    brief = brief_of(messages)
    assert getattr(brief, field) == value
    assert not getattr(brief, asked), f"{answer!r} is no {asked}"
    reply = compose_reply(messages)
    assert "That's everything I need" not in reply
    assert asked_field(reply) in brief.missing_fields()


def test_naming_the_product_while_asked_about_the_audience_sets_only_the_name() -> None:
    messages = [
        user("Handmade ceramic mugs"),
        assistant(compose_reply([user("Handmade ceramic mugs")])),
        user("Ok"),
    ]
    messages += [assistant(compose_reply(messages)), user("not yet")]
    messages.append(assistant(compose_reply(messages)))
    assert asked_field(messages[-1].content) == "target_audience"
    messages.append(user("The name is Kiln & Co"))
    brief = brief_of(messages)
    assert brief.product_name == "Kiln & Co"
    assert brief.product_description == "Handmade ceramic mugs"
    assert brief.target_audience == "", "a lone 'The' is no audience"
    reply = compose_reply(messages)
    assert "Kiln & Co" in reply and asked_field(reply) == "target_audience"


@pytest.mark.parametrize(
    "message",
    [
        "Kiln & Co handmade ceramic mugs for couples from London, warm and cozy, earthy look, "
        "key messages: each mug is one of a kind; made in Cornwall; dishwasher safe",
        "An ad for Kiln & Co, handmade ceramic mugs for couples from London; it should feel warm "
        "and cozy; earthy, clay and morning light; each mug is one of a kind; made in Cornwall; "
        "dishwasher safe",
        "Product: Kiln & Co handmade ceramic mugs. Audience: couples from London. Tone: warm, "
        "cozy. Look: earthy, clay. Messages: each mug is one of a kind; made in Cornwall; "
        "dishwasher safe",
        "Product name: Kiln & Co\nAudience: couples from London\nTone: warm, cozy\n"
        "Style: earthy, clay\nKey messages: each mug is one of a kind; made in Cornwall; "
        "dishwasher safe",
    ],
)
def test_every_semicolon_separated_message_of_a_one_message_brief_is_kept(message: str) -> None:
    brief = brief_of([user(message)])
    assert brief.key_messages == [
        "Each mug is one of a kind",
        "Made in Cornwall",
        "Dishwasher safe",
    ]
    assert brief.product_name == "Kiln & Co"
    assert brief.target_audience == "Couples from London"
    assert brief.emotional_tone == ["warm", "cozy"]
    chat = [user(message)]
    reply = compose_reply(chat)
    if not brief.product_description:  # a name alone: what it is comes first
        assert DESCRIPTION_QUESTION in reply
        chat += [assistant(reply), user("skip")]
        reply = compose_reply(chat)
        assert "Skip" not in reply and DESCRIPTION_QUESTION not in reply, "asked once"
    assert asked_field(reply) == PHOTOS
    reply = compose_reply([*chat, assistant(reply), user("skip")])
    assert asked_field(reply) is None, "nothing is missing: the director sums up"
    assert "• Key messages: Each mug is one of a kind; Made in Cornwall; Dishwasher safe" in reply


def test_no_wait_go_back_replaces_the_audience() -> None:
    messages = [user("An ad for Kiln & Co handmade ceramic mugs for young families")]
    messages += [assistant(compose_reply(messages)), user("nope")]
    messages.append(assistant(compose_reply(messages)))
    assert asked_field(messages[-1].content) == "emotional_tone"
    messages.append(user("no wait, go back to couples from London"))
    brief = brief_of(messages)
    assert brief.target_audience == "Couples from London"
    assert brief.emotional_tone == [], "the correction is no answer about the tone"
    reply = compose_reply(messages)
    assert "couples from London" in reply and asked_field(reply) == "emotional_tone"


def test_a_reply_never_names_a_button_the_studio_does_not_have() -> None:
    for marketer in [*PRODUCTS.values(), Marketer("Kiln & Co handmade ceramic mugs", KILN_ANSWERS)]:
        transcript = Marketer(marketer.opening, marketer.answers).talk()
        transcript += [user("thanks!")]
        transcript.append(assistant(compose_reply(transcript)))
        for message in transcript:
            assert "Generate moods" not in message.content
        assert "choose a mood" in transcript[-1].content


@pytest.mark.parametrize(
    ("phrase", "written"),
    [
        ("handmade ceramic mugs", "handmade ceramic mugs"),
        ("cold brew coffee", "cold brew coffee"),
        ("running shoes", "running shoes"),
        ("energy drink", "an energy drink"),
        ("coffee shop", "a coffee shop"),
        ("boutique hotel by the sea", "a boutique hotel by the sea"),
        ("unique candle", "a unique candle"),
        ("SPF moisturiser", "an SPF moisturiser"),
    ],
)
def test_articles_fit_plurals_and_mass_nouns(phrase: str, written: str) -> None:
    assert with_article(phrase) == written


@pytest.mark.parametrize("described", ["handmade ceramic mugs", "cold brew coffee"])
def test_a_described_product_is_never_given_a_singular_article(described: str) -> None:
    for messages in (
        [user(f"We sell {described}")],
        [assistant(compose_reply([])), user(described)],
    ):
        reply = compose_reply(messages)
        assert f"A {described}" not in reply and f"a {described}" not in reply
        assert reply.startswith(described[:1].upper() + described[1:])


OTHER_PRODUCTS = {
    "boutique hotel": (
        Marketer(
            opening="Saltmarsh, a boutique hotel by the sea",
            answers={
                "target_audience": "couples from London who want a quiet weekend away",
                "emotional_tone": "calm and romantic",
                "visual_style_keywords": "coastal, linen, soft light",
                "key_messages": "Twelve rooms, all with sea views; breakfast from the local bakery",
            },
        ),
        BriefFields(
            product_name="Saltmarsh",
            product_description="Boutique hotel by the sea",
            target_audience="Couples from London who want a quiet weekend away",
            emotional_tone=["calming", "romantic"],
            visual_style_keywords=["coastal", "linen", "soft light"],
            key_messages=["Twelve rooms, all with sea views", "Breakfast from the local bakery"],
        ),
    ),
    "budgeting app": (
        Marketer(
            opening="Budget app for students",
            answers={
                "product_name": "Penny",
                "emotional_tone": "playful but trustworthy",
                "visual_style_keywords": "bright pastel colours, clean",
                "key_messages": "See where your money goes; no spreadsheets",
            },
        ),
        BriefFields(
            product_name="Penny",
            product_description="Budget app",
            target_audience="Students",
            emotional_tone=["playful", "trustworthy"],
            visual_style_keywords=["bright", "pastel", "clean"],
            key_messages=["See where your money goes", "No spreadsheets"],
        ),
    ),
    "neon energy drink": (
        Marketer(
            opening="A neon energy drink for gamers called Hyperdrive",
            answers={
                "emotional_tone": "bold and electric",
                "visual_style_keywords": "neon, black, purple",
                "key_messages": "Zero sugar; made for late-night raids",
            },
        ),
        BriefFields(
            product_name="Hyperdrive",
            product_description="Neon energy drink",
            target_audience="Gamers",
            emotional_tone=["bold", "energetic"],
            visual_style_keywords=["neon", "black", "purple"],
            key_messages=["Zero sugar", "Made for late-night raids"],
        ),
    ),
}


@pytest.mark.parametrize("product", list(OTHER_PRODUCTS))
def test_other_ordinary_products_end_with_the_brief_the_marketer_gave(product: str) -> None:
    marketer, expected = OTHER_PRODUCTS[product]
    transcript = marketer.talk()
    assert brief_of(transcript) == expected
    assert f"• Product: {expected.product_name}" in transcript[-1].content


@pytest.mark.parametrize(
    ("opening", "name", "what"),
    [
        ("Hi, I'm Sam from Kiln & Co", "Kiln & Co", ""),
        ("hello there, I'm Sam", "", ""),
        ("My bakery, Crumb & Co, needs an ad", "Crumb & Co", "Bakery"),
        ("Gym membership at FitHub", "FitHub", "Gym membership"),
        ("Spotify Premium for students", "Spotify Premium", ""),
        ("Saltmarsh, a boutique hotel by the sea", "Saltmarsh", "Boutique hotel by the sea"),
        ("Budget app for students", "Budget app", "Budget app"),
        ("Women 25-40, mostly city professionals", "", ""),
        ("Fresh and bold please", "", ""),
    ],
)  # fmt: skip
def test_other_first_messages_name_the_product_or_leave_it_open(
    opening: str, name: str, what: str
) -> None:
    brief = brief_of([user(opening)])
    assert (brief.product_name, brief.product_description) == (name, what)
