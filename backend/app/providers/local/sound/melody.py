"""The lead line: a two-bar question-and-answer motif, repeated and refitted to each chord.

Repetition is what makes a melody memorable rather than random, so the seed picks a rhythm and
a contour once and the phrase returns with its shape intact; only the pitches bend so that the
notes on strong beats are tones of the chord underneath. The line ends on the tonic.
"""

from __future__ import annotations

import numpy as np

from app.providers.local.sound.events import Note
from app.providers.local.sound.style import Feel, Instrument, MusicStyle
from app.providers.local.sound.theory import (
    Chord,
    nearest_pitch,
    scale_pitch_classes,
    scale_step,
    snap_to_scale,
)
from app.providers.local.sound.timeline import Timeline

Rhythm = tuple[tuple[int, int], ...]
"""(sixteenth step in the bar, length in sixteenths) per note."""

REGISTERS: dict[Instrument, tuple[int, int]] = {
    Instrument.PIANO: (67, 84),
    Instrument.MARIMBA: (67, 86),
    Instrument.SYNTH: (69, 86),
    Instrument.EPIANO: (68, 84),
    Instrument.BELL: (72, 89),
}

SPARSE, MEDIUM, BUSY = "sparse", "medium", "busy"
DENSITY: dict[Feel, str] = {
    Feel.CALM: SPARSE,
    Feel.DARK: SPARSE,
    Feel.WARM: MEDIUM,
    Feel.UPLIFTING: MEDIUM,
    Feel.PLAYFUL: BUSY,
    Feel.ENERGETIC: BUSY,
}
QUESTIONS: dict[str, tuple[Rhythm, ...]] = {
    SPARSE: (((0, 8), (8, 8)), ((0, 6), (6, 2), (8, 8)), ((4, 4), (8, 8)), ((0, 12), (12, 4))),
    MEDIUM: (
        ((0, 4), (4, 4), (8, 6), (14, 2)),
        ((0, 6), (6, 2), (8, 4), (12, 4)),
        ((2, 2), (4, 4), (8, 8)),
        ((0, 3), (3, 3), (6, 2), (8, 8)),
    ),
    BUSY: (
        ((0, 2), (2, 2), (4, 2), (6, 2), (8, 4), (12, 2), (14, 2)),
        ((0, 3), (3, 3), (6, 2), (8, 2), (10, 2), (12, 4)),
        ((0, 2), (2, 2), (6, 2), (8, 2), (10, 4), (14, 2)),
        ((0, 2), (2, 2), (4, 4), (10, 2), (12, 4)),
    ),
}
ANSWERS: dict[str, tuple[Rhythm, ...]] = {
    SPARSE: (((0, 16),), ((0, 8), (8, 8)), ((0, 4), (4, 12))),
    MEDIUM: (((0, 4), (4, 12)), ((0, 8), (8, 8)), ((0, 6), (6, 10)), ((0, 2), (2, 2), (4, 12))),
    BUSY: (
        ((0, 2), (2, 2), (4, 4), (8, 8)),
        ((0, 4), (4, 4), (8, 8)),
        ((0, 2), (2, 2), (4, 2), (6, 10)),
    ),
}
LEGATO: dict[Instrument, float] = {Instrument.SYNTH: 0.8, Instrument.EPIANO: 0.95}
MOVES = np.array([-3, -2, -1, 0, 1, 2, 3])
MOVE_ODDS = np.array([0.07, 0.15, 0.25, 0.06, 0.25, 0.15, 0.07])


def _contour(rng: np.random.Generator, length: int) -> list[int]:
    """Scale-step moves, mostly steps; after a leap the line steps back, as singers do."""
    moves: list[int] = []
    for _ in range(length):
        if moves and abs(moves[-1]) >= 3:
            moves.append(-int(np.sign(moves[-1])))
        else:
            moves.append(int(rng.choice(MOVES, p=MOVE_ODDS)))
    return moves


def _nearest_chord_tone(chord: Chord, target: int, avoid: int | None = None) -> int:
    """The chord tone closest to `target`, other than `avoid` (so a moving line keeps moving)."""
    options = {nearest_pitch(pc, target + shift) for pc in chord.tones for shift in (-12, 0, 12)}
    if avoid is not None:
        options.discard(avoid)
    return min(options, key=lambda p: (abs(p - target), p))


def _accent(step: int) -> float:
    return 1.0 if step == 0 else 0.92 if step == 8 else 0.87 if step % 4 == 0 else 0.8


def write_melody(
    tl: Timeline,
    chords: list[Chord],
    style: MusicStyle,
    first_bar: int,
    level: list[float],
    rng: np.random.Generator,
) -> list[Note]:
    if style.lead is None or first_bar >= tl.bars:
        return []
    lead = style.lead
    low, high = REGISTERS[lead]
    scale = scale_pitch_classes(style.tonic, style.mode)
    density = DENSITY[style.feel]
    question = QUESTIONS[density][rng.integers(len(QUESTIONS[density]))]
    picks = rng.choice(len(ANSWERS[density]), size=2, replace=False)
    answers = [ANSWERS[density][int(i)] for i in picks]
    contours = {key: _contour(rng, 8) for key in ((0, 0), (0, 1), (1, 0), (1, 1))}
    legato = LEGATO.get(lead, 1.0)

    centre = (low + high) // 2
    pitch = _nearest_chord_tone(chords[first_bar], centre)
    notes: list[Note] = []
    for bar in range(first_bar, tl.bars):
        phrase, half = divmod(bar - first_bar, 2)
        last_bar = bar == tl.bars - 1
        rhythm = answers[phrase % 2] if half or last_bar else question
        moves = contours[(phrase % 2, 1 if last_bar else half)]
        for i, (step, length) in enumerate(rhythm):
            move = moves[i % len(moves)]
            # Gravity: far from the middle of the range, lines turn back instead of clinging
            # to its edge.
            if abs(pitch - centre) > 5 and (pitch - centre) * move > 0:
                move = -move
            candidate = scale_step(snap_to_scale(pitch, scale), move, scale)
            if step % 8 == 0 or length >= 4:
                avoid = None if move == 0 else pitch
                candidate = _nearest_chord_tone(chords[bar], candidate, avoid)
            while candidate > high:
                candidate -= 12
            while candidate < low:
                candidate += 12
            pitch = candidate
            notes.append(
                Note(
                    start=max(0.0, tl.at(bar, step) + float(rng.normal(0.0, 0.004))),
                    gate=length * tl.step * legato,
                    midi=pitch,
                    velocity=level[bar] * _accent(step) * float(rng.uniform(0.92, 1.0)),
                    instrument=lead,
                )
            )
    # Resolve: the tonic nearest the last note, held through the final chord.
    final = nearest_pitch(style.tonic, pitch)
    final = final - 12 if final > high else final + 12 if final < low else final
    notes.append(Note(tl.end, max(0.3, tl.tail - 1.0), final, 0.9, lead))
    return notes
