"""OpenAI's speech endpoint through the official client, against the fake of its public API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app.config import FFmpegSettings, VoiceSettings
from app.errors import ProviderError
from app.models.creative_brief import CreativeBrief
from app.models.mood import MoodStyle
from app.providers.base import SpeechSpec
from app.providers.remote.openai_director import OpenAIDirector
from app.providers.remote.openai_voice import OpenAIVoiceProvider
from app.services.voice_service import speak_script
from app.utils.costs import CostLedger, charged_to
from app.words import audio
from tests.fakes.openai_api import LINES, FakeOpenAI
from tests.fakes.openai_speech import spoken_seconds
from tests.remote.conftest import fake_openai_settings
from tests.utils.factories import brief, mood

pytestmark = pytest.mark.anyio


@pytest.fixture
async def voice(fake_openai: FakeOpenAI) -> AsyncIterator[OpenAIVoiceProvider]:
    provider = OpenAIVoiceProvider(fake_openai_settings(fake_openai), VoiceSettings())
    yield provider
    await provider.aclose()


async def test_a_line_is_asked_for_with_the_tone_and_measured_from_the_audio(
    voice: OpenAIVoiceProvider, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    ledger = CostLedger()
    text = "Natural ingredients, for skin that feels like yours."
    with charged_to(ledger):
        out = await voice.speak(
            SpeechSpec(text, "nova", ("elegant", "calming")), tmp_path / "l.wav"
        )
    [sent] = fake_openai.speech_requests
    assert sent["model"] == "gpt-4o-mini-tts" and sent["voice"] == "nova"
    assert sent["input"] == text and sent["response_format"] == "wav"
    assert "elegant, calming" in sent["instructions"]
    # The line's length is what the audio holds, its silence either side trimmed.
    assert audio.read_line(out).seconds == pytest.approx(spoken_seconds(text), abs=0.03)
    summary = ledger.summary()
    assert summary.calls == 1 and summary.estimated_usd > 0
    assert voice.name == "openai:gpt-4o-mini-tts" and voice.voices[0] == "coral"


async def test_the_default_voice_is_coral(
    voice: OpenAIVoiceProvider, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    await voice.speak(SpeechSpec("Shop now."), tmp_path / "l.wav")
    assert fake_openai.speech_requests[0]["voice"] == "coral"


async def test_a_refused_request_is_a_provider_error_in_our_words(
    voice: OpenAIVoiceProvider, tmp_path: Path
) -> None:
    with pytest.raises(ProviderError) as raised:
        await voice.speak(SpeechSpec("Shop now.", "robot"), tmp_path / "l.wav")
    assert "speaking the voiceover" in raised.value.message
    assert "127.0.0.1" not in raised.value.message


async def test_a_script_spoken_by_openai_lands_inside_its_scenes(
    voice: OpenAIVoiceProvider, tmp_path: Path
) -> None:
    lines = ["Look closer.", "", "Meet the serum.", "", "Shop now."]
    spoken = await speak_script(
        voice, lines, [6.0] * 5, "", (), tmp_path, tmp_path / "voice.wav", FFmpegSettings()
    )
    assert [line.scene_number for line in spoken.lines] == [1, 3, 5]
    for line in spoken.lines:
        assert line.end - line.start == pytest.approx(spoken_seconds(line.text), abs=0.03)
        assert (line.scene_number - 1) * 6.0 < line.start < line.end < line.scene_number * 6.0


async def test_gpt4o_plans_the_words_and_is_told_the_rules(fake_openai: FakeOpenAI) -> None:
    director = OpenAIDirector(fake_openai_settings(fake_openai))
    try:
        result = await director.plan_scenes(CreativeBrief(**brief()), MoodStyle(**mood()))
    finally:
        await director.aclose()
    assert [s.on_screen_text for s in result.scenes] == ["", "", "Natural ingredients", "", "", ""]
    assert [s.voiceover for s in result.scenes] == list(LINES)
    assert result.call_to_action == "Shop the serum"
    [asked] = fake_openai.requests
    rules = asked["messages"][0]["content"]
    assert "key_messages copied word for word" in rules and "2.5 words a second" in rules
