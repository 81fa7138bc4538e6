"""`make bench`: composition against a plain encode, its peak memory, the whole pipeline, and
many users making ads at once.

Every figure comes from this one run on this machine, so ratios compare like with like.

    python -m bench                                  all of them (`make bench`)
    python -m bench load [--users N] [--ads M] ...   the load scenario alone
"""

from __future__ import annotations

import argparse
import math
import tempfile
from pathlib import Path

from bench.compose_bench import run_compose_bench
from bench.load.run import LoadOptions, LoadResult, run_load_bench
from bench.load.stack import TOPOLOGIES
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


def _print_load(result: LoadResult, options: LoadOptions) -> None:
    print(
        f"Load: {options.users} users × {options.ads} ad(s) on the fake providers, "
        f"deadline {options.deadline_seconds:.0f} s, status polled every {options.poll_seconds} s"
    )
    print(f"  service: {result.service}")
    for name, value in result.summary.items():
        unit = "ms" if name.endswith("_ms") else "s" if "seconds" in name else ""
        shown = "       -" if math.isnan(value) else f"{value:8.2f}"
        if isinstance(value, int):  # a count
            shown = f"{value:8d}"
        print(f"  {name:<32} {shown} {unit}")
    for code, count in sorted(result.failures.items()):
        print(f"  failed: {code:<40} {count}")
    for code, count in sorted(result.status_errors.items()):
        print(f"  status call answered: {code:<26} {count}")
    for step, count in sorted(result.unfinished.items()):
        print(f"  unfinished at the deadline, at {step:<18} {count}")
    before, after = result.load_before, result.load_after
    print(f"  machine load average: {before[0]:.2f} before, {after[0]:.2f} after (1 min)")


def _run_load(workdir: Path, options: LoadOptions) -> None:
    _print_load(run_load_bench(workdir, options), options)


def _arguments() -> argparse.Namespace:
    defaults = LoadOptions()
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Reelsmith's benchmarks (`make bench`)."
    )
    parser.add_argument("which", nargs="?", choices=("all", "load"), default="all")
    parser.add_argument("--users", type=int, default=defaults.users)
    parser.add_argument("--ads", type=int, default=defaults.ads, help="ads per user")
    parser.add_argument("--deadline", type=float, default=defaults.deadline_seconds,
                        help="seconds; the run stops there and reports what it has")  # fmt: skip
    parser.add_argument("--poll", type=float, default=defaults.poll_seconds,
                        help="seconds between a user's status calls")  # fmt: skip
    parser.add_argument("--topology", choices=TOPOLOGIES, default=defaults.topology)
    parser.add_argument("--workers", type=int, default=defaults.workers,
                        help="Celery workers, with --topology scale")  # fmt: skip
    return parser.parse_args()


def main() -> None:
    args = _arguments()
    options = LoadOptions(
        users=args.users,
        ads=args.ads,
        deadline_seconds=args.deadline,
        poll_seconds=args.poll,
        topology=args.topology,
        workers=args.workers,
    )
    with tempfile.TemporaryDirectory(prefix="reelsmith-bench-") as tmp:
        workdir = Path(tmp)
        if args.which == "load":
            _run_load(workdir / "load", options)
            return
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
        _run_load(workdir / "load", options)


if __name__ == "__main__":
    main()
