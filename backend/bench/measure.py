"""Run one measured step in this fresh process: `python -m bench.measure STEP DIR`.

A fresh process per measurement means `RUSAGE_CHILDREN` holds only that step's FFmpeg
processes. Its `ru_maxrss` is the largest single child's peak; a sampler also adds up, every
20 ms, the resident memory of this Python process (which copies the clips' bodies itself) and
of every FFmpeg running at that moment, and the step's peak is the largest of the three: the
memory the step needs, all processes summed.

Steps:
    plain    a plain libx264 `veryfast` encode of 30 s of 1080×1920 30 fps test pattern (the
             yardstick)
    content  a plain `veryfast` re-encode of the six clips end to end (what the video alone
             costs at the yardstick's settings)
    compose  the composer over the six clips and the music
    formats  the composed ad reframed into 1:1, 4:5 and 16:9 (after `compose`)
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import threading
import time
from pathlib import Path

from app.config import FFmpegSettings
from app.ffmpeg.args import Encoding, h264, plain_encode_args
from app.ffmpeg.compose import ClipInput, compose_ad
from app.ffmpeg.inputs import ConcatInput, concat_list
from app.ffmpeg.reframe import reframe_ad
from app.ffmpeg.runner import run_ffmpeg

SCENES = [5.0] * 6
"""Six scenes of 5 s: six clips of 5.5 s (the last 5 s), as the storyboard would give."""
SAMPLE_SECONDS = 0.02
YARDSTICK = Encoding(preset="veryfast", crf=20)
"""The plain encode every ratio is taken against: libx264 `veryfast` at CRF 20, whatever the
ad's own encoder settings are (`FFMPEG_PRESET` may be faster; the yardstick never moves)."""
EXTRA_FORMATS = ("1:1", "4:5", "16:9")


def clip_paths(workdir: Path) -> list[Path]:
    return [workdir / f"clip{i}.mp4" for i in range(len(SCENES))]


async def _plain(workdir: Path, settings: FFmpegSettings) -> None:
    await run_ffmpeg(plain_encode_args(30, workdir / "plain.mp4", YARDSTICK), settings)


async def _content(workdir: Path, settings: FFmpegSettings) -> None:
    listing = workdir / "clips.txt"
    listing.write_text(concat_list([path.resolve() for path in clip_paths(workdir)]))
    args = [*ConcatInput(listing.resolve()).args(), *h264(YARDSTICK)]
    await run_ffmpeg([*args, str(workdir / "content.mp4")], settings)


async def _compose(workdir: Path, settings: FFmpegSettings) -> None:
    clips = [ClipInput(path, d) for path, d in zip(clip_paths(workdir), SCENES, strict=True)]
    await compose_ad(clips, workdir / "music.wav", workdir / "ad.mp4", settings)


async def _formats(workdir: Path, settings: FFmpegSettings) -> None:
    outputs = {name: workdir / f"ad-{name.replace(':', 'x')}.mp4" for name in EXTRA_FORMATS}
    await reframe_ad(workdir / "ad.mp4", outputs, settings)


class StepMemory:
    """Samples the summed resident memory of this process and its children, in a thread."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> StepMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            pids = [os.getpid(), *_children()]
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(pid) for pid in pids))


def _children() -> list[int]:
    pids: list[int] = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        try:
            pids += [int(pid) for pid in (task / "children").read_text().split()]
        except OSError:
            continue
    return pids


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> None:
    step, workdir = sys.argv[1], Path(sys.argv[2])
    work = {"plain": _plain, "content": _content, "compose": _compose, "formats": _formats}[step]
    before = resource.getrusage(resource.RUSAGE_SELF)
    with StepMemory() as memory:
        started = time.perf_counter()
        asyncio.run(work(workdir, FFmpegSettings()))
        seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = resource.getrusage(resource.RUSAGE_SELF)
    # This process's own high-water mark starts with whatever the forking parent held (Linux
    # keeps it across exec), so it only counts when the step itself raised it; the sampler
    # sees this process's real size every 20 ms either way.
    own_peak = own.ru_maxrss if own.ru_maxrss > before.ru_maxrss else 0
    peak_kb = max(memory.peak_kb, usage.ru_maxrss, own_peak)
    own_cpu = own.ru_utime + own.ru_stime - before.ru_utime - before.ru_stime
    result = {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime + own_cpu,
        "peak_rss_mb": peak_kb / 1024,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
