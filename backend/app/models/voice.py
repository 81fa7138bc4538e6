"""The voices a compose request may name, and a short preview of one."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from app.models.video import VoiceName

PREVIEW_CHARS = 160
"""A preview is a sentence or two: long enough to hear a voice, short enough to cost little."""

ANSWER = ConfigDict(json_schema_serialization_defaults_required=True)


class Voice(BaseModel):
    model_config = ANSWER

    id: str
    """What a compose request's `voice` names (`none`: music only, no voiceover)."""
    name: str
    """For people: "Joe", "Coral"."""
    language: str
    """The language it speaks best, as a BCP 47 tag (`en-US`); `mul` for a voice that speaks
    whatever language the line is in."""
    provider: str
    """Who speaks: `local` (offline, on this server), `openai`, or `none`."""


class VoicesResponse(BaseModel):
    model_config = ANSWER

    voices: list[Voice]
    """Every voice of the server's voice provider, then `none`."""
    default: str
    """The voice a compose request that names none gets (the `VOICE_NAME` setting, else the
    provider's first voice, else `none`)."""


class VoicePreviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    voice: VoiceName
    text: Annotated[str, Field(min_length=1, max_length=PREVIEW_CHARS)] | None = None
    """What to say; None: a fixed sentence."""


class VoicePreviewResponse(BaseModel):
    model_config = ANSWER

    voice: str
    audio_url: str
    """The preview as a WAV file in our media store; the same voice and text answer the same
    file again, without speaking it twice."""
    cached: bool
    """True when the file was already there (nothing was spoken, nothing spent)."""
