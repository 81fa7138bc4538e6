"""Scales, chords, progressions and voice leading: pure music theory, no audio.

Pitches are MIDI note numbers (60 = middle C); pitch classes are 0–11 with 0 = C.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Mode(StrEnum):
    MAJOR = "major"
    MINOR = "minor"


class ChordColour(StrEnum):
    """How much is stacked on a triad: sevenths sound lush and calm, add9 sounds open."""

    TRIAD = "triad"
    SEVENTH = "seventh"
    ADD9 = "add9"


SCALES: dict[Mode, tuple[int, ...]] = {
    Mode.MAJOR: (0, 2, 4, 5, 7, 9, 11),
    Mode.MINOR: (0, 2, 3, 5, 7, 8, 10),
}

# Four-chord loops as 0-based scale degrees. Each ends on a chord that leans back to the tonic
# (V, IV or ♭VII), so looping them and then landing on I sounds like an ending, not a stop.
PROGRESSIONS: dict[Mode, tuple[tuple[int, ...], ...]] = {
    Mode.MAJOR: ((0, 4, 5, 3), (0, 5, 3, 4), (5, 3, 0, 4), (0, 3, 5, 4), (0, 2, 3, 4)),
    Mode.MINOR: ((0, 5, 2, 6), (0, 3, 5, 4), (0, 6, 5, 4), (0, 5, 3, 4)),
}


def midi_to_hz(midi: float) -> float:
    return 440.0 * 2.0 ** ((midi - 69.0) / 12.0)


@dataclass(frozen=True)
class Chord:
    degree: int
    """0-based scale degree of the root."""
    tones: tuple[int, ...]
    """Pitch classes, root first, then third, fifth and any extension."""

    @property
    def root(self) -> int:
        return self.tones[0]


def scale_pitch_classes(tonic: int, mode: Mode) -> tuple[int, ...]:
    return tuple((tonic + step) % 12 for step in SCALES[mode])


def chord_on(tonic: int, mode: Mode, degree: int, colour: ChordColour = ChordColour.TRIAD) -> Chord:
    """The diatonic chord on `degree`, stacked in thirds from the scale."""
    scale = SCALES[mode]
    stack = (0, 2, 4, 6) if colour is ChordColour.SEVENTH else (0, 2, 4)
    steps = [scale[(degree + s) % 7] for s in stack]
    ninth = scale[(degree + 1) % 7]
    # A ninth a semitone above the root (♭9, as on iii or minor V) grates instead of shimmering.
    if colour is ChordColour.ADD9 and (ninth - steps[0]) % 12 != 1:
        steps.append(ninth)
    if mode is Mode.MINOR and degree == 4:
        # Harmonic minor: a major V with a leading tone pulls much harder towards i.
        steps[1] = (steps[1] + 1) % 12
    return Chord(degree=degree, tones=tuple((tonic + s) % 12 for s in steps))


def chords_for_bars(
    tonic: int, mode: Mode, progression: tuple[int, ...], bars: int, colour: ChordColour
) -> list[Chord]:
    """One chord per bar, looping `progression`; the last bar always takes its cadence chord."""
    degrees = [progression[i % len(progression)] for i in range(bars)]
    if bars >= 2:
        degrees[-1] = progression[-1]
    return [chord_on(tonic, mode, d, colour) for d in degrees]


def nearest_pitch(pitch_class: int, target: float) -> int:
    """The MIDI note of `pitch_class` closest to `target`."""
    base = round(target) - ((round(target) - pitch_class) % 12)
    return base + 12 if target - base > 6 else base


def voice(chord: Chord, previous: tuple[int, ...] | None, centre: float) -> tuple[int, ...]:
    """Close voicing of `chord` that moves least from `previous` (smooth voice leading).

    Without a previous voicing, the inversion whose middle sits nearest `centre` is used.
    """
    size = len(chord.tones)
    candidates: list[tuple[int, ...]] = []
    for rotation in range(size):
        order = chord.tones[rotation:] + chord.tones[:rotation]
        for octave in range(3, 7):
            notes = [order[0] + 12 * octave]
            for pc in order[1:]:
                notes.append(notes[-1] + ((pc - notes[-1]) % 12 or 12))
            candidates.append(tuple(notes))

    def spread(notes: tuple[int, ...]) -> float:
        # Voicings much wider than an octave and a half sound hollow on a pad.
        return 0.5 * max(0, notes[-1] - notes[0] - 17)

    def cost(notes: tuple[int, ...]) -> float:
        drift = abs(sum(notes) / size - centre)
        if previous is None:
            return drift + spread(notes)
        # Movement of the top and bottom voices is what the ear follows; drift keeps the
        # register from wandering over many bars.
        motion = abs(notes[0] - previous[0]) + abs(notes[-1] - previous[-1])
        return motion + 0.5 * drift + spread(notes)

    return min(candidates, key=cost)


def snap_to_scale(midi: int, scale: tuple[int, ...]) -> int:
    """`midi` if it is in the scale, else the scale note just below it."""
    while midi % 12 not in scale:
        midi -= 1
    return midi


def scale_step(midi: int, steps: int, scale: tuple[int, ...]) -> int:
    """Move `steps` scale degrees up (or down, if negative) from a scale note."""
    direction = 1 if steps > 0 else -1
    for _ in range(abs(steps)):
        midi += direction
        while midi % 12 not in scale:
            midi += direction
    return midi
