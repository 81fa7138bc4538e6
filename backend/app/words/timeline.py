"""The ad's words on its timeline: what is said when, and what is shown when.

The voice step builds it (synthesis gives each line's and each word's start and end, never
speech recognition); the captions-and-titles renderer and the audio mixer read it. Keeping it a
plain value between the two means either side can change its engine without the other noticing.
Times are seconds on the finished ad's timeline (0 to 30 s).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class TimedWord:
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class SpokenLine:
    """One scene's voiceover line, placed on the ad's timeline, with its words' times."""

    scene_number: int
    text: str
    start: float
    end: float
    words: tuple[TimedWord, ...]


@dataclass(frozen=True)
class SceneTitle:
    """A scene's on-screen message and the window it shows in (inside the scene, clear of
    the crossfades on either side)."""

    scene_number: int
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class EndCard:
    """What the last scene ends on: the logo, the product's name and the call to action."""

    product_name: str
    call_to_action: str
    start: float
    end: float
    logo: Path | None = None


@dataclass(frozen=True)
class AdWords:
    """Everything the ad says, in words on screen and in a voice. Empty means today's ad."""

    lines: tuple[SpokenLine, ...] = ()
    titles: tuple[SceneTitle, ...] = ()
    end_card: EndCard | None = None
    captions: bool = True
    font: Path | None = None
    """The brand font if the user gave one, else None for the font shipped in the repository."""
    accent: str | None = field(default=None)
    """The brand colour for the highlighted word and the card, as #rrggbb."""
