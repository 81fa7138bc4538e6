"""A synthesised line as samples: decoded, trimmed to its audible part, measured, levelled, and
laid on the ad's voice track. Blocking (decoding and NumPy): call from a thread.

Whatever a voice writes (Piper's 22.05 kHz WAV, espeak-ng's, OpenAI's 24 kHz), it is decoded
with PyAV to 48 kHz mono floats, the mixer's rate, so every length below is measured in the
samples the ad will play.
"""

from __future__ import annotations

import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from app.errors import RenderError

RATE = 48000
SILENCE_DB = -40.0
"""A 10 ms frame quieter than this (RMS, dBFS) is silence around a line, not speech."""
FRAME = RATE // 100
SPEECH_RMS_DB = -20.0
"""Every line is levelled to this RMS over its audible part: one voice, one loudness."""
PEAK_CEILING = 0.89
"""About -1 dBFS: levelling never pushes a line's peaks past this."""


@dataclass(frozen=True)
class LineAudio:
    samples: np.ndarray
    """48 kHz mono float32, trimmed to the audible part."""

    @property
    def seconds(self) -> float:
        return len(self.samples) / RATE


def read_line(path: Path) -> LineAudio:
    """The line's audible part, levelled. Raises RenderError if it holds no speech."""
    samples = decode_mono(path)
    first, last = audible_bounds(samples)
    if last <= first:
        raise RenderError("The voice wrote a line with no audible speech in it.")
    return LineAudio(level(samples[first:last]))


def decode_mono(path: Path) -> np.ndarray:
    try:
        with av.open(str(path)) as container:
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
            chunks = [
                plane.to_ndarray().reshape(-1)
                for frame in container.decode(stream)
                for plane in resampler.resample(frame)
            ]
            chunks += [plane.to_ndarray().reshape(-1) for plane in resampler.resample(None)]
    except (av.FFmpegError, IndexError) as exc:
        raise RenderError("The voice wrote audio that could not be read.") from exc
    return np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)


def audible_bounds(samples: np.ndarray) -> tuple[int, int]:
    """First and last sample of the 10 ms frames louder than `SILENCE_DB` (0, 0 if none)."""
    frames = len(samples) // FRAME
    if frames == 0:
        return 0, 0
    blocks = samples[: frames * FRAME].reshape(frames, FRAME).astype(np.float64)
    rms = np.sqrt(np.mean(blocks**2, axis=1))
    loud = np.flatnonzero(rms > 10 ** (SILENCE_DB / 20))
    if loud.size == 0:
        return 0, 0
    return int(loud[0] * FRAME), int(min(len(samples), (loud[-1] + 1) * FRAME))


def level(samples: np.ndarray) -> np.ndarray:
    """Scaled to `SPEECH_RMS_DB` over its audible frames, peaks kept under `PEAK_CEILING`."""
    rms = float(np.sqrt(np.mean(samples.astype(np.float64) ** 2))) or 1e-9
    gain = 10 ** (SPEECH_RMS_DB / 20) / rms
    peak = float(np.max(np.abs(samples))) or 1e-9
    gain = min(gain, PEAK_CEILING / peak)
    return (samples * gain).astype(np.float32)


def write_track(lines: Sequence[tuple[float, LineAudio]], seconds: float, out: Path) -> Path:
    """Each line at its start (in seconds) on a silent track `seconds` long: 48 kHz mono WAV."""
    track = np.zeros(round(seconds * RATE), np.float32)
    for start, line in lines:
        at = round(start * RATE)
        end = min(len(track), at + len(line.samples))
        track[at:end] += line.samples[: end - at]
    pcm = (np.clip(track, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(out), "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(RATE)
        file.writeframes(pcm.tobytes())
    return out
