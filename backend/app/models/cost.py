"""What a job spent at the model providers: every call, and an estimated total in USD."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class ProviderCall(BaseModel):
    """One billable request: a chat completion or a Replicate prediction."""

    provider: str
    """`openai` or `replicate`."""
    model: str
    capability: str
    """`director`, `images`, `motion` or `music`."""
    outcome: str
    """`succeeded`, `failed`, `canceled`, ... as the provider reported it."""
    units: float
    """How many of `unit` were billed (tokens, images, seconds...)."""
    unit: str
    estimated_usd: float


class JobCost(BaseModel):
    """Added to every status response; all zero when only local providers ran."""

    calls: int = 0
    estimated_usd: float = 0.0
    """From the price table in settings: an estimate, not an invoice."""
    items: list[ProviderCall] = Field(default_factory=list)


class CostLine(BaseModel):
    """What one capability of one step is expected to cost, before it runs."""

    step: str
    """`clips` or `compose`."""
    capability: str
    """`motion`, `music` or `voice`."""
    provider: str
    """The provider that would do it, as `/health` names it (`local`, `replicate:...`)."""
    units: float
    """How many of `unit` would be billed (0 for a local provider)."""
    unit: str
    estimated_usd: float


class BudgetStatus(BaseModel):
    """The user's daily provider-spend budget as it stands now."""

    daily_usd: float
    """The `DAILY_BUDGET_USD` setting; 0: unlimited."""
    spent_usd: float
    """Spent today (UTC) by finished jobs, plus what running jobs were expected to cost."""
    remaining_usd: float | None
    """What is left today; None when unlimited."""
    resets_at: datetime
    """Next midnight UTC, when the day's spend starts again from zero."""


class CostEstimate(BaseModel):
    """What generating the clips, then composing the ad, will cost with the configured
    providers: 0 for local ones, the price table's figures for remote ones."""

    clips_usd: float
    compose_usd: float
    """Music and, when a voice speaks, the voiceover."""
    total_usd: float
    items: list[CostLine] = Field(default_factory=list)
    budget: BudgetStatus
