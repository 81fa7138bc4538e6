"""The local director as a marketer meets it: the chat, turn by turn.

A scripted marketer answers whatever the director asks; the tests check what a user would notice:
one question at a time, never one already answered, answers landing in the right field,
corrections winning, and a complete brief at the end.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pytest

from app.models.chat import ChatMessage
from app.models.creative_brief import BriefFields
from app.providers.local.director.conversation import compose_reply
from app.providers.local.director.extraction import extract_brief
from app.providers.local.director.questions import PHOTOS, QUESTIONS, asked_field
from app.providers.local.director.suggestions import suggest


def user(text: str) -> ChatMessage:
    return ChatMessage(role="user", content=text)


def assistant(text: str) -> ChatMessage:
    return ChatMessage(role="assistant", content=text)


def brief_of(messages: list[ChatMessage]) -> BriefFields:
    return extract_brief(messages, suggest)


@dataclass
class Marketer:
    """Opens with `opening`, then answers each question from `answers` (by field)."""

    opening: str
    answers: dict[str, str]
    transcript: list[ChatMessage] = field(default_factory=list)
    photo_questions: int = 0

    def talk(self, max_turns: int = 12) -> list[ChatMessage]:
        self.transcript = [user(self.opening)]
        self.photo_questions = 0
        for _ in range(max_turns):
            before = brief_of(self.transcript)
            reply = compose_reply(self.transcript)
            self.transcript.append(assistant(reply))
            asked = asked_field(reply)
            assert reply.count("?") == 1, f"one question per turn, got: {reply}"
            if asked is None:
                assert not before.missing_fields(), f"stopped asking too early: {reply}"
                return self.transcript
            if asked == PHOTOS:
                # Asked once, once the product is known; "no" is an answer.
                assert before.product_name and self.photo_questions == 0, reply
                self.photo_questions += 1
                self.transcript.append(user(self.answers.get(PHOTOS, "no")))
                continue
            assert asked in before.missing_fields() or asked == "product_name", (
                f"re-asked {asked} although it is known: {reply}"
            )
            self.transcript.append(user(self.answers[asked]))
        raise AssertionError("the conversation never completed")


PRODUCTS = {
    "serum": Marketer(
        opening="Hi! I need an ad for a vitamin C serum called Glow Drops.",
        answers={
            "target_audience": "Busy women 25-40.",
            "emotional_tone": "Fresh and confident.",
            "visual_style_keywords": "Bright citrus colours, minimalist.",
            "key_messages": "Visible results in two weeks.",
        },
    ),
    "energy drink": Marketer(
        opening="I want an ad for my energy drink Volt Rush",
        answers={
            "target_audience": "gamers and night-shift workers 18-30",
            "emotional_tone": "energetic, bold, a bit rebellious",
            "visual_style_keywords": "neon, black, electric blue, urban",
            "key_messages": "Zero sugar, focus that lasts, and it tastes like citrus lightning",
        },
    ),
    "running shoes": Marketer(
        opening=(
            "Can you make an ad for our new running shoes? They're called Stride One and "
            "they're for weekend runners training for their first marathon."
        ),
        answers={
            "emotional_tone": "Confident and energetic",
            "visual_style_keywords": "sporty, orange and blue, dawn light",
            "key_messages": "Cushioned for long runs; weighs just 210 g",
        },
    ),
    "b2b saas": Marketer(
        opening="We're launching Ledgerly, an invoicing app for finance teams at growing startups.",
        answers={
            "emotional_tone": "It should feel confident and trustworthy, not corporate",
            "visual_style_keywords": "clean, modern, blue and white, lots of glass",
            "key_messages": "Close the books in half the time and never chase an invoice again",
        },
    ),
    "coffee shop": Marketer(
        opening="hello",
        answers={
            "product_name": "It's my little coffee shop, Ember & Oak",
            "target_audience": "Remote workers who love a slow morning ritual",
            "emotional_tone": "warm and cozy",
            "visual_style_keywords": "wood, cream and morning light",
            "key_messages": "Small-batch roasted; delivered fresh every week; plastic-free packaging",
        },
    ),
}

EXPECTED = {
    "serum": BriefFields(
        product_name="Glow Drops",
        product_description="Vitamin C serum",
        target_audience="Busy women 25-40",
        emotional_tone=["fresh", "confident"],
        visual_style_keywords=["bright", "citrus", "minimalist"],
        key_messages=["Visible results in two weeks"],
    ),
    "energy drink": BriefFields(
        product_name="Volt Rush",
        product_description="Energy drink",
        target_audience="Gamers and night-shift workers 18-30",
        emotional_tone=["energetic", "bold", "rebellious"],
        visual_style_keywords=["neon", "black", "electric blue", "urban"],
        key_messages=["Zero sugar", "Focus that lasts", "It tastes like citrus lightning"],
    ),
    "running shoes": BriefFields(
        product_name="Stride One",
        product_description="Running shoes",
        target_audience="Weekend runners training for their first marathon",
        emotional_tone=["confident", "energetic"],
        visual_style_keywords=["sporty", "orange", "blue", "dawn light"],
        key_messages=["Cushioned for long runs", "Weighs just 210 g"],
    ),
    "b2b saas": BriefFields(
        product_name="Ledgerly",
        product_description="Invoicing app",
        target_audience="Finance teams at growing startups",
        emotional_tone=["confident", "trustworthy"],
        visual_style_keywords=["clean", "modern", "blue", "white", "glass"],
        key_messages=["Close the books in half the time", "Never chase an invoice again"],
    ),
    "coffee shop": BriefFields(
        product_name="Ember & Oak",
        product_description="Coffee shop",
        target_audience="Remote workers who love a slow morning ritual",
        emotional_tone=["warm", "cozy"],
        visual_style_keywords=["wood", "cream", "morning light"],
        key_messages=[
            "Small-batch roasted",
            "Delivered fresh every week",
            "Plastic-free packaging",
        ],
    ),
}


@pytest.mark.parametrize("product", list(PRODUCTS))
def test_a_realistic_conversation_ends_with_every_field_filled_correctly(product: str) -> None:
    transcript = PRODUCTS[product].talk()
    brief = brief_of(transcript)
    assert brief == EXPECTED[product]
    assert brief.missing_fields() == []
    closing = transcript[-1].content
    assert "choose a mood" in closing and brief.product_name in closing
    assert "Generate moods" not in closing, "the studio has no button by that name"
    for message in brief.key_messages:
        assert message in closing, "the summary repeats the brief back"


@pytest.mark.parametrize("product", list(PRODUCTS))
def test_each_answer_is_reflected_back_before_the_next_question(product: str) -> None:
    transcript = PRODUCTS[product].talk()
    for index, reply in enumerate(transcript):
        if reply.role != "assistant":
            continue
        before, after = brief_of(transcript[: index - 1]), brief_of(transcript[:index])
        text = reply.content.lower()
        if after.product_name != before.product_name:
            assert after.product_name.lower() in text
        if after.target_audience != before.target_audience:
            assert after.target_audience.lower() in text
        for tone in set(after.emotional_tone) - set(before.emotional_tone):
            assert tone in text
        for style in set(after.visual_style_keywords) - set(before.visual_style_keywords):
            assert style in text
        for message in set(after.key_messages) - set(before.key_messages):
            assert message.lower() in text


def test_the_director_asks_in_a_fixed_order_one_field_at_a_time() -> None:
    transcript = PRODUCTS["coffee shop"].talk()
    asked = [asked_field(m.content) for m in transcript if m.role == "assistant"]
    assert asked == [
        "product_name",
        PHOTOS,
        "target_audience",
        "emotional_tone",
        "visual_style_keywords",
        "key_messages",
        None,
    ]


def test_everything_in_one_message_completes_the_brief_at_once() -> None:
    messages = [
        user(
            "It's a vitamin C serum called Glow Drops for busy women 25-40, I want it to feel "
            "fresh and confident, bright citrus colours, the main point is visible results in "
            "2 weeks"
        )
    ]
    brief = brief_of(messages)
    assert brief == BriefFields(
        product_name="Glow Drops",
        product_description="Vitamin C serum",
        target_audience="Busy women 25-40",
        emotional_tone=["fresh", "confident"],
        visual_style_keywords=["bright", "citrus"],
        key_messages=["Visible results in 2 weeks"],
    )
    reply = compose_reply(messages)
    assert asked_field(reply) == PHOTOS, "the photo question still comes, once"
    messages += [assistant(reply), user("no")]
    reply = compose_reply(messages)
    assert asked_field(reply) is None
    assert "Glow Drops" in reply and "• Key messages: Visible results in 2 weeks" in reply


def test_the_opening_turn_greets_and_asks_for_the_product() -> None:
    for opening in ([], [user("hi")], [user("Hello there!")]):
        reply = compose_reply(opening)
        assert reply.startswith("Hi!")
        assert asked_field(reply) == "product_name"
        assert "“" in reply, "every question carries an example"


def test_the_introduction_is_not_repeated_after_the_director_has_given_it() -> None:
    greeting = compose_reply([])
    reply = compose_reply([assistant(greeting), user("hey")])
    assert "five things" in greeting and "five things" not in reply
    assert asked_field(reply) == "product_name"


def test_an_answer_fills_the_field_that_was_asked_even_without_keywords() -> None:
    asked = {
        "product_name": ("What's the product called?", "Lumen", "Lumen"),
        "target_audience": ("Who is it for?", "Night owls", "Night owls"),
        "key_messages": ("What must people remember?", "It ships free", ["It ships free"]),
        "emotional_tone": ("How should it feel?", "Like a crisp autumn walk", ["fresh"]),
        "visual_style_keywords": ("And the look?", "Think Apple ads", ["apple ads"]),
    }
    for name, (question, answer, expected) in asked.items():
        assert getattr(brief_of([assistant(question), user(answer)]), name) == expected, name
        # The same words with no question before them are not enough to fill the field.
        if name != "emotional_tone":
            assert not getattr(brief_of([user(answer)]), name), name


def test_generic_questions_from_another_director_are_understood() -> None:
    turns = [
        assistant("Lovely. What's the product, and what's it called?"),
        user("Glow Drops"),
        assistant("Who is it for?"),
        user("Busy women 25-40."),
        assistant("How should it feel?"),
        user("Fresh and confident."),
        assistant("And how should it look?"),
        user("Bright citrus colours, minimalist."),
        assistant("What is the one thing people must remember?"),
        user("Visible results in two weeks."),
    ]
    # Nothing in this chat says what Glow Drops is.
    assert brief_of(turns) == EXPECTED["serum"].model_copy(update={"product_description": ""})


def test_corrections_win_over_what_was_said_before() -> None:
    transcript = PRODUCTS["serum"].talk()
    corrections = [
        ("Actually the name is Lumen Drops", "product_name", "Lumen Drops"),
        ("No, it's for men 30-50", "target_audience", "Men 30-50"),
        ("Actually, make it playful and bold", "emotional_tone", ["playful", "bold"]),
        ("Change the look to pastel and lavender", "visual_style_keywords", ["pastel", "lavender"]),
        ("Actually the main message is free shipping", "key_messages", ["Free shipping"]),
    ]
    for text, name, expected in corrections:
        transcript = [*transcript, user(text)]
        reply = compose_reply(transcript)
        transcript.append(assistant(reply))
        brief = brief_of(transcript)
        assert getattr(brief, name) == expected, text
        assert "updated brief" in reply, "a change after completion shows the new summary"
    assert brief.product_name == "Lumen Drops" and brief.target_audience == "Men 30-50"


def test_adding_to_a_list_keeps_what_was_there() -> None:
    transcript = [*PRODUCTS["serum"].talk(), user("Also mention that it's vegan")]
    brief = brief_of(transcript)
    assert brief.key_messages == ["Visible results in two weeks", "It's vegan"]
    transcript.append(user("and make it a bit more playful too"))
    assert brief_of(transcript).emotional_tone == ["fresh", "confident", "playful"]


def test_a_delegated_field_gets_a_suggestion_the_brief_keeps() -> None:
    opening = [user("An ad for our energy drink Volt Rush, for gamers 18-30")]
    opening += [assistant(compose_reply(opening)), user("not yet")]
    messages = [*opening, assistant(compose_reply(opening)), user("not sure, you decide")]
    assert asked_field(messages[1].content) == PHOTOS
    assert asked_field(messages[3].content) == "emotional_tone"
    brief = brief_of(messages)
    assert brief.emotional_tone == ["energetic", "bold"]
    reply = compose_reply(messages)
    assert "energetic and bold" in reply and "suggestion" in reply.lower()
    assert asked_field(reply) == "visual_style_keywords"


def _question_sentence(reply: str) -> str:
    return next(part for part in reply.replace("? ", "?\n").split("\n") if part.endswith("?"))


def test_a_product_cannot_be_delegated_and_is_asked_again_in_other_words() -> None:
    first = compose_reply([])
    messages = [assistant(first), user("no idea")]
    reply = compose_reply(messages)
    assert asked_field(reply) == "product_name"
    assert _question_sentence(reply) != _question_sentence(first)
    assert brief_of(messages).product_name == ""


def test_a_described_product_gets_one_follow_up_for_its_name() -> None:
    messages = [user("I run a coffee shop")]
    reply = compose_reply(messages)
    assert "name" in reply and asked_field(reply) == "product_name"
    assert brief_of(messages).product_name == "Coffee shop"
    messages += [assistant(reply), user("No name yet")]
    assert brief_of(messages).product_name == "Coffee shop", "'no name yet' is not a name"
    assert asked_field(compose_reply(messages)) == PHOTOS, "asked once, not again"
    named = [user("I run a coffee shop"), assistant(reply), user("Ember & Oak")]
    assert brief_of(named).product_name == "Ember & Oak"


def test_negated_words_are_not_taken() -> None:
    brief = brief_of([user("Glow Drops. It should feel calm, not corporate, and no pink please")])
    assert brief.emotional_tone == ["calming"]
    assert "pink" not in brief.visual_style_keywords


def test_a_user_introducing_themselves_is_not_the_product() -> None:
    brief = brief_of([user("Hi, my name is Sarah and I sell handmade candles")])
    assert brief.product_name == "Handmade candles"


def test_phrasing_varies_between_conversations_but_not_between_runs() -> None:
    questions = set()
    for marketer in PRODUCTS.values():
        transcript = marketer.talk()
        again = Marketer(marketer.opening, marketer.answers).talk()
        assert transcript == again, "same conversation, same replies"
        questions |= {m.content.split("?")[0][-40:] for m in transcript if m.role == "assistant"}
    assert len(questions) >= 8, "questions are not all worded the same way"


def test_every_question_wording_is_recognised_as_its_own_field() -> None:
    for name, options in QUESTIONS.items():
        for option in options:
            assert asked_field(f"Great, noted. {option}") == name, option


def test_random_conversations_never_crash_and_stay_valid() -> None:
    rng = random.Random(20240601)
    vocabulary = (
        'serum coffee called Glow for women 25-40 feel calm bold neon gold white "Zap" '
        "actually not no main point is fast and cheap; aimed at teens, look retro film "
        "who what ? ! . , — 🙂 é Ünïcödé {p} {who} %s \\n"
    )
    words = vocabulary.split()
    for _ in range(150):
        messages: list[ChatMessage] = []
        for turn in range(rng.randint(1, 6)):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
            messages.append(user(text) if turn % 2 == 0 else assistant(text))
        brief = brief_of(messages)
        BriefFields.model_validate(brief.model_dump())
        reply = compose_reply(messages)
        assert reply.strip() and len(reply) < 3000


def test_a_question_from_the_marketer_is_not_taken_as_an_answer() -> None:
    messages = [assistant(compose_reply([])), user("What do you need from me?")]
    assert brief_of(messages).product_name == ""
    reply = compose_reply(messages)
    assert reply.startswith("Happy to explain.") and asked_field(reply) == "product_name"


def test_a_described_answer_to_the_product_question_gets_the_name_follow_up_once() -> None:
    messages = [assistant(compose_reply([])), user("a vitamin C serum")]
    reply = compose_reply(messages)
    assert reply.startswith("A vitamin C serum") and "Does it have a name?" in reply
    messages += [assistant(reply), user("Glow Drops")]
    assert brief_of(messages).product_name == "Glow Drops"
    assert asked_field(compose_reply(messages)) == PHOTOS


def test_changes_asked_as_questions_are_still_changes() -> None:
    transcript = PRODUCTS["serum"].talk()
    for text, name, expected in [
        ("Can we target men instead?", "target_audience", "Men"),
        ("Could the audience be students?", "target_audience", "Students"),
        ("Can you make it more playful?", "emotional_tone", ["fresh", "confident", "playful"]),
    ]:
        messages = [*transcript, user(text)]
        assert getattr(brief_of(messages), name) == expected, text
        assert "updated brief" in compose_reply(messages)
