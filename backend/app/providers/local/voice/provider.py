"""`LocalVoiceProvider`: Piper when its voice is installed, else espeak-ng, each as a process."""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.errors import RenderError
from app.providers.base import SpeechSpec
from app.providers.local.voice.engines import (
    ESPEAK_VOICE,
    PIPER_VOICE,
    Engines,
    espeak_argv,
    installed_engines,
    piper_argv,
)
from app.providers.local.voice.process import run_engine

CALM_TONES = frozenset({"calm", "calming", "serene", "soothing", "relaxed", "gentle", "elegant"})
LIVELY_TONES = frozenset({"energetic", "bold", "playful", "fun", "exciting", "upbeat", "lively"})


def length_scale(tone: tuple[str, ...]) -> float:
    """Piper's pace from the brief's tone: a little slower for calm ads, quicker for lively."""
    words = {word.lower() for word in tone}
    if words & LIVELY_TONES and not words & CALM_TONES:
        return 0.95
    if words & CALM_TONES:
        return 1.05
    return 1.0


class LocalVoiceProvider:
    """Offline voices, no key: `joe` (Piper, neural) and `espeak` (espeak-ng, the fallback)."""

    name = "local"

    def __init__(self, timeout_seconds: float = 120.0, engines: Engines | None = None) -> None:
        self._engines = engines if engines is not None else installed_engines()
        self._timeout = timeout_seconds
        self.voices = self._engines.voices

    async def speak(self, spec: SpeechSpec, out: Path) -> Path:
        voice = spec.voice or (self.voices[0] if self.voices else "")
        piper, espeak = self._engines.piper, self._engines.espeak
        if voice == PIPER_VOICE and piper is not None:
            argv = piper_argv(piper, out, length_scale(spec.tone))
            await run_engine(argv, spec.text, self._timeout, "Piper")
        elif voice == ESPEAK_VOICE and espeak is not None:
            await run_engine(espeak_argv(espeak, out), spec.text, self._timeout, "espeak-ng")
        else:
            raise RenderError(
                "No offline voice is installed: install the project's requirements (Piper) or "
                "Debian's espeak-ng, or compose with the voice set to none."
            )
        if not await asyncio.to_thread(out.is_file):
            raise RenderError("The voice wrote no audio for a line.")
        return out
