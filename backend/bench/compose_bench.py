"""Composition against a plain encode of the same length, in one run on this machine."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

from app.config import FFmpegSettings
from app.ffmpeg.timing import clip_lengths
from app.models.scene import CameraMove
from app.providers.base import ImageSpec, MotionSpec, MusicSpec
from app.providers.local.images import LocalImageProvider
from app.providers.local.motion import LocalMotionProvider
from app.providers.local.music import LocalMusicProvider
from bench.measure import SCENES

BACKEND = Path(__file__).resolve().parents[1]
MOVES = list(CameraMove)


async def _prepare(workdir: Path) -> None:
    """Six real clips and a music track, made by the local providers."""
    images, motion = LocalImageProvider(), LocalMotionProvider(FFmpegSettings())
    for i, length in enumerate(clip_lengths(SCENES)):
        still = await images.generate(
            ImageSpec(
                prompt="",
                subject=f"serum bottle on marble, shot {i}",
                style_keywords=("minimalist", "gold"),
                palette=("#FFFFFF", "#D4AF37", "#2E2E2E"),
                width=1080,
                height=1920,
                seed=i,
            ),
            workdir / f"still{i}.png",
        )
        spec = MotionSpec(still, length, "", MOVES[i % len(MOVES)], seed=i)
        await motion.animate(spec, workdir / f"clip{i}.mp4")
    await LocalMusicProvider().compose(
        MusicSpec(30.0, ("elegant",), ("minimalist",), seed=1), workdir / "music.wav"
    )


def _measure(step: str, workdir: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.measure", step, str(workdir)],
        cwd=BACKEND,
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def run_compose_bench(workdir: Path) -> dict[str, float]:
    workdir.mkdir(parents=True, exist_ok=True)
    asyncio.run(_prepare(workdir))
    plain = _measure("plain", workdir)
    compose = _measure("compose", workdir)
    return {
        "baseline_seconds": plain["seconds"],
        "compose_seconds": compose["seconds"],
        "ratio": compose["seconds"] / plain["seconds"],
        "baseline_peak_rss_mb": plain["peak_rss_mb"],
        "compose_peak_rss_mb": compose["peak_rss_mb"],
    }
