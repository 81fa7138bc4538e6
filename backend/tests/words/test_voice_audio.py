"""The voice and the music on real files: synthesised by the offline voice, mixed and mastered by
FFmpeg, re-opened and measured (PyAV for levels, FFmpeg's `ebur128` for loudness)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.config import FFmpegSettings
from app.ffmpeg.compose import _make_audio
from app.ffmpeg.inputs import FileInput
from app.ffmpeg.runner import run_ffmpeg
from app.ffmpeg.soundtrack import VoiceTrack, voiced_soundtrack
from app.providers.local.voice import LocalVoiceProvider
from app.services.voice_service import Voiceover, speak_script
from app.words import audio
from tests.ffmpeg.conftest import make_tone
from tests.words.loudness import ebur128, level_db, track

pytestmark = [pytest.mark.slow, pytest.mark.anyio]

SETTINGS = FFmpegSettings(preset="ultrafast")
DURATIONS = [6.0] * 5
LINES = [
    "Look closer.",
    "",
    "Natural ingredients, for skin that feels like yours.",
    "",
    "Shop now.",
]
SMEAR = 0.06
"""The AAC coder and the limiter spread a sound edge over a few tens of milliseconds."""


async def _speak(tmp_path: Path) -> Voiceover:
    return await speak_script(
        LocalVoiceProvider(), LINES, DURATIONS, "", ("calming",), tmp_path, tmp_path / "voice.wav",
        SETTINGS,
    )  # fmt: skip


async def test_speech_is_heard_exactly_where_the_lines_are(tmp_path: Path) -> None:
    voiceover = await _speak(tmp_path)
    assert [line.scene_number for line in voiceover.lines] == [1, 3, 5]
    out = await voiced_soundtrack(
        None, VoiceTrack(voiceover.track, voiceover.windows), 30.0, tmp_path, tmp_path / "a.m4a",
        SETTINGS,
    )  # fmt: skip
    heard = track(out)
    assert len(heard) == pytest.approx(30 * audio.RATE, abs=audio.RATE // 10)
    edges = [0.0]
    for line in voiceover.lines:
        # Inside its scene, clear of the crossfades, words inside the line.
        scene_start = (line.scene_number - 1) * 6.0 + (0.5 if line.scene_number > 1 else 0.0)
        assert scene_start < line.start < line.end < line.scene_number * 6.0
        assert line.words[0].start == line.start and line.words[-1].end == line.end
        # Speech from its first 100 ms to its last, and loud throughout.
        assert level_db(heard, line.start, line.start + 0.1) > -45
        assert level_db(heard, line.end - 0.1, line.end) > -45
        assert level_db(heard, line.start, line.end) > -30
        edges += [line.start - SMEAR, line.end + SMEAR]
    edges.append(30.0)
    for quiet_start, quiet_end in zip(edges[::2], edges[1::2], strict=True):
        assert level_db(heard, quiet_start, quiet_end) < -70, (quiet_start, quiet_end)


async def test_the_music_ducks_at_least_8_db_under_the_voice(tmp_path: Path) -> None:
    music = make_tone(tmp_path / "music.wav", 30.0)
    windows = [(6.9, 10.0), (18.9, 22.0)]
    silent = audio.write_track([], 30.0, tmp_path / "silent.wav")
    ducked = track(
        await voiced_soundtrack(
            (FileInput(music, "wav"), 30.0), VoiceTrack(silent, windows), 30.0, tmp_path,
            tmp_path / "ducked.m4a", SETTINGS,
        )
    )  # fmt: skip
    plain_out = tmp_path / "plain.m4a"  # today's track: no voice
    await _make_audio((FileInput(music, "wav"), 30.0), plain_out, SETTINGS)
    plain = track(plain_out)
    for start, end in windows:
        under = level_db(ducked, start + 0.2, end - 0.2)
        assert under <= level_db(ducked, start - 2.5, start - 0.5) - 8
        assert under <= level_db(ducked, end + 0.5, end + 2.5) - 8
        assert under <= level_db(plain, start + 0.2, end - 0.2) - 8
    # Without a voice nothing dips.
    assert abs(level_db(plain, 7.1, 9.8) - level_db(plain, 12.0, 14.0)) < 1


async def test_voice_and_music_are_mastered_to_minus_16_lufs_under_minus_1_dbtp(
    tmp_path: Path,
) -> None:
    voiceover = await _speak(tmp_path)
    loud_music = tmp_path / "loud.wav"
    await run_ffmpeg(
        [*FileInput(make_tone(tmp_path / "tone.wav", 30.0), "wav").args(),
         "-af", "volume=8", "-c:a", "pcm_s16le", str(loud_music)],
        SETTINGS,
    )  # fmt: skip
    for music in (None, (FileInput(loud_music, "wav"), 30.0)):
        out = tmp_path / f"master-{music is None}.m4a"
        await voiced_soundtrack(
            music, VoiceTrack(voiceover.track, voiceover.windows), 30.0, tmp_path, out, SETTINGS
        )
        measured = ebur128(out)
        assert measured.integrated == pytest.approx(-16.0, abs=1.0)
        assert measured.true_peak <= -1.0
        assert np.isfinite(measured.true_peak)
