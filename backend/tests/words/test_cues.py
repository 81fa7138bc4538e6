"""Captions as cues: phrase by phrase, in step with the voice, never across a crossfade."""

from __future__ import annotations

import itertools
import re

import pytest

from app.ffmpeg.timing import CROSSFADE_FRAMES, FPS, transition_offsets
from app.words.compose import caption_files
from app.words.cues import MAX_PHRASE_WORDS, caption_cues, phrases, srt, webvtt
from app.words.plan import plan_words
from app.words.timeline import AdWords
from app.words.titles import scene_windows
from tests.words.factories import DURATIONS, ad_words, spoken

FRAME = 1 / FPS
_TIMING = re.compile(r"(\d\d):(\d\d):(\d\d)[.,](\d{3}) --> (\d\d):(\d\d):(\d\d)[.,](\d{3})")


def _cues(text: str) -> list[tuple[float, float, str]]:
    """(start, end, text) of every cue of a .vtt or .srt file."""
    found = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = _TIMING.fullmatch(line)
        if match:
            h1, m1, s1, ms1, h2, m2, s2, ms2 = (int(g) for g in match.groups())
            found.append(
                (
                    h1 * 3600 + m1 * 60 + s1 + ms1 / 1000,
                    h2 * 3600 + m2 * 60 + s2 + ms2 / 1000,
                    lines[index + 1],
                )
            )
    return found


@pytest.mark.parametrize("kind", ["webvtt", "srt"])
def test_cues_follow_each_spoken_line_to_within_a_frame(kind: str) -> None:
    words = ad_words()
    files = caption_files(words, DURATIONS)
    assert files is not None
    text = files.webvtt if kind == "webvtt" else files.srt
    if kind == "webvtt":
        assert text.startswith("WEBVTT\n\n")
    cues = _cues(text)
    at = 0
    for line in words.lines:
        said = " ".join(line.text.split())
        mine = []
        while at < len(cues) and " ".join(c[2] for c in mine) != said:
            mine.append(cues[at])
            at += 1
        assert " ".join(c[2] for c in mine) == said, "every word, in order, once"
        assert mine[0][0] == pytest.approx(line.start, abs=FRAME)
        assert mine[-1][1] == pytest.approx(line.end, abs=FRAME)
        for (_, end, _), (start, _, _) in itertools.pairwise(mine):
            assert end == pytest.approx(start, abs=0.001), "no gap, no overlap inside a line"
        for cue, group in zip(mine[1:], phrases(line.words)[1:], strict=True):
            assert cue[0] == pytest.approx(group[0].start, abs=FRAME), (
                "a phrase starts with its word"
            )
    assert at == len(cues)


def test_phrases_are_short_and_break_after_punctuation() -> None:
    line = spoken(1, 0.0, "Glow that lasts, all day long, from the first light to the last.")
    groups = [" ".join(w.text for w in group) for group in phrases(line.words)]
    assert groups[0] == "Glow that lasts,"
    assert all(len(group.split()) <= MAX_PHRASE_WORDS for group in groups)
    assert " ".join(groups) == line.text


def test_no_cue_straddles_a_crossfade_even_when_the_voice_runs_over() -> None:
    # Scene 1 ends at 4 s; this line runs to about 5.5 s, through the 4.0-4.5 s crossfade.
    words = AdWords(
        lines=(spoken(1, 1.0, "one two three four five six seven eight nine ten eleven"),)
    )
    windows = scene_windows(DURATIONS)
    cues = caption_cues(words, windows)
    fades = [
        (round(t * FPS), round(t * FPS) + CROSSFADE_FRAMES) for t in transition_offsets(DURATIONS)
    ]
    assert cues
    for cue in cues:
        assert any(w.start <= cue.start and cue.end <= w.end for w in windows), cue
        for start, end in fades:
            assert cue.end <= start or cue.start >= end, (cue, start, end)


def test_cue_text_cannot_end_a_cue_or_inject_markup() -> None:
    words = AdWords(lines=(spoken(1, 0.5, "a --> b <i>c</i> &"),))
    cues = caption_cues(words, scene_windows(DURATIONS))
    vtt, sub = webvtt(cues), srt(cues)
    assert sum("-->" in line for line in vtt.splitlines()) == len(cues) == len(_cues(vtt))
    assert "<i>" not in vtt and "&lt;i&gt;" in vtt
    assert len(_cues(sub)) == len(cues)


def test_no_voice_or_captions_off_makes_no_caption_files_and_no_words() -> None:
    assert caption_files(AdWords(), DURATIONS) is None
    off = AdWords(lines=ad_words().lines, captions=False)
    assert caption_files(off, DURATIONS) is None
    assert plan_words(off, DURATIONS).cues == ()
    assert plan_words(AdWords(), DURATIONS).empty
