"""GPT-4o sees the brief the studio shows, hand edits included, and the brief it will return.

The brief is settled first (a structured answer that starts from the studio's brief), then the
reply is written knowing both, so it can acknowledge exactly what changed and nothing else.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from app.models.chat import ChatMessage
from app.models.creative_brief import BriefFields
from app.providers.remote.openai_director import OpenAIDirector
from tests.conftest import ClientFactory
from tests.fakes.openai_api import BRIEF, FakeOpenAI
from tests.remote.conftest import fake_openai_settings

pytestmark = pytest.mark.anyio

CHAT = [
    ChatMessage(role="user", content="I sell a luxury skincare serum"),
    ChatMessage(role="assistant", content="Lovely. Who is it for?"),
    ChatMessage(role="user", content="Actually, make it feel playful"),
]
SHOWN = BriefFields.model_validate({**BRIEF, "target_audience": "Students"})
SETTLED = SHOWN.model_copy(update={"emotional_tone": ["playful"]})


@pytest.fixture
async def director(fake_openai: FakeOpenAI) -> AsyncIterator[OpenAIDirector]:
    director = OpenAIDirector(fake_openai_settings(fake_openai))
    yield director
    await director.aclose()


def _json(brief: BriefFields) -> str:
    return json.dumps(brief.model_dump(mode="json"), ensure_ascii=False, indent=1)


async def test_the_brief_is_asked_for_starting_from_the_one_the_studio_shows(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    await director.synthesize_brief(CHAT, SHOWN)
    [sent] = fake_openai.requests
    ask = sent["messages"][-1]["content"]
    assert _json(SHOWN) in ask, "the hand-typed audience reaches the model"
    assert "unless the marketer's latest message asks to change it" in ask


async def test_the_reply_knows_the_brief_before_and_after_the_latest_message(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    "".join([piece async for piece in director.reply(CHAT, SHOWN, SETTLED)])
    [sent] = fake_openai.requests
    roles = [m["role"] for m in sent["messages"]]
    assert roles == ["system", "user", "assistant", "user"]
    system = sent["messages"][0]["content"]
    assert _json(SHOWN) in system and _json(SETTLED) in system
    assert "never say you changed, noted or set anything else" in system


async def test_without_a_brief_the_prompts_are_the_conversation_alone(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    await director.synthesize_brief(CHAT)
    "".join([piece async for piece in director.reply(CHAT)])
    brief_ask, chat_ask = fake_openai.requests
    assert "Students" not in json.dumps(brief_ask) and "Students" not in json.dumps(chat_ask)


async def test_the_chat_endpoint_settles_the_brief_before_writing_the_reply(
    api: ClientFactory, fake_openai: FakeOpenAI
) -> None:
    body = {
        "messages": [
            {"role": m.role, "parts": [{"type": "text", "text": m.content}]} for m in CHAT
        ],
        "creative_brief": SHOWN.model_dump(mode="json"),
    }
    async with api() as client:
        response = await client.post("/api/director/chat", json=body)
    assert response.status_code == 200
    structured, streamed = fake_openai.requests
    assert structured["response_format"]["json_schema"]["name"] == "BriefDraft"
    assert streamed["stream"] is True
    data = next(
        json.loads(line.removeprefix("data: "))["data"]
        for line in response.text.splitlines()
        if '"data-brief"' in line
    )
    returned = BriefFields.model_validate(data["creative_brief"])
    assert _json(returned) in streamed["messages"][0]["content"], (
        "the reply was written knowing the brief the studio will show"
    )
