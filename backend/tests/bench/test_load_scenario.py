"""`make bench`'s load scenario, small: one user signing in and making an ad through a real API
process on the fake providers, every status call timed. (`make bench` runs many users at once
through the scale-out topology; one ad is what the suite's time allows.)"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from bench.load.run import LoadOptions, run_load_bench

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]
"""A whole ad rendered by one API process: tens of seconds on a quiet machine."""


def test_a_user_makes_an_ad_and_every_status_call_is_timed(tmp_path: Path) -> None:
    options = LoadOptions(
        users=1, ads=1, deadline_seconds=600, poll_seconds=0.25, ramp_seconds=0, topology="single"
    )
    result = run_load_bench(tmp_path, options)
    summary = result.summary

    assert result.failures == {}, result.failures
    assert (summary["ads_made"], summary["ads_failed"], summary["ads_unfinished"]) == (1, 0, 0)
    assert summary["ads_per_minute"] > 0
    # The ad followed two jobs, each polled at least once: two status calls at the least.
    assert summary["status_calls"] >= 2 and summary["status_errors"] == 0
    p50, p99 = summary["status_p50_ms"], summary["status_p99_ms"]
    assert not math.isnan(p99) and 0 < p50 <= p99 <= summary["status_max_ms"]
    assert "one API process" in result.service
