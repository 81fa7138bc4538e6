"""Pitched instruments: each renders one note as a mono float32 buffer peaking at 1.

Cheap physical-ish models instead of sample playback: modal synthesis (a few decaying
partials) for piano, marimba and bell, two-operator FM for the e-piano, and band-limited
wavetables with a crossfaded "filter envelope" for synths, bass, pads and drones. Notes carry
their own release tail, so the buffer is longer than the note's `gate`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from app.providers.local.sound.oscillators import (
    SAMPLE_RATE,
    TWO_PI,
    Signal,
    adsr,
    attack_release,
    cycles,
    end_fade,
    harmonic_wave,
    sine,
    smoothstep,
    struck,
    time_axis,
)
from app.providers.local.sound.style import Instrument
from app.providers.local.sound.theory import midi_to_hz

Voice = Callable[[int, float, float], Signal]
"""(midi note, gate in seconds, brightness 0–1) → the note's samples."""


def _samples(seconds: float) -> int:
    return max(1, round(seconds * SAMPLE_RATE))


def _normalised(x: Signal) -> Signal:
    peak = float(np.abs(x).max())
    return (x / peak).astype(np.float32) if peak > 0 else x


def _modal(
    freq: float,
    n: int,
    ratios: tuple[float, ...],
    amps: tuple[float, ...],
    taus: tuple[float, ...],
    attack: float,
) -> Signal:
    """Sum of exponentially decaying sine partials: how struck bars and strings ring."""
    t = time_axis(n)
    out = np.zeros(n, dtype=np.float32)
    for ratio, amp, tau in zip(ratios, amps, taus, strict=True):
        if freq * ratio < 16_000.0:
            out += np.float32(amp) * sine(freq * ratio, n) * np.exp(-t / np.float32(tau))
    return (out * smoothstep(t / np.float32(attack))).astype(np.float32)


def piano(midi: int, gate: float, brightness: float) -> Signal:
    """A soft, felt-piano-like pluck: stretched partials, highs dying first, a damper release."""
    f = midi_to_hz(midi)
    tau = 1.6 * (262.0 / f) ** 0.4
    n = _samples(min(gate + 0.3, 6.0 * tau))
    k = np.arange(1, 8)
    ratios = tuple(float(r) for r in k * np.sqrt(1.0 + 0.0004 * k**2))
    # Felt hammers: the second partial is nearly as strong as the first, the rest fall away.
    tilt = 1.5 - 0.5 * brightness
    amps = tuple(float(a) for a in k**-tilt)
    taus = tuple(float(tau / (1.0 + 0.6 * (i - 1) * (f / 400.0) ** 0.5)) for i in k)
    body = _modal(f, n, ratios, amps, taus, attack=0.004)
    # A second string a cent sharp: the slow beating is what makes a piano sound alive.
    body += 0.35 * _modal(f * 1.0006, n, ratios[:2], amps[:2], taus[:2], attack=0.004)
    damper = attack_release(n, 0.0, 0.25, gate)
    return _normalised(body * damper * end_fade(n))


def epiano(midi: int, gate: float, brightness: float) -> Signal:
    """A Rhodes-like FM e-piano: a bright bark that mellows into a near sine, plus a tine ping."""
    f = midi_to_hz(midi)
    n = _samples(min(gate + 0.25, 4.0))
    t = time_axis(n)
    index = np.float32(0.8 + 1.6 * brightness) * np.exp(-t / np.float32(0.45)) + np.float32(0.2)
    body = np.sin(TWO_PI * cycles(f, n) + index * sine(f, n))
    tine = sine(f * 14.0, n) * np.exp(-t / np.float32(0.03)) if f * 14 < 12_000 else 0.0
    tone = np.tanh(1.4 * (body + 0.12 * tine)) / np.tanh(1.4)
    amp = np.exp(-t / np.float32(2.4 * (262.0 / f) ** 0.5))
    env = amp * attack_release(n, 0.002, 0.2, gate) * end_fade(n)
    return _normalised((tone * env).astype(np.float32))


def marimba(midi: int, gate: float, brightness: float) -> Signal:
    """Tuned wooden bar: partials near 1:4:10 that die quickly, the fundamental rings on."""
    f = midi_to_hz(midi)
    n = _samples(1.2)
    body = _modal(
        f,
        n,
        ratios=(1.0, 3.99, 9.9),
        amps=(1.0, 0.25 + 0.3 * brightness, 0.08 + 0.1 * brightness),
        taus=(0.5 * (262.0 / f) ** 0.5, 0.08, 0.03),
        attack=0.0015,
    )
    return _normalised(body * end_fade(n, 0.02))


