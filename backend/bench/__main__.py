"""`make bench`: composition against a plain encode, its peak memory, and the whole pipeline.

Every figure comes from this one run on this machine, so ratios compare like with like.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.compose_bench import run_compose_bench
from bench.pipeline_bench import run_pipeline_bench

TARGETS = {
    "ratio": 0.25,
    "compose_peak_rss_mb": 300,
    "formats_ratio": 1.0,
    "pipeline_ratio": 1.5,
}
"""Each ratio is against the plain encode of the same run (`baseline_seconds`). The `cpu_`
ratios compare CPU time instead of wall time: on a machine shared with other work they move
far less from run to run."""


def _line(name: str, value: float, unit: str = "") -> str:
    target = TARGETS.get(name)
    verdict = "" if target is None else ("  ok" if value <= target else f"  OVER target {target}")
    return f"  {name:<32} {value:8.2f} {unit}{verdict}"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="reelsmith-bench-") as tmp:
        workdir = Path(tmp)
        print("Composition (six 1080x1920 clips, music, crossfades) vs a plain 30 s encode")
        compose = run_compose_bench(workdir / "compose")
        for name, value in compose.items():
            print(_line(name, value))
        print("Whole local pipeline, examples/serum.json to MP4")
        pipeline = run_pipeline_bench(workdir / "pipeline")
        pipeline["pipeline_ratio"] = pipeline["pipeline_seconds"] / compose["baseline_seconds"]
        pipeline["pipeline_cpu_ratio"] = (
            pipeline["pipeline_cpu_seconds"] / compose["baseline_cpu_seconds"]
        )
        for name, value in pipeline.items():
            unit = "s" if "seconds" in name or name.startswith("step") else ""
            print(_line(name, value, unit))


if __name__ == "__main__":
    main()
