"""A fake of Replicate's HTTP API (https://replicate.com/docs/reference/http), in its shapes.

    POST /v1/models/{owner}/{name}/predictions   create (official models: latest version)
    POST /v1/predictions                         create ({"version": ..., "input": ...})
    GET  /v1/predictions/{id}                    starting → processing → succeeded | failed
    POST /v1/predictions/{id}/cancel             → canceled
    GET  /files/{id}/{name}                      the outputs, as replicate.delivery serves them

Errors are problem details (`{"title", "detail", "status"}`) as the API sends them. Each model
validates its inputs the way the real one does (required fields, enums, a readable start
image), so a wrong input mapping fails here as it would there.

Markers in a prompt script what the "model" does: `[fail]` fails, `[fail-once]` fails the
first time that exact prompt is run, `[hang]` never finishes, `[404]` succeeds with an output
URL that is gone, `[garbage]` succeeds with noise instead of media. HTTP-level faults are
queued: `fail_creates(3, 429, retry_after="1")` answers the next three creates with 429.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes import media
from tests.fakes.replicate_models import MODELS, VERSIONS, invalid_fields

TOKEN = "r8_fake_token"


MARKERS = ("[fail-once]", "[fail]", "[hang]", "[404]", "[garbage]")
ASPECT_SIZES = {"9:16": (144, 256), "16:9": (256, 144), "1:1": (192, 192)}


@dataclass
class Fault:
    status: int
    retry_after: str | None = None


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


class FakeReplicate:
    def __init__(self, polls_to_finish: int = 3) -> None:
        self.polls_to_finish = polls_to_finish
        self.origin = ""
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self.predictions: dict[str, FakePrediction] = {}
            self.files: dict[str, tuple[bytes, str]] = {}
            self.create_faults: deque[Fault] = deque()
            self.get_faults: deque[Fault] = deque()
            self.canceled: list[str] = []
            self.requests: list[tuple[str, str]] = []
            self.failed_once: set[str] = set()
            self.most_running = 0
            """The most predictions that were starting or processing at the same moment."""

    # --- what tests call -------------------------------------------------------------------

    def fail_creates(self, count: int, status: int, retry_after: str | None = None) -> None:
        with self._lock:
            self.create_faults.extend(Fault(status, retry_after) for _ in range(count))

    def fail_gets(self, count: int, status: int, retry_after: str | None = None) -> None:
        with self._lock:
            self.get_faults.extend(Fault(status, retry_after) for _ in range(count))

    def created(self, model: str | None = None) -> list[FakePrediction]:
        with self._lock:
            return [p for p in self.predictions.values() if model is None or p.model == model]

    def count(self, method: str, prefix: str) -> int:
        with self._lock:
            return sum(1 for m, path in self.requests if m == method and path.startswith(prefix))

    # --- the HTTP API ----------------------------------------------------------------------

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v1/models/{owner}/{name}/predictions", self._create_official, methods=["POST"]),
                Route("/v1/predictions", self._create_version, methods=["POST"]),
                Route("/v1/predictions/{id}", self._get, methods=["GET"]),
                Route("/v1/predictions/{id}/cancel", self._cancel, methods=["POST"]),
                Route("/files/{id}/{name}", self._file, methods=["GET"]),
            ]
        )  # fmt: skip

    async def _create_official(self, request: Request) -> Response:
        model = f"{request.path_params['owner']}/{request.path_params['name']}"
        return await self._create(request, model, version=None)

    async def _create_version(self, request: Request) -> Response:
        body = await _json(request)
        version = str(body.get("version", "")).split(":")[-1]
        if version not in VERSIONS:
            return _problem(422, "Invalid version", f"version {version!r} does not exist")
        return await self._create(request, VERSIONS[version], version=version, body=body)

    async def _create(
        self, request: Request, model: str, version: str | None, body: dict[str, Any] | None = None
    ) -> Response:
        denied = self._guard(request, self.create_faults)
        if denied:
            return denied
        if model not in MODELS:
            return _problem(404, "Not found", f"model {model} not found")
        body = body if body is not None else await _json(request)
        payload = body.get("input")
        if not isinstance(payload, dict):
            return _problem(422, "Input validation failed", "input is required")
        invalid = invalid_fields(MODELS[model], payload)
        if invalid:
            return _problem(422, "Input validation failed", "\n".join(f"- {p}" for p in invalid))
        with self._lock:
            prediction = FakePrediction(
                id=f"fake{next(self._ids):06d}",
                model=model,
                version=version or f"{abs(hash(model)) % 10**12:012d}",
                input=payload,
                marker=next((m for m in MARKERS if m in _text(payload)), None),
            )
            self.predictions[prediction.id] = prediction
            running = sum(p.status in ("starting", "processing") for p in self.predictions.values())
            self.most_running = max(self.most_running, running)
            return JSONResponse(self._view(prediction), status_code=201)

    def _get(self, request: Request) -> Response:
        # Synchronous, so Starlette runs it in a worker thread: finishing a prediction renders
        # its output (FFmpeg for a clip), which must not stall the fake's event loop.
        denied = self._guard(request, self.get_faults)
        if denied:
            return denied
        with self._lock:
            prediction = self.predictions.get(request.path_params["id"])
            if prediction is None:
                return _problem(404, "Not found", "prediction not found")
            self._advance(prediction)
            return JSONResponse(self._view(prediction))

    async def _cancel(self, request: Request) -> Response:
        denied = self._guard(request, deque())
        if denied:
            return denied
        with self._lock:
            prediction = self.predictions.get(request.path_params["id"])
            if prediction is None:
                return _problem(404, "Not found", "prediction not found")
            if prediction.status not in ("succeeded", "failed", "canceled"):
                prediction.status = "canceled"
                prediction.metrics = {"predict_time": round(time.time() - prediction.created_at, 3)}
            self.canceled.append(prediction.id)
            return JSONResponse(self._view(prediction))

    async def _file(self, request: Request) -> Response:
        key = f"{request.path_params['id']}/{request.path_params['name']}"
        with self._lock:
            self.requests.append(("GET", f"/files/{key}"))
            found = self.files.get(key)
        if found is None:
            return Response("Not Found", status_code=404, media_type="text/plain")
        data, content_type = found
        return Response(data, media_type=content_type)

    def _guard(self, request: Request, faults: deque[Fault]) -> Response | None:
        """Record the request; refuse a missing token; serve a queued fault."""
        with self._lock:
            self.requests.append((request.method, request.url.path))
            if request.headers.get("authorization") != f"Bearer {TOKEN}":
                return _problem(401, "Unauthenticated", "You did not pass a valid token")
            if not faults:
                return None
            fault = faults.popleft()
        headers = {"retry-after": fault.retry_after} if fault.retry_after is not None else {}
        title = "Too Many Requests" if fault.status == 429 else "Server error"
        return _problem(fault.status, title, f"fake fault {fault.status}", headers)

    def _advance(self, prediction: FakePrediction) -> None:
        """One poll's worth of progress (called with the lock held)."""
        if prediction.status in ("succeeded", "failed", "canceled"):
            return
        prediction.polls += 1
        prediction.status = "processing"
        total = self.polls_to_finish
        done = min(prediction.polls, total)
        prediction.logs = (
            f"{100 * done // total:3d}%|{'#' * done}{' ' * (total - done)}| {done}/{total}"
        )
        if prediction.marker == "[hang]" or prediction.polls < total:
            return
        prediction.metrics = {"predict_time": 1.5}
        prompt = _text(prediction.input)
        if prediction.marker == "[fail]" or (
            prediction.marker == "[fail-once]" and prompt not in self.failed_once
        ):
            self.failed_once.add(prompt)
            prediction.status = "failed"
            prediction.error = "CUDA out of memory. Tried to allocate 2.00 GiB"
            return
        prediction.status = "succeeded"
        prediction.output = self._outputs(prediction)

    def _outputs(self, prediction: FakePrediction) -> Any:
        kind = MODELS[prediction.model].kind
        given = prediction.input
        if kind == "image":
            fmt = str(given.get("output_format", "webp"))
            width, height = ASPECT_SIZES.get(str(given.get("aspect_ratio", "1:1")), (192, 192))
            name = f"out-0.{fmt}"
            data = media.png(width, height, str(given.get("prompt")), _PIL_FORMAT[fmt])
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
        key = f"{prediction.id}/{name}"
        if prediction.marker != "[404]":
            self.files[key] = (data, content_type)
        url = f"{self.origin}/files/{key}"
        return [url] if kind == "image" else url

    def _view(self, prediction: FakePrediction) -> dict[str, Any]:
        base = f"{self.origin}/v1/predictions/{prediction.id}"
        created = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(prediction.created_at))
        done = prediction.status in ("succeeded", "failed", "canceled")
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
        }


_PIL_FORMAT = {"png": "PNG", "jpg": "JPEG", "webp": "WEBP"}


def _text(payload: dict[str, Any]) -> str:
    """Every short string input joined (data URIs left out), where markers are looked for."""
    return " ".join(
        value for value in payload.values() if isinstance(value, str) and len(value) < 4000
    )


async def _json(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _problem(
    status: int, title: str, detail: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"title": title, "detail": detail, "status": status},
        status_code=status,
        headers=headers,
        media_type="application/problem+json",
    )
