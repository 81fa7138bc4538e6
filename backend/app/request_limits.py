"""What a request body may be: how large, and how deeply its JSON may nest.

`BodyLimits` counts the bytes as they stream in, whatever the transfer encoding: a body that
declares too large a Content-Length is refused before a byte is read, and a chunked body with
none is cut off at the first chunk past the cap, never read whole. An endpoint that takes
uploads raises the cap for itself, which also tells clients the limit in the OpenAPI:
`@router.post(..., openapi_extra={BODY_LIMIT_KEY: 200 * 1024 * 1024})`.

Depth is checked too: Python's `json` recurses once per level, so a few kilobytes of `[` would
reach its recursion limit. Every JSON body's nesting is counted before anything parses it.

Both refusals are raised from `receive`, while the endpoint reads the body, so the limit is the
endpoint's own (routing is done by then) and a request nobody reads is never refused.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Mapping
from itertools import accumulate

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import ErrorCode

MAX_BODY_BYTES = 2 * 1024 * 1024
"""No request the studio sends comes near this; an endpoint may raise it with `BODY_LIMIT_KEY`."""
BODY_LIMIT_KEY = "x-max-body-bytes"
"""The `openapi_extra` key of an endpoint's own body cap, in bytes."""
MAX_JSON_DEPTH = 32
"""Our deepest request (a storyboard: body → scenes → scene → list) nests 4 levels."""

_STRINGS = re.compile(rb'"(?:[^"\\]++|\\.)*+"?', re.DOTALL)
"""A JSON string, or an unterminated one up to the end; possessive, so linear on any input."""
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_NOT_BRACKETS = bytes(b for b in range(256) if b not in _STEP)
_INLINE_BYTES = 64 * 1024
"""Bodies up to this are measured on the event loop; larger ones in a worker thread."""


class RequestRefused(HTTPException):
    """A refusal of the request's shape, raised while FastAPI reads the body.

    An HTTPException is the one kind FastAPI lets out of body reading as it is (anything else
    becomes its generic 400), the way its own size limit reports.
    """

    def __init__(self, status_code: int, code: ErrorCode, detail: str) -> None:
        super().__init__(status_code=status_code, detail=detail)
        self.code = code


def json_depth(body: bytes) -> int:
    """How deeply arrays and objects nest in a JSON text, brackets inside strings ignored."""
    structure = _STRINGS.sub(b"", body).translate(None, _NOT_BRACKETS)
    return max(accumulate(map(_STEP.__getitem__, structure)), default=0)


def _too_deep(body: bytes, limit: int) -> bool:
    # Nesting deeper than `limit` takes more than `limit` opening brackets: most bodies stop here.
    return body.count(b"[") + body.count(b"{") > limit and json_depth(body) > limit


class BodyLimits:
    """Refuses a request body larger than its endpoint's cap, or JSON nested too deeply."""

    def __init__(
        self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES, max_depth: int = MAX_JSON_DEPTH
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_depth = max_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        declared = _content_length(headers.get("content-length"))
        # FastAPI holds a JSON body whole before parsing it anyway, and the cap bounds it.
        json_chunks: list[bytes] | None = [] if _is_json(headers.get("content-type")) else None
        received = 0

        async def receive_limited() -> Message:
            nonlocal received
            limit = self._limit_of(scope)
            if declared is not None and declared > limit:
                raise _too_large(limit)
            message = await receive()
            if message["type"] != "http.request":
                return message
            chunk = message.get("body", b"")
            received += len(chunk)
            if received > limit:
                raise _too_large(limit)
            if json_chunks is not None:
                json_chunks.append(chunk)
                if not message.get("more_body", False):
                    await self._check_depth(b"".join(json_chunks))
            return message

        await self.app(scope, receive_limited, send)

    def _limit_of(self, scope: Scope) -> int:
        # Routing has put the endpoint in the scope by the time anything reads the body.
        extra = getattr(scope.get("route"), "openapi_extra", None)
        if isinstance(extra, Mapping) and isinstance(extra.get(BODY_LIMIT_KEY), int):
            return int(extra[BODY_LIMIT_KEY])
        return self.max_bytes

    async def _check_depth(self, body: bytes) -> None:
        if len(body) <= _INLINE_BYTES:
            too_deep = _too_deep(body, self.max_depth)
        else:
            too_deep = await asyncio.to_thread(_too_deep, body, self.max_depth)
        if too_deep:
            raise RequestRefused(
                400,
                ErrorCode.BODY_TOO_DEEP,
                f"The request body nests arrays and objects more than {self.max_depth} levels "
                "deep; no request of this API needs that many.",
            )


def _too_large(limit: int) -> RequestRefused:
    return RequestRefused(
        413,
        ErrorCode.BODY_TOO_LARGE,
        f"The request body is larger than {_size(limit)}, the most this endpoint accepts.",
    )


def _size(limit: int) -> str:
    mb = 1024 * 1024
    if limit >= mb and limit % mb == 0:
        return f"{limit // mb} MB"
    return f"{limit // 1024} KB" if limit >= 1024 else f"{limit} bytes"


def _content_length(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() else None


def _is_json(content_type: str | None) -> bool:
    # The types FastAPI parses as JSON: application/json and application/*+json.
    if not content_type:
        return False
    mime = content_type.split(";", 1)[0].strip().lower()
    return mime == "application/json" or (
        mime.startswith("application/") and mime.endswith("+json")
    )
