"""Replicate models as settings: which model, how its inputs are named, what it costs.

Every model on Replicate names its inputs its own way (`prompt`, `start_image`, `image`,
`duration`, `aspect_ratio`...). A `ReplicateModel` maps our roles onto those names, adds fixed
extra inputs, and carries the price, so switching to another model is a change of environment
(`REPLICATE_MOTION__MODEL=...`, or a whole JSON value such as
`REPLICATE_MOTION='{"model": ..., "inputs": {...}}'`), never of code.

Each capability has its own class only so that each has its own defaults: an environment value
that names a few keys keeps the capability's defaults for the rest.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field, field_validator


class InputRole(StrEnum):
    """What we can hand a model; `ReplicateModel.inputs` says under which input name."""

    PROMPT = "prompt"
    IMAGE = "image"
    """The start frame (motion) or the reference photo (reference images): the URL of a file
    uploaded through Replicate's files API."""
    DURATION = "duration"
    """Seconds of output (video or music)."""
    ASPECT_RATIO = "aspect_ratio"
    """Such as `9:16`."""
    WIDTH = "width"
    HEIGHT = "height"
    SEED = "seed"


class PriceUnit(StrEnum):
    RUN = "run"
    """A flat price per prediction."""
    OUTPUT = "output"
    """Per output file (image models that bill per image)."""
    OUTPUT_SECOND = "output_second"
    """Per second of media asked for (video models that bill per second of video)."""
    COMPUTE_SECOND = "compute_second"
    """Per second of GPU time, as the prediction's `metrics.predict_time` reports it."""


class ReplicateModel(BaseModel):
    model: str = Field(min_length=3)
    """`owner/name` for a model with a default version (official models), or
    `owner/name:version` to pin a version."""
    inputs: dict[InputRole, str] = Field(default_factory=dict)
    """Role → the model's input name; roles left out are not sent."""
    extra: dict[str, Any] = Field(default_factory=dict)
    """Fixed inputs sent with every prediction (quality, format, mode...)."""
    durations: list[float] = Field(default_factory=list)
    """The only durations the model accepts (e.g. `[5, 10]`); empty means any whole second."""
    shortfall_seconds: float = Field(default=0.0, ge=0)
    """How much shorter than asked a fixed-duration output may be before the next longer
    duration is chosen: the composer holds the last frame of a short clip."""
    aspect_ratios: list[str] = Field(default_factory=list)
    """The aspect ratios the model accepts; the nearest one is sent. Empty means any."""
    price_usd: float = Field(default=0.0, ge=0)
    """USD per `price_per`: the price table, one line per model."""
    price_per: PriceUnit = PriceUnit.RUN
    estimate_compute_seconds: float = Field(default=0.0, ge=0)
    """For models priced per GPU second: how long one prediction is expected to run, for the
    cost estimate made before it starts (the bill itself uses the time it really ran)."""
    max_concurrent: int = Field(default=4, ge=1)
    """Predictions of this model running at once."""
    deadline_seconds: float = Field(default=300.0, gt=0)
    """From creation to success; past it the prediction is canceled and reported timed out."""

    @field_validator("model")
    @classmethod
    def _owner_and_name(cls, value: str) -> str:
        name = value.split(":", 1)[0]
        if name.count("/") != 1 or not all(name.split("/")):
            raise ValueError(f"{value!r} is not `owner/name` or `owner/name:version`")
        return value

    @property
    def owner_name(self) -> str:
        return self.model.split(":", 1)[0]

    @property
    def version(self) -> str | None:
        _, _, version = self.model.partition(":")
        return version or None


class ImageModel(ReplicateModel):
    model: str = "black-forest-labs/flux-schnell"
    inputs: dict[InputRole, str] = Field(
        default_factory=lambda: {
            InputRole.PROMPT: "prompt",
            InputRole.ASPECT_RATIO: "aspect_ratio",
            InputRole.SEED: "seed",
        }
    )
    extra: dict[str, Any] = Field(
        default_factory=lambda: {"num_outputs": 1, "output_format": "png", "go_fast": True}
    )
    aspect_ratios: list[str] = Field(
        default_factory=lambda: [
            *("1:1", "16:9", "21:9", "3:2", "2:3", "4:5", "5:4", "3:4", "4:3", "9:16", "9:21")
        ]
    )
    price_usd: float = 0.003
    price_per: PriceUnit = PriceUnit.OUTPUT
    max_concurrent: int = 6
    deadline_seconds: float = 120.0


class ReferenceImageModel(ReplicateModel):
    """An image model that keeps a product from a reference photo (the user's cut-out)."""

    model: str = "black-forest-labs/flux-kontext-pro"
    inputs: dict[InputRole, str] = Field(
        default_factory=lambda: {
            InputRole.PROMPT: "prompt",
            InputRole.IMAGE: "input_image",
            InputRole.ASPECT_RATIO: "aspect_ratio",
            InputRole.SEED: "seed",
        }
    )
    extra: dict[str, Any] = Field(
        default_factory=lambda: {"output_format": "png", "safety_tolerance": 2}
    )
    aspect_ratios: list[str] = Field(
        default_factory=lambda: [
            *("1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "4:5", "5:4", "21:9", "9:21"),
            *("2:1", "1:2"),
        ]
    )
    price_usd: float = 0.04
    price_per: PriceUnit = PriceUnit.OUTPUT
    max_concurrent: int = 4
    deadline_seconds: float = 180.0


class MotionModel(ReplicateModel):
    model: str = "kwaivgi/kling-v2.1"
    inputs: dict[InputRole, str] = Field(
        default_factory=lambda: {
            InputRole.PROMPT: "prompt",
            InputRole.IMAGE: "start_image",
            InputRole.DURATION: "duration",
        }
    )
    extra: dict[str, Any] = Field(
        default_factory=lambda: {
            "mode": "standard",
            "negative_prompt": "text, watermark, logo distortion, blur, low quality",
        }
    )
    durations: list[float] = Field(default_factory=lambda: [5.0, 10.0])
    # A 5.5 s scene (5 s plus its crossfade tail) takes a 5 s clip, not a 10 s one at twice the
    # price: its last half second is held, and it mostly sits under the crossfade anyway.
    shortfall_seconds: float = 1.0
    price_usd: float = 0.05
    price_per: PriceUnit = PriceUnit.OUTPUT_SECOND
    max_concurrent: int = 3
    deadline_seconds: float = 900.0


class MusicModel(ReplicateModel):
    model: str = "meta/musicgen:671ac645ce5e552cc63a54a2bbff63fcf798043055d2dac5fc9e36a837eedcfb"
    inputs: dict[InputRole, str] = Field(
        default_factory=lambda: {
            InputRole.PROMPT: "prompt",
            InputRole.DURATION: "duration",
            InputRole.SEED: "seed",
        }
    )
    extra: dict[str, Any] = Field(
        default_factory=lambda: {
            "model_version": "stereo-large",
            "output_format": "wav",
            "normalization_strategy": "peak",
        }
    )
    # meta/musicgen bills GPU time: an Nvidia A100 (80GB) at $0.0014 per second.
    price_usd: float = 0.0014
    price_per: PriceUnit = PriceUnit.COMPUTE_SECOND
    # stereo-large runs about a minute for a 30 s track on that GPU.
    estimate_compute_seconds: float = 60.0
    max_concurrent: int = 2
    deadline_seconds: float = 600.0
