"""From what GPT-4o fills in to the validated domain models: repairs and rejections."""

from __future__ import annotations

from typing import Any

import pytest

from app.models.common import TOTAL_DURATION
from app.models.scene import CameraMove
from app.providers.remote.director_schema import (
    BriefDraft,
    DraftRejected,
    MoodBoardDraft,
    StoryboardDraft,
    brief_from,
    hex_colour,
    moods_from,
    plan_from,
)
from app.storyboard_rules import allocate, scene_bounds


def storyboard(
    durations: list[float], numbers: list[int] | None = None, **changes: Any
) -> StoryboardDraft:
    return StoryboardDraft.model_validate(
        {
            "scenes": [
                {
                    "scene_number": numbers[i] if numbers else i + 1,
                    "duration": duration,
                    "description": f"Shot {i + 1}",
                    "style_prompt": "soft light",
                    "camera_move": "push_in",
                    "on_screen_text": "",
                    "voiceover": "",
                    **changes,
                }
                for i, duration in enumerate(durations)
            ],
            "call_to_action": "",
        }
    )


def mood(**changes: Any) -> dict[str, Any]:
    return {
        "style_name": "Gold",
        "style_keywords": ["gold"],
        "color_palette": ["#FFFFFF", "#D4AF37"],
        "image_prompts": ["a", "b", "c", "d"],
        **changes,
    }


def test_a_valid_plan_passes_unchanged() -> None:
    plan = plan_from(storyboard([4, 6, 6, 6, 8]))
    assert [s.duration for s in plan.scenes] == [4, 6, 6, 6, 8]
    assert plan.scenes[0].camera_move is CameraMove.PUSH_IN


def test_scene_numbers_are_rewritten_in_the_order_given() -> None:
    plan = plan_from(storyboard([5] * 6, numbers=[3, 3, 1, 7, 0, 2]))
    assert [s.scene_number for s in plan.scenes] == [1, 2, 3, 4, 5, 6]
    assert [s.description for s in plan.scenes] == [f"Shot {n}" for n in range(1, 7)]


@pytest.mark.parametrize(
    "durations", [[5, 5, 5, 5, 5, 6], [4.8, 4.8, 4.8, 4.8, 4.8], [6, 6, 6, 6, 7.5]]
)
def test_durations_a_little_off_are_rescaled_to_exactly_thirty(durations: list[float]) -> None:
    plan = plan_from(storyboard(durations))
    assert sum(s.duration for s in plan.scenes) == TOTAL_DURATION
    assert all(s.duration * 2 == int(s.duration * 2) for s in plan.scenes)


@pytest.mark.parametrize(
    ("durations", "complaint"),
    [
        ([10, 10, 10], "5 to 7 scenes, this plan has 3"),
        ([3] * 8 + [6], "5 to 7 scenes, this plan has 9"),
        ([20, 20, 20, 20, 20], "sum to 100 s"),
        ([0, 7, 7, 7, 7], "at least 1 s"),
        ([0, 7.5, 7.5, 7.5, 7.5], "greater than or equal to 1"),
        ([0.5, 0.5, 9, 10, 10], "greater than or equal to 1"),
        ([1, 1, 1, 1, 26], "less than or equal to 15"),
    ],
)
def test_plans_beyond_repair_are_rejected_with_a_reason_the_model_can_act_on(
    durations: list[float], complaint: str
) -> None:
    with pytest.raises(DraftRejected, match=complaint):
        plan_from(storyboard(durations))


def test_an_empty_description_is_rejected() -> None:
    with pytest.raises(DraftRejected, match="description"):
        plan_from(storyboard([6] * 5, description="  "))


def test_rescale_keeps_proportions_in_half_seconds() -> None:
    # Largest remainders get the spare half seconds; the longest scene stays the longest.
    # The one rebalancing algorithm (`storyboard_rules.allocate`), weighted by the given lengths.
    def rescale(durations: list[float]) -> list[float]:
        return allocate(durations, scene_bounds(len(durations)))

    assert rescale([5, 5, 5, 5, 5, 6]) == [5.0, 5.0, 5.0, 5.0, 4.5, 5.5]
    assert rescale([2, 4, 4, 4, 4, 8]) == [2.5, 4.5, 4.5, 4.5, 4.5, 9.5]
    assert sum(rescale([1.3, 7.7, 5.1, 9.9, 4.4])) == 30


def test_a_brief_is_trimmed_to_the_models_limits() -> None:
    draft = BriefDraft(
        product_name="  Serum  ",
        product_description="",
        target_audience="Women 25-40",
        emotional_tone=["calm", "calm", " ", "elegant"],
        visual_style_keywords=[f"k{n}" for n in range(20)],
        key_messages=["x" * 300],
    )
    brief = brief_from(draft)
    assert brief.product_name == "Serum"
    assert brief.emotional_tone == ["calm", "elegant"]
    assert len(brief.visual_style_keywords) == 12
    assert brief.key_messages == ["x" * 200]


def test_moods_are_cut_to_the_count_asked_and_colours_normalised() -> None:
    draft = MoodBoardDraft.model_validate(
        {
            "moods": [
                mood(
                    color_palette=["fff", "#d4af37", "gold", "#FFFFFF"],
                    image_prompts=list("abcdef"),
                )
            ]
            * 4
        }
    )
    moods = moods_from(draft, 3)
    assert len(moods) == 3
    assert moods[0].color_palette == ["#FFFFFF", "#D4AF37"]
    assert moods[0].image_prompts == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    ("moods", "complaint"),
    [
        ([mood()] * 2, "exactly 3 moods, not 2"),
        ([mood(), mood(image_prompts=["a", "b"]), mood()], "mood 2 needs 4"),
        ([mood(), mood(), mood(color_palette=["gold"])], "mood 3 needs 2 to 6 colours"),
        ([mood(style_keywords=[]), mood(), mood()], "style_keywords"),
    ],
)
def test_moods_beyond_repair_are_rejected(moods: list[dict[str, Any]], complaint: str) -> None:
    with pytest.raises(DraftRejected, match=complaint):
        moods_from(MoodBoardDraft.model_validate({"moods": moods}), 3)


@pytest.mark.parametrize(
    ("given", "colour"),
    [
        ("#d4af37", "#D4AF37"),
        ("D4AF37", "#D4AF37"),
        ("#fff", "#FFFFFF"),
        ("gold", None),
        ("#12345", None),
    ],
)
def test_hex_colour(given: str, colour: str | None) -> None:
    assert hex_colour(given) == colour
