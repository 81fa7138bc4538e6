"""Mastering: remove DC, fade the edges, set the loudness, and limit peaks below 0 dBFS.

The limiter works on short blocks: each block's gain is what keeps its peak under the
ceiling, looked ahead over the neighbouring blocks, released slowly, and interpolated
sample by sample, so gain changes are smooth ramps that neither click nor pump audibly.
"""

from __future__ import annotations

import numpy as np

from app.providers.local.sound.oscillators import SAMPLE_RATE, Signal, smoothstep

TARGET_RMS_DB = -17.0
"""Loudness of the full sections: a music bed that sits under a voice-over without a fight."""
CEILING_DB = -1.0
FADE_IN = 0.5
FADE_OUT = 0.25
LIMITER_BLOCK = 256
RELEASE_DB_PER_SECOND = 12.0


def db_to_gain(db: float) -> float:
    return float(10.0 ** (db / 20.0))


def fades(x: Signal, fade_in: float = FADE_IN, fade_out: float = FADE_OUT) -> Signal:
    n = x.shape[-1]
    t = np.arange(n, dtype=np.float32) / np.float32(SAMPLE_RATE)
    gain = smoothstep(t / np.float32(fade_in)) * smoothstep((n / SAMPLE_RATE - t) / fade_out)
    return (x * gain).astype(np.float32)


def active_rms(x: Signal, window: float = 0.4) -> float:
    """RMS over the louder half of the track, so a quiet intro does not push the level up."""
    mono = x.mean(axis=0).astype(np.float64)
    size = int(window * SAMPLE_RATE)
    frames = mono[: len(mono) // size * size].reshape(-1, size)
    if len(frames) == 0:
        return float(np.sqrt(np.mean(mono**2)))
    power = np.sort(np.mean(frames**2, axis=1))
    return float(np.sqrt(np.mean(power[len(power) // 2 :])))


def limit(x: Signal, ceiling: float) -> Signal:
    n = x.shape[-1]
    blocks = -(-n // LIMITER_BLOCK)
    padded = np.pad(np.abs(x).max(axis=0), (0, blocks * LIMITER_BLOCK - n))
    peaks = padded.reshape(blocks, LIMITER_BLOCK).max(axis=1)
    wanted = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-9))
    # Look one block behind and two ahead, so the gain is already down when a peak arrives.
    ahead = np.pad(wanted, (1, 2), constant_values=1.0)
    gain = np.minimum.reduce([ahead[i : i + blocks] for i in range(4)])
    step = 10.0 ** (RELEASE_DB_PER_SECOND * LIMITER_BLOCK / SAMPLE_RATE / 20.0)
    for b in range(1, blocks):  # a few thousand blocks: cheap even as a Python loop
        gain[b] = min(gain[b], gain[b - 1] * step)
    centres = (np.arange(blocks) + 0.5) * LIMITER_BLOCK
    smooth = np.interp(np.arange(n), centres, gain).astype(np.float32)
    return (x * smooth).astype(np.float32)


def master(x: Signal) -> Signal:
    x = x - x.mean(axis=1, keepdims=True)
    x = fades(x)
    rms = active_rms(x)
    if rms > 0:
        x = x * np.float32(db_to_gain(TARGET_RMS_DB) / rms)
    ceiling = db_to_gain(CEILING_DB)
    x = limit(x, ceiling * 0.98)
    peak = float(np.abs(x).max())
    if peak > ceiling:  # interpolation can leave a hair over; never let it clip
        x = x * np.float32(ceiling / peak)
    return x.astype(np.float32)
