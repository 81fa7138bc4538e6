"""What a job spent at the model providers: every call, and an estimated total in USD."""

from __future__ import annotations

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
