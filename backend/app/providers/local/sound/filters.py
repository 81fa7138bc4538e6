"""Filters without scipy: zero-phase filtering in the frequency domain, and box smoothing.

Offline rendering lets us filter a whole bus at once with one FFT. The responses are smooth
Butterworth-shaped magnitudes, so their impulse responses are short and nothing rings.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from app.providers.local.sound.oscillators import SAMPLE_RATE, Signal

Response = NDArray[np.float32]


def next_fast_len(n: int) -> int:
    """Smallest 2^a·3^b·5^c ≥ n: FFTs of such sizes are several times faster than of primes."""
    best = 1 << (n - 1).bit_length()
    p5 = 1
    while p5 < best:
        p35 = p5
        while p35 < best:
            size = p35
            while size < n:
                size *= 2
            best = min(best, size)
            p35 *= 3
        p5 *= 5
    return best


def frequencies(size: int) -> NDArray[np.float32]:
    """Bin frequencies in Hz of an rfft of `size` samples."""
    return np.fft.rfftfreq(size, 1.0 / SAMPLE_RATE).astype(np.float32)


def lowpass(freqs: NDArray[np.float32], cutoff: float, order: int = 2) -> Response:
    """|H| of a Butterworth low-pass: flat, then falling 6·order dB per octave."""
    return (1.0 / np.sqrt(1.0 + (freqs / np.float32(cutoff)) ** (2 * order))).astype(np.float32)


def highpass(freqs: NDArray[np.float32], cutoff: float, order: int = 2) -> Response:
    ratio = np.maximum(freqs, 1e-3) / np.float32(cutoff)
    return (1.0 / np.sqrt(1.0 + ratio ** (-2 * order))).astype(np.float32)


def filtered(x: Signal, cutoffs: tuple[float | None, float | None]) -> Signal:
    """Band-limit `x` (mono, or channels × samples) between (high-pass, low-pass) cutoffs.

    Zero-padded by a quarter second so the filter's tails do not wrap around the ends.
    """
    n = x.shape[-1]
    size = next_fast_len(n + SAMPLE_RATE // 4)
    freqs = frequencies(size)
    gain = np.ones_like(freqs)
    low_cut, high_cut = cutoffs
    if low_cut is not None:
        gain *= highpass(freqs, low_cut)
    if high_cut is not None:
        gain *= lowpass(freqs, high_cut)
    spectrum = np.fft.rfft(x, size, axis=-1)
    return np.fft.irfft(spectrum * gain, size, axis=-1)[..., :n].astype(np.float32)


def swept_lowpass(
    x: Signal, closed: float, opened: float, opening: Signal, low_cut: float = 60.0
) -> Signal:
    """Low-pass whose cutoff moves from `closed` to `opened` Hz as `opening` goes 0 → 1.

    Approximated by crossfading two filterings of the same spectrum, which costs one forward
    FFT and two inverse ones instead of a time-varying filter we cannot vectorise.
    """
    n = x.shape[-1]
    size = next_fast_len(n + SAMPLE_RATE // 4)
    freqs = frequencies(size)
    spectrum = np.fft.rfft(x, size, axis=-1) * highpass(freqs, low_cut)
    dark = np.fft.irfft(spectrum * lowpass(freqs, closed), size, axis=-1)[..., :n]
    bright = np.fft.irfft(spectrum * lowpass(freqs, opened), size, axis=-1)[..., :n]
    return (dark + opening * (bright - dark)).astype(np.float32)


def box_lowpass(x: Signal, width: int) -> Signal:
    """Moving average over `width` samples along the last axis: a cheap, gentle low-pass."""
    if width <= 1:
        return x
    padded = np.concatenate([np.zeros((*x.shape[:-1], width), np.float64), x], axis=-1)
    total = np.cumsum(padded, axis=-1)
    return ((total[..., width:] - total[..., :-width]) / width).astype(np.float32)
