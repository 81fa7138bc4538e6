"""The script's one rule: a voiceover line must fit its scene at a natural pace. Pure functions.

A voice reads about 2.5 words a second in an ad; a line needs `words / 2.5` s, and its scene
gives it the speech window of `app.words.windows` (the scene clear of its crossfades, less a
quiet margin each side). Both the directors (writing lines) and the compose request (checking
the user's edits) use this, so a line a director wrote is never refused later.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.words.windows import speech_windows

WORDS_PER_SECOND = 2.5
WORD_PATTERN = re.compile(r"[\w'’%$€£&+-]+")
"""A word as a voice says it: "30%" and "don't" are one word each."""


def spoken_words(text: str) -> list[str]:
    """The words a voice will say, punctuation aside ("30%" and "don't" are one word each)."""
    return WORD_PATTERN.findall(text)


def natural_seconds(text: str) -> float:
    """How long a line takes at a natural pace."""
    return len(spoken_words(text)) / WORDS_PER_SECOND


def words_that_fit(seconds: float) -> int:
    """The most words a line may have to be said in `seconds` at a natural pace."""
    return max(0, math.floor(seconds * WORDS_PER_SECOND + 1e-9))


@dataclass(frozen=True)
class LineTooLong:
    index: int
    """The scene's place in the storyboard, from 0."""
    needs: float
    room: float

    @property
    def over(self) -> float:
        return self.needs - self.room

    def sentence(self, scene_number: int) -> str:
        cut = max(1, math.ceil(self.over * WORDS_PER_SECOND - 1e-9))
        return (
            f"Scene {scene_number}'s voiceover needs about {self.needs:.1f} s at a natural pace, "
            f"but the scene leaves {self.room:.1f} s clear of its crossfades: it is "
            f"{self.over:.1f} s too long. Cut about {cut} word{'s' if cut > 1 else ''} or give "
            "the scene more time."
        )


def lines_too_long(lines: Sequence[str], durations: Sequence[float]) -> list[LineTooLong]:
    """Every line (one per scene, in order) that cannot be said inside its scene."""
    windows = speech_windows(durations)
    problems = []
    for index, (line, window) in enumerate(zip(lines, windows, strict=True)):
        needs = natural_seconds(line)
        if needs > window.seconds + 1e-9:
            problems.append(LineTooLong(index, needs, window.seconds))
    return problems


def golden_vectors() -> dict[str, list[dict[str, object]]]:
    """Lines, storyboards and the backend's answers, for the studio's port of this rule (it
    shows a line's overrun before the user composes) to be checked against."""
    texts = [
        "",
        "Look closer.",
        "Don't wait: 30% off, today only!",
        "Crème brûlée, naïve café — déjà vu.",
        "Rock & roll + more... $5 or €4 or £3",
        "Tag @friends #glow",
        "ein zwei drei, ça va? 東京 は 今日",
        "  spaced   out\nline\t",
        "well-made, long-lasting, self-evident",
        "’quoted’ 'single' \"double\"",
    ]
    storyboards: list[list[float]] = [
        [6.0] * 5,
        [4.0, 6.0, 6.0, 6.0, 8.0],
        [3.5, 5.0, 5.5, 5.5, 6.0, 4.5],
        [1.0, 1.5, 7.5, 10.0, 10.0],
        [3.5, 4.0, 4.0, 4.0, 5.0, 5.0, 4.5],
        [15.0, 1.0, 1.0, 1.0, 12.0],
        [2.0, 3.0, 4.0, 5.0, 6.0],
    ]
    many = " ".join(["word"] * 14)
    fits = []
    for durations in storyboards:
        count = len(durations)
        for lines in (
            [texts[(i * 3) % len(texts)] for i in range(count)],
            [many] * count,
            [" ".join(["go"] * (i * 4)) for i in range(count)],
        ):
            fits.append(
                {
                    "lines": lines,
                    "durations": durations,
                    "rooms": [w.seconds for w in speech_windows(durations)],
                    "out": [
                        {"index": p.index, "needs": p.needs, "room": p.room}
                        for p in lines_too_long(lines, durations)
                    ],
                }
            )
    return {
        "spoken_words": [{"text": text, "out": spoken_words(text)} for text in texts],
        "lines_too_long": fits,
    }
