"""The offline voices: Piper's neural voice from its wheel and espeak-ng, each run as a process."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.errors import RenderError
from app.providers.base import SpeechSpec
from app.providers.local.voice import LocalVoiceProvider
from app.providers.local.voice.engines import Engines, installed_engines, piper_argv
from app.providers.local.voice.provider import length_scale
from app.words import audio

pytestmark = pytest.mark.anyio


def test_both_engines_are_installed_and_piper_comes_first() -> None:
    engines = installed_engines()
    assert engines.voices == ("joe", "espeak")
    assert engines.piper is not None and engines.piper.model.name == "en_US-joe-medium.onnx"


def test_piper_runs_as_its_own_process_never_imported(tmp_path: Path) -> None:
    engines = installed_engines()
    assert engines.piper is not None
    argv = piper_argv(engines.piper, tmp_path / "x.wav")
    assert argv[:3] == [sys.executable, "-m", "piper"]
    assert "piper" not in sys.modules, "GPL code stays out of our process"


@pytest.mark.slow
@pytest.mark.parametrize("voice", ["joe", "espeak"])
async def test_each_engine_speaks_a_line_that_can_be_measured(voice: str, tmp_path: Path) -> None:
    text = "Natural ingredients, for skin that feels like yours."
    out = await LocalVoiceProvider().speak(SpeechSpec(text, voice), tmp_path / f"{voice}.wav")
    line = audio.read_line(out)
    # Nine words at a natural pace: a few seconds, not a blip and not a drawl.
    assert 2.0 < line.seconds < 5.5
    assert "piper" not in sys.modules


@pytest.mark.slow
async def test_the_same_line_always_sounds_the_same(tmp_path: Path) -> None:
    voice = LocalVoiceProvider()
    first = await voice.speak(SpeechSpec("Shop now.", "joe"), tmp_path / "a.wav")
    second = await voice.speak(SpeechSpec("Shop now.", "joe"), tmp_path / "b.wav")
    assert first.read_bytes() == second.read_bytes()


async def test_without_piper_espeak_speaks_and_without_either_it_says_what_to_install(
    tmp_path: Path,
) -> None:
    espeak_only = LocalVoiceProvider(engines=Engines(piper=None, espeak=installed_engines().espeak))
    assert espeak_only.voices == ("espeak",)
    out = await espeak_only.speak(SpeechSpec("Shop now."), tmp_path / "e.wav")
    assert audio.read_line(out).seconds > 0.3
    nothing = LocalVoiceProvider(engines=Engines(piper=None, espeak=None))
    assert nothing.voices == ()
    with pytest.raises(RenderError, match="No offline voice is installed"):
        await nothing.speak(SpeechSpec("Shop now."), tmp_path / "n.wav")


def test_calm_ads_are_read_a_little_slower_and_lively_ones_quicker() -> None:
    assert length_scale(("elegant", "calming")) > 1 > length_scale(("energetic", "bold"))
    assert length_scale(()) == 1


@pytest.mark.slow
async def test_a_whole_script_in_one_piper_process_sounds_as_each_line_alone(
    tmp_path: Path,
) -> None:
    voice = LocalVoiceProvider()
    lines = ["Light as water.", "Shop now.", "Shop now.", "Glow, all day long!"]
    specs = [SpeechSpec(text, "joe", ("elegant",)) for text in lines]
    outs = [tmp_path / f"line-{index}.wav" for index in range(len(lines))]
    await voice.speak_many(specs, outs)
    for index, (spec, out) in enumerate(zip(specs, outs, strict=True)):
        alone = await voice.speak(spec, tmp_path / f"alone-{index}.wav")
        assert out.read_bytes() == alone.read_bytes(), f"line {index + 1} came out different"
    assert sorted(path.name for path in os.scandir(tmp_path)) == sorted(
        [*(out.name for out in outs), *(f"alone-{index}.wav" for index in range(len(lines)))]
    ), "nothing else is left behind"
    assert "piper" not in sys.modules


async def test_a_script_for_espeak_is_said_line_by_line(tmp_path: Path) -> None:
    voice = LocalVoiceProvider(engines=Engines(piper=None, espeak=installed_engines().espeak))
    outs = [tmp_path / "a.wav", tmp_path / "b.wav"]
    await voice.speak_many([SpeechSpec("Shop now."), SpeechSpec("Glow.")], outs)
    assert all(audio.read_line(out).seconds > 0.2 for out in outs)
