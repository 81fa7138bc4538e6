"""Price table arithmetic and retry waits: pure functions, no clock, no network."""

from __future__ import annotations

import email.utils

import pytest

from app.config_models import PriceUnit
from app.providers.remote.backoff import Backoff, parse_retry_after
from app.providers.remote.pricing import prediction_cost, token_cost


@pytest.mark.parametrize(
    ("per", "outcome", "units", "usd"),
    [
        (PriceUnit.OUTPUT, "succeeded", 2.0, 0.006),  # two images at $0.003
        (PriceUnit.OUTPUT_SECOND, "succeeded", 5.0, 0.015),
        (PriceUnit.RUN, "succeeded", 1.0, 0.003),
        (PriceUnit.COMPUTE_SECOND, "succeeded", 40.0, 0.12),
        (PriceUnit.OUTPUT, "failed", 0.0, 0.0),  # not billed when nothing was made
        (PriceUnit.OUTPUT_SECOND, "canceled", 0.0, 0.0),
        (PriceUnit.COMPUTE_SECOND, "canceled", 40.0, 0.12),  # GPU time is billed however it ends
        (PriceUnit.COMPUTE_SECOND, "aborted", 0.0, 0.0),  # never started: never billed
        (PriceUnit.RUN, "aborted", 0.0, 0.0),
    ],
)
def test_prediction_cost(per: PriceUnit, outcome: str, units: float, usd: float) -> None:
    estimate = prediction_cost(
        0.003, per, outcome=outcome, outputs=2, media_seconds=5.0, predict_time=40.0
    )
    assert (estimate.units, estimate.unit) == (units, per.value)
    assert estimate.usd == pytest.approx(usd)


def test_gpu_time_unknown_costs_nothing_rather_than_a_guess() -> None:
    assert prediction_cost(0.0014, PriceUnit.COMPUTE_SECOND, outcome="succeeded").usd == 0.0


def test_token_cost_at_gpt_4o_list_prices() -> None:
    # 2,000 prompt tokens at $2.50/M and 500 completion tokens at $10/M.
    assert token_cost(2000, 500, 2.50, 10.00) == pytest.approx(0.005 + 0.005)


def test_retry_after_is_obeyed_up_to_the_cap() -> None:
    backoff = Backoff(attempts=5, base=1.0, cap=30.0)
    assert backoff.delay(1, retry_after=7.0) == 7.0
    assert backoff.delay(3, retry_after=0.0) == 0.0
    assert backoff.delay(1, retry_after=3600.0) == 30.0


def test_without_retry_after_the_wait_doubles_with_jitter_and_stays_under_the_cap() -> None:
    backoff = Backoff(attempts=5, base=1.0, cap=5.0)
    assert [backoff.delay(n, rand=lambda: 1.0) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 5.0]
    assert [backoff.delay(n, rand=lambda: 0.0) for n in (1, 2, 3)] == [0.5, 1.0, 2.0]


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("7", 7.0),
        ("0", 0.0),
        ("1.5", 1.5),
        (" 2 ", 2.0),
        ("", None),
        (None, None),
        ("soon", None),
        ("-3", None),
        ("nan", None),
    ],
)
def test_parse_retry_after_seconds(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header) == seconds


def test_parse_retry_after_http_date() -> None:
    now = 1_700_000_000.0
    header = email.utils.formatdate(now + 12, usegmt=True)
    assert parse_retry_after(header, now=lambda: now) == pytest.approx(12.0)
    assert parse_retry_after(email.utils.formatdate(now - 60, usegmt=True), now=lambda: now) == 0.0