def bell(midi: int, gate: float, brightness: float) -> Signal:
    """Music-box bell: inharmonic FM shimmer over a long, pure ring."""
    f = midi_to_hz(midi)
    n = _samples(3.0)
    t = time_axis(n)
    index = np.float32(0.6 + 1.2 * brightness) * np.exp(-t / np.float32(0.5))
    tone = np.sin(TWO_PI * cycles(f, n) + index * sine(f * 3.5, n))
    tone += 0.25 * sine(f * 2.0, n) * np.exp(-t / np.float32(0.7))
    return _normalised((tone * struck(n, 0.003, 1.2)).astype(np.float32))


def synth(midi: int, gate: float, brightness: float) -> Signal:
    """A detuned saw pluck whose filter closes as it decays (crossfading bright into dark)."""
    f = midi_to_hz(midi)
    n = _samples(gate + 0.08)
    t = time_axis(n)
    bright = harmonic_wave(f, n, max_harmonics=60) + harmonic_wave(f * 1.004, n, max_harmonics=60)
    dark = harmonic_wave(f, n, max_harmonics=4, tilt=1.5) + harmonic_wave(
        f * 1.004, n, max_harmonics=4, tilt=1.5, phase=0.3
    )
    opening = np.float32(0.6 * brightness) * np.exp(-t / np.float32(0.05 + 0.15 * brightness))
    tone = dark + opening * (bright - dark)
    return _normalised(tone * adsr(n, 0.003, 0.2, 0.35, 0.08, gate))


def bass(midi: int, gate: float, brightness: float) -> Signal:
    """Round bass: sine body, a few harmonics so phone speakers hear it, a short bright attack."""
    f = midi_to_hz(midi)
    n = _samples(gate + 0.06)
    t = time_axis(n)
    body = sine(f, n) + 0.45 * harmonic_wave(f, n, max_harmonics=6, tilt=1.7)
    click = harmonic_wave(f, n, max_harmonics=20, tilt=1.1) * np.exp(-t / np.float32(0.05))
    tone = np.tanh(1.2 * (body + np.float32(0.3 + 0.4 * brightness) * click))
    return _normalised(tone * adsr(n, 0.004, 0.25, 0.7, 0.06, gate))


def sub(midi: int, gate: float, brightness: float) -> Signal:
    """Soft sub bass that swells in and out, felt more than heard."""
    f = midi_to_hz(midi)
    n = _samples(gate + 0.4)
    tone = sine(f, n) + 0.2 * sine(2.0 * f, n) + 0.06 * sine(3.0 * f, n)
    return _normalised(tone * attack_release(n, 0.08, 0.4, gate))


def pad(midi: int, gate: float, brightness: float) -> Signal:
    """Two detuned saws with a slow swell; the pad bus low-pass turns them into a warm bed."""
    f = midi_to_hz(midi)
    n = _samples(gate + 1.6)
    t = time_axis(n)
    tone = harmonic_wave(f * 0.9977, n, max_harmonics=40, tilt=1.15, ceiling=9000.0)
    tone += harmonic_wave(f * 1.0023, n, max_harmonics=40, tilt=1.15, ceiling=9000.0, phase=0.5)
    swell = 1.0 + 0.1 * np.sin(TWO_PI * np.float32(0.17) * t + np.float32(midi))
    return _normalised(tone * swell * attack_release(n, 0.9, 1.6, gate))


def drone(midi: int, gate: float, brightness: float) -> Signal:
    """Low, slowly beating and breathing pedal tone for suspense."""
    f = midi_to_hz(midi)
    n = _samples(gate + 2.5)
    t = time_axis(n)
    tone = harmonic_wave(f, n, max_harmonics=10, tilt=1.4)
    tone += harmonic_wave(f * 1.003, n, max_harmonics=10, tilt=1.4, phase=0.25)
    tone += 0.8 * sine(f * 0.5, n)
    breath = 1.0 + 0.2 * np.sin(TWO_PI * np.float32(0.09) * t)
    return _normalised(tone * breath * attack_release(n, 2.5, 2.5, gate))


VOICES: dict[Instrument, Voice] = {
    Instrument.PIANO: piano,
    Instrument.EPIANO: epiano,
    Instrument.MARIMBA: marimba,
    Instrument.BELL: bell,
    Instrument.SYNTH: synth,
    Instrument.BASS: bass,
    Instrument.SUB: sub,
    Instrument.PAD: pad,
    Instrument.DRONE: drone,
}
