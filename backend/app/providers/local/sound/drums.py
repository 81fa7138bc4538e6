"""Synthesised drums: pitch-swept sines for kicks and toms, shaped noise for everything else.

Each drum is rendered once per track from its own seeded noise stream (so adding a drum to a
groove never changes how the others sound) and then reused for every hit, like a drum machine.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np

from app.providers.local.sound.filters import box_lowpass, filtered
from app.providers.local.sound.oscillators import (
    SAMPLE_RATE,
    TWO_PI,
    Signal,
    end_fade,
    smoothstep,
    struck,
    time_axis,
)


class Drum(StrEnum):
    KICK = "kick"
    SOFT_KICK = "soft_kick"
    SNARE = "snare"
    CLAP = "clap"
    HAT = "hat"
    OPEN_HAT = "open_hat"
    SHAKER = "shaker"
    RIM = "rim"
    TOM = "tom"
    BOOM = "boom"
    CRASH = "crash"
    RISER = "riser"


RISER_SECONDS = 2.0
"""The riser swells for this long and peaks right at the end, on the downbeat it announces."""


def _n(seconds: float) -> int:
    return int(seconds * SAMPLE_RATE)


def _noise(rng: np.random.Generator, n: int) -> Signal:
    return rng.standard_normal(n).astype(np.float32)


def _band_noise(rng: np.random.Generator, n: int, low: float, high: float) -> Signal:
    """White noise kept between `low` and `high` Hz: the colour of a cymbal, shaker or snare."""
    return filtered(_noise(rng, n), (low, high))


def _swept_sine(n: int, low: float, high: float, tau: float) -> Signal:
    """A sine gliding from `high` down to `low` Hz: the thump of a drum head."""
    t = time_axis(n)
    freq = np.float32(low) + np.float32(high - low) * np.exp(-t / np.float32(tau))
    phase = np.cumsum(freq, dtype=np.float64) / SAMPLE_RATE
    return np.sin(TWO_PI * (phase % 1.0).astype(np.float32))


def _kick(rng: np.random.Generator, soft: bool) -> Signal:
    n = _n(0.5)
    if soft:
        return _swept_sine(n, 50.0, 105.0, 0.05) * struck(n, 0.005, 0.22)
    body = _swept_sine(n, 46.0, 160.0, 0.035) * struck(n, 0.0015, 0.3)
    click = box_lowpass(_noise(rng, n), 6) * struck(n, 0.0005, 0.004)
    return body + 0.5 * click


def _snare(rng: np.random.Generator) -> Signal:
    n = _n(0.35)
    t = time_axis(n)
    tone = np.sin(TWO_PI * np.float32(185.0) * t) * struck(n, 0.001, 0.06)
    band = _band_noise(rng, n, 1200.0, 9000.0)
    return 0.5 * tone + 2.0 * band * struck(n, 0.001, 0.13)


def _clap(rng: np.random.Generator) -> Signal:
    n = _n(0.35)
    t = time_axis(n)
    band = _band_noise(rng, n, 900.0, 6000.0)
    # Several hands a few milliseconds apart, then the room.
    env = np.zeros(n, dtype=np.float32)
    for start in (0.0, 0.011, 0.022):
        after = t - np.float32(start)
        env += np.where(after >= 0, np.exp(-np.maximum(after, 0) / np.float32(0.006)), 0.0)
    tail = t - np.float32(0.022)
    env += np.where(tail >= 0, 0.6 * np.exp(-np.maximum(tail, 0) / np.float32(0.1)), 0.0)
    return band * env * smoothstep(t / np.float32(0.0008)) * end_fade(n)


def _hat(rng: np.random.Generator, tau: float, seconds: float) -> Signal:
    n = _n(seconds)
    return _band_noise(rng, n, 7000.0, 13000.0) * struck(n, 0.0008, tau)


def _shaker(rng: np.random.Generator) -> Signal:
    n = _n(0.15)
    t = time_axis(n)
    env = smoothstep(t / np.float32(0.012)) * np.exp(-t / np.float32(0.05)) * end_fade(n)
    return _band_noise(rng, n, 4000.0, 11000.0) * env


def _rim(rng: np.random.Generator) -> Signal:
    n = _n(0.08)
    t = time_axis(n)
    tone = np.sin(TWO_PI * np.float32(820.0) * t) + 0.5 * np.sin(TWO_PI * np.float32(1640.0) * t)
    return (tone + 0.2 * _band_noise(rng, n, 2000.0, 8000.0)) * struck(n, 0.0005, 0.012)


def _tom(rng: np.random.Generator) -> Signal:
    n = _n(0.9)
    skin = _swept_sine(n, 72.0, 120.0, 0.06) * struck(n, 0.001, 0.35)
    return skin + 0.3 * box_lowpass(_noise(rng, n), 6) * struck(n, 0.001, 0.05)


def _boom(rng: np.random.Generator) -> Signal:
    n = _n(2.5)
    body = _swept_sine(n, 38.0, 90.0, 0.08) * struck(n, 0.003, 0.9)
    air = box_lowpass(_noise(rng, n), 30) * struck(n, 0.004, 0.25)
    return body + 2.0 * air


def _crash(rng: np.random.Generator) -> Signal:
    n = _n(2.8)
    return _band_noise(rng, n, 3500.0, 15000.0) * struck(n, 0.002, 0.9)


def _riser(rng: np.random.Generator) -> Signal:
    # A reversed cymbal: swells exponentially and peaks just before its last sample.
    n = _n(RISER_SECONDS)
    t = time_axis(n)
    env = np.exp((t - np.float32(RISER_SECONDS)) / np.float32(0.6)) * smoothstep(t / 0.3)
    return _band_noise(rng, n, 1500.0, 11000.0) * env * end_fade(n, 0.01)


def drum_sample(drum: Drum, seed: int) -> Signal:
    """One hit of `drum`, peaking at 1."""
    rng = np.random.default_rng([seed, list(Drum).index(drum)])
    match drum:
        case Drum.KICK | Drum.SOFT_KICK:
            x = _kick(rng, soft=drum is Drum.SOFT_KICK)
        case Drum.SNARE:
            x = _snare(rng)
        case Drum.CLAP:
            x = _clap(rng)
        case Drum.HAT:
            x = _hat(rng, 0.035, 0.12)
        case Drum.OPEN_HAT:
            x = _hat(rng, 0.22, 0.6)
        case Drum.SHAKER:
            x = _shaker(rng)
        case Drum.RIM:
            x = _rim(rng)
        case Drum.TOM:
            x = _tom(rng)
        case Drum.BOOM:
            x = _boom(rng)
        case Drum.CRASH:
            x = _crash(rng)
        case Drum.RISER:
            x = _riser(rng)
    return (x / np.abs(x).max()).astype(np.float32)
