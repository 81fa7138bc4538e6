"""The OpenAI director against the fake Chat Completions API, through the real `openai` client."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from app.errors import ProviderBadOutput, ProviderError, ProviderRateLimited, ProviderRefused
from app.models.chat import ChatMessage
from app.models.common import TOTAL_DURATION
from app.models.creative_brief import BriefFields, CreativeBrief
from app.models.mood import MoodStyle
from app.providers.remote.openai_director import OpenAIDirector
from app.utils.costs import CostLedger, charged_to
from tests.fakes.openai_api import BRIEF, PLAN, FakeOpenAI
from tests.remote.conftest import fake_openai_settings

pytestmark = pytest.mark.anyio

CHAT = [
    ChatMessage(role="user", content="I sell a luxury skincare serum"),
    ChatMessage(role="assistant", content="Lovely. Who is it for?"),
    ChatMessage(role="user", content="Women 25-40, it should feel elegant and calm"),
]
MOOD = MoodStyle(
    style_name="Minimalist Gold", style_keywords=["gold"], color_palette=["#FFFFFF", "#D4AF37"]
)


@pytest.fixture
async def director(fake_openai: FakeOpenAI) -> AsyncIterator[OpenAIDirector]:
    director = OpenAIDirector(fake_openai_settings(fake_openai))
    yield director
    await director.aclose()


def plan_with(durations: list[float], numbers: list[int] | None = None) -> dict[str, object]:
    scenes = [dict(scene) for scene in PLAN["scenes"][: len(durations)]]  # type: ignore[index]
    for index, (scene, duration) in enumerate(zip(scenes, durations, strict=True)):
        scene["duration"] = duration
        scene["scene_number"] = numbers[index] if numbers else index + 1
    return {"scenes": scenes, "call_to_action": PLAN["call_to_action"]}


async def test_the_reply_streams_in_pieces_and_its_tokens_are_charged(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    ledger = CostLedger()
    with charged_to(ledger):
        pieces = [piece async for piece in director.reply(CHAT)]
    assert len(pieces) > 3
    assert (
        "".join(pieces)
        == "Lovely. You said “Women 25-40, it should feel elegant and calm”. Who is the ad for?"
    )
    [sent] = fake_openai.requests
    assert sent["stream"] is True and sent["stream_options"] == {"include_usage": True}
    assert sent["model"] == "gpt-4o"
    assert [m["role"] for m in sent["messages"]] == ["system", "user", "assistant", "user"]
    [call] = ledger.calls
    assert (call.provider, call.unit) == ("openai", "token")
    assert call.units > 0 and call.estimated_usd > 0


async def test_brief_moods_and_plan_come_back_as_the_domain_models(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    brief = await director.synthesize_brief(CHAT)
    assert brief == BriefFields.model_validate(BRIEF)
    moods = await director.propose_moods(CreativeBrief.model_validate(BRIEF), 3)
    assert [m.style_name for m in moods] == [
        "Minimalist Gold Elegance",
        "Botanical Morning",
        "Midnight Luxe",
    ]
    assert all(len(m.image_prompts) == 4 for m in moods)
    plan = await director.plan_scenes(CreativeBrief.model_validate(BRIEF), MOOD)
    assert sum(s.duration for s in plan.scenes) == TOTAL_DURATION
    formats = [r["response_format"]["json_schema"] for r in fake_openai.requests]
    assert [f["name"] for f in formats] == ["BriefDraft", "MoodBoardDraft", "StoryboardDraft"]
    assert all(f["strict"] is True for f in formats)


async def test_a_plan_that_breaks_the_rules_is_asked_for_again_with_the_error(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    too_few = plan_with([10, 10, 10])
    fake_openai.answer("StoryboardDraft", too_few)
    plan = await director.plan_scenes(CreativeBrief.model_validate(BRIEF), MOOD)
    assert len(plan.scenes) == 6
    first, second = fake_openai.requests
    assert second["messages"][: len(first["messages"])] == first["messages"]
    bad_answer, complaint = second["messages"][-2:]
    assert bad_answer == {"role": "assistant", "content": json.dumps(too_few)}
    assert "5 to 7 scenes" in complaint["content"] and "has 3" in complaint["content"]


async def test_a_plan_slightly_off_thirty_seconds_is_repaired_without_asking_again(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    fake_openai.answer("StoryboardDraft", plan_with([5, 5, 5, 5, 5, 6], numbers=[1, 2, 2, 4, 5, 9]))
    plan = await director.plan_scenes(CreativeBrief.model_validate(BRIEF), MOOD)
    assert len(fake_openai.requests) == 1
    assert [s.scene_number for s in plan.scenes] == [1, 2, 3, 4, 5, 6]
    assert sum(s.duration for s in plan.scenes) == TOTAL_DURATION


async def test_answers_that_never_obey_end_as_bad_output_after_the_set_attempts(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    for _ in range(3):
        fake_openai.answer("StoryboardDraft", plan_with([20, 20, 20, 20, 20]))
    with pytest.raises(ProviderBadOutput, match=r"3 times.*sum to 100"):
        await director.plan_scenes(CreativeBrief.model_validate(BRIEF), MOOD)
    assert len(fake_openai.requests) == 3


async def test_an_answer_that_is_not_json_is_asked_for_again(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    fake_openai.answer("MoodBoardDraft", "Here are three moods: gold, green, black")
    fake_openai.answer("MoodBoardDraft", {"moods": [{"style_name": "Only one"}]})
    moods = await director.propose_moods(CreativeBrief.model_validate(BRIEF), 3)
    assert len(moods) == 3
    complaints = [r["messages"][-1]["content"] for r in fake_openai.requests[1:]]
    assert all("does not match the JSON schema" in c for c in complaints)


async def test_new_moods_tell_the_model_which_ones_the_user_set_aside(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    await director.propose_moods(CreativeBrief.model_validate(BRIEF), 3, avoid=["Midnight Luxe"])
    asked = fake_openai.requests[-1]["messages"][-1]["content"]
    assert "already seen and set aside" in asked and '"Midnight Luxe"' in asked


async def test_a_burst_of_429s_is_retried_by_the_client_alone(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    fake_openai.fail_next(2, 429, retry_after_ms="5")
    brief = await director.synthesize_brief(CHAT)
    assert brief.product_name == BRIEF["product_name"]
    assert len(fake_openai.requests) == 3  # two refused, one answered: no second retry loop


async def test_rate_limits_beyond_the_clients_retries_are_rate_limited_once(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    fake_openai.fail_next(10, 429, retry_after_ms="1")
    with pytest.raises(ProviderRateLimited):
        await director.plan_scenes(CreativeBrief.model_validate(BRIEF), MOOD)
    assert len(fake_openai.requests) == 3  # max_retries=2: three tries, never re-asked


async def test_500s_that_persist_are_a_provider_error(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    fake_openai.fail_next(10, 500, retry_after_ms="1")
    with pytest.raises(ProviderError, match="HTTP 500"):
        await director.synthesize_brief(CHAT)
    assert len(fake_openai.requests) == 3


async def test_a_stream_that_fails_raises_a_domain_error(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    fake_openai.fail_next(10, 503, retry_after_ms="1")
    with pytest.raises(ProviderError, match="HTTP 503"):
        [piece async for piece in director.reply(CHAT)]


async def test_a_streamed_refusal_raises_with_the_models_words_and_is_still_charged(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    fake_openai.stream_next("refusal", refusal="I can't help with that.")
    ledger = CostLedger()
    with charged_to(ledger), pytest.raises(ProviderRefused, match=r"I can't help with that\."):
        [piece async for piece in director.reply(CHAT)]
    [call] = ledger.calls
    assert call.provider == "openai" and call.units > 0


async def test_a_refused_structured_answer_is_a_refusal_not_bad_output(
    director: OpenAIDirector, fake_openai: FakeOpenAI
) -> None:
    fake_openai.refuse("BriefDraft", "I can't write a brief for that product.")
    with pytest.raises(ProviderRefused, match="declined to write the creative brief") as raised:
        await director.synthesize_brief(CHAT)
    assert raised.value.code == "provider_refused"
    assert len(fake_openai.requests) == 1  # a refusal is not asked again


async def test_a_wrong_key_is_reported_as_such(fake_openai: FakeOpenAI) -> None:
    from pydantic import SecretStr

    director = OpenAIDirector(fake_openai_settings(fake_openai, api_key=SecretStr("sk-wrong")))
    try:
        with pytest.raises(ProviderError, match="OPENAI_API_KEY"):
            await director.synthesize_brief(CHAT)
    finally:
        await director.aclose()
