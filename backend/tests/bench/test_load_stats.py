"""The load bench's arithmetic: what `make bench` prints as p99 and ads per minute."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bench.load.stats import (
    AdOutcome,
    LoadRecord,
    failure_codes,
    per_minute,
    percentile,
    summarise,
    unfinished_steps,
)


def test_percentiles_interpolate_between_ranks_as_numpy_does() -> None:
    latencies = [0.4, 0.1, 0.3, 0.2]  # unordered, as users record them
    assert percentile(latencies, 0) == pytest.approx(0.1)
    assert percentile(latencies, 50) == pytest.approx(0.25)
    assert percentile(latencies, 100) == pytest.approx(0.4)
    # p99 of 1..100: rank 98.01 of 0..99, between 99 and 100.
    assert percentile(range(1, 101), 99) == pytest.approx(99.01)
    assert percentile(range(1, 101), 95) == pytest.approx(95.05)


def test_two_slow_calls_in_a_hundred_are_the_p99_and_leave_the_p50() -> None:
    latencies = [0.05] * 98 + [3.0, 3.0]
    assert percentile(latencies, 50) == pytest.approx(0.05)
    assert percentile(latencies, 99) == pytest.approx(3.0)
    # One alone is the 1 % above p99: only a hundredth of it shows.
    assert percentile([0.05] * 99 + [3.0], 99) == pytest.approx(0.05 + 0.01 * 2.95)


def test_percentiles_agree_with_numpy_on_any_sample() -> None:
    samples = np.random.default_rng(14).lognormal(mean=-3, sigma=1, size=997)
    for q in (0, 50, 95, 99, 99.9, 100):
        assert percentile(samples.tolist(), q) == pytest.approx(np.percentile(samples, q))


def test_a_single_sample_is_every_percentile_and_none_is_nan() -> None:
    assert percentile([0.7], 0) == percentile([0.7], 99) == 0.7
    assert math.isnan(percentile([], 99))
    with pytest.raises(ValueError):
        percentile([1.0], 101)


def test_ads_per_minute_is_over_the_whole_run() -> None:
    assert per_minute(8, 240.0) == pytest.approx(2.0)
    assert per_minute(3, 30.0) == pytest.approx(6.0)
    assert math.isnan(per_minute(1, 0.0))


def test_the_summary_counts_made_failed_and_unfinished_ads() -> None:
    record = LoadRecord(status_seconds=[0.01, 0.02, 0.03, 0.5])
    record.status_errors["internal_error"] += 1
    record.outcomes = [
        AdOutcome(0, 60.0),
        AdOutcome(1, 90.0),
        AdOutcome(2, 30.0, error="clips_failed", step="clips"),
        AdOutcome(3, 120.0, unfinished=True, step="composing"),  # cut by the deadline
    ]
    summary = summarise(record, run_seconds=120.0, ads_requested=5)  # one never begun
    assert (summary["ads_made"], summary["ads_failed"], summary["ads_unfinished"]) == (2, 1, 2)
    assert summary["ads_per_minute"] == pytest.approx(1.0)
    assert summary["ad_seconds_p50"] == pytest.approx(75.0)
    assert summary["ad_seconds_max"] == pytest.approx(90.0)
    assert summary["status_calls"] == 4 and summary["status_errors"] == 1
    assert summary["status_p50_ms"] == pytest.approx(25.0)
    assert summary["status_max_ms"] == pytest.approx(500.0)
    assert failure_codes(record.outcomes) == {"clips_failed at clips": 1}
    assert unfinished_steps(record.outcomes) == {"composing": 1}


def test_a_run_that_made_nothing_reads_as_nothing_measured() -> None:
    summary = summarise(LoadRecord(), run_seconds=10.0, ads_requested=2)
    assert summary["ads_made"] == 0 and summary["ads_per_minute"] == 0
    assert summary["ads_unfinished"] == 2
    assert math.isnan(summary["status_p99_ms"]) and math.isnan(summary["ad_seconds_p50"])
