"""Bars, sections and the sixteenth-note grid, fitted so the final chord lands on time.

The track is whole bars of music followed by a ringing final tonic chord. Rather than cut a
phrase short, the tempo is nudged (a few percent at most for 30 s) so that a whole number of
bars ends exactly where the final chord must start to ring out by the end of the track.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

BEATS_PER_BAR = 4
STEPS_PER_BEAT = 4
STEPS_PER_BAR = BEATS_PER_BAR * STEPS_PER_BEAT


class Section(IntEnum):
    """Ordered, so "has entered by" is a comparison: a part entering at BUILD plays in MAIN."""

    INTRO = 0
    BUILD = 1
    MAIN = 2
    CADENCE = 3


@dataclass(frozen=True)
class Timeline:
    tempo: float
    bars: int
    duration: float
    swing: float
    sections: tuple[Section, ...]
    """One per bar."""

    @property
    def beat(self) -> float:
        return 60.0 / self.tempo

    @property
    def bar(self) -> float:
        return self.beat * BEATS_PER_BAR

    @property
    def step(self) -> float:
        return self.beat / STEPS_PER_BEAT

    @property
    def end(self) -> float:
        """When the final tonic chord strikes."""
        return self.bars * self.bar

    @property
    def tail(self) -> float:
        return self.duration - self.end

    def at(self, bar: int, step: int) -> float:
        """Seconds at a sixteenth of a bar, with swing pushing the off-beats late."""
        offset = 0.0
        if step % 4 == 2:
            offset = 2.0 * self.swing * self.step
        elif step % 2 == 1:
            offset = self.swing * self.step
        return bar * self.bar + step * self.step + offset

    def first_bar_of(self, section: Section) -> int | None:
        return next((b for b, s in enumerate(self.sections) if s is section), None)


def tail_seconds(tempo: float, duration: float) -> float:
    """How long the final chord rings: two beats and a bit, longer for slow music."""
    return min(0.35 * duration, 1.2 + 2.0 * 60.0 / tempo)


INTRO_SECONDS = 4.5
BUILD_SECONDS = 6.5
"""Roughly how long an ad's opening shots and its build-up last, whatever the tempo."""


def section_plan(bars: int, bar_seconds: float) -> tuple[Section, ...]:
    """Intro, build, main for the rest, and one cadence bar before the final chord."""
    if bars == 1:
        return (Section.CADENCE,)
    if bars < 5:
        return (Section.INTRO, *([Section.MAIN] * (bars - 2)), Section.CADENCE)
    intro = max(1, round(INTRO_SECONDS / bar_seconds))
    build = max(1, round(BUILD_SECONDS / bar_seconds))
    # Keep at least two bars of main section; short tracks shorten the build first.
    build = max(1, min(build, bars - 1 - intro - 2))
    intro = max(1, min(intro, bars - 1 - build - 2))
    main = bars - intro - build - 1
    return (
        *([Section.INTRO] * intro),
        *([Section.BUILD] * build),
        *([Section.MAIN] * main),
        Section.CADENCE,
    )


def fit_timeline(tempo: float, duration: float, swing: float = 0.0) -> Timeline:
    if duration <= 0:
        raise ValueError(f"duration must be positive, got {duration}")
    body = duration - tail_seconds(tempo, duration)
    bar = 60.0 / tempo * BEATS_PER_BAR
    bars = max(1, round(body / bar))
    fitted = bars * BEATS_PER_BAR * 60.0 / body
    sections = section_plan(bars, body / bars)
    return Timeline(tempo=fitted, bars=bars, duration=duration, swing=swing, sections=sections)
