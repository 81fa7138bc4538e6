"""What a listener (and a platform's meter) hears in a finished track, measured on the file."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.ffmpeg.binary import ffmpeg_path
from app.words.audio import RATE, decode_mono


@dataclass(frozen=True)
class R128:
    integrated: float
    true_peak: float


def ebur128(path: Path) -> R128:
    """FFmpeg's EBU R128 meter over the whole file: integrated LUFS and true peak dBTP."""
    result = subprocess.run(
        [ffmpeg_path(), "-hide_banner", "-nostats", "-i", str(path),
         "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    summary = result.stderr[result.stderr.rindex("Summary:") :]
    integrated = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))  # type: ignore[union-attr]
    peak = float(re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary).group(1))  # type: ignore[union-attr]
    return R128(integrated, peak)


def level_db(samples: np.ndarray, start: float, end: float) -> float:
    """RMS of [start, end) seconds, in dBFS."""
    part = samples[int(start * RATE) : int(end * RATE)].astype(np.float64)
    return float(10 * np.log10(np.mean(part**2) + 1e-20))


def track(path: Path) -> np.ndarray:
    return decode_mono(path)
