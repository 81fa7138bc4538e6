"""The models the fake Replicate serves, each validating its inputs as the real one does.

Only what the providers rely on is modelled: required inputs, enumerated values, and start
images that must decode. A wrong input mapping in settings fails here with a 422, as it would
at Replicate.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

MUSICGEN_VERSION = "671ac645ce5e552cc63a54a2bbff63fcf798043055d2dac5fc9e36a837eedcfb"


@dataclass(frozen=True)
class FakeModel:
    kind: str  # image | video | audio
    required: tuple[str, ...]
    enums: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    image_inputs: tuple[str, ...] = ()


FLUX_RATIOS = ("1:1", "16:9", "21:9", "3:2", "2:3", "4:5", "5:4", "3:4", "4:3", "9:16", "9:21")
MODELS: dict[str, FakeModel] = {
    "black-forest-labs/flux-schnell": FakeModel(
        "image",
        ("prompt",),
        {"aspect_ratio": FLUX_RATIOS, "output_format": ("webp", "jpg", "png")},
    ),
    "kwaivgi/kling-v2.1": FakeModel(
        "video",
        ("prompt", "start_image"),
        {"duration": (5, 10), "mode": ("standard", "pro")},
        image_inputs=("start_image",),
    ),
    "meta/musicgen": FakeModel(
        "audio",
        (),
        {
            "model_version": ("stereo-melody-large", "stereo-large", "melody-large", "large"),
            "output_format": ("wav", "mp3"),
            "normalization_strategy": ("loudness", "clip", "peak", "rms"),
        },
    ),
}


VERSIONS = {MUSICGEN_VERSION: "meta/musicgen"}


def invalid_fields(model: FakeModel, payload: dict[str, Any]) -> list[str]:
    problems = [f"input: {name} is required" for name in model.required if name not in payload]
    for name, allowed in model.enums.items():
        if name in payload and payload[name] not in allowed:
            choices = ", ".join(str(choice) for choice in allowed)
            problems.append(f"input.{name}: input.{name} must be one of the following: {choices}")
    for name in model.image_inputs:
        if name in payload and not _is_image(payload[name]):
            problems.append(f"input.{name}: not an image file or URL")
    return problems


def _is_image(value: object) -> bool:
    if not isinstance(value, str) or not value.startswith("data:image/"):
        return isinstance(value, str) and value.startswith("https://")
    try:
        with Image.open(io.BytesIO(base64.b64decode(value.split(",", 1)[1]))) as image:
            image.load()
        return True
    except Exception:
        return False
