"""The words' rules, pure: where lines and titles may go, when a line fits, word times."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from app.contract import dump
from app.ffmpeg.inputs import FileInput, check_argv
from app.ffmpeg.mix import (
    DUCK_DB,
    Loudness,
    aac_args,
    duck_gain,
    master_args,
    master_gain,
    measure_args,
    mix_args,
    parse_loudness,
)
from app.ffmpeg.timing import CROSSFADE_SECONDS, transition_offsets
from app.words.build import ad_words
from app.words.script import golden_vectors as script_golden
from app.words.script import lines_too_long, natural_seconds, words_that_fit
from app.words.timeline import SpokenLine
from app.words.timing import place_line, syllables, word_times
from app.words.windows import (
    SPEECH_MARGIN,
    TITLE_MARGIN,
    Window,
    clear_spans,
    end_card_window,
    speech_windows,
    title_windows,
)

STORYBOARDS = [
    [6.0] * 5,
    [5.0] * 6,
    [3.5, 5.0, 5.5, 5.5, 6.0, 4.5],
    [3.5, 4.0, 4.0, 4.0, 5.0, 5.0, 4.5],
    [1.5, 7.0, 7.0, 7.0, 7.5],
]


def _crossfades(durations: list[float]) -> list[tuple[float, float]]:
    return [(t, t + CROSSFADE_SECONDS) for t in transition_offsets(durations)]


def _overlaps(window: Window, fade: tuple[float, float]) -> bool:
    return window.start < fade[1] and fade[0] < window.end


@pytest.mark.parametrize("durations", STORYBOARDS)
def test_titles_never_cross_a_transition_and_stay_in_their_scene(durations: list[float]) -> None:
    spans = clear_spans(durations)
    card = end_card_window(durations)
    for index, window in enumerate(title_windows(durations)):
        if window is None:
            continue
        assert spans[index].start <= window.start < window.end <= spans[index].end
        for fade in _crossfades(durations):
            assert not _overlaps(window, fade)
            # Gone before a crossfade starts, in only after one ends, with a margin either way.
            assert window.end <= fade[0] - TITLE_MARGIN + 1e-9 or window.start >= fade[1] + (
                TITLE_MARGIN - 1e-9
            )
        assert window.end <= card.start, "the last title is off before the end card"
    assert card.end == pytest.approx(30.0)
    assert not any(_overlaps(card, fade) for fade in _crossfades(durations))


@pytest.mark.parametrize("durations", STORYBOARDS)
def test_speech_windows_keep_the_crossfades_quiet(durations: list[float]) -> None:
    for window in speech_windows(durations):
        for start, end in _crossfades(durations):
            assert window.end <= start - SPEECH_MARGIN + 1e-9 or window.start >= end + (
                SPEECH_MARGIN - 1e-9
            )


def test_a_line_that_fits_passes_and_one_that_does_not_says_by_how_much() -> None:
    durations = [6.0] * 5
    room = speech_windows(durations)[1].seconds  # 6 - 0.5 - 2 x 0.2 = 5.1 s
    assert room == pytest.approx(5.1)
    fits = " ".join(["word"] * words_that_fit(room))
    too_long = " ".join(["word"] * 20)  # 8 s at 2.5 words a second
    assert natural_seconds(too_long) == pytest.approx(8.0)
    lines = ["", fits, too_long, "Natural ingredients.", ""]
    [problem] = lines_too_long(lines, durations)
    assert problem.index == 2 and problem.over == pytest.approx(8.0 - 5.1)
    sentence = problem.sentence(3)
    assert "Scene 3" in sentence and "2.9 s too long" in sentence
    assert "Cut about 8 words" in sentence


def test_word_counting_treats_numbers_and_contractions_as_one_word_each() -> None:
    assert natural_seconds("Don't wait: 30% off, today!") == pytest.approx(5 / 2.5)


@pytest.mark.parametrize(
    "text",
    [
        "Natural ingredients, for skin that feels like yours.",
        "Shop now.",
        "One. Two, three; four — five!",
        "Visible glow in 2 weeks",
    ],
)
def test_word_times_are_monotonic_and_inside_the_line(text: str) -> None:
    start, end = 11.0, 14.2
    words = word_times(text, start, end)
    assert [w.text for w in words] == text.replace(",", "").replace(";", "").replace(
        "—", ""
    ).replace(".", "").replace("!", "").replace(":", "").split()
    assert words[0].start == start and words[-1].end == end
    for word, following in itertools.pairwise(words):
        assert start <= word.start < word.end <= following.start <= end


def test_longer_words_take_longer_and_punctuation_leaves_a_pause() -> None:
    words = word_times("Go, extraordinary serum", 0.0, 3.0)
    go, extraordinary, serum = words
    assert extraordinary.end - extraordinary.start > 3 * (go.end - go.start)
    assert extraordinary.start > go.end, "the comma is a pause"
    assert serum.start == extraordinary.end
    assert syllables("through") == 1 and syllables("idea") >= 2 and syllables("ingredients") == 3


def test_a_line_is_placed_a_breath_into_its_window_and_never_past_it() -> None:
    window = Window(10.7, 15.8)
    start, end = place_line(window, 3.0)
    assert start == pytest.approx(11.0) and end == pytest.approx(14.0)
    start, end = place_line(window, 5.0)  # little slack: centred in what there is
    assert window.start <= start and end <= window.end + 1e-9


def test_ad_words_titles_come_from_the_scenes_and_the_card_from_the_plan() -> None:
    durations = [6.0] * 5
    line = SpokenLine(
        3, "Natural ingredients.", 12.8, 14.2, word_times("Natural ingredients.", 12.8, 14.2)
    )
    words = ad_words(
        [line], ["", "", "Natural ingredients", "", ""], durations,
        product_name="Serum", call_to_action="Shop the serum",
    )  # fmt: skip
    [title] = words.titles
    assert (title.scene_number, title.text) == (3, "Natural ingredients")
    assert 12.5 <= title.start < title.end <= 18.0
    assert words.end_card is not None
    assert (words.end_card.product_name, words.end_card.call_to_action) == (
        "Serum",
        "Shop the serum",
    )
    assert words.end_card.end == pytest.approx(30.0) and words.lines == (line,)


def test_the_music_dips_by_the_full_depth_inside_a_line_and_not_between_lines() -> None:
    expression = duck_gain([(2.0, 4.0), (10.0, 12.0)])

    def gain(t: float) -> float:
        return float(
            eval(expression, {"clip": lambda x, a, b: min(max(x, a), b), "min": min, "t": t})
        )

    floor = 10 ** (-DUCK_DB / 20)
    assert gain(3.0) == pytest.approx(floor, rel=1e-5)
    assert gain(11.0) == pytest.approx(floor, rel=1e-5)
    assert gain(0.5) == 1 and gain(7.0) == 1 and gain(20.0) == 1
    assert floor < gain(4.07) < 1, "it comes back over a short ramp"
    assert duck_gain([]) == "1"


def test_the_meter_reading_is_parsed_to_lufs_and_dbtp() -> None:
    report = (
        "frame:0 pts:0\nlavfi.r128.I=-70.000\nlavfi.r128.true_peak=0.100\n"
        "frame:1 pts:4800\nlavfi.r128.I=-21.500\nlavfi.r128.true_peak=0.500\n"
        "frame:2 pts:9600\nlavfi.r128.I=-22.000\nlavfi.r128.true_peak=0.250\n"
    )
    loudness = parse_loudness(report)
    assert loudness.integrated == -22.0
    assert loudness.true_peak == pytest.approx(-6.02, abs=0.01)
    assert master_gain(loudness) == pytest.approx(6.0)
    assert master_gain(Loudness(-90.0, -80.0)) == 30.0
    with pytest.raises(ValueError):
        parse_loudness("nothing here")


def test_the_mixer_argvs_read_only_what_they_are_given(tmp_path: Path) -> None:
    music, voice = FileInput(tmp_path / "m.wav", "wav"), FileInput(tmp_path / "v.wav", "wav")
    for argv in (
        mix_args(music, 30.0, voice, [(1.0, 2.0)], 30.0, tmp_path / "mix.wav"),
        mix_args(None, None, voice, [(1.0, 2.0)], 30.0, tmp_path / "mix.wav"),
        measure_args(FileInput(tmp_path / "mix.wav", "wav"), tmp_path / "r:eport's.txt"),
        master_args(FileInput(tmp_path / "mix.wav", "wav"), 3.5, tmp_path / "m.wav"),
        aac_args(FileInput(tmp_path / "m.wav", "wav"), tmp_path / "a.m4a"),
    ):
        check_argv(argv)


def test_the_studios_fit_vectors_are_the_backends_answers() -> None:
    # The studio shows a line's overrun before composing with a port of `lines_too_long`,
    # checked against this file; `make contract` rewrites it when the rule changes.
    golden = Path(__file__).resolve().parents[3] / "frontend/tests/unit/golden/script_rules.json"
    committed = golden.read_text(encoding="utf-8")
    assert json.loads(committed) == script_golden(), "run `make contract` and commit the result"
    assert committed == dump(script_golden())
    overruns = [case for case in script_golden()["lines_too_long"] if case["out"]]
    assert overruns, "the vectors must include lines that do not fit"
