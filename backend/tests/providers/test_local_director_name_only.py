"""A product named without saying what it is: the director asks what it is, once, before the
photo question; a "no photo" said at any point is about photos, never an answer to the question."""

from __future__ import annotations

from app.models.chat import ChatMessage
from app.providers.local.director.conversation import compose_reply
from app.providers.local.director.extraction import extract_brief
from app.providers.local.director.questions import DESCRIPTION_QUESTION, PHOTOS, asked_field
from app.providers.local.director.suggestions import suggest


def _chat(*said: str) -> tuple[list[ChatMessage], list[str]]:
    """Play the marketer's lines against the director; return the transcript and its replies."""
    messages: list[ChatMessage] = []
    replies = []
    for line in said:
        messages.append(ChatMessage(role="user", content=line))
        reply = compose_reply(messages)
        replies.append(reply)
        messages.append(ChatMessage(role="assistant", content=reply))
    return messages, replies


def test_a_name_alone_is_followed_by_what_it_is_and_the_answer_is_the_description() -> None:
    messages, replies = _chat(
        "It's called Saltmarsh.",
        "A boutique hotel by the sea in Norfolk",
        "no photo yet",
        "Couples from London who want a quiet weekend",
    )
    assert DESCRIPTION_QUESTION in replies[0]
    assert asked_field(replies[1]) == PHOTOS, "what it is, then the photo"
    assert "add it in the Vision step whenever" not in replies[1], "a description is no yes"
    brief = extract_brief(messages, suggest)
    assert brief.product_name == "Saltmarsh"
    assert brief.product_description == "Boutique hotel by the sea in Norfolk"
    assert brief.target_audience == "Couples from London who want a quiet weekend"
    assert sum(DESCRIPTION_QUESTION in reply for reply in replies) == 1


def test_no_photo_said_while_another_question_is_open_fills_nothing() -> None:
    messages, replies = _chat(
        "Kiln & Co handmade ceramic mugs",
        "yes, I'll upload one",
        "no photos, sorry",
        "couples who love slow mornings",
    )
    assert replies[1].startswith("Great — add it in the Vision step")
    assert asked_field(replies[1]) == "target_audience"
    assert asked_field(replies[2]) == "target_audience", "still waiting for the audience"
    brief = extract_brief(messages, suggest)
    assert brief.target_audience == "Couples who love slow mornings"
    assert DESCRIPTION_QUESTION not in " ".join(replies), "the description came with the name"


def test_skipping_what_it_is_is_accepted_and_not_asked_again() -> None:
    messages, replies = _chat("It's called Orbit.", "skip", "no")
    assert DESCRIPTION_QUESTION in replies[0]
    assert asked_field(replies[1]) == PHOTOS
    assert asked_field(replies[2]) == "target_audience"
    assert extract_brief(messages, suggest).product_description == ""
