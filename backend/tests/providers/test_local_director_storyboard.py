"""Storyboards and timing: shaped like an ad, always valid, always exactly 30 seconds."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from app.models.creative_brief import CreativeBrief
from app.models.mood import MoodStyle
from app.models.scene import CameraMove, ScenePlan
from app.providers.local.director.lexicon import STYLES, TONES
from app.providers.local.director.moods import propose_moods
from app.providers.local.director.storyboard import TIMINGS, Role, plan, scene_roles
from app.storyboard_rules import allocate

CALL_TO_ACTION = re.compile(
    r"\b(shop|grab|start|order|get|find|try|buy|book|download|discover|make)\b", re.IGNORECASE
)

SERUM = CreativeBrief(
    product_name="Glow Drops",
    target_audience="Busy women 25-40",
    emotional_tone=["fresh", "confident"],
    visual_style_keywords=["bright", "citrus", "minimalist"],
    key_messages=["Visible results in 2 weeks"],
)


def random_brief(rng: random.Random) -> CreativeBrief:
    messages = ["Zero sugar", "Free shipping", "Made in Italy", "Vegan", "Lasts all day",
                "Set up in minutes", "Plastic-free", "Award-winning", "Refillable"]  # fmt: skip
    return CreativeBrief(
        product_name=rng.choice(["Glow Drops", "Volt Rush", "Stride One", "Ledgerly", "{p} & Co",
                                 "Ember & Oak Coffee", "X", "Zéphyr 9 running shoes"]),
        target_audience=rng.choice(["Women 25-40", "gamers 18-30", "", "Finance teams", "CFOs"]),
        emotional_tone=rng.sample(sorted(TONES), rng.randint(0, 3)),
        visual_style_keywords=rng.sample(sorted(STYLES), rng.randint(0, 6)),
        key_messages=rng.sample(messages, rng.randint(0, 8)),
    )  # fmt: skip


def random_foreign_mood(rng: random.Random) -> MoodStyle:
    """A mood the local director did not write (a remote director's, or an edited one)."""
    return MoodStyle(
        style_name=rng.choice(["", "Quiet Luxury", "Y2K Chrome Chaos", "zzz"]),
        style_keywords=rng.sample(["chrome", "velvet", "foo", "neon", "linen", "bar"], rng.randint(0, 4)),
        color_palette=rng.sample(["#123456", "#ABCDEF", "#FF0000", "#00FF00"], rng.randint(0, 4)),
    )  # fmt: skip


def assert_is_an_ad(result: ScenePlan, brief: CreativeBrief) -> None:
    ScenePlan.model_validate(result.model_dump())
    scenes = result.scenes
    assert 5 <= len(scenes) <= 7
    assert len(scenes) == min(max(4 + max(len(brief.key_messages), 1), 5), 7)
    assert sum(scene.duration for scene in scenes) == 30.0, "exactly, not approximately"
    assert [s.scene_number for s in scenes] == list(range(1, len(scenes) + 1))
    for scene in scenes:
        assert 3 <= scene.duration <= 8 and (scene.duration * 2).is_integer()
        assert scene.description and scene.style_prompt and scene.camera_move is not None
    hook, closing = scenes[0], scenes[-1]
    assert hook.duration <= 4 and hook.camera_move is CameraMove.PUSH_IN
    assert 4 <= closing.duration <= 5
    assert brief.product_name in closing.description
    assert CALL_TO_ACTION.search(closing.description)
    for a, b in itertools.pairwise(scenes):
        assert a.camera_move != b.camera_move, "the camera never repeats a move back to back"
    for message in brief.key_messages[:3]:
        assert sum(f"“{message}”" in s.description for s in scenes) == 1, "one scene per message"


def test_the_serum_plan_reads_like_an_ad() -> None:
    mood = MoodStyle(**propose_moods(SERUM, 3)[0].model_dump())
    result = plan(SERUM, mood)
    assert_is_an_ad(result, SERUM)
    scenes = result.scenes
    assert [s.camera_move for s in scenes] == [
        CameraMove.PUSH_IN, CameraMove.PULL_OUT, CameraMove.PAN_RIGHT, CameraMove.DESCEND,
        CameraMove.RISE,
    ]  # fmt: skip
    assert scenes[0].description.startswith("A single drop of Glow Drops falls in slow motion")
    assert scenes[1].description.startswith("The reveal: the Glow Drops bottle")
    assert "woman in her thirties" in scenes[2].description
    assert "“Visible results in 2 weeks”" in scenes[2].description
    assert "busy woman" in scenes[3].description and "On-screen text" not in scenes[3].description
    assert "Loved by" not in scenes[3].description, "a testimonial the brief never gave"
    assert "Shop Glow Drops now" in scenes[4].description
    for scene in scenes:
        assert "minimalist" in scene.style_prompt and "palette" in scene.style_prompt


@pytest.mark.parametrize("count", [0, 1, 2, 3, 4, 8])
def test_scene_count_follows_the_key_messages(count: int) -> None:
    brief = SERUM.model_copy(update={"key_messages": [f"Message {i}" for i in range(count)]})
    roles = scene_roles(brief)
    assert roles[0] is Role.HOOK and roles[1] is Role.REVEAL
    assert roles[-2:] == [Role.LIFESTYLE, Role.CTA]
    assert roles.count(Role.BENEFIT) == min(max(count, 1), 3)


def test_many_briefs_times_moods_are_valid_plans() -> None:
    rng = random.Random(1234)
    for _ in range(80):
        brief = random_brief(rng)
        moods = [MoodStyle(**m.model_dump()) for m in propose_moods(brief, 3)]
        for mood in [*moods, random_foreign_mood(rng), MoodStyle()]:
            result = plan(brief, mood)
            assert_is_an_ad(result, brief)
            assert result == plan(brief, mood), "deterministic"


def test_the_look_of_the_chosen_mood_reaches_every_scene() -> None:
    neon, *_ = propose_moods(SERUM.model_copy(update={"visual_style_keywords": ["neon"]}), 3)
    result = plan(SERUM, MoodStyle(**neon.model_dump()))
    for scene in result.scenes:
        assert "neon" in scene.style_prompt
    calm = plan(SERUM, MoodStyle(**propose_moods(SERUM, 3)[0].model_dump()))
    assert calm.scenes[-1].camera_move is CameraMove.RISE
    assert result.scenes[-1].camera_move is CameraMove.PUSH_IN, "lively looks end pushing in"


# --- durations ------------------------------------------------------------------------------


@pytest.mark.parametrize("scenes", [5, 6, 7])
def test_durations_always_sum_to_exactly_thirty_in_half_seconds(scenes: int) -> None:
    rng = random.Random(scenes)
    for _ in range(400):
        weights = [rng.uniform(0.2, 10) for _ in range(scenes)]
        bounds = []
        for _ in range(scenes):
            low = rng.choice([1.0, 2.0, 3.0, 3.5, 4.0])
            bounds.append((low, low + rng.choice([0.5, 1.0, 2.0, 4.0, 11.0])))
        if not sum(lo for lo, _ in bounds) <= 30 <= sum(hi for _, hi in bounds):
            with pytest.raises(ValueError):
                allocate(weights, bounds)
            continue
        durations = allocate(weights, bounds)
        assert sum(durations) == 30.0
        assert all((d * 2).is_integer() for d in durations)
        assert all(lo <= d <= hi for d, (lo, hi) in zip(durations, bounds, strict=True))


@pytest.mark.parametrize("scenes", [5, 6, 7])
def test_heavier_scenes_never_get_less_time_under_the_same_bounds(scenes: int) -> None:
    rng = random.Random(100 + scenes)
    for _ in range(300):
        weights = [rng.uniform(0.5, 6) for _ in range(scenes)]
        durations = allocate(weights, [(3.0, 8.0)] * scenes)
        for (wa, da), (wb, db) in itertools.combinations(zip(weights, durations, strict=True), 2):
            if wa > wb + 0.5:
                assert da >= db


@pytest.mark.parametrize("scenes", [5, 6, 7])
def test_role_timings_fit_thirty_seconds_for_every_scene_count(scenes: int) -> None:
    roles = [Role.HOOK, Role.REVEAL, *[Role.BENEFIT] * (scenes - 4), Role.LIFESTYLE, Role.CTA]
    durations = allocate(
        [TIMINGS[r].weight for r in roles], [(TIMINGS[r].low, TIMINGS[r].high) for r in roles]
    )
    assert sum(durations) == 30.0
    assert 3 <= durations[0] <= 4 and 4 <= durations[-1] <= 5
    assert all(3 <= d <= 8 for d in durations)


def test_impossible_timings_are_refused() -> None:
    with pytest.raises(ValueError):
        allocate([1] * 5, [(3, 5)] * 5)  # at most 25 s
    with pytest.raises(ValueError):
        allocate([1, 1], [(3, 8)])
    with pytest.raises(ValueError):
        allocate([1, 0, 1, 1, 1], [(3, 8)] * 5)
