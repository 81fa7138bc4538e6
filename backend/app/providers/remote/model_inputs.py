"""Our roles (prompt, image, duration...) onto a Replicate model's own input names. Pure.

A model accepts only some durations (Kling: 5 or 10 s) and some aspect ratios (FLUX: a list):
we send the nearest it accepts and let the composer absorb the rest (it trims long clips and
holds the last frame of short ones).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from app.config_models import InputRole, ReplicateModel


def build_input(model: ReplicateModel, values: Mapping[InputRole, object]) -> dict[str, Any]:
    """The prediction's `input`: the fixed extras, then each mapped role that has a value."""
    payload: dict[str, Any] = dict(model.extra)
    for role, name in model.inputs.items():
        value = values.get(role)
        if value is not None:
            payload[name] = value
    return payload


def choose_duration(wanted: float, allowed: Sequence[float], shortfall: float = 0.0) -> float | int:
    """The duration to ask for: the shortest allowed one that is at most `shortfall` seconds
    short of `wanted` (the longest allowed when none is); any whole second when `allowed` is
    empty. Whole numbers come back as `int`, as most models type the input."""
    if not allowed:
        return _whole(math.ceil(wanted - 1e-9))
    enough = [d for d in sorted(allowed) if d >= wanted - shortfall - 1e-9]
    return _whole(enough[0] if enough else max(allowed))


def aspect_ratio(width: int, height: int, allowed: Sequence[str] = ()) -> str:
    """`9:16` for 1080×1920; the allowed ratio nearest in shape when the exact one is not."""
    divisor = math.gcd(width, height)
    exact = f"{width // divisor}:{height // divisor}"
    if not allowed or exact in allowed:
        return exact
    target = math.log(width / height)
    return min(allowed, key=lambda ratio: abs(_log_ratio(ratio) - target))


def output_urls(output: object) -> list[str]:
    """Every file URL in a prediction's output, in order: models return a URL, a list of them,
    or an object holding them."""
    if isinstance(output, str):
        return [output] if output.startswith(("https://", "http://", "data:")) else []
    if isinstance(output, Mapping):
        return [url for value in output.values() for url in output_urls(value)]
    if isinstance(output, Sequence):
        return [url for value in output for url in output_urls(value)]
    return []


def _log_ratio(ratio: str) -> float:
    width, _, height = ratio.partition(":")
    try:
        return math.log(float(width) / float(height))
    except (ValueError, ZeroDivisionError):
        return math.inf


def _whole(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
