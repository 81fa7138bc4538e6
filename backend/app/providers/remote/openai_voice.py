"""`OpenAIVoiceProvider`: OpenAI's speech endpoint (`POST /v1/audio/speech`) through the official
client, `gpt-4o-mini-tts` by default, with directions written from the brief's tone.

The answer is a WAV file streamed straight to `out`; its length is measured afterwards like
any voice's (`app.words.audio`), never taken from the provider's word.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import openai

from app.config import OpenAISettings, VoiceSettings
from app.models.cost import ProviderCall
from app.providers.base import SpeechSpec
from app.providers.remote.openai_client import build_client, translate
from app.providers.remote.pricing import Estimate
from app.utils.costs import record

VOICES = (
    "coral", "alloy", "ash", "ballad", "cedar", "echo", "fable",
    "marin", "nova", "onyx", "sage", "shimmer", "verse",
)  # fmt: skip
"""OpenAI's built-in voices, the default first."""


def instructions(tone: tuple[str, ...]) -> str:
    """How to say the line: the ad's tone, a natural pace, no added words."""
    feeling = ", ".join(word for word in tone if word.strip()) or "warm and confident"
    return (
        f"You are the voice of a 30-second video ad. Sound {feeling}. Speak at a natural, "
        "unhurried pace, as a person would say it, and say exactly the words given."
    )


class OpenAIVoiceProvider:
    def __init__(self, settings: OpenAISettings, voice: VoiceSettings) -> None:
        self._settings = settings
        self._model = voice.openai_model
        self._price = voice.openai_price_per_mchar
        self._client = build_client(settings)
        self._slots = asyncio.Semaphore(settings.max_concurrent)
        self.name = f"openai:{self._model}"
        self.voices = VOICES

    def quote(self, text: str) -> Estimate:
        """What speaking `text` costs: OpenAI bills speech per character of input."""
        return Estimate(units=len(text), unit="character", usd=len(text) * self._price / 1_000_000)

    async def speak(self, spec: SpeechSpec, out: Path) -> Path:
        voice = spec.voice or VOICES[0]
        async with self._slots:
            try:
                async with self._client.audio.speech.with_streaming_response.create(
                    model=self._model,
                    voice=voice,
                    input=spec.text,
                    instructions=instructions(spec.tone),
                    response_format="wav",
                ) as response:
                    await response.stream_to_file(out)
            except openai.OpenAIError as exc:
                raise translate(exc, "speaking the voiceover") from exc
        cost = self.quote(spec.text)
        record(
            ProviderCall(
                provider="openai",
                model=self._model,
                capability="voice",
                outcome="succeeded",
                units=cost.units,
                unit=cost.unit,
                estimated_usd=cost.usd,
            )
        )
        return out

    async def aclose(self) -> None:
        await self._client.close()
