"""`GET /api/config`: the storyboard rules and the brief's required fields, from their one home,
and the same numbers as the schema constraints the models enforce."""

from __future__ import annotations

import pytest

from app import storyboard_rules as rules
from app.models.creative_brief import BriefFields
from app.words.script import WORD_PATTERN
from tests.conftest import ClientFactory
from tests.utils.factories import fake_providers

pytestmark = pytest.mark.anyio


async def test_the_config_tells_a_client_the_rules_it_must_follow(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        config = (await client.get("/api/config")).json()
        schema = (await client.get("/openapi.json")).json()["components"]["schemas"]
    assert config["storyboard"] == {
        "total_seconds": 30,
        "step_seconds": 0.5,
        "min_scene_seconds": 1,
        "max_scene_seconds": 15,
        "min_scenes": 5,
        "max_scenes": 7,
        "crossfade_seconds": 0.5,
        "fps": 30,
    }
    assert config["brief"]["required_fields"] == BriefFields().missing_fields()
    assert config["formats"] == ["9:16", "1:1", "4:5", "16:9"]
    # The words' rule and limits, so the studio can say a line overruns before composing.
    assert config["script"] == {
        "words_per_second": 2.5,
        "word_pattern": WORD_PATTERN.pattern,
        "speech_margin_seconds": 0.2,
        "max_on_screen_text_chars": 200,
        "max_voiceover_chars": 400,
        "max_call_to_action_chars": 200,
    }
    voiceover = schema["ComposeClip"]["properties"]["voiceover"]
    assert voiceover["maxLength"] == config["script"]["max_voiceover_chars"]
    # The models' constraints are the same numbers, so the generated types carry them too.
    duration = schema["Scene-Input"]["properties"]["duration"]
    assert (duration["minimum"], duration["maximum"]) == (
        rules.MIN_SCENE_SECONDS,
        rules.MAX_SCENE_SECONDS,
    )
    clip_duration = schema["ComposeClip"]["properties"]["duration"]["anyOf"][0]
    assert clip_duration["exclusiveMinimum"] == rules.CROSSFADE_SECONDS
    assert clip_duration["maximum"] == rules.MAX_SCENE_SECONDS


async def test_a_validation_failure_carries_a_sentence_beside_its_fields(
    api: ClientFactory,
) -> None:
    async with api(fake_providers()) as client:
        response = await client.post("/api/director/chat", json={"messages": "hello"})
    body = response.json()
    assert response.status_code == 422 and body["code"] == "validation_error"
    assert isinstance(body["detail"], list) and body["detail"][0]["loc"][:2] == ["body", "messages"]
    assert body["message"].startswith("Some of the request does not fit the API's schema (")
    assert "messages" in body["message"] and "{" not in body["message"]
