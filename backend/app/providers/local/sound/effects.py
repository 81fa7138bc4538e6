"""Space and movement: reverb, ping-pong delay, chorus, sidechain ducking and auto-pan.

All of them work on whole buses at once. Stereo width comes from here: the reverb's two
channels are independent noise, the delay bounces between sides, and the chorus modulates
each side with a different phase.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from app.providers.local.sound.filters import (
    box_lowpass,
    frequencies,
    highpass,
    lowpass,
    next_fast_len,
)
from app.providers.local.sound.oscillators import SAMPLE_RATE, TWO_PI, Signal, smoothstep, time_axis


def reverb_impulse(rt60: float, seed: int) -> Signal:
    """A stereo room: a few early reflections, then decaying noise that darkens as it fades.

    The bright part of the tail decays three times faster than the dark part, which is what
    real rooms do (air and walls absorb highs first) and why this sounds smooth, not hissy.
    """
    rng = np.random.default_rng([seed, 7919])
    n = int(rt60 * SAMPLE_RATE)
    t = time_axis(n)
    decay = np.float32(-6.9 / rt60)  # ln(1000): −60 dB at rt60
    out = np.zeros((2, n), dtype=np.float32)
    for ch in range(2):
        noise = rng.standard_normal(n).astype(np.float32)
        dark = box_lowpass(noise, 8) * np.exp(decay * t)
        bright = 0.4 * noise * np.exp(3.0 * decay * t)
        out[ch] = (dark + bright) * smoothstep(t / np.float32(0.015))
        for delay, gain in zip(
            rng.uniform(0.007, 0.05, 6), np.geomspace(0.5, 0.15, 6), strict=True
        ):
            out[ch, int(delay * SAMPLE_RATE)] += gain * np.sqrt(n) * 0.015
        out[ch] /= np.sqrt(np.sum(out[ch].astype(np.float64) ** 2))
    pre_delay = int(0.02 * SAMPLE_RATE)
    return np.pad(out, ((0, 0), (pre_delay, 0)))


def reverb(send: Signal, impulse: Signal) -> Signal:
    """Convolve a mono send with the stereo impulse; lows and extreme highs are kept out."""
    n = send.shape[-1]
    size = next_fast_len(n + impulse.shape[-1])
    freqs = frequencies(size)
    shape = highpass(freqs, 200.0) * lowpass(freqs, 7000.0, order=1)
    spectrum = np.fft.rfft(send, size) * shape
    wet = np.fft.irfft(np.fft.rfft(impulse, size, axis=-1) * spectrum, size, axis=-1)
    return wet[:, :n].astype(np.float32)


def ping_pong(send: Signal, delay: float, feedback: float, taps: int = 6) -> Signal:
    """Echoes alternating left and right, each quieter and a little duller than the last."""
    n = send.shape[-1]
    out = np.zeros((2, n), dtype=np.float32)
    step = int(delay * SAMPLE_RATE)
    echo = box_lowpass(send, 4)
    for k in range(1, taps + 1):
        shift = k * step
        if shift >= n:
            break
        side = k % 2  # first echo on the right, then left, …
        gain = feedback ** (k - 1)
        out[side, shift:] += np.float32(gain) * echo[: n - shift]
        out[1 - side, shift:] += np.float32(0.25 * gain) * echo[: n - shift]
        echo = box_lowpass(echo, 3) if k < taps else echo
    return out


def chorus(x: Signal, base: float = 0.012, depth: float = 0.003, rate: float = 0.23) -> Signal:
    """A mono signal → stereo: each side mixes in a slowly wobbling delayed copy, 90° apart."""
    n = x.shape[-1]
    index = np.arange(n, dtype=np.float64)
    out = np.empty((2, n), dtype=np.float32)
    for ch, phase in ((0, 0.0), (1, np.pi / 2)):
        lag = (base + depth * np.sin(2 * np.pi * rate * index / SAMPLE_RATE + phase)) * SAMPLE_RATE
        wobble = np.interp(index - lag, index, x, left=0.0)
        out[ch] = 0.7 * x + 0.5 * wobble.astype(np.float32)
    return out


def duck_gain(n: int, times: Iterable[float], depth: float, release: float = 0.16) -> Signal:
    """Gain that dips under each kick and swells back: the "pumping" of produced dance music."""
    kernel_n = int(4 * release * SAMPLE_RATE)
    t = time_axis(kernel_n)
    kernel = smoothstep(t / np.float32(0.006)) * np.exp(-t / np.float32(release))
    envelope = np.zeros(n, dtype=np.float32)
    for time in times:
        start = int(time * SAMPLE_RATE)
        if start >= n:
            continue
        end = min(n, start + kernel_n)
        np.maximum(envelope[start:end], kernel[: end - start], out=envelope[start:end])
    return (1.0 - np.float32(depth) * envelope).astype(np.float32)


def autopan(x: Signal, rate: float, depth: float) -> Signal:
    """Swing the image gently left and right, like a vintage e-piano's stereo tremolo."""
    lfo = np.float32(depth) * np.sin(TWO_PI * np.float32(rate) * time_axis(x.shape[-1]))
    return np.stack([x[0] * (1.0 + lfo), x[1] * (1.0 - lfo)]).astype(np.float32)
