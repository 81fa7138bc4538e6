"""Which voices a compose request may name, described for people, and a short preview of one.

A preview is spoken once and kept in the media store under a name made from who spoke what
(`voice-previews/<digest>.wav`): the same voice and sentence again is that file, free.
"""

from __future__ import annotations

import asyncio
import hashlib
import json

from app.errors import MediaNotFound
from app.models.voice import Voice, VoicePreviewResponse
from app.providers.base import SpeechSpec, VoiceProvider
from app.providers.local.voice.engines import LABELS
from app.services.script_service import NO_VOICE
from app.storage.media_store import MediaStore

PREVIEW_FOLDER = "voice-previews"
PREVIEW_TEXT = "Hello! This is how the voice of your ad will sound."
NONE = Voice(id=NO_VOICE, name="No voice (music only)", language="zxx", provider=NO_VOICE)


def provider_id(voice: VoiceProvider) -> str:
    """`local`, `openai`, ...: the provider's name without its model (`openai:gpt-4o-mini-tts`)."""
    return voice.name.split(":", 1)[0]


def voices(voice: VoiceProvider | None) -> list[Voice]:
    """Every voice the provider speaks with, its default first, then `none`."""
    if voice is None:
        return [NONE]
    provider = provider_id(voice)
    described = []
    for name in voice.voices:
        label, language = LABELS.get(name, (name.capitalize(), "mul"))
        described.append(Voice(id=name, name=label, language=language, provider=provider))
    return [*described, NONE]


def default_voice(voice: VoiceProvider | None, setting: str) -> str:
    """What a compose request naming no voice gets: `VOICE_NAME`, else the provider's first."""
    if setting.strip():
        return setting.strip()
    return voice.voices[0] if voice is not None and voice.voices else NO_VOICE


def preview_key(voice: VoiceProvider, name: str, text: str) -> str:
    digest = hashlib.sha256(json.dumps([voice.name, name, text]).encode()).hexdigest()
    return f"{PREVIEW_FOLDER}/{digest[:32]}.wav"


async def preview(
    voice: VoiceProvider, store: MediaStore, name: str, text: str | None
) -> VoicePreviewResponse:
    """`text` (or the fixed sentence) said by voice `name`, as one of our media URLs. The
    caller has checked that the provider has the voice."""
    said = " ".join((text or PREVIEW_TEXT).split())
    key = preview_key(voice, name, said)
    try:
        await asyncio.to_thread(store.resolve, key)
    except MediaNotFound:
        pass
    else:
        return VoicePreviewResponse(voice=name, audio_url=store.url_for(key), cached=True)
    await store.ensure_room()
    async with store.batch() as batch:
        file = batch.named(key)
        await voice.speak(SpeechSpec(said, name), file.partial)
    return VoicePreviewResponse(voice=name, audio_url=store.url_for(key), cached=False)
