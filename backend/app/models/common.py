"""Field types shared by the request and response models."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, PlainSerializer

from app.storyboard_rules import (
    DURATION_TOLERANCE,
    MAX_SCENE_SECONDS,
    MAX_SCENES,
    MIN_SCENE_SECONDS,
    MIN_SCENES,
)
from app.storyboard_rules import TOTAL_SECONDS as TOTAL_DURATION
from app.utils.helpers import is_hex_colour

__all__ = [
    "DURATION_TOLERANCE",
    "MAX_SCENES",
    "MAX_SCENE_SECONDS",
    "MIN_SCENES",
    "MIN_SCENE_SECONDS",
    "TOTAL_DURATION",
]


def _whole_numbers_as_int(value: float) -> float | int:
    # The seed writes durations as `5`, not `5.0`; keep whole seconds looking like that.
    return int(value) if float(value).is_integer() else value


Seconds = Annotated[float, PlainSerializer(_whole_numbers_as_int, return_type=float | int)]

SHORT_TEXT_CHARS = 200
VOICEOVER_CHARS = 400

ShortText = Annotated[str, Field(max_length=SHORT_TEXT_CHARS)]
"""A name, a keyword, an audience: one line."""
LongText = Annotated[str, Field(max_length=2000)]
"""A description or a prompt: a paragraph at most."""
VoiceoverLine = Annotated[str, Field(max_length=VOICEOVER_CHARS)]
"""One scene's spoken line: at 2.5 words a second even a 15 s scene needs far fewer."""
Keyword = Annotated[str, Field(min_length=1, max_length=60)]


def _check_colour(value: str) -> str:
    if not is_hex_colour(value):
        raise ValueError("must be a colour like #D4AF37")
    return value.upper()


HexColour = Annotated[str, AfterValidator(_check_colour)]
