"""The life of one prediction in the fake Replicate, and how the API shows it.

    starting ──poll──▶ processing ──polls──▶ succeeded | failed
        │                  │
        └── deadline ──▶ aborted            └── deadline or cancel ──▶ canceled

A prediction moves on one step per poll (the fake has no workers of its own), so a test sees
the states a client would. Its outputs are rendered when it succeeds, as genuine media files
served the way replicate.delivery serves them. Markers in the inputs script the model (see
`replicate_api`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.fakes import media
from tests.fakes.replicate_models import MODELS

HELD = "[held]"
MARKERS = ("[fail-once]", "[fail]", "[hang]", "[queued]", "[404]", "[garbage]", HELD)
TERMINAL = ("succeeded", "failed", "canceled", "aborted")
RUNNING = ("starting", "processing")
ASPECT_SIZES = {"9:16": (144, 256), "16:9": (256, 144), "1:1": (192, 192)}
_PIL_FORMAT = {"png": "PNG", "jpg": "JPEG", "webp": "WEBP"}

Deliver = Callable[[str, bytes | None, str], str]
"""Serve an output (`key`, bytes, content type) and return its URL; None serves nothing there."""


@dataclass
class FakePrediction:
    id: str
    model: str
    version: str
    input: dict[str, Any]
    marker: str | None
    status: str = "starting"
    polls: int = 0
    output: Any = None
    error: str | None = None
    logs: str = ""
    created_at: float = field(default_factory=time.time)
    metrics: dict[str, float] = field(default_factory=dict)
    cancel_after: str | None = None
    """The `Cancel-After` header of its create, as sent."""
    deadline: float | None = None
    reference: bytes | None = None
    """The reference image an editing model was given (read when the prediction was created)."""


def expire(prediction: FakePrediction, now: float) -> None:
    """End a prediction whose `Cancel-After` deadline has passed."""
    if prediction.status in TERMINAL or prediction.deadline is None or now < prediction.deadline:
        return
    if prediction.status == "starting":
        prediction.status = "aborted"  # it never ran: nothing to bill
    else:
        cancel(prediction, now)


def cancel(prediction: FakePrediction, now: float) -> None:
    if prediction.status not in TERMINAL:
        prediction.status = "canceled"
        prediction.metrics = {"predict_time": round(now - prediction.created_at, 3)}


def advance(
    prediction: FakePrediction, polls_to_finish: int, failed_once: set[str], deliver: Deliver
) -> None:
    """One poll's worth of progress."""
    if prediction.status in TERMINAL or prediction.marker == "[queued]":
        return
    prediction.polls += 1
    prediction.status = "processing"
    total = polls_to_finish
    done = min(prediction.polls, total)
    prediction.logs = (
        f"{100 * done // total:3d}%|{'#' * done}{' ' * (total - done)}| {done}/{total}"
    )
    if prediction.marker == "[hang]" or prediction.polls < total:
        return
    prediction.metrics = {"predict_time": 1.5}
    prompt = str(prediction.input.get("prompt", ""))
    if prediction.marker == "[fail]" or (
        prediction.marker == "[fail-once]" and prompt not in failed_once
    ):
        failed_once.add(prompt)
        prediction.status = "failed"
        prediction.error = "CUDA out of memory. Tried to allocate 2.00 GiB"
        return
    prediction.status = "succeeded"
    prediction.output = _outputs(prediction, deliver)


def _outputs(prediction: FakePrediction, deliver: Deliver) -> Any:
    kind = MODELS[prediction.model].kind
    given = prediction.input
    if kind in ("image", "image_edit"):
        fmt = str(given.get("output_format", "webp"))
        width, height = ASPECT_SIZES.get(str(given.get("aspect_ratio", "1:1")), (192, 192))
        name = f"out-0.{fmt}"
        text = str(given.get("prompt"))
        data = (
            media.png_with(prediction.reference, width * 3, height * 3, text, _PIL_FORMAT[fmt])
            if prediction.reference is not None
            else media.png(width, height, text, _PIL_FORMAT[fmt])
        )
        content_type = f"image/{'jpeg' if fmt == 'jpg' else fmt}"
    elif kind == "video":
        name, content_type = "output.mp4", "video/mp4"
        data = media.mp4(int(given.get("duration", 5)))
    else:
        fmt = str(given.get("output_format", "wav"))
        name, content_type = f"out.{fmt}", "audio/wav"
        data = media.wav(int(given.get("duration", 8)))
    if prediction.marker == "[garbage]":
        data = media.GARBAGE
    served = None if prediction.marker == "[404]" else data
    url = deliver(f"{prediction.id}/{name}", served, content_type)
    return url if kind in ("video", "audio") else [url]


def view(prediction: FakePrediction, origin: str) -> dict[str, Any]:
    """The prediction as the API answers it."""
    base = f"{origin}/v1/predictions/{prediction.id}"
    created = _timestamp(prediction.created_at)
    done = prediction.status in TERMINAL
    deadline = {"deadline": _timestamp(prediction.deadline)} if prediction.deadline else {}
    return {
        "id": prediction.id,
        "model": prediction.model,
        "version": prediction.version,
        "input": prediction.input,
        "logs": prediction.logs,
        "output": prediction.output,
        "data_removed": False,
        "error": prediction.error,
        "status": prediction.status,
        "created_at": created,
        "started_at": created if prediction.polls else None,
        "completed_at": created if done else None,
        "metrics": prediction.metrics,
        "urls": {
            "get": base,
            "cancel": f"{base}/cancel",
            "web": f"https://replicate.com/p/{prediction.id}",
        },
        **deadline,
    }


def text_of(payload: dict[str, Any]) -> str:
    """Every short string input joined (data URLs left out), where markers are looked for."""
    return " ".join(
        value for value in payload.values() if isinstance(value, str) and len(value) < 4000
    )


def _timestamp(seconds: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(seconds))
