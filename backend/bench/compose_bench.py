"""Composition against a plain encode of the same length, in one run on this machine.

1. Six seed stills (the local image provider) become six 1080×1920 clips through the local
   motion provider, one per camera move, in the normal form the clip job gives them (final
   encoder settings, keyframes at the crossfades, the form recorded); each render is timed.
2. The yardstick: a plain libx264 encode of 30 s of 1080×1920 30 fps test pattern, with the
   same preset and CRF as the composer.
3. The composer over the six clips and a music track (the local music provider): what a user
   waits for once the last clip is ready.
4. The three extra formats (1:1, 4:5, 16:9) reframed from the composed ad, together.
5. For reference, a plain re-encode of the six clips end to end: what encoding this very
   content costs, with no crossfade, scaling or audio at all.

Every step that is timed runs in a fresh Python process (`bench.measure`), so its peak memory is
its own. With `repeats` > 1 the yardstick and the composer alternate and the fastest run of
each is kept, which filters out other work on a shared machine.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.config import FFmpegSettings
from app.ffmpeg.args import encoding_of
from app.ffmpeg.form import ClipForm, keyframes_for
from app.ffmpeg.timing import FPS, clip_cuts
from app.models.scene import CameraMove
from app.providers.base import ImageSpec, MotionSpec, MusicSpec
from app.providers.local.images import LocalImageProvider
from app.providers.local.motion import LocalMotionProvider
from app.providers.local.music import LocalMusicProvider
from app.services.normalise_service import record_form
from bench.measure import SCENES, clip_paths

BACKEND = Path(__file__).resolve().parents[1]


async def _prepare(workdir: Path) -> float:
    """Six clips and a music track in `workdir`; returns the mean seconds per clip render."""
    settings = FFmpegSettings()
    images, motion = LocalImageProvider(), LocalMotionProvider(settings)
    moves = list(CameraMove)
    seconds = 0.0
    for i, (cut, clip) in enumerate(zip(clip_cuts(SCENES), clip_paths(workdir), strict=True)):
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
        started = time.perf_counter()
        spec = MotionSpec(
            still, cut.length / FPS, "", moves[i % len(moves)], seed=i, keyframes=keyframes_for(cut)
        )
        await motion.animate(spec, clip)
        seconds += time.perf_counter() - started
        await record_form(clip, ClipForm.target(cut, encoding_of(settings)))
    await LocalMusicProvider().compose(
        MusicSpec(30.0, ("elegant",), ("minimalist",), seed=1), workdir / "music.wav"
    )
    return seconds / len(SCENES)


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


def _fastest(runs: list[dict[str, float]]) -> dict[str, float]:
    return min(runs, key=lambda run: run["seconds"])


def run_compose_bench(workdir: Path, repeats: int = 1) -> dict[str, float]:
    workdir.mkdir(parents=True, exist_ok=True)
    per_clip = asyncio.run(_prepare(workdir))
    plains, composes = [], []
    for _ in range(max(1, repeats)):
        plains.append(_measure("plain", workdir))
        composes.append(_measure("compose", workdir))
    plain, compose = _fastest(plains), _fastest(composes)
    formats = _measure("formats", workdir)
    content = _measure("content", workdir)
    return {
        "baseline_seconds": plain["seconds"],
        "compose_seconds": compose["seconds"],
        "ratio": compose["seconds"] / plain["seconds"],
        "cpu_ratio": compose["cpu_seconds"] / plain["cpu_seconds"],
        "compose_peak_rss_mb": compose["peak_rss_mb"],
        "formats_seconds": formats["seconds"],
        "formats_ratio": formats["seconds"] / plain["seconds"],
        "formats_cpu_seconds": formats["cpu_seconds"],
        "formats_cpu_ratio": formats["cpu_seconds"] / plain["cpu_seconds"],
        "formats_peak_rss_mb": formats["peak_rss_mb"],
        "baseline_peak_rss_mb": plain["peak_rss_mb"],
        "baseline_cpu_seconds": plain["cpu_seconds"],
        "compose_cpu_seconds": compose["cpu_seconds"],
        "content_encode_seconds": content["seconds"],
        "content_encode_cpu_seconds": content["cpu_seconds"],
        "motion_seconds_per_clip": per_clip,
    }


if __name__ == "__main__":
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    with tempfile.TemporaryDirectory(prefix="reelsmith-compose-bench-") as tmp:
        for name, value in run_compose_bench(Path(tmp), repeats).items():
            print(f"{name:28} {value:9.2f}")
