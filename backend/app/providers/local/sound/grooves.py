"""Drum grooves per kit, and where they play: light in the build, full in the main section.

The last build bar gets a fill and (for driving kits) a riser into a crash on the first main
downbeat; the cadence bar plays three beats, fills, and the final hit lands with the tonic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from app.providers.local.sound.drums import RISER_SECONDS, Drum
from app.providers.local.sound.events import Hit
from app.providers.local.sound.style import Kit
from app.providers.local.sound.timeline import Section, Timeline

Pattern = dict[Drum, tuple[tuple[int, float], ...]]
"""drum → (sixteenth step, velocity) per hit in one bar."""

OFFBEATS = (2, 6, 10, 14)


def _every(steps: range | tuple[int, ...], velocity: float) -> tuple[tuple[int, float], ...]:
    return tuple((s, velocity) for s in steps)


def _accented(on: float, off: float, rate: int = 2) -> tuple[tuple[int, float], ...]:
    """Shaker or hat on every `rate` sixteenths, louder on the off-beats: the push of a groove."""
    return tuple((s, off if s % 4 else on) for s in range(0, 16, rate))


@dataclass(frozen=True)
class Groove:
    main: tuple[Pattern, ...] = ({},)
    """Cycled bar by bar through the main section."""
    build: tuple[Pattern, ...] = ({},)
    fill: Pattern = field(default_factory=dict)
    final: tuple[tuple[Drum, float], ...] = ()
    riser: bool = False
    crash_on_main: bool = False
    duck: float = 0.0
    """How deeply the kick ducks pads and bass (sidechain pumping), 0–1."""


_TICKS = _every(range(0, 16, 2), 0.12)
GROOVES: dict[Kit, Groove] = {
    Kit.NONE: Groove(),
    Kit.PULSE: Groove(main=({Drum.SOFT_KICK: ((0, 0.45), (8, 0.3))},)),
    Kit.SOFT: Groove(
        main=(
            {
                Drum.SOFT_KICK: ((0, 1.0), (10, 0.75)),
                Drum.RIM: _every((4, 12), 0.6),
                Drum.SHAKER: _accented(0.3, 0.42),
            },
        ),
        build=({Drum.SHAKER: _accented(0.22, 0.3)},),
        fill={Drum.RIM: ((14, 0.45), (15, 0.6))},
        final=((Drum.SOFT_KICK, 0.9),),
        duck=0.1,
    ),
    Kit.LIGHT: Groove(
        main=(
            {
                Drum.KICK: ((0, 0.9), (8, 0.9), (10, 0.6)),
                Drum.CLAP: _every((4, 12), 0.6),
                Drum.HAT: _every(OFFBEATS, 0.45),
                Drum.SHAKER: _accented(0.18, 0.3, 1),
            },
        ),
        build=({Drum.HAT: _every(OFFBEATS, 0.3), Drum.SHAKER: _accented(0.14, 0.22, 1)},),
        fill={Drum.SNARE: ((12, 0.4), (13, 0.5), (14, 0.6), (15, 0.75))},
        final=((Drum.KICK, 0.9), (Drum.CRASH, 0.45)),
        riser=True,
        crash_on_main=True,
        duck=0.25,
    ),
    Kit.BOUNCY: Groove(
        main=(
            {
                Drum.KICK: ((0, 0.9), (6, 0.7), (8, 0.9)),
                Drum.CLAP: _every((4, 12), 0.7),
                Drum.SHAKER: _accented(0.3, 0.45),
                Drum.RIM: ((7, 0.35), (15, 0.3)),
            },
        ),
        build=({Drum.SHAKER: _accented(0.25, 0.35), Drum.RIM: ((7, 0.3), (15, 0.3))},),
        fill={Drum.CLAP: ((12, 0.5), (14, 0.6), (15, 0.7))},
        final=((Drum.KICK, 0.8), (Drum.CLAP, 0.5)),
        duck=0.2,
    ),
    Kit.FULL: Groove(
        main=(
            {
                Drum.KICK: _every((0, 4, 8, 12), 1.0),
                Drum.CLAP: _every((4, 12), 0.8),
                Drum.HAT: _every(OFFBEATS, 0.55) + _every(range(1, 16, 2), 0.22),
            },
            {
                Drum.KICK: _every((0, 4, 8, 12), 1.0),
                Drum.CLAP: _every((4, 12), 0.8),
                Drum.HAT: _every((2, 6, 10), 0.55) + _every(range(1, 16, 2), 0.22),
                Drum.OPEN_HAT: ((14, 0.4),),
            },
        ),
        build=({Drum.KICK: _every((0, 8), 0.7), Drum.HAT: _every(OFFBEATS, 0.4)},),
        fill={Drum.SNARE: ((8, 0.3), (10, 0.4), (12, 0.5), (13, 0.6), (14, 0.75), (15, 0.9))},
        final=((Drum.KICK, 1.0), (Drum.CRASH, 0.7)),
        riser=True,
        crash_on_main=True,
        duck=0.45,
    ),
    Kit.HITS: Groove(
        main=(
            {Drum.BOOM: ((0, 0.9),), Drum.HAT: _TICKS},
            {Drum.TOM: ((12, 0.5), (14, 0.4)), Drum.HAT: _TICKS},
        ),
        build=({Drum.TOM: ((0, 0.45),), Drum.HAT: _every(range(0, 16, 2), 0.08)}, {}),
        fill={Drum.TOM: ((8, 0.45), (11, 0.55), (14, 0.7))},
        final=((Drum.BOOM, 1.0),),
        riser=True,
        duck=0.3,
    ),
}
PANS: dict[Drum, float] = {
    Drum.HAT: 0.25,
    Drum.OPEN_HAT: 0.3,
    Drum.SHAKER: -0.3,
    Drum.RIM: -0.2,
    Drum.TOM: -0.15,
    Drum.CRASH: 0.15,
}
DUCKING_DRUMS = (Drum.KICK, Drum.SOFT_KICK, Drum.BOOM)


def write_drums(
    tl: Timeline, kit: Kit, entry: Section, level: list[float], rng: np.random.Generator
) -> list[Hit]:
    """The kit's hits from the `entry` section on, plus risers, crashes and the final hit."""
    groove = GROOVES[kit]
    hits: list[Hit] = []

    def play(bar: int, pattern: Pattern, below: int = 16) -> None:
        for drum, steps in pattern.items():
            for step, velocity in steps:
                if step >= below:
                    continue
                # Tiny timing drift on the small percussion only; kicks stay locked to the grid.
                drift = float(rng.normal(0.0, 0.002)) if drum in PANS else 0.0
                gain = velocity * level[bar] * float(rng.uniform(0.9, 1.0))
                start = max(0.0, tl.at(bar, step) + drift)
                hits.append(Hit(start, drum, gain, PANS.get(drum, 0.0)))

    main_start = tl.first_bar_of(Section.MAIN)
    for bar, section in enumerate(tl.sections):
        if section < entry:
            continue
        if section is Section.BUILD:
            play(bar, groove.build[bar % len(groove.build)])
            if bar + 1 == main_start:
                play(bar, groove.fill)
        elif section is Section.MAIN:
            play(bar, groove.main[(bar - (main_start or 0)) % len(groove.main)])
        elif section is Section.CADENCE and bar > 0:
            play(bar, groove.main[0], below=12)
            play(bar, groove.fill)

    if main_start is not None and groove.crash_on_main:
        hits.append(Hit(tl.at(main_start, 0), Drum.CRASH, 0.55, PANS[Drum.CRASH]))
    if groove.riser:
        for target in (None if main_start is None else tl.at(main_start, 0), tl.end):
            if target is not None and target >= RISER_SECONDS:
                hits.append(Hit(target - RISER_SECONDS, Drum.RISER, 0.35))
    hits.extend(Hit(tl.end, drum, velocity, PANS.get(drum, 0.0)) for drum, velocity in groove.final)
    return hits
