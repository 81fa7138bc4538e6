"""The models the fake Replicate serves, each validating its inputs as the real one does.

Only what the providers rely on is modelled: required inputs, enumerated values, and start
images that must decode. A wrong input mapping in settings fails here with a 422, as it would
at Replicate.

A file input is a URL or a data URL. Replicate documents data URLs for files up to 256 KB and
asks for larger ones to be uploaded through the files API; the fake refuses larger data URLs, and
as it cannot reach the internet, the only URLs it can read are those of files uploaded to it.
"""

from __future__ import annotations

import base64
import binascii
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

MAX_DATA_URL_BYTES = 256 * 1024
"""The largest file Replicate documents as fit for a data URL."""

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
    # Edits with a reference image: `input_image` is kept in the picture it returns, as the real
    # model keeps the photographed product. safety_tolerance is 0-6, at most 2 with an image.
    "black-forest-labs/flux-kontext-pro": FakeModel(
        "image_edit",
        ("prompt",),
        {
            "aspect_ratio": ("match_input_image", *FLUX_RATIOS, "2:1", "1:2"),
            "output_format": ("jpg", "png"),
            "safety_tolerance": (0, 1, 2),
        },
        image_inputs=("input_image",),
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


ReadFile = Callable[[str], bytes | None]
"""The bytes of a file the fake serves at a URL, or None when it serves no such file."""


def invalid_fields(model: FakeModel, payload: dict[str, Any], read_file: ReadFile) -> list[str]:
    problems = [f"input: {name} is required" for name in model.required if name not in payload]
    for name, allowed in model.enums.items():
        if name in payload and payload[name] not in allowed:
            choices = ", ".join(str(choice) for choice in allowed)
            problems.append(f"input.{name}: input.{name} must be one of the following: {choices}")
    for name in model.image_inputs:
        if name in payload:
            problem = _image_problem(payload[name], read_file)
            if problem:
                problems.append(f"input.{name}: {problem}")
    return problems


def _image_problem(value: object, read_file: ReadFile) -> str | None:
    if not isinstance(value, str):
        return "not an image file or URL"
    if value.startswith("data:"):
        data = data_url_bytes(value)
        if data is None:
            return "not a valid data URL"
        if len(data) > MAX_DATA_URL_BYTES:
            return (
                f"a data URL of {len(data)} bytes is over the 256 KB limit; upload larger "
                "files through the files API"
            )
    else:
        data = read_file(value)
        if data is None:
            return "could not fetch the file at this URL"
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except Exception:
        return "not an image file or URL"
    return None


def data_url_bytes(url: str) -> bytes | None:
    header, comma, encoded = url.partition(",")
    if not comma or not header.endswith(";base64"):
        return None
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return None
