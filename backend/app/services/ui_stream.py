"""The AI SDK's UI message stream protocol (v1), so `useChat` can read our director directly.

Server-sent events, one JSON chunk per event: `start`, `text-start`/`text-delta`/`text-end`,
custom `data-*` parts, `error`, `finish`, then `[DONE]`. Responses must carry the header
`x-vercel-ai-ui-message-stream: v1`.

An `error` chunk carries only a text, and `useChat` stops reading at it (the chat's status
becomes `error`); so a failure is sent as a transient `data-error` part with its stable code
first, which `onData` sees, then as the `error` chunk.
"""

from __future__ import annotations

import json
from typing import Any

from app.errors import ErrorCode

HEADERS = {
    "x-vercel-ai-ui-message-stream": "v1",
    "cache-control": "no-cache",
    "x-accel-buffering": "no",
}
MEDIA_TYPE = "text/event-stream"


def sse(chunk: dict[str, Any]) -> str:
    return f"data: {json.dumps(chunk, separators=(',', ':'))}\n\n"


def start(message_id: str) -> str:
    return sse({"type": "start", "messageId": message_id})


def text_start(part_id: str) -> str:
    return sse({"type": "text-start", "id": part_id})


def text_delta(part_id: str, delta: str) -> str:
    return sse({"type": "text-delta", "id": part_id, "delta": delta})


def text_end(part_id: str) -> str:
    return sse({"type": "text-end", "id": part_id})


def data_part(name: str, data: Any, *, transient: bool = False) -> str:
    """A custom `data-{name}` part: structured data the UI reads without parsing prose. A
    transient one reaches `onData` only and is not kept in the message."""
    chunk: dict[str, Any] = {"type": f"data-{name}", "data": data}
    if transient:
        chunk["transient"] = True
    return sse(chunk)


def error(text: str) -> str:
    return sse({"type": "error", "errorText": text})


def failure(code: ErrorCode, message: str) -> str:
    """A failure the UI can show: its code in a transient `data-error`, then the `error`."""
    return data_part("error", {"code": code, "message": message}, transient=True) + error(message)


def finish() -> str:
    return sse({"type": "finish"})


DONE = "data: [DONE]\n\n"
