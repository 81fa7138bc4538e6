"""Where a spoken line goes in its scene, and when each of its words is said. Pure functions.

Word times come from the synthesis, never from speech recognition: each line is synthesised on
its own and trimmed to its first and last audible sample (`app.words.audio`), so its start and
end on the ad's timeline are measured, exact to a sample. Inside the line, the words share its
measured length in proportion to their syllables, with a short weight for the pause a comma or
a full stop makes. None of the three engines hands out word times we can use: the Piper voices
on PyPI are exported without alignment output, espeak-ng's command line prints none, and
OpenAI's speech endpoint returns audio only. Syllables track speaking time far better than
letters ("through" is one beat, "idea" three), so a caption's highlighted word stays within a
syllable or so of the voice, and every word stays inside its line's measured window.
"""

from __future__ import annotations

import itertools
import re

from app.words.script import WORD_PATTERN as _WORD
from app.words.timeline import TimedWord
from app.words.windows import Window

LEAD_SECONDS = 0.3
"""A line starts this long into its speech window when there is room: a breath after the cut."""
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_PAUSES = {",": 0.5, ";": 0.6, ":": 0.6, ".": 0.9, "!": 0.9, "?": 0.9, "—": 0.6, "–": 0.6}
"""A punctuation mark's pause, in syllables' worth of time."""


def place_line(window: Window, seconds: float) -> tuple[float, float]:
    """Start and end of a line `seconds` long: a breath into its window, never past its end.

    A line longer than its window is the caller's to shorten first (it speeds the audio up)."""
    slack = max(0.0, window.seconds - seconds)
    start = window.start + min(LEAD_SECONDS, slack / 2)
    return start, start + seconds


def syllables(word: str) -> int:
    """A plain English syllable count: vowel groups, a silent final e dropped. Digits count one
    per digit (a number is said longer than it is written); never fewer than one."""
    lowered = word.lower()
    digits = sum(ch.isdigit() for ch in lowered)
    letters = re.sub(r"[^a-z]", "", lowered)
    count = len(_VOWEL_GROUPS.findall(letters))
    if letters.endswith("e") and not letters.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(1, count + digits)


def word_times(text: str, start: float, end: float) -> tuple[TimedWord, ...]:
    """Each word of `text` with its start and end, sharing [start, end] by syllables and pauses;
    monotonic, touching end to start, the first at `start` and the last at `end`."""
    spans = list(_WORD.finditer(text))
    if not spans:
        return ()
    beats = [syllables(match.group(0)) for match in spans]
    gaps = [text[here.end() : after.start()] for here, after in itertools.pairwise(spans)]
    pauses = [*map(_pause, gaps), 0.0]
    total = sum(beats) + sum(pauses)
    scale = (end - start) / total
    timed, cursor = [], start
    for index, match in enumerate(spans):
        word_end = end if index == len(spans) - 1 else cursor + beats[index] * scale
        timed.append(TimedWord(match.group(0), round(cursor, 4), round(word_end, 4)))
        cursor = word_end + pauses[index] * scale
    return tuple(timed)


def _pause(between: str) -> float:
    """The longest pause the punctuation between two words makes."""
    return max((_PAUSES.get(ch, 0.0) for ch in between), default=0.0)
