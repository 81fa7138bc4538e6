"""The directors' words: on-screen text only ever a key message of the brief, word for word; a
voiceover that claims nothing the brief does not and fits its scene; a call to action."""

from __future__ import annotations

import random
from typing import Any

import pytest

from app.models.creative_brief import CreativeBrief
from app.models.mood import MoodStyle
from app.providers.local.director.claims import invented_claims
from app.providers.local.director.moods import propose_moods
from app.providers.local.director.storyboard import plan
from app.providers.remote.director_schema import DraftRejected, StoryboardDraft, plan_from
from app.words.script import lines_too_long
from tests.providers.test_local_director_claims import BRIEFS
from tests.providers.test_local_director_storyboard import random_brief


def _assert_words_are_the_briefs(brief: CreativeBrief, mood: MoodStyle) -> None:
    result = plan(brief, mood)
    for scene in result.scenes:
        assert scene.on_screen_text in ("", *brief.key_messages), scene.on_screen_text
        assert invented_claims(scene.voiceover, brief) == [], scene.voiceover
    assert invented_claims(result.call_to_action, brief) == []
    assert result.call_to_action
    assert not lines_too_long(
        [s.voiceover for s in result.scenes], [s.duration for s in result.scenes]
    )


@pytest.mark.parametrize("name", list(BRIEFS))
def test_the_local_director_never_invents_words_for_the_screen_or_the_voice(name: str) -> None:
    brief = BRIEFS[name]
    for mood in propose_moods(brief, 3):
        _assert_words_are_the_briefs(brief, MoodStyle(**mood.model_dump()))


def test_many_random_briefs_get_words_of_their_own_and_no_others() -> None:
    rng = random.Random(99)
    for _ in range(60):
        _assert_words_are_the_briefs(random_brief(rng), MoodStyle())


def test_every_key_message_is_shown_and_said_and_the_ad_ends_on_the_call() -> None:
    brief = BRIEFS["serum"]
    result = plan(brief, MoodStyle())
    assert [s.on_screen_text for s in result.scenes if s.on_screen_text] == brief.key_messages
    said = " ".join(s.voiceover for s in result.scenes)
    assert all(message in said for message in brief.key_messages)
    assert result.call_to_action in result.scenes[-1].voiceover
    assert brief.product_name in said


def test_the_briefs_own_call_to_action_wins() -> None:
    brief = BRIEFS["serum"].model_copy(update={"call_to_action": "Find it at serum.example"})
    result = plan(brief, MoodStyle())
    assert result.call_to_action == "Find it at serum.example"
    assert "serum.example" in result.scenes[-1].voiceover


def _draft(**scene: Any) -> StoryboardDraft:
    scenes = [
        {"scene_number": n, "duration": 6, "description": "The serum", "style_prompt": "soft",
         "camera_move": "push_in", "on_screen_text": "", "voiceover": ""}
        for n in range(1, 6)
    ]  # fmt: skip
    scenes[2].update(scene)
    return StoryboardDraft.model_validate({"scenes": scenes, "call_to_action": "Shop the serum"})


def test_gpt4o_on_screen_text_that_is_not_a_key_message_is_never_shown() -> None:
    brief = BRIEFS["serum"]
    kept = plan_from(_draft(on_screen_text="natural ingredients."), brief)
    assert kept.scenes[2].on_screen_text == "Natural ingredients"
    dropped = plan_from(_draft(on_screen_text="Loved by dermatologists"), brief)
    assert dropped.scenes[2].on_screen_text == ""
    assert dropped.call_to_action == "Shop the serum"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Clinically proven, loved by thousands.", "states what the brief does not"),
        (" ".join(["glow"] * 16), "shorten it"),
    ],
)
def test_gpt4o_lines_that_claim_or_overrun_are_sent_back(line: str, reason: str) -> None:
    with pytest.raises(DraftRejected, match=reason):
        plan_from(_draft(voiceover=line), BRIEFS["serum"])


def test_gpt4o_keeps_the_briefs_call_to_action() -> None:
    brief = BRIEFS["serum"].model_copy(update={"call_to_action": "Find it at serum.example"})
    assert plan_from(_draft(), brief).call_to_action == "Find it at serum.example"
