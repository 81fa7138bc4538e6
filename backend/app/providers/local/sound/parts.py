"""Accompaniment parts: pad, comping chords, arpeggio, bass line and drone.

Each part turns the per-bar chords (already voiced) into notes for the bars it plays in, and
adds its share of the final tonic chord, so every layer resolves together.
"""

from __future__ import annotations

import numpy as np

from app.providers.local.sound.events import Note
from app.providers.local.sound.melody import Rhythm
from app.providers.local.sound.style import Feel, Instrument, MusicStyle
from app.providers.local.sound.theory import Chord, nearest_pitch, scale_pitch_classes
from app.providers.local.sound.timeline import Timeline

Voicing = tuple[int, ...]

PAD_RELEASE = 1.6
"""Matches the pad voice's release, so the final pad notes fade out by the end of the track."""


def _final_gate(tl: Timeline, release: float) -> float:
    return max(0.2, tl.tail - release)


def pad_part(
    tl: Timeline, voicings: list[Voicing], final: Voicing, bars: list[int], level: list[float]
) -> list[Note]:
    """Sustained chords; tones common to consecutive chords are held, not re-struck."""
    notes: list[Note] = []
    held: dict[int, int] = {}  # midi → bar it started in
    playing = set(bars)

    def close(midi: int, until: float) -> None:
        start_bar = held.pop(midi)
        start = tl.at(start_bar, 0)
        notes.append(Note(start, until - start, midi, 0.5 * level[start_bar], Instrument.PAD))

    for bar in range(tl.bars + 1):
        current = set(final if bar == tl.bars else voicings[bar] if bar in playing else ())
        for midi in sorted(set(held) - current):
            close(midi, tl.at(bar, 0))
        for midi in sorted(current - set(held)):
            held[midi] = bar
    final_start = tl.end
    for midi in sorted(held):
        start_bar = held[midi]
        start = tl.at(start_bar, 0) if start_bar < tl.bars else final_start
        gate = final_start - start + _final_gate(tl, PAD_RELEASE)
        notes.append(
            Note(start, gate, midi, 0.5 * level[min(start_bar, tl.bars - 1)], Instrument.PAD)
        )
    return notes


COMP_RHYTHMS: dict[Feel, tuple[Rhythm, ...]] = {
    Feel.WARM: (
        ((0, 6), (6, 4), (10, 6)),
        ((0, 8), (10, 2), (12, 4)),
        ((0, 3), (3, 5), (8, 3), (11, 5)),
    ),
    Feel.PLAYFUL: (((2, 1), (6, 1), (10, 1), (14, 1)), ((0, 1), (3, 1), (6, 1), (10, 1), (12, 2))),
}


def comp_part(
    tl: Timeline,
    voicings: list[Voicing],
    final: Voicing,
    style: MusicStyle,
    bars: list[int],
    level: list[float],
    rng: np.random.Generator,
) -> list[Note]:
    """Rhythmic chords: e-piano comping, or short piano stabs on the off-beats."""
    if style.comp is None or not bars:
        return []
    rhythms = COMP_RHYTHMS.get(style.feel, COMP_RHYTHMS[Feel.WARM])
    main, variation = (rhythms[int(i)] for i in rng.choice(len(rhythms), 2, replace=False))
    staccato = style.feel is Feel.PLAYFUL
    notes: list[Note] = []
    for bar in bars:
        rhythm = variation if bar % 4 == 3 else main
        chord = voicings[bar][1:] if staccato else voicings[bar]
        for step, length in rhythm:
            gate = length * tl.step * (0.5 if staccato else 0.9)
            accent = 1.0 if step in (0, 8) else 0.85
            # A few milliseconds of strum between the voices sounds played, not sequenced.
            for k, midi in enumerate(chord):
                start = tl.at(bar, step) + 0.006 * k
                pan = (midi - 64) / 30.0
                notes.append(Note(start, gate, midi, 0.24 * level[bar] * accent, style.comp, pan))
    chord = final[1:] if staccato else final
    for k, midi in enumerate(chord):
        notes.append(
            Note(tl.end + 0.012 * k, _final_gate(tl, 0.3), midi, 0.26, style.comp, (midi - 64) / 30)
        )
    return notes


ARP_PATTERNS: tuple[tuple[int, ...], ...] = (
    (0, 1, 2, 3, 4, 5, 6, 7),
    (0, 1, 2, 3, 4, 3, 2, 1),
    (0, 2, 1, 3, 2, 4, 3, 5),
    (0, 2, 4, 2, 1, 3, 5, 3),
)
OSTINATO = (0, 0, 2, 0, 3, 0, 2, 1)
"""Root, root, fifth, root, octave…: the low pulse that makes suspense music tick."""
# (lowest note, highest note, sixteenths per note) per feel.
ARP_SHAPES: dict[Feel, tuple[int, int, int]] = {
    Feel.CALM: (53, 77, 2),
    Feel.UPLIFTING: (60, 84, 2),
    Feel.ENERGETIC: (62, 86, 1),
    Feel.DARK: (38, 57, 2),
}


