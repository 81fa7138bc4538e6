from __future__ import annotations

import json
from typing import Any

import pytest

from app.providers.registry import Providers
from tests.conftest import ClientFactory
from tests.utils.factories import fake_providers
from tests.utils.fakes import BrokenDirector, FakeImages, FakeMotion, FakeMusic

pytestmark = pytest.mark.anyio


def _ui(role: str, text: str, index: int) -> dict[str, Any]:
    """A message as `useChat` sends it."""
    return {"id": f"m{index}", "role": role, "parts": [{"type": "text", "text": text}]}


def _events(body: str) -> list[Any]:
    events = []
    for block in body.split("\n\n"):
        if block.startswith("data: "):
            payload = block.removeprefix("data: ")
            events.append(payload if payload == "[DONE]" else json.loads(payload))
    return events


async def test_chat_streams_the_ai_sdk_ui_message_protocol(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        response = await client.post(
            "/api/director/chat",
            json={"id": "chat-1", "messages": [_ui("user", "I want an ad for my product", 0)]},
        )
    assert response.status_code == 200
    assert response.headers["x-vercel-ai-ui-message-stream"] == "v1"
    assert response.headers["content-type"].startswith("text/event-stream")
    events = _events(response.text)
    types = [e if isinstance(e, str) else e["type"] for e in events]
    assert types[0] == "start" and types[1] == "text-start"
    assert types[-3:] == ["data-brief", "finish", "[DONE]"]
    reply = "".join(e["delta"] for e in events if isinstance(e, dict) and e["type"] == "text-delta")
    assert "?" in reply, "with nothing known yet, the director asks a question"
    assert events[types.index("data-brief")]["data"]["complete"] is False


async def test_brief_is_synthesized_from_the_conversation(api: ClientFactory) -> None:
    turns = [
        ("user", "Hi! I need an ad for a vitamin C serum called Glow Drops."),
        ("assistant", "Lovely. Do you have a photo of the product?"),
        ("user", "Not yet."),
        ("assistant", "No problem. Who is it for?"),
        ("user", "Busy women 25-40."),
        ("assistant", "How should it feel?"),
        ("user", "Fresh and confident."),
        ("assistant", "And how should it look?"),
        ("user", "Bright citrus colours, minimalist."),
        ("assistant", "What is the one thing people must remember?"),
        ("user", "Visible results in two weeks."),
    ]
    messages = [_ui(role, text, i) for i, (role, text) in enumerate(turns)]
    async with api(fake_providers()) as client:
        response = await client.post("/api/director/brief", json={"messages": messages})
        streamed = await client.post("/api/director/chat", json={"messages": messages})
    assert response.status_code == 200, response.text
    body = response.json()
    brief = body["creative_brief"]
    assert brief["product_name"] == "Glow Drops"
    assert "25-40" in brief["target_audience"]
    assert brief["emotional_tone"] and brief["visual_style_keywords"] and brief["key_messages"]
    assert body["complete"] is True and body["missing_fields"] == []
    data = next(
        e for e in _events(streamed.text) if isinstance(e, dict) and e["type"] == "data-brief"
    )
    assert data["data"] == body


async def test_plain_content_messages_are_accepted_too(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        response = await client.post(
            "/api/director/brief",
            json={
                "messages": [{"role": "user", "content": "An ad for a sneaker called Stride One"}]
            },
        )
    assert response.status_code == 200
    assert response.json()["creative_brief"]["product_name"] == "Stride One"


@pytest.mark.parametrize(
    "body",
    [
        {"messages": []},
        {"messages": [{"role": "robot", "content": "hi"}]},
        {"messages": [{"role": "user", "content": "x" * 9000}]},
        {},
    ],
)
async def test_bad_chat_requests_are_422(api: ClientFactory, body: dict[str, Any]) -> None:
    async with api(fake_providers()) as client:
        chat = await client.post("/api/director/chat", json=body)
        brief = await client.post("/api/director/brief", json=body)
    assert chat.status_code == 422 and brief.status_code == 422


async def test_a_director_failing_mid_stream_ends_with_an_error_part(api: ClientFactory) -> None:
    providers = Providers(
        director=BrokenDirector(), images=FakeImages(), motion=FakeMotion(), music=FakeMusic()
    )
    async with api(providers) as client:
        response = await client.post(
            "/api/director/chat", json={"messages": [_ui("user", "hello", 0)]}
        )
    events = _events(response.text)
    errors = [e for e in events if isinstance(e, dict) and e["type"] == "error"]
    assert errors == [{"type": "error", "errorText": "The director lost its train of thought."}]
    assert events[-1] == "[DONE]"


def _serum_chat() -> list[dict[str, Any]]:
    turns = [
        ("user", "Hi! I need an ad for a vitamin C serum called Glow Drops."),
        ("assistant", "Lovely. Do you have a photo of the product?"),
        ("user", "Not yet."),
        ("assistant", "No problem. Who is it for?"),
        ("user", "Busy women 25-40."),
        ("assistant", "How should it feel?"),
        ("user", "Fresh and confident."),
        ("assistant", "And how should it look?"),
        ("user", "Bright citrus colours, minimalist."),
        ("assistant", "What is the one thing people must remember?"),
        ("user", "Visible results in two weeks."),
        ("assistant", "We have a brief!"),
    ]
    return [_ui(role, text, i) for i, (role, text) in enumerate(turns)]


async def _chat_with_brief(
    api: ClientFactory, text: str, shown: dict[str, Any]
) -> tuple[str, dict[str, Any]]:
    messages = [*_serum_chat(), _ui("user", text, 99)]
    async with api(fake_providers()) as client:
        before = await client.post("/api/director/brief", json={"messages": messages[:-1]})
        brief = {**before.json()["creative_brief"], **shown}
        response = await client.post(
            "/api/director/chat", json={"messages": messages, "creative_brief": brief}
        )
    assert response.status_code == 200, response.text
    events = [e for e in _events(response.text) if isinstance(e, dict)]
    reply = "".join(e["delta"] for e in events if e["type"] == "text-delta")
    [data] = [e["data"] for e in events if e["type"] == "data-brief"]
    return reply, data


async def test_a_field_typed_by_hand_comes_back_unless_the_message_changes_it(
    api: ClientFactory,
) -> None:
    reply, data = await _chat_with_brief(
        api, "Can you make it more playful?", {"target_audience": "Students"}
    )
    brief = data["creative_brief"]
    assert brief["target_audience"] == "Students"
    assert "playful" in brief["emotional_tone"]
    assert "Busy women" not in reply and "Students" in reply


async def test_asking_in_chat_changes_a_field_typed_by_hand_and_says_so(api: ClientFactory) -> None:
    reply, data = await _chat_with_brief(
        api, "no wait, go back to couples from London", {"target_audience": "Students"}
    )
    assert data["creative_brief"]["target_audience"] == "Couples from London"
    assert "couples from London" in reply


async def test_the_brief_endpoint_starts_from_the_brief_sent_too(api: ClientFactory) -> None:
    messages = _serum_chat()
    async with api(fake_providers()) as client:
        plain = (await client.post("/api/director/brief", json={"messages": messages})).json()
        shown = {**plain["creative_brief"], "key_messages": []}
        body = {"messages": messages, "creative_brief": shown}
        response = await client.post("/api/director/brief", json=body)
    assert response.json()["creative_brief"] == shown
    assert response.json()["missing_fields"] == ["key_messages"]


@pytest.mark.parametrize(
    "brief",
    [{"emotional_tone": "calm"}, {"product_name": "x" * 201}, {"key_messages": [1, 2]}],
)
async def test_a_malformed_brief_with_a_chat_request_is_422(
    api: ClientFactory, brief: dict[str, Any]
) -> None:
    body = {"messages": [_ui("user", "hello", 0)], "creative_brief": brief}
    async with api(fake_providers()) as client:
        chat = await client.post("/api/director/chat", json=body)
        synthesized = await client.post("/api/director/brief", json=body)
    assert chat.status_code == 422 and synthesized.status_code == 422
    assert chat.json()["detail"][0]["loc"][:2] == ["body", "creative_brief"]


async def test_brand_colours_and_font_said_in_the_chat_reach_the_brief(api: ClientFactory) -> None:
    turns = [
        ("user", "Kiln & Co handmade ceramic mugs. Our brand colours are #1A8C96 and #E4572E."),
        ("assistant", "Lovely. Who are they for?"),
        ("user", "Couples who love slow mornings; set the words in DejaVu Serif."),
    ]
    messages = [_ui(role, text, i) for i, (role, text) in enumerate(turns)]
    async with api(fake_providers()) as client:
        response = await client.post("/api/director/brief", json={"messages": messages})
    assert response.status_code == 200, response.text
    brand = response.json()["creative_brief"]["brand"]
    assert brand["colors"] == ["#1A8C96", "#E4572E"]
    assert brand["font"] == "DejaVu Serif"
