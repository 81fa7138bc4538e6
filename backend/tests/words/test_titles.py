"""Titles and the end card keep to their scene: never across a transition."""

from __future__ import annotations

import itertools
import random

from app.ffmpeg.timing import CROSSFADE_FRAMES, FPS, transition_offsets
from app.words.build import ad_words as build_words
from app.words.plan import plan_words
from app.words.timeline import AdWords, EndCard, SceneTitle
from app.words.titles import TITLE_MARGIN_FRAMES, scene_windows, title_windows
from tests.words.factories import DURATIONS, ad_words


def _fades(durations: list[float]) -> list[tuple[int, int]]:
    starts = [round(t * FPS) for t in transition_offsets(durations)]
    return [(start, start + CROSSFADE_FRAMES) for start in starts]


def _storyboards() -> list[list[float]]:
    rng = random.Random(12)
    boards = [DURATIONS, [30.0], [15.0, 15.0], [5.0] * 6, [1.0, 14.0, 15.0]]
    for count in range(2, 8):
        cuts = sorted(rng.uniform(1, 29) for _ in range(count - 1))
        boards.append([round(b - a, 2) for a, b in itertools.pairwise([0.0, *cuts, 30.0])])
    return [b for b in boards if min(b) > 0.6]


def test_title_windows_never_touch_a_transition_and_keep_their_margin() -> None:
    for durations in _storyboards():
        windows = title_windows(durations)
        assert len(windows) == len(durations)
        for window in windows:
            for start, end in _fades(durations):
                assert (
                    window.end <= start - TITLE_MARGIN_FRAMES
                    or window.start >= end + (TITLE_MARGIN_FRAMES)
                    or window.start == window.end
                ), (durations, window)
        bodies = scene_windows(durations)
        assert bodies[0].start == 0 and bodies[-1].end == 900
        assert sum(w.end - w.start for w in bodies) + CROSSFADE_FRAMES * (len(bodies) - 1) == 900


def test_a_title_asked_across_a_transition_is_kept_inside_its_scene() -> None:
    # Scene 2 runs 4-10 s; its title was asked for 3-11 s, over both its crossfades.
    words = AdWords(titles=(SceneTitle(2, "Fresh every morning", 3.0, 11.0),))
    (title,) = plan_words(words, DURATIONS).titles
    window = title_windows(DURATIONS)[1]
    assert (title.start, title.end) == (window.start, window.end)
    for start, end in _fades(DURATIONS):
        assert title.end <= start or title.start >= end


def test_the_end_card_sits_in_the_last_scene_and_marks_it_as_carrying_words() -> None:
    words = AdWords(end_card=EndCard("Lumen", "Shop now", 20.0, 30.0))
    plan = plan_words(words, DURATIONS)
    assert plan.card is not None and not plan.empty
    last = scene_windows(DURATIONS)[-1]
    assert (plan.card.start, plan.card.end) == (last.start, 900)
    assert plan.spans == ((last.start, last.end),)


def test_only_scenes_with_words_are_spans_to_encode() -> None:
    plan = plan_words(ad_words(), DURATIONS)
    windows = scene_windows(DURATIONS)
    # Lines in scenes 1, 2 and 4; titles in 1 and 4; the card in 5; nothing in scene 3.
    assert plan.spans == tuple((w.start, w.end) for w in windows if w.scene_number != 3)
    only_first = AdWords(titles=(SceneTitle(1, "Hello", 0.5, 3.0),))
    assert plan_words(only_first, DURATIONS).spans == ((windows[0].start, windows[0].end),)


def test_the_titles_the_script_places_are_the_titles_burned_unclipped() -> None:
    # One rule: the windows in seconds (`app.words.windows`) that place a title and the windows
    # in frames that the burner clamps it to agree, so no title loses a frame between the two.
    for durations in _storyboards():
        texts = [f"Title {n}" for n in range(1, len(durations) + 1)]
        for card in (True, False):
            words = build_words(
                (), texts, durations, product_name="Lumen" if card else "", call_to_action=""
            )
            placed = plan_words(words, durations).titles
            asked = [(round(t.start * FPS), round(t.end * FPS)) for t in words.titles]
            assert [(t.start, t.end) for t in placed] == asked, (durations, card)
            assert len(placed) == len(words.titles)
