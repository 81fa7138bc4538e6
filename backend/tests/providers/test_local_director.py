"""`LocalDirector` through the `Director` protocol, as the services call it.

The rules themselves are tested in the test_local_director_*.py files beside this one.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from app.models.chat import ChatMessage
from app.models.creative_brief import BriefFields, CreativeBrief
from app.models.mood import Mood, MoodDirection
from app.models.scene import ScenePlan
from app.providers.base import Director
from app.providers.local.director import LocalDirector
from app.providers.local.director.conversation import compose_reply


async def _collect(stream: AsyncIterator[str]) -> list[str]:
    return [chunk async for chunk in stream]


def _chat(director: LocalDirector, turns: list[str]) -> list[ChatMessage]:
    """Play the marketer's turns against the director, streaming every reply."""
    messages: list[ChatMessage] = []
    for text in turns:
        messages.append(ChatMessage(role="user", content=text))
        chunks = asyncio.run(_collect(director.reply(messages)))
        messages.append(ChatMessage(role="assistant", content="".join(chunks)))
    return messages


def test_it_is_a_director_named_local() -> None:
    director = LocalDirector()
    assert isinstance(director, Director)
    assert director.name == "local"


def test_replies_stream_word_by_word_and_add_up_to_the_full_reply() -> None:
    messages = [ChatMessage(role="user", content="An ad for a sneaker called Stride One")]
    chunks = asyncio.run(_collect(LocalDirector().reply(messages)))
    assert len(chunks) > 10
    assert all(chunk and len(chunk.split()) <= 1 for chunk in chunks)
    assert "".join(chunks) == compose_reply(messages)


def test_an_empty_conversation_gets_an_opening_question() -> None:
    reply = "".join(asyncio.run(_collect(LocalDirector().reply([]))))
    assert reply.startswith("Hi!") and reply.count("?") == 1


def test_from_first_message_to_a_thirty_second_plan() -> None:
    director = LocalDirector()
    messages = _chat(
        director,
        [
            "Hey! I need an ad for my energy drink Volt Rush",
            "Gamers and night-shift workers 18-30",
            "Energetic and bold",
            "Neon, black and electric blue",
            "Zero sugar; focus that lasts",
        ],
    )
    brief = asyncio.run(director.synthesize_brief(messages))
    assert isinstance(brief, BriefFields) and brief.missing_fields() == []
    creative = CreativeBrief(**brief.model_dump())
    moods = asyncio.run(director.propose_moods(creative, 3))
    assert len(moods) == 3 and all(isinstance(m, MoodDirection) for m in moods)
    chosen = Mood(mood_id="m1", **moods[0].model_dump(exclude={"image_prompts"}))
    result = asyncio.run(director.plan_scenes(creative, chosen.style()))
    assert isinstance(result, ScenePlan)
    assert sum(scene.duration for scene in result.scenes) == 30.0
    assert len(result.scenes) == 6  # hook, reveal, two benefits, proof, call to action
    assert "Volt Rush" in result.scenes[-1].description


def test_the_brief_and_the_replies_never_disagree() -> None:
    director = LocalDirector()
    messages = _chat(director, ["A serum called Glow Drops", "no", "busy mums", "you decide"])
    brief = asyncio.run(director.synthesize_brief(messages))
    assert brief.emotional_tone, "the suggestion the director made is in the brief"
    for tone in brief.emotional_tone:
        assert tone in messages[-1].content


def test_same_input_same_output() -> None:
    director = LocalDirector()
    turns = ["It's a coffee shop called Ember & Oak, for remote workers, warm and cozy"]
    assert _chat(director, turns) == _chat(LocalDirector(), turns)
    brief = CreativeBrief(product_name="Ember & Oak", emotional_tone=["warm"])
    moods = asyncio.run(director.propose_moods(brief, 3))
    assert moods == asyncio.run(LocalDirector().propose_moods(brief, 3))
