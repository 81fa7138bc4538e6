"""From the brief's tone words to a musical style: tempo, key, mode and instrumentation.

Pure and seed-free, so a brief always gets the same kind of music; the seed only varies the
melody, progression and voicing inside that style. Tone words outweigh style keywords, and
the first tone words outweigh the later ones, because that is how marketers write briefs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from app.providers.local.sound.theory import ChordColour, Mode


class Feel(StrEnum):
    """The archetypes of ad music; each has its own instruments and grooves."""

    CALM = "calm"
    WARM = "warm"
    UPLIFTING = "uplifting"
    PLAYFUL = "playful"
    ENERGETIC = "energetic"
    DARK = "dark"


class Instrument(StrEnum):
    PAD = "pad"
    PIANO = "piano"
    EPIANO = "epiano"
    MARIMBA = "marimba"
    BELL = "bell"
    SYNTH = "synth"
    BASS = "bass"
    SUB = "sub"
    DRONE = "drone"


class Kit(StrEnum):
    """Drum grooves, from none at all to a full four-on-the-floor kit."""

    NONE = "none"
    PULSE = "pulse"
    SOFT = "soft"
    LIGHT = "light"
    BOUNCY = "bouncy"
    FULL = "full"
    HITS = "hits"


@dataclass(frozen=True)
class MusicStyle:
    feel: Feel
    tempo: float
    """Beats per minute before fitting whole bars into the duration."""
    mode: Mode
    tonic: int
    """Pitch class of the key's tonic, 0 = C."""
    colour: ChordColour
    pad: bool
    """A sustained, low-passed pad under everything."""
    comp: Instrument | None
    """Rhythmic chords (e-piano comping, piano stabs)."""
    lead: Instrument | None
    arp: Instrument | None
    bass: Instrument | None
    drone: bool
    """A low tonic pedal, for suspense."""
    drums: Kit
    brightness: float
    """0–1: how far filters open and how many harmonics synths keep."""
    reverb: float
    """0–1: how wet the mix is."""
    swing: float
    """Fraction of a sixteenth by which off-beat sixteenths are late."""

    @property
    def instruments(self) -> frozenset[Instrument]:
        chosen = {self.comp, self.lead, self.arp, self.bass}
        chosen |= {Instrument.PAD} if self.pad else set()
        chosen |= {Instrument.DRONE} if self.drone else set()
        return frozenset(i for i in chosen if i is not None)


# Keys per feel as (major tonic, minor tonic): chosen so each feel's instruments sit in a
# flattering register (e.g. e-piano in E♭, energetic bass on A).
KEYS: dict[Feel, tuple[int, int]] = {
    Feel.CALM: (5, 9),
    Feel.WARM: (3, 0),
    Feel.UPLIFTING: (7, 4),
    Feel.PLAYFUL: (0, 9),
    Feel.ENERGETIC: (9, 6),
    Feel.DARK: (2, 2),
}


def _preset(
    feel: Feel,
    tempo: float,
    colour: ChordColour,
    *,
    lead: Instrument | None,
    arp: Instrument | None,
    bass: Instrument | None,
    drums: Kit,
    brightness: float,
    reverb: float,
    comp: Instrument | None = None,
    mode: Mode = Mode.MAJOR,
    drone: bool = False,
    swing: float = 0.0,
) -> MusicStyle:
    return MusicStyle(
        feel=feel,
        tempo=tempo,
        mode=mode,
        tonic=KEYS[feel][mode is Mode.MINOR],
        colour=colour,
        pad=True,
        comp=comp,
        lead=lead,
        arp=arp,
        bass=bass,
        drone=drone,
        drums=drums,
        brightness=brightness,
        reverb=reverb,
        swing=swing,
    )


_I = Instrument
# fmt: off
PRESETS: dict[Feel, MusicStyle] = {
    Feel.CALM: _preset(
        Feel.CALM, 70, ChordColour.SEVENTH, lead=_I.PIANO, arp=_I.PIANO, bass=_I.SUB,
        drums=Kit.PULSE, brightness=0.3, reverb=0.6,
    ),
    Feel.WARM: _preset(
        Feel.WARM, 90, ChordColour.SEVENTH, comp=_I.EPIANO, lead=_I.EPIANO, arp=None,
        bass=_I.BASS, drums=Kit.SOFT, brightness=0.4, reverb=0.4, swing=0.12,
    ),
    Feel.UPLIFTING: _preset(
        Feel.UPLIFTING, 104, ChordColour.ADD9, lead=_I.PIANO, arp=_I.SYNTH, bass=_I.BASS,
        drums=Kit.LIGHT, brightness=0.65, reverb=0.4,
    ),
    Feel.PLAYFUL: _preset(
        Feel.PLAYFUL, 116, ChordColour.TRIAD, comp=_I.PIANO, lead=_I.MARIMBA, arp=None,
        bass=_I.BASS, drums=Kit.BOUNCY, brightness=0.7, reverb=0.3, swing=0.2,
    ),
    Feel.ENERGETIC: _preset(
        Feel.ENERGETIC, 126, ChordColour.ADD9, lead=_I.SYNTH, arp=_I.SYNTH, bass=_I.BASS,
        drums=Kit.FULL, brightness=0.9, reverb=0.3,
    ),
    Feel.DARK: _preset(
        Feel.DARK, 84, ChordColour.ADD9, mode=Mode.MINOR, lead=_I.BELL, arp=_I.PIANO,
        bass=None, drone=True, drums=Kit.HITS, brightness=0.25, reverb=0.65,
    ),
}
# fmt: on
DEFAULT_FEEL = Feel.UPLIFTING
"""Upbeat, bright and neutral: the safest bed for an ad whose tone we cannot read."""


