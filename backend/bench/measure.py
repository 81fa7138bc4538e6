"""Run one measured step in this fresh process: `python -m bench.measure plain|compose DIR`.

A fresh process per measurement means `RUSAGE_CHILDREN` holds only that step's FFmpeg
processes, so its `ru_maxrss` is the step's peak memory and nothing else's.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from pathlib import Path

from app.config import FFmpegSettings
from app.ffmpeg.args import Encoding, plain_encode_args
from app.ffmpeg.runner import run_ffmpeg
from app.services.ffmpeg_service import ClipInput, compose_ad

SCENES = [5.0] * 6
"""Six scenes of 5 s: six clips of 5.5 s (the last 5 s), as the storyboard would give."""


async def _plain(workdir: Path, settings: FFmpegSettings) -> None:
    encoding = Encoding(preset=settings.preset, crf=settings.crf)
    await run_ffmpeg(plain_encode_args(30, workdir / "plain.mp4", encoding), settings)


async def _compose(workdir: Path, settings: FFmpegSettings) -> None:
    clips = [ClipInput(workdir / f"clip{i}.mp4", d) for i, d in enumerate(SCENES)]
    await compose_ad(clips, workdir / "music.wav", workdir / "ad.mp4", settings)


def main() -> None:
    step, workdir = sys.argv[1], Path(sys.argv[2])
    work = {"plain": _plain, "compose": _compose}[step]
    started = time.perf_counter()
    asyncio.run(work(workdir, FFmpegSettings()))
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_rss_mb": peak_kb / 1024}))


if __name__ == "__main__":
    main()
