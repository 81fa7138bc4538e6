"""How loud the music is, measured once, so the composer sets its level with a single gain.

FFmpeg's `loudnorm` measures and corrects in one pass, but it upsamples the track to 192 kHz
and keeps seconds of it in flight to do so: about 1.4 CPU-s and 140 MB for 30 s (measured on
the 2-core machine), the costliest step of a compose once the clips' bodies are copied. The
EBU R128 measurement alone (FFmpeg's `ebur128` filter: BS.1770 K-weighting, gating, true
peak) costs about 0.1 CPU-s; the track is then raised or lowered by one fixed gain in the
same FFmpeg run that fades and encodes it. A fixed gain also keeps the music's own dynamics,
which `loudnorm`'s moving gain flattens.

The track is decoded here, in this process, by PyAV with the demuxer its content proved (the
file was sniffed and probed before, `app.ffmpeg.probe`); the decoded audio is measured and
dropped frame by frame, so only a frame or two is ever held.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import av

from app.ffmpeg.probe import open_forced
from app.ffmpeg.sniff import sniff_file

TARGET_LUFS = -16.0
"""Integrated loudness for social video."""
PEAK_CEILING_DBTP = -1.5
"""The true peak the gain never pushes the track past: the gain is lowered instead."""
SILENCE_LUFS = -70.0
"""BS.1770's absolute gate: a track this quiet has no loudness to measure."""


@dataclass(frozen=True)
class Loudness:
    integrated_lufs: float | None
    """None when the track is silent (nothing above the absolute gate)."""
    true_peak: float
    """Linear: 1.0 is full scale."""


def gain_db(loudness: Loudness) -> float:
    """The gain bringing the track to `TARGET_LUFS`, lowered if its true peak would pass
    `PEAK_CEILING_DBTP` (then the track stays quieter than the target, unclipped). Silence
    gets none."""
    if loudness.integrated_lufs is None or loudness.true_peak <= 0:
        return 0.0
    wanted = TARGET_LUFS - loudness.integrated_lufs
    room = PEAK_CEILING_DBTP - 20 * math.log10(loudness.true_peak)
    return round(min(wanted, room), 2)


def measure_loudness(path: Path, seconds: float) -> Loudness:
    """The integrated loudness and true peak of `path`'s first audio stream over its first
    `seconds` (blocking). Raises ValueError for a file that is not a container we read."""
    container = sniff_file(path)
    if container is None:
        raise ValueError("not a container we read")
    with open_forced(path, container) as media:
        stream = media.streams.audio[0]
        graph = av.filter.Graph()
        source = graph.add_abuffer(template=stream)
        meter = graph.add("ebur128", "metadata=1:peak=true")
        sink = graph.add("abuffersink")
        source.link_to(meter)
        meter.link_to(sink)
        graph.configure()
        last: dict[str, str] = {}
        for frame in media.decode(stream):
            if frame.time is not None and frame.time >= seconds:
                break
            graph.push(frame)
            last = _drain(graph) or last
        graph.push(None)
        last = _drain(graph) or last
    integrated = float(last.get("lavfi.r128.I", SILENCE_LUFS))
    peak = float(last.get("lavfi.r128.true_peak", 0.0))
    return Loudness(None if integrated <= SILENCE_LUFS else integrated, peak)


def _drain(graph: av.filter.Graph) -> dict[str, str]:
    """The metadata of the last frame the meter lets through now, or {} if none."""
    latest: dict[str, str] = {}
    while True:
        try:
            frame = graph.pull()
        except (av.BlockingIOError, av.EOFError):
            return latest
        latest = dict(frame.metadata)
