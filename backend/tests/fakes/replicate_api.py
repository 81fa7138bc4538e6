"""A fake of Replicate's HTTP API (https://replicate.com/docs/reference/http), in its shapes.

    POST /v1/models/{owner}/{name}/predictions   create (official models: latest version)
    POST /v1/predictions                         create ({"version": ..., "input": ...})
    GET  /v1/predictions/{id}                    starting → processing → succeeded | failed
    POST /v1/predictions/{id}/cancel             → canceled
    /v1/files, /v1/files/{id}                    the files API (see `replicate_files`)
    GET  /files/{id}/{name}                      the outputs, as replicate.delivery serves them

Errors are problem details (`{"title", "detail", "status"}`) as the API sends them. Each model
validates its inputs the way the real one does (required fields, enums, a readable start
image that is a file the fake serves or a data URL of at most 256 KB), so a wrong input mapping
fails here as it would there.

A create may carry `Cancel-After` (see `replicate_deadlines`): the fake records it on the
prediction (`cancel_after`, and `deadline` in its view) and ends the prediction when its clock
passes the deadline, `aborted` if it never started, `canceled` if it was running. The clock is
the wall clock plus whatever `advance()` added, so a test can pass a deadline without waiting.

Markers in a prompt script what the "model" does: `[fail]` fails, `[fail-once]` fails the
first time that exact prompt is run, `[hang]` never finishes, `[queued]` is never started (as
when no worker is free), `[404]` succeeds with an output URL that is gone, `[garbage]` succeeds
with noise instead of media, `[held]` stays processing while the test holds it (`held`, a
slow model; released, it finishes as any other); `[slow-create]` answers the create only after `create_delay`
seconds, the prediction existing from the start (a create still in flight). HTTP-level faults
are queued: `fail_creates(3, 429, retry_after="1")` answers the next three creates with 429
(`fail_gets` and `fail_cancels` likewise).
"""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes import replicate_runs as runs
from tests.fakes.replicate_deadlines import parse_cancel_after
from tests.fakes.replicate_files import FakeFiles
from tests.fakes.replicate_models import (
    MODELS,
    VERSIONS,
    FakeModel,
    ReadFile,
    data_url_bytes,
    invalid_fields,
)
from tests.fakes.replicate_runs import FakePrediction

TOKEN = "r8_fake_token"


SLOW_CREATE = "[slow-create]"


@dataclass
class Fault:
    status: int
    retry_after: str | None = None


def _reference(model: FakeModel, payload: dict[str, Any], read_file: ReadFile) -> bytes | None:
    """The bytes of an editing model's reference image (an uploaded file; validated already)."""
    if model.kind != "image_edit":
        return None
    for name in model.image_inputs:
        value = payload.get(name)
        if isinstance(value, str):
            return read_file(value) if not value.startswith("data:") else data_url_bytes(value)
    return None


