"""From an arrangement to a mastered stereo buffer: play notes onto buses, mix, add space.

Each distinct note (instrument, pitch, length) is synthesised once and reused, which is what
keeps a 30 s track well under a second: arpeggios and grooves repeat the same few notes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.providers.local.sound.arrange import Arrangement, arrange
from app.providers.local.sound.drums import Drum, drum_sample
from app.providers.local.sound.effects import (
    autopan,
    chorus,
    duck_gain,
    ping_pong,
    reverb,
    reverb_impulse,
)
from app.providers.local.sound.filters import filtered, swept_lowpass
from app.providers.local.sound.grooves import DUCKING_DRUMS, GROOVES
from app.providers.local.sound.instruments import VOICES
from app.providers.local.sound.master import master
from app.providers.local.sound.oscillators import SAMPLE_RATE, Signal
from app.providers.local.sound.style import Feel, Instrument, MusicStyle


@dataclass(frozen=True)
class Bus:
    gain: float
    reverb: float
    """Send to the reverb, before the style's overall wetness."""
    delay: float = 0.0
    ducked: bool = False


BUSES: dict[str, Bus] = {
    "pad": Bus(gain=0.32, reverb=0.5, ducked=True),
    "drone": Bus(gain=0.3, reverb=0.4, ducked=True),
    "keys": Bus(gain=0.42, reverb=0.4, delay=0.18),
    "synth": Bus(gain=0.5, reverb=0.3, delay=0.25, ducked=True),
    "bass": Bus(gain=0.32, reverb=0.0, ducked=True),
    "drums": Bus(gain=0.6, reverb=0.08),
    "hits": Bus(gain=0.5, reverb=0.5),
}
BUS_OF: dict[Instrument, str] = {
    Instrument.PAD: "pad",
    Instrument.DRONE: "drone",
    Instrument.PIANO: "keys",
    Instrument.EPIANO: "keys",
    Instrument.MARIMBA: "keys",
    Instrument.BELL: "keys",
    Instrument.SYNTH: "synth",
    Instrument.BASS: "bass",
    Instrument.SUB: "bass",
}
# Trims for how loud each instrument sounds at the same peak: long rings read louder.
TRIMS: dict[Instrument, float] = {Instrument.BELL: 0.6, Instrument.EPIANO: 0.85}
# Cinematic hits live in a big room; the rest of the kit stays fairly dry and tight.
HIT_DRUMS = (Drum.BOOM, Drum.TOM, Drum.CRASH, Drum.RISER)


def _pan_gains(pan: float) -> tuple[float, float]:
    """Constant-power pan, normalised so the centre is unity on both sides."""
    angle = (pan + 1.0) * np.pi / 4.0
    return float(np.cos(angle) * np.sqrt(2.0)), float(np.sin(angle) * np.sqrt(2.0))


def _place(bus: Signal, sound: Signal, start: float, gain: float, pan: float) -> None:
    begin = round(start * SAMPLE_RATE)
    n = bus.shape[-1]
    if begin >= n:
        return
    end = min(n, begin + sound.shape[-1])
    left, right = _pan_gains(pan)
    bus[0, begin:end] += np.float32(gain * left) * sound[: end - begin]
    bus[1, begin:end] += np.float32(gain * right) * sound[: end - begin]


def _play(arrangement: Arrangement, n: int, seed: int) -> dict[str, Signal]:
    buses = {name: np.zeros((2, n), dtype=np.float32) for name in BUSES}
    brightness = arrangement.style.brightness
    voices: dict[tuple[Instrument, int, int], Signal] = {}
    for note in arrangement.notes:
        key = (note.instrument, note.midi, round(note.gate * 1000))
        if key not in voices:
            voices[key] = VOICES[note.instrument](note.midi, key[2] / 1000.0, brightness)
        gain = note.velocity * TRIMS.get(note.instrument, 1.0)
        _place(buses[BUS_OF[note.instrument]], voices[key], note.start, gain, note.pan)
    drums: dict[Drum, Signal] = {}
    for hit in arrangement.hits:
        if hit.drum not in drums:
            drums[hit.drum] = drum_sample(hit.drum, seed)
        bus = "hits" if hit.drum in HIT_DRUMS else "drums"
        _place(buses[bus], drums[hit.drum], hit.start, hit.velocity, hit.pan)
    return buses


def _opening_curve(arrangement: Arrangement, n: int) -> Signal:
    times, values = zip(*arrangement.opening, strict=True)
    t = np.arange(n, dtype=np.float64) / SAMPLE_RATE
    return np.interp(t, times, values).astype(np.float32)


def _shape(buses: dict[str, Signal], arrangement: Arrangement, n: int) -> None:
    """Per-bus tone and movement: filtered pads, ducking, e-piano tremolo."""
    style = arrangement.style
    opening = _opening_curve(arrangement, n)
    closed, opened = 400.0 + 600.0 * style.brightness, 1800.0 + 5000.0 * style.brightness
    # Pads are played in the centre, so one channel is the whole pad: filter it, then widen it.
    buses["pad"] = chorus(swept_lowpass(buses["pad"][0], closed, opened, opening))
    if style.drone:
        buses["drone"] = filtered(buses["drone"], (30.0, 900.0))
    if style.arp is Instrument.SYNTH:
        # The classic build: the arpeggio starts muffled and opens up into the drop.
        buses["synth"] = swept_lowpass(buses["synth"], 1500.0, 14_000.0, opening, low_cut=150.0)
    if style.comp is Instrument.EPIANO:
        buses["keys"] = autopan(buses["keys"], rate=style.tempo / 120.0, depth=0.35)
    depth = GROOVES[style.drums].duck
    if depth > 0:
        kicks = [h.start for h in arrangement.hits if h.drum in DUCKING_DRUMS]
        gain = duck_gain(n, kicks, depth, release=min(0.2, arrangement.timeline.beat * 0.4))
        for name, bus in BUSES.items():
            if bus.ducked:
                buses[name] *= gain


def _mix(buses: dict[str, Signal], style: MusicStyle, beat: float, seed: int) -> Signal:
    dry = sum(np.float32(BUSES[name].gain) * x for name, x in buses.items())
    reverb_send = sum(
        np.float32(BUSES[name].gain * BUSES[name].reverb) * x.mean(axis=0)
        for name, x in buses.items()
    )
    delay_send = sum(
        np.float32(BUSES[name].gain * BUSES[name].delay) * x.mean(axis=0)
        for name, x in buses.items()
        if BUSES[name].delay
    )
    room = 1.4 + 2.2 * style.reverb
    wet = reverb(np.asarray(reverb_send, dtype=np.float32), reverb_impulse(room, seed))
    feedback = 0.45 if style.feel in (Feel.CALM, Feel.DARK) else 0.35
    echoes = ping_pong(np.asarray(delay_send, dtype=np.float32), 0.75 * beat, feedback)
    return np.asarray(dry + np.float32(0.9 * style.reverb) * wet + echoes, dtype=np.float32)


def render_music(style: MusicStyle, duration: float, seed: int) -> Signal:
    """A mastered stereo track (2 × samples, float32 in ±1) of exactly `duration` seconds."""
    n = round(duration * SAMPLE_RATE)
    seed %= 1 << 64  # numpy seeds must be non-negative; any int the caller has is fine
    arrangement = arrange(style, duration, seed)
    buses = _play(arrangement, n, seed)
    _shape(buses, arrangement, n)
    return master(_mix(buses, style, arrangement.timeline.beat, seed))
