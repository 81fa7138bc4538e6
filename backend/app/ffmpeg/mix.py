"""The soundtrack with a voice: pure builders of its FFmpeg runs, and the measurement's
parser. No I/O here; `app.ffmpeg.soundtrack` runs them.

1. `mix_args`:     the music shaped as today (`music_filter`: normalised, faded, padded), ducked
                   under every spoken line by a gain envelope drawn from the lines' known windows,
                   plus the voice track; written as 32-bit float so nothing clips before step 3.
2. `measure_args`: FFmpeg's EBU R128 meter (`ebur128`, true peak on) over the whole mix, its
                   readings written to a file by `ametadata` (the runner keeps FFmpeg's log quiet).
3. `master_args`:  the measured gain to -16 LUFS integrated, then a look-ahead limiter with its
                   delay compensated (so no line moves) holding peaks under -1 dBTP; measured
                   again and, if the limiter cost loudness, redone with the gain corrected;
4. `aac_args`:     the mastered mix into the ad's AAC track.

Ducking from the windows rather than a sidechain compressor: the windows are exact (the voice
step measured them), the depth is exactly `DUCK_DB` whatever the voice's level, and the music
comes back between lines instead of pumping with each syllable.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.ffmpeg.args import AUDIO_BITRATE, AUDIO_RATE, music_filter
from app.ffmpeg.inputs import FileInput, GeneratedInput

TARGET_LUFS = -16.0
"""Integrated loudness of the finished ad: what social platforms normalise to."""
LIMIT_DBFS = -2.0
"""The limiter's ceiling on samples; true peaks land under -1 dBTP with room for the AAC coder."""
DUCK_DB = 12.0
"""How far the music dips under the voice: the issue asks for at least 8 dB."""
DUCK_RAMP = 0.15
"""Seconds the music takes to dip before a line and to come back after it."""


@dataclass(frozen=True)
class Loudness:
    integrated: float
    """LUFS."""
    true_peak: float
    """dBTP."""


def duck_gain(windows: Sequence[tuple[float, float]], depth_db: float = DUCK_DB) -> str:
    """The music's gain at time `t`: 1, dipping to -`depth_db` dB over each window (with ramps
    either side). Windows never overlap (they sit in different scenes), so their dips add."""
    if not windows:
        return "1"
    floor = 10 ** (-depth_db / 20)
    r = DUCK_RAMP
    dips = "+".join(
        f"clip(min((t-{a - r:.4f})/{r:g},({b + r:.4f}-t)/{r:g}),0,1)" for a, b in windows
    )
    return f"1-{1 - floor:.6f}*min({dips},1)"


def mix_args(
    music: FileInput | None,
    music_seconds: float | None,
    voice: FileInput,
    windows: Sequence[tuple[float, float]],
    total: float,
    out: Path,
) -> list[str]:
    """Music (or silence) ducked under the lines' windows, plus the voice: a float WAV."""
    if music is None or not music_seconds:
        bed = GeneratedInput(f"anullsrc=r={AUDIO_RATE}:cl=stereo", seconds=total)
        inputs, shaped = bed.args(), f"[0:a:0]atrim=end={total:g}"
    else:
        inputs = music.args()
        shaped = f"[0:a:0]{music_filter(music_seconds, total)}"
    graph = ";".join(
        [
            f"{shaped},aformat=sample_rates={AUDIO_RATE}:channel_layouts=stereo,"
            f"volume='{duck_gain(windows)}':eval=frame[music]",
            f"[1:a:0]aresample={AUDIO_RATE},pan=stereo|c0=c0|c1=c0,"
            f"apad=whole_dur={total:g},atrim=end={total:g}[voice]",
            "[music][voice]amix=inputs=2:duration=first:normalize=0[mix]",
        ]
    )
    return [
        *inputs, *voice.args(),
        "-filter_complex", graph, "-map", "[mix]",
        "-c:a", "pcm_f32le", "-ar", str(AUDIO_RATE), "-ac", "2", "-t", f"{total:g}",
        str(out),
    ]  # fmt: skip


def measure_args(audio: FileInput, report: Path) -> list[str]:
    """Read the whole of `audio` through the R128 meter; its readings go to `report`."""
    escaped = str(report).replace("\\", "\\\\").replace("'", "\\'").replace(":", "\\:")
    return [
        *audio.args(),
        "-af", f"ebur128=peak=true:metadata=1,ametadata=mode=print:file='{escaped}'",
        "-f", "null", "-",
    ]  # fmt: skip


_READING = re.compile(r"^lavfi\.r128\.(I|true_peak)=(-?[\d.]+|-?inf)\s*$", re.MULTILINE)


def parse_loudness(report: str) -> Loudness:
    """The last integrated reading (it covers the whole input) and the highest true peak.

    FFmpeg writes true peaks as linear amplitudes; they are returned in dBTP."""
    integrated, peak = -math.inf, 0.0
    for key, value in _READING.findall(report):
        number = float(value)
        if key == "I":
            integrated = number
        else:
            peak = max(peak, number)
    if not math.isfinite(integrated):
        raise ValueError("the meter gave no integrated loudness (is the mix silent?)")
    return Loudness(integrated, 20 * math.log10(peak) if peak > 0 else -math.inf)


def master_gain(loudness: Loudness, target: float = TARGET_LUFS) -> float:
    """dB that bring the mix to `target`, capped so a near-silent mix is not blown up."""
    return max(-30.0, min(30.0, target - loudness.integrated))


def master_args(mix: FileInput, gain_db: float, out: Path) -> list[str]:
    """The gain, then the limiter (delay compensated: every line stays where it was measured),
    as a float WAV to measure again: where the limiter had to work hard (a voice whose peaks
    stand far above its loudness), the result is quieter than the gain alone would make it."""
    limit = 10 ** (LIMIT_DBFS / 20)
    chain = (
        f"volume={gain_db:.3f}dB,"
        f"alimiter=limit={limit:.4f}:attack=5:release=60:level=0:latency=1,"
        f"aresample={AUDIO_RATE}"
    )
    return [
        *mix.args(), "-map", "0:a:0", "-af", chain,
        "-c:a", "pcm_f32le", "-ar", str(AUDIO_RATE), "-ac", "2",
        str(out),
    ]  # fmt: skip


def aac_args(master: FileInput, out: Path) -> list[str]:
    """The mastered mix as the ad's AAC track."""
    return [
        *master.args(), "-map", "0:a:0",
        "-c:a", "aac", "-b:a", AUDIO_BITRATE, "-ar", str(AUDIO_RATE), "-ac", "2",
        str(out),
    ]  # fmt: skip
