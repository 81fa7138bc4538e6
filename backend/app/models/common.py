"""Field types shared by the request and response models."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, PlainSerializer

from app.utils.helpers import is_hex_colour

TOTAL_DURATION = 30.0
"""Length of every ad, in seconds (the seed's `total_duration`)."""
MIN_SCENES = 5
MAX_SCENES = 7
MIN_SCENE_SECONDS = 1.0
"""A scene must outlast the 0.5 s crossfades on both of its sides."""
MAX_SCENE_SECONDS = 15.0
DURATION_TOLERANCE = 1e-6


def _whole_numbers_as_int(value: float) -> float | int:
    # The seed writes durations as `5`, not `5.0`; keep whole seconds looking like that.
    return int(value) if float(value).is_integer() else value


Seconds = Annotated[float, PlainSerializer(_whole_numbers_as_int, return_type=float | int)]

ShortText = Annotated[str, Field(max_length=200)]
"""A name, a keyword, an audience: one line."""
LongText = Annotated[str, Field(max_length=2000)]
"""A description or a prompt: a paragraph at most."""
VoiceoverLine = Annotated[str, Field(max_length=400)]
"""One scene's spoken line: at 2.5 words a second even a 15 s scene needs far fewer."""
Keyword = Annotated[str, Field(min_length=1, max_length=60)]


def _check_colour(value: str) -> str:
    if not is_hex_colour(value):
        raise ValueError("must be a colour like #D4AF37")
    return value.upper()


HexColour = Annotated[str, AfterValidator(_check_colour)]
