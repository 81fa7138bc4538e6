"""Writing 16-bit PCM WAV with the standard library."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from app.providers.local.sound.oscillators import SAMPLE_RATE, Signal


def to_pcm16(audio: Signal) -> bytes:
    """Channels × samples in ±1 → interleaved little-endian 16-bit frames."""
    scaled = np.round(np.clip(audio, -1.0, 1.0) * 32767.0).astype("<i2")
    return scaled.T.tobytes()


def write_wav(path: Path, audio: Signal) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(audio.shape[0])
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(to_pcm16(audio))
