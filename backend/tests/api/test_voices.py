"""`GET /api/voices` and `POST /api/voices/preview`: the voices a user can pick, and a short
preview of one that is spoken once and then served from the media store."""

from __future__ import annotations

import dataclasses
import wave
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from app.config import Settings, VoiceSettings
from app.providers.base import SpeechSpec
from app.providers.registry import Providers
from app.words import audio
from tests.conftest import ClientFactory
from tests.utils.factories import fake_providers

pytestmark = pytest.mark.anyio


@dataclass
class CountingVoice:
    """A voice provider that says every line as a short tone and remembers what it said."""

    name: str = "local"
    voices: tuple[str, ...] = ("joe", "espeak")
    said: list[SpeechSpec] = field(default_factory=list)

    async def speak(self, spec: SpeechSpec, out: Path) -> Path:
        self.said.append(spec)
        tone = np.sin(np.arange(audio.RATE // 2) * 0.05).astype(np.float32) * 0.3
        return audio.write_track([(0.0, audio.LineAudio(tone))], 0.5, out)


def _providers(voice: CountingVoice) -> Providers:
    return dataclasses.replace(fake_providers(), voice=voice)


async def test_the_voices_are_listed_with_none_and_the_default(api: ClientFactory) -> None:
    async with api(_providers(CountingVoice())) as client:
        body = (await client.get("/api/voices")).json()
    assert [v["id"] for v in body["voices"]] == ["joe", "espeak", "none"]
    assert body["voices"][0] == {"id": "joe", "name": "Joe", "language": "en-US",
                                 "provider": "local"}  # fmt: skip
    assert body["voices"][-1]["provider"] == "none"
    assert body["default"] == "joe"


async def test_the_default_voice_is_the_setting_when_there_is_one(
    settings: Settings, api: ClientFactory
) -> None:
    settings.voice = VoiceSettings(name="espeak")
    remote = CountingVoice(name="openai:gpt-4o-mini-tts", voices=("coral", "alloy"))
    async with api(_providers(remote)) as client:
        body = (await client.get("/api/voices")).json()
    assert body["default"] == "espeak"
    assert body["voices"][0] == {"id": "coral", "name": "Coral", "language": "mul",
                                 "provider": "openai"}  # fmt: skip


async def test_a_preview_is_spoken_once_and_then_served_from_the_store(
    api: ClientFactory, media_root: Path
) -> None:
    voice = CountingVoice()
    async with api(_providers(voice)) as client:
        first = await client.post("/api/voices/preview", json={"voice": "joe"})
        again = await client.post("/api/voices/preview", json={"voice": "joe"})
        other = await client.post(
            "/api/voices/preview", json={"voice": "espeak", "text": "Glow, every day."}
        )
        served = await client.get(first.json()["audio_url"])
    assert first.status_code == again.status_code == other.status_code == 200
    assert first.json()["cached"] is False and again.json()["cached"] is True
    assert first.json()["audio_url"] == again.json()["audio_url"]
    assert other.json()["audio_url"] != first.json()["audio_url"]
    assert [(s.voice, s.text) for s in voice.said] == [
        ("joe", voice.said[0].text),
        ("espeak", "Glow, every day."),
    ]
    assert served.status_code == 200 and served.headers["content-type"].startswith("audio/")
    key = first.json()["audio_url"].split("/media/", 1)[1]
    with wave.open(str(media_root / key)) as file:
        assert file.getnframes() == audio.RATE // 2


@pytest.mark.parametrize(
    ("body", "field", "kind"),
    [
        ({"voice": "none"}, "voice", "voice_none"),
        ({"voice": "hal"}, "voice", "voice_unknown"),
        ({"voice": "joe", "text": "   "}, "text", "text_empty"),
        ({"voice": "joe", "text": "word " * 40}, "text", "string_too_long"),
        ({"voice": "../etc"}, "voice", "string_pattern_mismatch"),
        ({"voice": "joe", "speed": 3}, "speed", "extra_forbidden"),
    ],
)
async def test_a_bad_preview_request_is_a_422_on_its_field_and_says_nothing(
    api: ClientFactory, body: dict[str, object], field: str, kind: str
) -> None:
    voice = CountingVoice()
    async with api(_providers(voice)) as client:
        response = await client.post("/api/voices/preview", json=body)
    assert response.status_code == 422, response.text
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", field] and error["type"] == kind
    assert voice.said == []


async def test_no_voice_installed_is_a_422_that_says_so(api: ClientFactory) -> None:
    async with api(_providers(CountingVoice(voices=()))) as client:
        listed = (await client.get("/api/voices")).json()
        response = await client.post("/api/voices/preview", json={"voice": "joe"})
    assert [v["id"] for v in listed["voices"]] == ["none"] and listed["default"] == "none"
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "voice_missing"
