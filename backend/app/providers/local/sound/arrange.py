"""The arrangement: which parts play when, on which chords, at what intensity.

A library cue for a 30 s ad has a shape: a sparse intro under the opening shots, a build
where bass and drums come in and the pad filter opens, a full main section, one cadence bar,
and a final tonic chord that rings out as the logo holds. This module decides that shape;
the parts and the melody fill it in.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.providers.local.sound.events import Hit, Note
from app.providers.local.sound.grooves import write_drums
from app.providers.local.sound.melody import write_melody
from app.providers.local.sound.parts import (
    Voicing,
    arp_part,
    bass_part,
    comp_part,
    drone_part,
    pad_part,
)
from app.providers.local.sound.style import Feel, MusicStyle
from app.providers.local.sound.theory import (
    PROGRESSIONS,
    ChordColour,
    chord_on,
    chords_for_bars,
    voice,
)
from app.providers.local.sound.timeline import Section, Timeline, fit_timeline

# When each part enters. Parts enter in an order that keeps every section a little fuller
# than the one before; calm music keeps drums back until the main section.
ENTRIES: dict[Feel, dict[str, Section]] = {
    Feel.CALM: {
        "arp": Section.INTRO,
        "lead": Section.BUILD,
        "bass": Section.BUILD,
        "drums": Section.MAIN,
    },
    Feel.WARM: {
        "comp": Section.INTRO,
        "lead": Section.BUILD,
        "bass": Section.BUILD,
        "drums": Section.BUILD,
    },
    Feel.UPLIFTING: {
        "arp": Section.INTRO,
        "bass": Section.BUILD,
        "drums": Section.BUILD,
        "lead": Section.MAIN,
    },
    Feel.PLAYFUL: {
        "comp": Section.INTRO,
        "lead": Section.INTRO,
        "bass": Section.BUILD,
        "drums": Section.BUILD,
    },
    Feel.ENERGETIC: {
        "arp": Section.INTRO,
        "bass": Section.BUILD,
        "drums": Section.BUILD,
        "lead": Section.MAIN,
    },
    Feel.DARK: {"lead": Section.INTRO, "arp": Section.BUILD, "drums": Section.BUILD},
}
HARMONY_CENTRE: dict[Feel, float] = {
    Feel.CALM: 62.0,
    Feel.WARM: 62.0,
    Feel.UPLIFTING: 64.0,
    Feel.PLAYFUL: 66.0,
    Feel.ENERGETIC: 64.0,
    Feel.DARK: 58.0,
}


@dataclass(frozen=True)
class Arrangement:
    style: MusicStyle
    timeline: Timeline
    notes: tuple[Note, ...]
    hits: tuple[Hit, ...]
    opening: tuple[tuple[float, float], ...]
    """(seconds, 0–1) breakpoints of how far the pad filter is open."""


def _levels(tl: Timeline) -> list[float]:
    """Per-bar intensity: quiet intro, a rising build, a full main section."""
    levels: list[float] = []
    build = [b for b, s in enumerate(tl.sections) if s is Section.BUILD]
    for bar, section in enumerate(tl.sections):
        if section is Section.BUILD:
            levels.append(0.84 + 0.1 * build.index(bar) / max(1, len(build) - 1))
        else:
            levels.append({Section.INTRO: 0.8, Section.MAIN: 1.0}.get(section, 0.95))
    return levels


def _opening(tl: Timeline) -> tuple[tuple[float, float], ...]:
    """Closed through the intro, opening across the build, slightly closing for the ending."""
    build = tl.first_bar_of(Section.BUILD)
    main = tl.first_bar_of(Section.MAIN)
    points = [(0.0, 0.15)]
    if build is not None:
        points.append((tl.at(build, 0), 0.25))
    if main is not None:
        points.append((tl.at(main, 0), 1.0))
    else:
        points.append((tl.at(tl.bars - 1, 0), 0.7))
    points += [(tl.end, 0.8), (tl.duration, 0.5)]
    return tuple(points)


def _bars_from(tl: Timeline, entry: Section) -> list[int]:
    return [b for b, s in enumerate(tl.sections) if s >= entry]


def arrange(style: MusicStyle, duration: float, seed: int) -> Arrangement:
    tl = fit_timeline(style.tempo, duration, style.swing)
    # Independent streams per decision, so that e.g. a longer melody never changes the drums.
    streams = np.random.SeedSequence(seed).spawn(6)
    harmony, melody, comp, arp, bass, drums = (np.random.default_rng(s) for s in streams)

    progressions = PROGRESSIONS[style.mode]
    progression = progressions[harmony.integers(len(progressions))]
    chords = chords_for_bars(style.tonic, style.mode, progression, tl.bars, style.colour)
    centre = HARMONY_CENTRE[style.feel] + float(harmony.integers(-2, 3))
    voicings: list[Voicing] = []
    previous: Voicing | None = None
    for chord in chords:
        previous = voice(chord, previous, centre)
        voicings.append(previous)
    tonic = chord_on(style.tonic, style.mode, 0, ChordColour.TRIAD)
    final = voice(tonic, previous, centre)
    # Put the tonic under the last chord too, so it sounds settled rather than inverted.
    final = (final[0] - ((final[0] - style.tonic) % 12 or 12), *final)

    entries = ENTRIES[style.feel]
    levels = _levels(tl)
    every_bar = list(range(tl.bars))
    lead_from = _bars_from(tl, entries.get("lead", Section.INTRO))
    notes = [
        *pad_part(tl, voicings, final, every_bar, levels),
        *comp_part(
            tl,
            voicings,
            final,
            style,
            _bars_from(tl, entries.get("comp", Section.INTRO)),
            levels,
            comp,
        ),
        *arp_part(
            tl, chords, style, _bars_from(tl, entries.get("arp", Section.INTRO)), levels, arp
        ),
        *bass_part(
            tl, chords, style, _bars_from(tl, entries.get("bass", Section.BUILD)), levels, bass
        ),
        *drone_part(tl, style),
        *write_melody(tl, chords, style, lead_from[0] if lead_from else tl.bars, levels, melody),
    ]
    drums_from = entries.get("drums", Section.BUILD)
    hits = write_drums(tl, style.drums, drums_from, levels, drums)
    return Arrangement(style, tl, tuple(notes), tuple(hits), _opening(tl))