class FakeReplicate:
    def __init__(self, polls_to_finish: int = 3) -> None:
        self.polls_to_finish = polls_to_finish
        self.uploads = FakeFiles()
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self.reset()

    @property
    def origin(self) -> str:
        return self.uploads.origin

    @origin.setter
    def origin(self, value: str) -> None:
        self.uploads.origin = value

    def reset(self) -> None:
        with self._lock:
            self.predictions: dict[str, FakePrediction] = {}
            self.outputs: dict[str, tuple[bytes, str]] = {}
            self.create_faults: deque[Fault] = deque()
            self.get_faults: deque[Fault] = deque()
            self.cancel_faults: deque[Fault] = deque()
            self.canceled: list[str] = []
            self.requests: list[tuple[str, str]] = []
            self.failed_once: set[str] = set()
            self.most_running = 0
            """The most predictions that were starting or processing at the same moment."""
            self._offset = 0.0
            self.create_delay = 0.5
            self.held = False
        self.uploads.reset()

    # --- what tests call -------------------------------------------------------------------

    def fail_creates(self, count: int, status: int, retry_after: str | None = None) -> None:
        with self._lock:
            self.create_faults.extend(Fault(status, retry_after) for _ in range(count))

    def fail_gets(self, count: int, status: int, retry_after: str | None = None) -> None:
        with self._lock:
            self.get_faults.extend(Fault(status, retry_after) for _ in range(count))

    def fail_cancels(self, count: int, status: int) -> None:
        with self._lock:
            self.cancel_faults.extend(Fault(status) for _ in range(count))

    def created(self, model: str | None = None) -> list[FakePrediction]:
        with self._lock:
            return [p for p in self.predictions.values() if model is None or p.model == model]

    def count(self, method: str, prefix: str) -> int:
        with self._lock:
            return sum(1 for m, path in self.requests if m == method and path.startswith(prefix))

    def running(self) -> list[FakePrediction]:
        """Predictions still starting or processing now: each one is still being paid for."""
        with self._lock:
            for prediction in self.predictions.values():
                runs.expire(prediction, self.now())
            return [p for p in self.predictions.values() if p.status in runs.RUNNING]

    def advance(self, seconds: float) -> None:
        """Move the fake's clock on, as if `seconds` had passed (deadlines fall due)."""
        with self._lock:
            self._offset += seconds

    def now(self) -> float:
        return time.time() + self._offset

    # --- the HTTP API ----------------------------------------------------------------------

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v1/models/{owner}/{name}/predictions", self._create_official, methods=["POST"]),
                Route("/v1/predictions", self._create_version, methods=["POST"]),
                Route("/v1/predictions/{id}", self._get, methods=["GET"]),
                Route("/v1/predictions/{id}/cancel", self._cancel, methods=["POST"]),
                Route("/v1/files", self._files_create, methods=["POST"]),
                Route("/v1/files", self._files_list, methods=["GET"]),
                Route("/v1/files/{id}", self._files_get, methods=["GET"]),
                Route("/v1/files/{id}", self._files_delete, methods=["DELETE"]),
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
        invalid = invalid_fields(MODELS[model], payload, self._read_file)
        if invalid:
            return _problem(422, "Input validation failed", "\n".join(f"- {p}" for p in invalid))
        cancel_after = request.headers.get("cancel-after")
        lifetime = parse_cancel_after(cancel_after) if cancel_after is not None else None
        if cancel_after is not None and lifetime is None:
            return _problem(400, "Bad Request", f"invalid Cancel-After header {cancel_after!r}")
        with self._lock:
            created_at = self.now()
            prediction = FakePrediction(
                id=f"fake{next(self._ids):06d}",
                model=model,
                version=version or f"{abs(hash(model)) % 10**12:012d}",
                input=payload,
                marker=next((m for m in runs.MARKERS if m in runs.text_of(payload)), None),
                created_at=created_at,
                cancel_after=cancel_after,
                deadline=created_at + lifetime if lifetime is not None else None,
                reference=_reference(MODELS[model], payload, self._read_file),
            )
            self.predictions[prediction.id] = prediction
            running = sum(p.status in runs.RUNNING for p in self.predictions.values())
            self.most_running = max(self.most_running, running)
            view = runs.view(prediction, self.origin)
        if SLOW_CREATE in runs.text_of(payload):
            # Created already: only the answer is late, as when a create is still in flight.
            await asyncio.sleep(self.create_delay)
        return JSONResponse(view, status_code=201)

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
            runs.expire(prediction, self.now())
            if prediction.marker == runs.HELD and self.held:
                prediction.status = "processing"
            else:
                runs.advance(prediction, self.polls_to_finish, self.failed_once, self._deliver)
            return JSONResponse(runs.view(prediction, self.origin))

    async def _cancel(self, request: Request) -> Response:
        denied = self._guard(request, self.cancel_faults)
        if denied:
            return denied
        with self._lock:
            prediction = self.predictions.get(request.path_params["id"])
            if prediction is None:
                return _problem(404, "Not found", "prediction not found")
            runs.expire(prediction, self.now())
            runs.cancel(prediction, self.now())
            self.canceled.append(prediction.id)
            return JSONResponse(runs.view(prediction, self.origin))

    async def _files_create(self, request: Request) -> Response:
        return self._guard(request, deque()) or await self.uploads.create(request)

    def _files_list(self, request: Request) -> Response:
        return self._guard(request, deque()) or self.uploads.list(request)

    def _files_get(self, request: Request) -> Response:
        return self._guard(request, deque()) or self.uploads.get(request)

    def _files_delete(self, request: Request) -> Response:
        return self._guard(request, deque()) or self.uploads.delete(request)

    def _read_file(self, url: str) -> bytes | None:
        stored = self.uploads.read(url)
        return stored.data if stored is not None else None

    def _deliver(self, key: str, data: bytes | None, content_type: str) -> str:
        """The delivery URL of an output, serving `data` (called with the lock held)."""
        if data is not None:
            self.outputs[key] = (data, content_type)
        return f"{self.origin}/files/{key}"

    async def _file(self, request: Request) -> Response:
        key = f"{request.path_params['id']}/{request.path_params['name']}"
        with self._lock:
            self.requests.append(("GET", f"/files/{key}"))
            found = self.outputs.get(key)
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
