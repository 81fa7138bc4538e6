"""Spoken lines → caption cues, phrase by phrase, on the ad's frames. Pure functions.

A whole line is too much to read at once on a phone: it is cut into short phrases (a few words,
broken after punctuation), each shown from its first word until the next phrase begins, and
within a phrase the word being spoken is marked. Times become whole frames once, here, so the
burned captions and the `.vtt`/`.srt` files say exactly the same thing, and every cue is moved
inside its scene's window (`app.words.titles`): no caption straddles a crossfade.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.ffmpeg.timing import FPS
from app.words.timeline import AdWords, SpokenLine, TimedWord
from app.words.titles import Window, place, to_frame

MAX_PHRASE_WORDS = 4
MAX_PHRASE_CHARS = 22
"""About what fits on one line of a phone-width caption at our size."""
_BREAK_AFTER = (",", ".", ";", ":", "!", "?", "—", "–")


@dataclass(frozen=True)
class Cue:
    """One phrase on screen, frames [start, end) of the ad."""

    start: int
    end: int
    words: tuple[str, ...]
    marks: tuple[int, ...]
    """The frame each word starts being spoken (the first is `start`): the word highlighted
    from `marks[i]` until `marks[i + 1]` (or the cue's end) is `words[i]`."""

    @property
    def text(self) -> str:
        return " ".join(self.words)


def phrases(words: Sequence[TimedWord]) -> list[tuple[TimedWord, ...]]:
    """Words grouped into short phrases: a new one after punctuation or when one is full."""
    groups: list[list[TimedWord]] = []
    current: list[TimedWord] = []
    for word in words:
        text = " ".join(w.text for w in [*current, word])
        if current and (len(current) >= MAX_PHRASE_WORDS or len(text) > MAX_PHRASE_CHARS):
            groups.append(current)
            current = []
        current.append(word)
        if word.text.rstrip("\"'”’)").endswith(_BREAK_AFTER):
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return [tuple(group) for group in groups]


def line_cues(line: SpokenLine, windows: Sequence[Window], fps: int = FPS) -> list[Cue]:
    """A line's phrases as cues: the first begins with the line, the last ends with it."""
    words = line.words or (TimedWord(line.text, line.start, line.end),)
    groups = phrases(words)
    starts = [to_frame(line.start, fps)] + [to_frame(g[0].start, fps) for g in groups[1:]]
    ends = [*starts[1:], to_frame(line.end, fps)]
    cues = []
    for group, start, end in zip(groups, starts, ends, strict=True):
        placed = place(windows, start, end)
        if placed is None:
            continue
        first, last = placed
        marks = [first] + [min(max(to_frame(w.start, fps), first), last) for w in group[1:]]
        cues.append(Cue(first, last, tuple(w.text for w in group), tuple(marks)))
    return cues


def caption_cues(words: AdWords, windows: Sequence[Window], fps: int = FPS) -> list[Cue]:
    """Every caption of the ad, in order; none when captions are off."""
    if not words.captions:
        return []
    ordered = sorted(words.lines, key=lambda line: line.start)
    return [cue for line in ordered for cue in line_cues(line, windows, fps)]


def _clock(frame: int, fps: int, separator: str) -> str:
    millis = round(frame * 1000 / fps)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def _one_line(text: str) -> str:
    # A blank line ends a cue in both formats, and "-->" starts a timing line in WebVTT.
    return " ".join(text.split()).replace("-->", "→")


def webvtt(cues: Sequence[Cue], fps: int = FPS) -> str:
    """The captions as WebVTT (for the browser's `<track>`), one cue per phrase."""
    blocks = ["WEBVTT"]
    for number, cue in enumerate(cues, start=1):
        text = _one_line(cue.text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        timing = f"{_clock(cue.start, fps, '.')} --> {_clock(cue.end, fps, '.')}"
        blocks.append(f"{number}\n{timing}\n{text}")
    return "\n\n".join(blocks) + "\n"


def srt(cues: Sequence[Cue], fps: int = FPS) -> str:
    """The captions as SubRip (for editors and platforms' uploads), one cue per phrase."""
    blocks = []
    for number, cue in enumerate(cues, start=1):
        timing = f"{_clock(cue.start, fps, ',')} --> {_clock(cue.end, fps, ',')}"
        blocks.append(f"{number}\n{timing}\n{_one_line(cue.text)}")
    return "\n\n".join(blocks) + ("\n" if blocks else "")
