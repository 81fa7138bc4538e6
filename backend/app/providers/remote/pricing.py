"""Price table arithmetic: what a call probably cost, from the prices in settings.

Estimates, not invoices: list prices change and some models bill GPU time we only learn after
the fact. Output-priced models are not billed for predictions that fail or are canceled;
GPU-time-priced ones are, for the time they ran. An aborted prediction never ran and is never
billed.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.config_models import PriceUnit

SUCCEEDED = "succeeded"
ABORTED = "aborted"


@dataclass(frozen=True)
class Estimate:
    units: float
    unit: str
    usd: float


def prediction_cost(
    price_usd: float,
    per: PriceUnit,
    *,
    outcome: str,
    outputs: int = 0,
    media_seconds: float = 0.0,
    predict_time: float | None = None,
) -> Estimate:
    """The estimated cost of one Replicate prediction that ended with `outcome`."""
    if outcome == ABORTED:
        units = 0.0
    elif per is PriceUnit.COMPUTE_SECOND:
        units = max(predict_time or 0.0, 0.0)
    elif outcome != SUCCEEDED:
        units = 0.0
    elif per is PriceUnit.OUTPUT:
        units = float(outputs)
    elif per is PriceUnit.OUTPUT_SECOND:
        units = media_seconds
    else:
        units = 1.0
    return Estimate(units=units, unit=per.value, usd=units * price_usd)


def token_cost(
    prompt_tokens: int, completion_tokens: int, input_per_mtok: float, output_per_mtok: float
) -> float:
    """USD for one chat completion at per-million-token prices."""
    return (prompt_tokens * input_per_mtok + completion_tokens * output_per_mtok) / 1_000_000
