"""What we send Replicate and read back that replicate 1.0.7 has no words for: pure checks."""

from __future__ import annotations

import pytest
from pydantic.v1 import ValidationError
from replicate.prediction import Prediction

from app.providers.remote.replicate_client import cancel_after_header, reported_status
from tests.fakes.replicate_deadlines import parse_cancel_after


@pytest.mark.parametrize(
    ("seconds", "header"),
    [(40.0, "40s"), (39.2, "40s"), (910.0, "910s"), (0.3, "5s"), (-3.0, "5s")],
)
def test_cancel_after_is_whole_seconds_rounded_up_and_at_least_replicates_minimum(
    seconds: float, header: str
) -> None:
    assert cancel_after_header(seconds) == header
    # ... and reads back as Replicate documents the header.
    assert parse_cancel_after(header) == int(header.removesuffix("s"))


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("30", 30), ("90s", 90), ("5m", 300), ("2h30m", 9000), ("1h30m45s", 5445)],
)
def test_the_fake_reads_every_documented_form_of_cancel_after(value: str, seconds: int) -> None:
    assert parse_cancel_after(value) == seconds


@pytest.mark.parametrize("value", ["", "4s", "soon", "1.5m", "-10s", "10 s"])
def test_the_fake_refuses_what_replicate_would(value: str) -> None:
    assert parse_cancel_after(value) is None


def test_an_aborted_prediction_the_client_cannot_parse_still_says_so() -> None:
    with pytest.raises(ValidationError) as raised:
        Prediction(
            id="p1", model="o/m", version="v", status="aborted", input={}, output=None,
            logs="", error=None, metrics={}, created_at=None, started_at=None,
            completed_at=None, urls={},
        )  # fmt: skip
    assert reported_status(raised.value) == "aborted"
    assert reported_status(ValueError("status")) is None
