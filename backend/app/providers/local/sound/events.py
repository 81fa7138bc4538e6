"""What the arranger writes and the renderer plays: timed notes and drum hits."""

from __future__ import annotations

from dataclasses import dataclass

from app.providers.local.sound.drums import Drum
from app.providers.local.sound.style import Instrument


@dataclass(frozen=True)
class Note:
    start: float
    """Seconds from the start of the track."""
    gate: float
    """Seconds the key is held; the instrument's release rings on after it."""
    midi: int
    velocity: float
    """Linear gain, 0–1."""
    instrument: Instrument
    pan: float = 0.0
    """-1 hard left … +1 hard right."""


@dataclass(frozen=True)
class Hit:
    start: float
    drum: Drum
    velocity: float
    pan: float = 0.0