def arp_part(
    tl: Timeline,
    chords: list[Chord],
    style: MusicStyle,
    bars: list[int],
    level: list[float],
    rng: np.random.Generator,
) -> list[Note]:
    if style.arp is None or not bars:
        return []
    low, high, rate = ARP_SHAPES.get(style.feel, ARP_SHAPES[Feel.UPLIFTING])
    dark = style.feel is Feel.DARK
    pattern = OSTINATO if dark else ARP_PATTERNS[rng.integers(len(ARP_PATTERNS))]
    synth = style.arp is Instrument.SYNTH
    notes: list[Note] = []
    for bar in bars:
        tones = chords[bar].tones
        root = low + (tones[0] - low) % 12
        if dark:
            third = root + (tones[1] - tones[0]) % 12
            pool = [root, root + 7, root + 12, third + 12]
        else:
            # Broken chords read best from the root upwards.
            pool = [m for m in range(root, high + 1) if m % 12 in tones]
        for i, step in enumerate(range(0, 16, rate)):
            midi = pool[pattern[i % len(pattern)] % len(pool)]
            accent = 1.0 if step % 8 == 0 else 0.85 if step % 4 == 0 else 0.7
            # Plucked synths alternate sides for width; piano spreads low-left, high-right.
            pan = (0.35 if i % 2 else -0.35) if synth else (midi - 64) / 40.0
            gate = rate * tl.step * (0.7 if synth else 3.0)
            start = tl.at(bar, step) + float(rng.normal(0.0, 0.003))
            velocity = 0.45 * level[bar] * accent * float(rng.uniform(0.9, 1.0))
            notes.append(Note(max(0.0, start), gate, midi, velocity, style.arp, pan))
    return notes


BASS_RHYTHMS: dict[Feel, tuple[tuple[tuple[int, int, int], ...], ...]] = {
    # (step, sixteenths, interval above the root; -1 = approach note into the next bar's root)
    Feel.CALM: (((0, 16, 0),),),
    Feel.WARM: (((0, 6, 0), (6, 2, 7), (8, 6, 0), (14, 2, -1)), ((0, 10, 0), (10, 6, 7))),
    Feel.UPLIFTING: (((0, 6, 0), (6, 2, 0), (8, 6, 0), (14, 2, 7)),),
    Feel.PLAYFUL: (
        ((0, 2, 0), (4, 1, 7), (6, 2, 12), (8, 2, 0), (12, 1, 7), (14, 2, -1)),
        ((0, 3, 0), (3, 1, 0), (6, 2, 7), (8, 3, 0), (12, 2, 12), (14, 2, 7)),
    ),
    Feel.ENERGETIC: (
        tuple((s, 2, 12 if s % 8 == 4 else 0) for s in range(0, 16, 2)),
        ((0, 2, 0), (2, 2, 0), (6, 2, 0), (8, 2, 0), (10, 2, 12), (14, 2, 0)),
    ),
}


def bass_part(
    tl: Timeline,
    chords: list[Chord],
    style: MusicStyle,
    bars: list[int],
    level: list[float],
    rng: np.random.Generator,
) -> list[Note]:
    if style.bass is None or not bars:
        return []
    rhythms = BASS_RHYTHMS.get(style.feel, BASS_RHYTHMS[Feel.UPLIFTING])
    rhythm = rhythms[rng.integers(len(rhythms))]
    scale = scale_pitch_classes(style.tonic, style.mode)
    legato = 0.6 if style.feel is Feel.PLAYFUL else 0.9
    # A sub is all fundamental, so it needs less level than a bass with harmonics to weigh the same.
    weight = 0.55 if style.bass is Instrument.SUB else 0.8
    notes: list[Note] = []
    for bar in bars:
        root = nearest_pitch(chords[bar].root, 41)
        next_root = nearest_pitch(chords[min(bar + 1, len(chords) - 1)].root, 41)
        for step, length, interval in rhythm:
            if interval >= 0:
                midi = root + interval
            else:
                # The scale tone a step above or below the next root leads the ear into it.
                below = [m for m in range(next_root - 2, next_root) if m % 12 in scale]
                midi = below[-1] if below else next_root + 2
            gate = length * tl.step * legato
            velocity = weight * level[bar] * (1.0 if step % 4 == 0 else 0.85)
            notes.append(Note(tl.at(bar, step), gate, midi, velocity, style.bass))
    final_root = nearest_pitch(style.tonic, 41)
    notes.append(Note(tl.end, _final_gate(tl, 0.4), final_root, weight, style.bass))
    return notes


def drone_part(tl: Timeline, style: MusicStyle) -> list[Note]:
    """Tonic and fifth held under the whole track."""
    if not style.drone:
        return []
    root = nearest_pitch(style.tonic, 40)
    gate = max(0.1, tl.duration - 2.5)
    return [
        Note(0.0, gate, root, 0.7, Instrument.DRONE),
        Note(0.0, gate, root + 7, 0.4, Instrument.DRONE),
    ]
