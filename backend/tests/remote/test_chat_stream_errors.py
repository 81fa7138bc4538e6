"""The chat never ends in a silent blank: whatever goes wrong in GPT-4o's stream reaches the
studio as an error it can show, with a stable code, in the AI SDK's UI message stream."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import ClientFactory
from tests.fakes.openai_api import FakeOpenAI
from tests.fakes.openai_stream import StreamTrouble

pytestmark = pytest.mark.anyio

CHAT = {"messages": [{"role": "user", "parts": [{"type": "text", "text": "A serum ad"}]}]}


async def chat_events(api: ClientFactory) -> list[Any]:
    async with api() as client:
        response = await client.post("/api/director/chat", json=CHAT)
    assert response.status_code == 200
    return [
        "[DONE]" if line == "data: [DONE]" else json.loads(line.removeprefix("data: "))
        for line in response.text.splitlines()
        if line.startswith("data: ")
    ]


def types_of(events: list[Any]) -> list[str]:
    return [event if isinstance(event, str) else event["type"] for event in events]


async def test_a_refusal_is_an_error_with_its_code_and_the_models_words_not_a_blank_reply(
    api: ClientFactory, fake_openai: FakeOpenAI
) -> None:
    fake_openai.stream_next("refusal", refusal="I'm sorry, I can't help with that.")
    events = await chat_events(api)
    assert types_of(events) == ["start", "data-error", "error", "finish", "[DONE]"]
    data, error = events[1], events[2]
    assert data["data"]["code"] == "provider_refused"
    assert "I'm sorry, I can't help with that." in data["data"]["message"]
    assert data["transient"] is True  # for the studio to show, not a part of the transcript
    assert error["errorText"] == data["data"]["message"]


@pytest.mark.parametrize(
    ("trouble", "code", "words"),
    [
        ("error", "provider_error", 3),
        ("drop", "provider_error", 3),
        ("content_filter", "provider_bad_output", 3),
        ("empty", "provider_bad_output", 0),
    ],
)
async def test_a_stream_that_goes_wrong_ends_with_an_error_part_and_a_code(
    api: ClientFactory, fake_openai: FakeOpenAI, trouble: StreamTrouble, code: str, words: int
) -> None:
    fake_openai.stream_next(trouble, words_before=words)
    events = await chat_events(api)
    types = types_of(events)
    # What was said before the trouble stays, in a closed text part; then the error.
    assert types.count("text-delta") == words
    assert types[-4:] == ["data-error", "error", "finish", "[DONE]"]
    if words:
        assert types[1] == "text-start" and types[-5] == "text-end"
    else:
        assert "text-start" not in types
    data, error = events[-4], events[-3]
    assert data["data"]["code"] == code
    assert error["errorText"] == data["data"]["message"]
    assert "data-brief" not in types
    # Nothing about the network or the provider's plumbing reaches the user.
    assert "127.0.0.1" not in error["errorText"] and "Traceback" not in error["errorText"]
