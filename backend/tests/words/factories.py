"""Hand-made `AdWords` for the words tests: lines spoken at 2.5 words a second inside scenes.

Scene 3 carries no words, so the tests can see its frames copied as they were."""

from __future__ import annotations

from pathlib import Path

from app.words.timeline import AdWords, EndCard, SceneTitle, SpokenLine, TimedWord

DURATIONS = [4.0, 6.0, 5.0, 7.0, 8.0]
"""Transitions at 4, 10, 15 and 22 s, each 0.5 s long."""


def spoken(scene_number: int, start: float, text: str, pace: float = 0.4) -> SpokenLine:
    """`text` said from `start`, one word every `pace` s, each word 85 % of its slot."""
    words, at = [], start
    for word in text.split():
        words.append(TimedWord(word, round(at, 3), round(at + pace * 0.85, 3)))
        at += pace
    return SpokenLine(scene_number, text, start, round(at - pace * 0.15, 3), tuple(words))


def ad_words(logo: Path | None = None, accent: str | None = "#e4572e") -> AdWords:
    return AdWords(
        lines=(
            spoken(1, 0.3, "Glow that lasts, all day long."),
            spoken(2, 4.8, "Vitamin C serum for morning skin"),
            spoken(4, 15.8, "Light, fast, and made to travel"),
        ),
        titles=(
            SceneTitle(1, "Radiance in a drop", 0.2, 3.9),
            SceneTitle(4, "Dermatologist tested", 15.6, 21.8),
        ),
        end_card=EndCard("Lumen Serum", "Shop now", 26.0, 30.0, logo=logo),
        accent=accent,
    )
