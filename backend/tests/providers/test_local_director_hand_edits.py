"""The local director and the brief panel agree: it starts from the brief the studio shows.

The marketer may type any field by hand between two messages. The studio sends that brief with
the next message; the director takes it as the state of play, changes a field only when the
message asks, and never claims a change the returned brief does not contain.
"""

from __future__ import annotations

import pytest

from app.models.chat import ChatMessage
from app.models.creative_brief import BriefFields
from app.providers.local.director.conversation import compose_reply
from app.providers.local.director.extraction import extract_brief, read_conversation
from app.providers.local.director.questions import asked_field
from app.providers.local.director.suggestions import suggest
from tests.providers.test_local_director_conversation import PRODUCTS, assistant, user

FIELDS = tuple(BriefFields.model_fields)


def _complete_chat() -> list[ChatMessage]:
    return PRODUCTS["serum"].talk()


def _shown(messages: list[ChatMessage], **typed: object) -> BriefFields:
    """The brief the studio shows: the director's last reading, then the user's typing."""
    return extract_brief(messages, suggest).model_copy(update=typed)


def _turn(messages: list[ChatMessage], shown: BriefFields, text: str) -> tuple[BriefFields, str]:
    """Send `text` with the brief the studio shows; what comes back: the brief and the reply."""
    sent = [*messages, user(text)]
    return extract_brief(sent, suggest, shown), compose_reply(sent, shown)


def test_a_field_typed_by_hand_stays_when_the_message_asks_for_something_else() -> None:
    chat = _complete_chat()
    shown = _shown(chat, target_audience="Students")
    brief, reply = _turn(chat, shown, "Can you make it more playful?")
    assert brief.target_audience == "Students"
    assert brief.emotional_tone == ["fresh", "confident", "playful"]
    assert "Students" in reply, "the summary shows the audience the user typed"
    assert "Busy women" not in reply


def test_asking_in_chat_to_change_a_field_typed_by_hand_changes_it() -> None:
    chat = _complete_chat()
    shown = _shown(chat, target_audience="Students")
    brief, reply = _turn(chat, shown, "no wait, go back to couples from London")
    assert brief.target_audience == "Couples from London"
    assert "we're now speaking to couples from London" in reply
    assert "• Audience: Couples from London" in reply


def test_the_director_does_not_ask_for_a_field_the_user_filled_by_hand() -> None:
    opening = [user("Kiln & Co handmade ceramic mugs")]
    opening += [assistant(compose_reply(opening)), user("no photo yet")]
    chat = [*opening, assistant(compose_reply(opening))]
    assert asked_field(chat[-1].content) == "target_audience"
    shown = _shown(chat, target_audience="Couples from London", emotional_tone=["warm"])
    brief, reply = _turn(chat, shown, "Earthy colours, clay and morning light")
    assert brief.target_audience == "Couples from London"
    assert brief.emotional_tone == ["warm"]
    assert brief.visual_style_keywords == ["earthy", "ceramic", "morning light"]
    assert asked_field(reply) == "key_messages", "audience and tone were typed; the look is new"


def test_a_field_emptied_by_hand_is_asked_about_again() -> None:
    chat = _complete_chat()
    shown = _shown(chat, key_messages=[])
    brief, reply = _turn(chat, shown, "thanks!")
    assert brief.key_messages == []
    assert asked_field(reply) == "key_messages"
    assert "everything I need" not in reply


def test_a_product_renamed_by_hand_is_the_name_the_director_uses() -> None:
    chat = _complete_chat()
    shown = _shown(chat, product_name="Lumen Drops")
    brief, reply = _turn(chat, shown, "make it a bit more elegant")
    assert brief.product_name == "Lumen Drops"
    assert "Lumen Drops" in reply and "Glow Drops" not in reply


def test_without_a_brief_from_the_studio_the_conversation_alone_is_read() -> None:
    chat = _complete_chat()
    assert extract_brief(chat, suggest, None) == extract_brief(chat, suggest)
    assert compose_reply([*chat, user("thanks")], None) == compose_reply([*chat, user("thanks")])


EDITS: list[dict[str, object]] = [
    {},
    {"target_audience": "Students"},
    {"target_audience": ""},
    {"product_name": "Lumen Drops", "emotional_tone": ["bold"]},
    {"visual_style_keywords": ["pastel", "lavender"], "key_messages": ["Free shipping"]},
    {"emotional_tone": [], "key_messages": []},
]
MESSAGES = [
    "thanks!",
    "Actually, make it playful and bold",
    "no wait, go back to couples from London",
    "The name is Lumen",
    "Also mention that it's vegan",
    "Change the look to neon and black",
    "not sure, you decide",
]


@pytest.mark.parametrize("edit", EDITS)
@pytest.mark.parametrize("text", MESSAGES)
def test_the_reply_acknowledges_exactly_the_fields_the_returned_brief_changed(
    edit: dict[str, object], text: str
) -> None:
    chat = _complete_chat()
    shown = _shown(chat, **edit)
    sent = [*chat, user(text)]
    returned = extract_brief(sent, suggest, shown)
    acknowledged = read_conversation(sent, suggest, shown).turns[-1].changed
    differs = tuple(f for f in FIELDS if getattr(returned, f) != getattr(shown, f))
    assert acknowledged == differs
    for field, value in edit.items():
        if field not in differs:
            assert getattr(returned, field) == value, "a typed field changes only when asked"