def _vocabulary(words: str) -> tuple[str, ...]:
    """Space-separated entries; a trailing `*` matches any word starting with the stem, other
    entries must match a whole word."""
    return tuple(words.split())


FEEL_WORDS: dict[Feel, tuple[str, ...]] = {
    Feel.CALM: _vocabulary(
        "calm* sooth* seren* peace* relax* tranquil* gentle soft* elegan* sophisticat* luxur* "
        "refined grace* minimal* pure dream* airy zen spa meditat* quiet* delicate tender* "
        "melanchol* sad* wistful* emotional intimate classy premium timeless"
    ),
    Feel.WARM: _vocabulary(
        "warm* cozy cosy comfort* homey homely nostalg* authentic* organic natural rustic familiar "
        "inviting heartfelt caring trust* honest* friendly sincere welcom* earthy hygge chill* "
        "mellow"
    ),
    Feel.UPLIFTING: _vocabulary(
        "uplift* inspir* optimis* hope* positive* fresh* modern innovat* tech* confident* "
        "aspiration* motivat* empower* success* clean bright* sunny corporate professional"
    ),
    Feel.PLAYFUL: _vocabulary(
        "play* fun funny quirk* whims* cheer* happy happiness joy* bouncy silly cute lighthearted "
        "youth* kid* colorful colourful delight* cheeky goofy carefree cartoon* sweet"
    ),
    Feel.ENERGETIC: _vocabulary(
        "energ* bold* power* dynamic* excit* fast strong athlet* sport* vibrant adrenal* hype* "
        "epic driv* urban edgy fierce* intens* upbeat punchy lively active thrill* wild electric"
    ),
    Feel.DARK: _vocabulary(
        "myster* dramat* dark* suspens* intrigu* moody cinematic noir enigma* haunt* ominous tense "
        "tension serious secret* seduct* sensual night* brooding shadow* sombre somber gothic "
        "magic*"
    ),
}
MINOR_WORDS = _vocabulary(
    "myster* dramat* melanchol* sad* dark* moody suspens* tense tension ominous haunt* noir sombre "
    "somber wistful* serious enigma* brooding gothic epic fierce* shadow* sorrow* grief"
)
MAJOR_WORDS = _vocabulary(
    "happy happiness play* elegan* joy* cheer* uplift* fun bright* optimis* hope* warm* cozy cosy "
    "fresh* positive* inspir* delight* friendly sunny calm* peace* carefree sweet luxur*"
)

TONE_WEIGHT = 1.0
KEYWORD_WEIGHT = 0.35
POSITION_DECAY = 0.05
"""Each later tone word counts a little less, so ties break towards what was said first."""


def _words(phrases: Iterable[str]) -> list[str]:
    return [w for phrase in phrases for w in re.findall(r"[a-z]+", phrase.lower())]


def _matches(word: str, vocabulary: tuple[str, ...]) -> bool:
    return any(
        word.startswith(entry[:-1]) if entry.endswith("*") else word == entry
        for entry in vocabulary
    )


def _weighted_words(tone: Iterable[str], keywords: Iterable[str]) -> list[tuple[str, float]]:
    weighted = [(w, max(0.5, TONE_WEIGHT - POSITION_DECAY * i)) for i, w in enumerate(_words(tone))]
    return weighted + [(w, KEYWORD_WEIGHT) for w in _words(keywords)]


def feel_scores(tone: Iterable[str], keywords: Iterable[str] = ()) -> dict[Feel, float]:
    """How strongly the words point at each feel; feels nothing points at are left out."""
    scores: dict[Feel, float] = {}
    for word, weight in _weighted_words(tone, keywords):
        for feel, vocabulary in FEEL_WORDS.items():
            if _matches(word, vocabulary):
                scores[feel] = scores.get(feel, 0.0) + weight
    return scores


def _mode(weighted: list[tuple[str, float]], default: Mode) -> Mode:
    minor = sum(w for word, w in weighted if _matches(word, MINOR_WORDS))
    major = sum(w for word, w in weighted if _matches(word, MAJOR_WORDS))
    if minor == major:
        return default
    return Mode.MINOR if minor > major else Mode.MAJOR


def style_for(tone: Iterable[str], keywords: Iterable[str] = ()) -> MusicStyle:
    """The style for a brief's emotional tone words and visual style keywords.

    The strongest feel picks the instruments; the tempo is the score-weighted mean of the
    matched feels' tempos, so "calm but energetic" lands in between; mode words pick the mode.
    """
    tone, keywords = list(tone), list(keywords)
    scores = feel_scores(tone, keywords)
    if not scores:
        return PRESETS[DEFAULT_FEEL]
    order = list(Feel)
    feel = max(scores, key=lambda f: (scores[f], -order.index(f)))
    base = PRESETS[feel]
    tempo = sum(PRESETS[f].tempo * s for f, s in scores.items()) / sum(scores.values())
    mode = _mode(_weighted_words(tone, keywords), base.mode)
    major_tonic, minor_tonic = KEYS[feel]
    tonic = major_tonic if mode is Mode.MAJOR else minor_tonic
    return replace(base, tempo=round(tempo, 1), mode=mode, tonic=tonic)
