"""One rebalancing algorithm: a hand edit in the studio keeps the ad's length and the bounds,
and the studio's port answers exactly what the backend does (the golden vectors)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from app.contract import dump
from app.storyboard_rules import (
    MAX_SCENE_SECONDS,
    MIN_SCENE_SECONDS,
    allocate,
    golden_vectors,
    scene_bounds,
    set_scene_duration,
)

GOLDEN = Path(__file__).resolve().parents[3] / "frontend/tests/unit/golden/storyboard_rules.json"


def test_an_edit_keeps_thirty_seconds_and_every_scene_in_bounds() -> None:
    rng = random.Random(9)
    for _ in range(300):
        count = rng.randint(5, 7)
        durations = allocate([rng.uniform(1, 5) for _ in range(count)], scene_bounds(count))
        index = rng.randrange(count)
        edited = set_scene_duration(durations, index, rng.uniform(-5, 40))
        assert sum(edited) == 30
        assert all(MIN_SCENE_SECONDS <= d <= MAX_SCENE_SECONDS for d in edited)
        assert all((d * 2).is_integer() for d in edited)


def test_an_edit_gives_the_scene_what_was_asked_in_half_seconds() -> None:
    assert set_scene_duration([6, 6, 6, 6, 6], 0, 7.2) == [7, 6, 6, 5.5, 5.5]
    assert set_scene_duration([4, 6, 6, 6, 8], 0, 4.5) == [4.5, 6, 6, 6, 7.5]
    # The others cannot give more than down to their minimum: the edit gets as close as it can.
    assert set_scene_duration([2, 2, 2], 0, 5) == [4, 1, 1]


@pytest.mark.parametrize("requested", [float("nan"), float("inf")])
def test_an_edit_that_is_not_a_number_changes_nothing(requested: float) -> None:
    assert set_scene_duration([6, 6, 6, 6, 6], 0, requested) == [6, 6, 6, 6, 6]
    assert set_scene_duration([6, 6, 6, 6, 6], 9, 3) == [6, 6, 6, 6, 6]


def test_the_studios_golden_vectors_are_the_backends_answers() -> None:
    # `make contract` rewrites the file; this says which command when the rules changed.
    committed = GOLDEN.read_text(encoding="utf-8")
    assert json.loads(committed) == golden_vectors(), "run `make contract` and commit the result"
    assert committed == dump(golden_vectors())
