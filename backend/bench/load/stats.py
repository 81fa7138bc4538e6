"""The load bench's arithmetic: percentiles of latencies, ads per minute, the summary.

Pure functions over what the simulated users recorded, so they are unit-tested apart from any
server (`tests/bench/test_load_stats.py`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def percentile(values: Iterable[float], q: float) -> float:
    """The `q`-th percentile (0–100) by linear interpolation between the closest ranks.

    The same definition as numpy's default (`method="linear"`): p0 is the least value, p100 the
    greatest, and with few samples p99 lies between the two greatest rather than on the
    greatest alone. NaN for no values, so an empty run reads as "nothing measured", never 0.
    """
    if not 0 <= q <= 100:
        raise ValueError(f"a percentile is between 0 and 100, not {q}")
    ordered = sorted(values)
    if not ordered:
        return math.nan
    rank = (len(ordered) - 1) * q / 100
    below = math.floor(rank)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (rank - below)


def per_minute(count: int, seconds: float) -> float:
    """A rate per minute over `seconds` of run; NaN when no time passed."""
    if seconds <= 0:
        return math.nan
    return count * 60 / seconds


@dataclass
class AdOutcome:
    """How one simulated ad ended."""

    user: int
    seconds: float
    """From the user's first request for this ad until it ended (or the deadline)."""
    error: str | None = None
    """The stable error code that stopped it (an HTTP body's `code`, a job's `error.code`);
    None when the ad was made."""
    unfinished: bool = False
    """Still in progress when the deadline came."""
    step: str = "sign-in"
    """The step it was at when it ended: where a failure happened, or how far an unfinished
    ad got (`clips` and `composing` are the jobs being followed)."""

    @property
    def made(self) -> bool:
        return self.error is None and not self.unfinished


@dataclass
class LoadRecord:
    """Everything the users recorded during one run; filled in as they go, read at the end."""

    status_seconds: list[float] = field(default_factory=list)
    """The latency of every status call (`GET /api/video/status/…`, `…/compose/status/…`)."""
    status_errors: Counter[str] = field(default_factory=Counter)
    """Status calls that did not answer 200, by code; the user polled again, as the studio does."""
    outcomes: list[AdOutcome] = field(default_factory=list)


def summarise(record: LoadRecord, run_seconds: float, ads_requested: int) -> dict[str, float]:
    """The figures the bench prints: throughput, status latency (ms), failures, run time."""
    made = [ad for ad in record.outcomes if ad.made]
    failed = [ad for ad in record.outcomes if ad.error is not None]
    ad_seconds = [ad.seconds for ad in made]
    status_ms = [seconds * 1000 for seconds in record.status_seconds]
    return {
        "ads_requested": ads_requested,
        "ads_made": len(made),
        "ads_failed": len(failed),
        "ads_unfinished": ads_requested - len(made) - len(failed),
        "run_seconds": run_seconds,
        "ads_per_minute": per_minute(len(made), run_seconds),
        "ad_seconds_p50": percentile(ad_seconds, 50),
        "ad_seconds_max": max(ad_seconds, default=math.nan),
        "status_calls": len(status_ms),
        "status_errors": sum(record.status_errors.values()),
        "status_p50_ms": percentile(status_ms, 50),
        "status_p95_ms": percentile(status_ms, 95),
        "status_p99_ms": percentile(status_ms, 99),
        "status_max_ms": max(status_ms, default=math.nan),
    }


def failure_codes(outcomes: Sequence[AdOutcome]) -> Counter[str]:
    """Failed ads counted by the error code that stopped each, and the step it stopped at."""
    return Counter(f"{ad.error} at {ad.step}" for ad in outcomes if ad.error is not None)


def unfinished_steps(outcomes: Sequence[AdOutcome]) -> Counter[str]:
    """Ads the deadline cut, counted by the step each had reached."""
    return Counter(ad.step for ad in outcomes if ad.unfinished)
