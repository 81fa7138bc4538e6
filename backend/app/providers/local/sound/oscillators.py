"""Oscillators and envelopes: the raw material every instrument is built from.

Everything is vectorised over whole notes. Phases are 32-bit fixed-point counters that wrap
by themselves, converted to float32 only within one cycle, which keeps long notes in tune
while using numpy's fast single-precision `sin` (about ten times faster than float64).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

SAMPLE_RATE = 44_100
TABLE_BITS = 11
TABLE_SIZE = 1 << TABLE_BITS
NYQUIST_GUARD = 16_000.0
"""Highest harmonic we let an oscillator produce, well below Nyquist so nothing aliases."""

Signal = NDArray[np.float32]

TWO_PI = np.float32(2.0 * np.pi)
FRACTION_MASK = (1 << (32 - TABLE_BITS)) - 1
FRACTION_SCALE = np.float32(2.0 ** -(32 - TABLE_BITS))


PHASE_BITS = 32
PHASE_SCALE = np.float32(2.0**-PHASE_BITS)


def phase_counter(freq: float, n: int, phase: float = 0.0) -> NDArray[np.uint32]:
    """Phase as a 32-bit fixed-point fraction of a cycle.

    Unsigned overflow *is* the wrap-around at the end of each cycle, so there is no costly
    float modulo, and the pitch is exact to 10 µHz however long the note.
    """
    increment = np.uint32(round(freq / SAMPLE_RATE * 2.0**PHASE_BITS) % 2**PHASE_BITS)
    start = np.uint32(round(phase % 1.0 * 2.0**PHASE_BITS) % 2**PHASE_BITS)
    return np.arange(n, dtype=np.uint32) * increment + start


def cycles(freq: float, n: int, phase: float = 0.0) -> Signal:
    """Phase in cycles, in [0, 1), for a steady frequency."""
    return phase_counter(freq, n, phase).astype(np.float32) * PHASE_SCALE


def sine(freq: float, n: int, phase: float = 0.0) -> Signal:
    return np.sin(TWO_PI * cycles(freq, n, phase))


def time_axis(n: int) -> Signal:
    return np.arange(n, dtype=np.float32) / np.float32(SAMPLE_RATE)


@lru_cache(maxsize=256)
def _harmonic_table(harmonics: int, tilt: float, odd_only: bool) -> Signal:
    # One cycle of a sum of sines, amplitudes 1/k^tilt: tilt 1 is a sawtooth, larger is darker.
    k = np.arange(1, harmonics + 1, dtype=np.float64)
    amps = k**-tilt
    if odd_only:
        amps[1::2] = 0.0
    phase = np.arange(TABLE_SIZE, dtype=np.float64) / TABLE_SIZE
    table = (amps[:, None] * np.sin(2 * np.pi * k[:, None] * phase[None, :])).sum(axis=0)
    table /= np.abs(table).max()
    # One extra sample so linear interpolation never needs to wrap.
    out = np.append(table, table[0]).astype(np.float32)
    out.flags.writeable = False
    return out


def harmonic_wave(
    freq: float,
    n: int,
    *,
    max_harmonics: int,
    tilt: float = 1.0,
    odd_only: bool = False,
    phase: float = 0.0,
    ceiling: float = NYQUIST_GUARD,
) -> Signal:
    """A band-limited wavetable oscillator (saw-like, or square-like with `odd_only`)."""
    harmonics = max(1, min(max_harmonics, int(ceiling // max(freq, 1.0))))
    table = _harmonic_table(harmonics, round(tilt, 3), odd_only)
    counter = phase_counter(freq, n, phase)
    # The top bits of the phase index the table; the rest interpolate between entries.
    index = counter >> np.uint32(PHASE_BITS - TABLE_BITS)
    frac = (counter & np.uint32(FRACTION_MASK)).astype(np.float32) * FRACTION_SCALE
    lower = table[index]
    return lower + frac * (table[index + 1] - lower)


def smoothstep(x: Signal) -> Signal:
    """0→1 with zero slope at both ends: ramps built from it never click."""
    x = np.clip(x, 0.0, 1.0)
    return x * x * (3.0 - 2.0 * x)


def attack_release(n: int, attack: float, release: float, gate: float) -> Signal:
    """Smooth rise over `attack` s, hold, smooth fall over `release` s starting at `gate` s."""
    t = time_axis(n)
    rise = smoothstep(t / np.float32(max(attack, 1e-4)))
    fall = 1.0 - smoothstep((t - np.float32(gate)) / np.float32(max(release, 1e-4)))
    return (rise * fall).astype(np.float32)


def adsr(
    n: int, attack: float, decay: float, sustain: float, release: float, gate: float
) -> Signal:
    """Attack, exponential decay towards `sustain`, then a smooth release after `gate` s."""
    t = time_axis(n)
    after = np.maximum(t - np.float32(attack), 0.0)
    body = sustain + (1.0 - sustain) * np.exp(-after / np.float32(max(decay, 1e-4)))
    return (body * attack_release(n, attack, release, gate)).astype(np.float32)


def struck(n: int, attack: float, tau: float) -> Signal:
    """A struck or plucked envelope: quick smooth attack, exponential ring-out to silence."""
    t = time_axis(n)
    env = np.exp(-t / np.float32(tau)) * smoothstep(t / np.float32(max(attack, 1e-4)))
    return (env * end_fade(n)).astype(np.float32)


def end_fade(n: int, seconds: float = 0.004) -> Signal:
    """A few milliseconds of fade so a buffer never stops on a non-zero sample."""
    fade = np.ones(n, dtype=np.float32)
    k = min(n, max(1, int(seconds * SAMPLE_RATE)))
    fade[n - k :] = np.linspace(1.0, 0.0, k, dtype=np.float32)
    return fade
