"""A streamed Chat Completions answer, as server-sent events of `chat.completion.chunk`s.

    data: {"choices": [{"delta": {"role": "assistant", ...}}]}      first chunk
    data: {"choices": [{"delta": {"content": "word "}}]}             one per word
    data: {"choices": [{"delta": {}, "finish_reason": "stop"}]}
    data: {"choices": [], "usage": {...}}                            with include_usage
    data: [DONE]

and the ways one goes wrong, as a `StreamScript` says: a refusal streams `delta.refusal`
pieces and no content (models with structured outputs refuse so); an error arrives as an event
of its own in the middle (`data: {"error": {...}}`); the connection drops in the middle; the
content filter stops it (`finish_reason: "content_filter"`); or there is no content at all.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Literal

StreamTrouble = Literal["refusal", "error", "drop", "content_filter", "empty"]


@dataclass(frozen=True)
class StreamScript:
    trouble: StreamTrouble
    refusal: str = "I'm sorry, but I can't help with that request."
    words_before: int = 3
    """Content words streamed before an error, a drop or the content filter."""


class DroppedConnection(Exception):
    """Raised inside the streamed body: the server closes the connection mid-response."""


async def stream_chunks(
    model: str, content: str, usage: dict[str, int] | None, script: StreamScript | None = None
) -> AsyncIterator[str]:
    def chunk(delta: dict[str, Any], finish: str | None = None) -> str:
        payload = {
            "id": "chatcmpl-fake",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
            "system_fingerprint": "fp_fake",
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
        }
        return f"data: {json.dumps(payload)}\n\n"

    trouble = script.trouble if script else None
    words = re.findall(r"\S+\s*|\s+", content)
    if trouble in ("error", "drop", "content_filter"):
        assert script is not None
        words = words[: script.words_before]
    elif trouble in ("refusal", "empty"):
        words = []
    yield chunk({"role": "assistant", "content": None if words else "", "refusal": None})
    for word in words:
        yield chunk({"content": word})
    if trouble == "refusal":
        assert script is not None
        for piece in re.findall(r"\S+\s*", script.refusal):
            yield chunk({"refusal": piece})
    elif trouble == "error":
        error = {"message": "The server had an error while processing your request.",
                 "type": "server_error", "param": None, "code": None}  # fmt: skip
        yield f"data: {json.dumps({'error': error})}\n\n"
        return
    elif trouble == "drop":
        raise DroppedConnection("the fake drops the connection mid-stream")
    yield chunk({}, "content_filter" if trouble == "content_filter" else "stop")
    if usage is not None:
        final = {
            "id": "chatcmpl-fake",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
            "choices": [],
            "usage": usage,
        }
        yield f"data: {json.dumps(final)}\n\n"
    yield "data: [DONE]\n\n"
