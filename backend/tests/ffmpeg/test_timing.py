from __future__ import annotations

import random

import pytest

from app.ffmpeg.args import segment_frames
from app.ffmpeg.timing import (
    CROSSFADE_FRAMES,
    clip_cuts,
    clip_lengths,
    even_durations,
    transition_offsets,
)


def test_every_clip_but_the_last_carries_the_crossfade_tail() -> None:
    assert clip_lengths([4, 6, 6, 6, 8]) == [4.5, 6.5, 6.5, 6.5, 8]
    assert transition_offsets([4, 6, 6, 6, 8]) == [4, 10, 16, 22]


def test_cuts_split_each_clip_into_head_body_and_tail_frames() -> None:
    first, middle, last = clip_cuts([10, 10, 10])
    assert (first.head, first.body, first.tail, first.length) == (None, (0, 300), (300, 315), 315)
    assert (middle.head, middle.body, middle.tail) == ((0, 15), (15, 300), (300, 315))
    assert (last.head, last.body, last.tail, last.length) == ((0, 15), (15, 300), None, 300)


def _random_storyboard(rng: random.Random) -> list[float]:
    count = rng.randint(5, 7)
    frames = [45] * count  # every scene at least 1.5 s
    for _ in range(900 - sum(frames)):
        frames[rng.randrange(count)] += 1
    return [f / 30 for f in frames]


def test_any_valid_storyboard_composes_to_exactly_900_frames() -> None:
    rng = random.Random(7)
    for _ in range(500):
        durations = _random_storyboard(rng)
        cuts = clip_cuts(durations)
        assert sum(segment_frames(cut) for cut in cuts) == 900
        offsets = transition_offsets(durations)
        assert offsets == sorted(offsets) and len(offsets) == len(durations) - 1
        for cut, length in zip(cuts, clip_lengths(durations), strict=True):
            assert cut.length == round(length * 30)
            if cut.tail:
                assert cut.tail[1] - cut.tail[0] == CROSSFADE_FRAMES


@pytest.mark.parametrize("count", [5, 6, 7])
def test_even_durations_sum_to_thirty_in_whole_frames(count: int) -> None:
    durations = even_durations(count)
    assert len(durations) == count
    assert sum(round(d * 30) for d in durations) == 900
    assert max(durations) - min(durations) <= 1 / 30 + 1e-9
