"""Wall time of the whole local pipeline, brief to MP4, as the CLI runs it."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from app.cli import load_brief
from app.config import MediaSettings, ProviderChoice, ProviderSettings, Settings
from app.pipeline import render_ad
from app.runtime import open_runtime

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "serum.json"


async def _render(workdir: Path) -> dict[str, float]:
    local = ProviderChoice.LOCAL
    settings = Settings(
        media=MediaSettings(root=workdir / "media"),
        providers=ProviderSettings(director=local, images=local, motion=local, music=local),
    )
    steps: dict[str, float] = {}
    current: list[str] = []
    started = time.perf_counter()

    def report(step: str, fraction: float) -> None:
        if not current or current[-1] != step:
            current.append(step)
            steps[step] = time.perf_counter()

    async with open_runtime(settings) as runtime:
        result = await render_ad(runtime.pipeline_deps(), load_brief(EXAMPLE), report=report)
    finished = time.perf_counter()
    marks = [*steps.values(), finished]
    timings = {name: marks[i + 1] - marks[i] for i, name in enumerate(steps) if name != "Done"}
    return {
        "pipeline_seconds": finished - started,
        "video_seconds": result.duration,
        **{f"step: {name}": seconds for name, seconds in timings.items()},
    }


def run_pipeline_bench(workdir: Path) -> dict[str, float]:
    return asyncio.run(_render(workdir))
