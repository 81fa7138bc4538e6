"""The music's level: measured once (EBU R128), then set by one gain when the ad's track is made.

Real tones written by FFmpeg and re-measured after the composer's audio step: the ad's music
lands at -16 LUFS whatever level it arrived at, and never past the peak ceiling.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.config import FFmpegSettings
from app.ffmpeg.binary import ffmpeg_path
from app.ffmpeg.compose import _make_audio
from app.ffmpeg.inputs import FileInput
from app.ffmpeg.loudness import (
    PEAK_CEILING_DBTP,
    TARGET_LUFS,
    Loudness,
    gain_db,
    measure_loudness,
)


def _tone(out: Path, seconds: float, peak_dbfs: float) -> Path:
    """A 997 Hz sine in both channels, its peak at `peak_dbfs`."""
    wave = f"{10 ** (peak_dbfs / 20):.6g}*sin(2*PI*997*t)"
    source = f"aevalsrc={wave}|{wave}:s=44100:d={seconds}"
    subprocess.run(
        [ffmpeg_path(), "-v", "error", "-y", "-f", "lavfi", "-i", source, str(out)], check=True
    )
    return out


def test_a_quiet_track_is_raised_to_the_target() -> None:
    assert gain_db(Loudness(integrated_lufs=-26.0, true_peak=0.1)) == pytest.approx(10.0)


def test_a_loud_track_is_lowered_to_the_target() -> None:
    assert gain_db(Loudness(integrated_lufs=-9.5, true_peak=1.0)) == pytest.approx(-6.5)


def test_the_gain_stops_where_the_peak_would_pass_the_ceiling() -> None:
    # -30 LUFS wants +14 dB, but a peak at -6 dBTP leaves room for 4.5 dB only.
    peak = 10 ** (-6 / 20)
    assert gain_db(Loudness(integrated_lufs=-30.0, true_peak=peak)) == pytest.approx(
        PEAK_CEILING_DBTP + 6
    )


def test_silence_is_left_alone() -> None:
    assert gain_db(Loudness(integrated_lufs=None, true_peak=0.0)) == 0.0


def test_a_full_scale_sine_measures_as_bs1770_says(tmp_path: Path) -> None:
    # BS.1770: a 997 Hz sine at 0 dBFS in both channels reads 0 LUFS; here 20 dB lower.
    loudness = measure_loudness(_tone(tmp_path / "t.wav", 5.0, -20.0), 30.0)
    assert loudness.integrated_lufs == pytest.approx(-20.0, abs=0.3)
    assert loudness.true_peak == pytest.approx(0.1, rel=0.05)


def test_only_the_part_the_ad_uses_is_measured(tmp_path: Path) -> None:
    quiet, loud = _tone(tmp_path / "q.wav", 4.0, -30.0), _tone(tmp_path / "l.wav", 4.0, -10.0)
    both = tmp_path / "both.wav"
    subprocess.run(
        [
            ffmpeg_path(), "-v", "error", "-y", "-i", str(quiet), "-i", str(loud),
            "-filter_complex", "[0:a][1:a]concat=n=2:v=0:a=1", str(both),
        ],
        check=True,
    )  # fmt: skip
    assert measure_loudness(both, 4.0).integrated_lufs == pytest.approx(-30.0, abs=0.5)


def test_silence_measures_as_silence(tmp_path: Path) -> None:
    silent = _tone(tmp_path / "s.wav", 2.0, -120.0)
    assert measure_loudness(silent, 30.0).integrated_lufs is None


@pytest.mark.anyio
@pytest.mark.parametrize("arrives_at", [-32.0, -6.0])
async def test_the_ads_music_lands_at_the_target_loudness(
    tmp_path: Path, arrives_at: float
) -> None:
    music = _tone(tmp_path / "m.wav", 12.0, arrives_at)
    out = await _make_audio((FileInput(music, "wav"), 12.0), tmp_path / "a.m4a", FFmpegSettings())
    # The fades take a little off the whole; the level is within a decibel of the target.
    assert measure_loudness(out, 30.0).integrated_lufs == pytest.approx(TARGET_LUFS, abs=1.0)
