from __future__ import annotations

import itertools
import random

import pytest

from app.errors import InvalidRequest
from app.ffmpeg.timing import (
    CROSSFADE_FRAMES,
    clip_cuts,
    clip_lengths,
    even_durations,
    output_duration,
    scene_frames,
    transition_offsets,
)


def test_every_clip_but_the_last_carries_the_crossfade_tail() -> None:
    assert clip_lengths([4, 6, 6, 6, 8]) == [4.5, 6.5, 6.5, 6.5, 8]
    assert clip_lengths([]) == []
    assert transition_offsets([4, 6, 6, 6, 8]) == [4, 10, 16, 22]


def test_crossfaded_clips_add_up_to_the_scenes() -> None:
    assert output_duration(clip_lengths([4, 6, 6, 6, 8])) == 30
    assert output_duration([30]) == 30
    assert output_duration([10.5, 10.5, 10]) == 30


def test_cuts_split_each_clip_into_head_body_and_tail_frames() -> None:
    first, middle, last = clip_cuts([10, 10, 10])
    assert (first.head, first.body, first.tail, first.length) == (None, (0, 300), (300, 315), 315)
    assert (middle.head, middle.body, middle.tail) == ((0, 15), (15, 300), (300, 315))
    assert (last.head, last.body, last.tail, last.length) == ((0, 15), (15, 300), None, 300)
    assert [cut.segment_frames for cut in (first, middle, last)] == [315, 300, 285]


def test_a_single_clip_is_all_body() -> None:
    (only,) = clip_cuts([30])
    assert (only.head, only.body, only.tail, only.segment_frames) == (None, (0, 900), None, 900)


def test_boundaries_are_rounded_from_running_sums_so_no_frame_is_lost() -> None:
    # Rounded one by one, seven scenes of 30/7 s would make 7 x 129 = 903 frames.
    assert scene_frames([30 / 7] * 7) == [129, 128, 129, 128, 129, 128, 129]
    assert sum(scene_frames([4.3, 4.3, 4.3, 4.3, 4.3, 4.25, 4.25])) == 900


def test_durations_that_miss_thirty_seconds_are_stretched_to_it() -> None:
    assert scene_frames([5, 5, 5, 5, 5]) == [180] * 5
    assert scene_frames([1, 2, 3]) == [150, 300, 450]


@pytest.mark.parametrize(
    ("durations", "complaint"),
    [
        ([], "at least one clip"),
        ([10, 0, 20], "positive"),
        ([29.8, 0.2], "Scene 2 is too short"),
    ],
)
def test_impossible_storyboards_are_refused_in_words(
    durations: list[float], complaint: str
) -> None:
    with pytest.raises(InvalidRequest, match=complaint):
        clip_cuts(durations)


def _random_storyboard(rng: random.Random) -> list[float]:
    """5-7 scenes of at least 1 s summing to 30 s, in arbitrary (not frame-aligned) seconds."""
    count = rng.randint(5, 7)
    weights = [rng.random() for _ in range(count)]
    spare = 30 - count
    return [1 + spare * w / sum(weights) for w in weights]


def test_any_valid_storyboard_composes_to_exactly_thirty_seconds() -> None:
    rng = random.Random(7)
    for _ in range(500):
        durations = _random_storyboard(rng)
        cuts = clip_cuts(durations)
        assert sum(cut.segment_frames for cut in cuts) == 900
        assert output_duration(clip_lengths(durations)) == pytest.approx(30)
        offsets = transition_offsets(durations)
        assert all(a < b for a, b in itertools.pairwise(offsets))
        assert len(offsets) == len(durations) - 1
        for index, (cut, length) in enumerate(zip(cuts, clip_lengths(durations), strict=True)):
            assert abs(cut.length - length * 30) <= 1, "each clip is as long as it was rendered"
            assert cut.body[0] < cut.body[1]
            if cut.tail:
                assert cut.tail == (cut.body[1], cut.body[1] + CROSSFADE_FRAMES)
            # Each transition starts on the frame its scene boundary falls on.
            if index < len(offsets):
                start = sum(c.segment_frames for c in cuts[:index]) + cut.body[1] - cut.body[0]
                assert abs(start - offsets[index] * 30) <= 0.5 + 1e-9


@pytest.mark.parametrize("count", [1, 5, 6, 7])
def test_even_durations_sum_to_thirty_in_whole_frames(count: int) -> None:
    durations = even_durations(count)
    assert len(durations) == count
    assert sum(round(d * 30) for d in durations) == 900
    assert max(durations) - min(durations) <= 1 / 30 + 1e-9
    assert sum(clip_cuts(durations)[i].segment_frames for i in range(count)) == 900
