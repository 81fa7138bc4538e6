"""OpenAI's speech endpoint (POST /v1/audio/speech), faked in its public shape.

The body is JSON: `model`, `input` (at most 4096 characters), `voice` (a built-in name),
optional `instructions` (refused for `tts-1` and `tts-1-hd`), `response_format` (`mp3`,
`opus`, `aac`, `flac`, `wav`, `pcm`; this fake writes `wav` and `pcm` only) and `speed`
(0.25-4). The answer is the audio itself, not JSON. Errors use the API's error object.

The "speech" is a voiced buzz, one 0.3 s syllable-like burst per word with short gaps, after
a little silence and followed by some: audible exactly where the words are, so a test can
check that the mixer places and measures lines from the audio it gets.
"""

from __future__ import annotations

import io
import wave
from typing import Any

import numpy as np

RATE = 24000
"""OpenAI's speech is 24 kHz mono 16-bit."""
VOICES = frozenset(
    {"alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer",
     "verse", "marin", "cedar"}
)  # fmt: skip
FORMATS = frozenset({"mp3", "opus", "aac", "flac", "wav", "pcm"})
WORD_SECONDS = 0.3
GAP_SECONDS = 0.08
LEAD_SECONDS = 0.12
TAIL_SECONDS = 0.25


def speech_problem(body: Any) -> str | None:
    """What the real endpoint would refuse with a 400, for the fields it defines."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    if not isinstance(body.get("model"), str) or not body["model"]:
        return "you must provide a model parameter"
    text = body.get("input")
    if not isinstance(text, str) or not text.strip():
        return "input must be a non-empty string"
    if len(text) > 4096:
        return "input must be at most 4096 characters"
    if body.get("voice") not in VOICES:
        return f"voice must be one of {sorted(VOICES)}"
    if body.get("instructions") is not None and body["model"] in ("tts-1", "tts-1-hd"):
        return "instructions are not supported for this model"
    if body.get("response_format", "mp3") not in FORMATS:
        return f"response_format must be one of {sorted(FORMATS)}"
    speed = body.get("speed", 1.0)
    if not isinstance(speed, int | float) or not 0.25 <= speed <= 4.0:
        return "speed must be between 0.25 and 4.0"
    return None


def speech_samples(text: str) -> np.ndarray:
    """16-bit mono samples: silence, a burst per word, silence."""
    words = max(1, len(text.split()))
    parts = [np.zeros(int(LEAD_SECONDS * RATE))]
    t = np.arange(int(WORD_SECONDS * RATE)) / RATE
    envelope = np.sin(np.pi * t / WORD_SECONDS)
    burst = (
        0.5 * envelope * np.sign(np.sin(2 * np.pi * 180 * t)) * np.abs(np.sin(2 * np.pi * 700 * t))
    )
    for index in range(words):
        parts.append(burst)
        if index < words - 1:
            parts.append(np.zeros(int(GAP_SECONDS * RATE)))
    parts.append(np.zeros(int(TAIL_SECONDS * RATE)))
    return (np.concatenate(parts) * 32767).astype("<i2")


def spoken_seconds(text: str) -> float:
    """How long the audible part of the fake's speech for `text` lasts."""
    words = max(1, len(text.split()))
    return words * WORD_SECONDS + (words - 1) * GAP_SECONDS


def speech_body(text: str, response_format: str) -> tuple[bytes, str]:
    """The audio bytes and their Content-Type."""
    samples = speech_samples(text)
    if response_format == "pcm":
        return samples.tobytes(), "audio/pcm"
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(RATE)
        file.writeframes(samples.tobytes())
    return buffer.getvalue(), "audio/wav"
