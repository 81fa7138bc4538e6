"""A fake of OpenAI's Chat Completions API (POST /v1/chat/completions), in its shapes, and of
its speech endpoint (POST /v1/audio/speech, see `openai_speech`).

- `stream: true` answers as server-sent events of `chat.completion.chunk` objects ending in
  `data: [DONE]`, with a final usage chunk when `stream_options.include_usage` is set;
- `response_format: {"type": "json_schema", ...}` answers with JSON content for the schema
  named, from a queue of scripted answers (`answer("StoryboardDraft", ...)`) or a valid default,
  or with a refusal instead of content (`refuse("BriefDraft")`);
- errors are `{"error": {"message", "type", "param", "code"}}` with the real status codes, and
  queued faults (`fail_next(3, 429, retry_after_ms="5")`) are served before any answer;
- a streamed answer can be scripted to go wrong (`stream_next("refusal")`, see `openai_stream`).

Every request body is kept (`requests`), so a test can read what the director sent, e.g. that
a second ask carries the validation error of the first answer.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.fakes.openai_speech import speech_body, speech_problem
from tests.fakes.openai_stream import StreamScript, StreamTrouble, stream_chunks

API_KEY = "sk-fake-key"

BRIEF = {
    "product_name": "Luxury Skincare Serum",
    "product_description": "",
    "target_audience": "Women 25-40",
    "emotional_tone": ["elegant", "calming"],
    "visual_style_keywords": ["minimalist", "white", "gold"],
    "key_messages": ["Natural ingredients"],
}
LINES = (
    "Look closer.",
    "Meet the serum.",
    "Natural ingredients.",
    "Light on your skin.",
    "Elegant. Calming.",
    "Luxury Skincare Serum.",
)
MOODS = {
    "moods": [
        {
            "style_name": name,
            "style_keywords": keywords,
            "color_palette": palette,
            "image_prompts": [f"{name}: serum bottle, shot {n}" for n in range(1, 5)],
        }
        for name, keywords, palette in (
            ("Minimalist Gold Elegance", ["minimalist", "gold"], ["#FFFFFF", "#D4AF37"]),
            ("Botanical Morning", ["botanical", "fresh"], ["#E8F0E3", "#4F7942", "#F5E6CC"]),
            ("Midnight Luxe", ["moody", "velvet"], ["#101820", "#C9A227"]),
        )
    ]
}
PLAN = {
    "scenes": [
        {
            "scene_number": number,
            "duration": 5,
            "description": f"Scene {number}: the serum bottle on white marble",
            "style_prompt": "minimalist white and gold, soft light",
            "camera_move": move,
            "on_screen_text": "Natural ingredients" if number == 3 else "",
            "voiceover": LINES[number - 1],
        }
        for number, move in enumerate(
            ("push_in", "pan_left", "pull_out", "pan_right", "rise", "descend"), start=1
        )
    ],
    "call_to_action": "Shop the serum",
}
DEFAULT_ANSWERS: dict[str, dict[str, Any]] = {
    "BriefDraft": BRIEF,
    "MoodBoardDraft": MOODS,
    "StoryboardDraft": PLAN,
}


@dataclass
class Fault:
    status: int
    retry_after_ms: str | None = None
    code: str | None = None


class FakeOpenAI:
    def __init__(self) -> None:
        self.origin = ""
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self.requests: list[dict[str, Any]] = []
            self.speech_requests: list[dict[str, Any]] = []
            self.faults: deque[Fault] = deque()
            self.answers: defaultdict[str, deque[str]] = defaultdict(deque)
            self.streams: deque[StreamScript] = deque()
            self.refusals: defaultdict[str, deque[str]] = defaultdict(deque)

    def answer(self, schema: str, content: dict[str, Any] | str) -> None:
        """Queue the next answer for the structured output named `schema`."""
        with self._lock:
            text = content if isinstance(content, str) else json.dumps(content)
            self.answers[schema].append(text)

    def refuse(self, schema: str, refusal: str = StreamScript.refusal) -> None:
        """Answer the next ask for the structured output `schema` with a refusal."""
        with self._lock:
            self.refusals[schema].append(refusal)

    def stream_next(self, trouble: StreamTrouble, **script: Any) -> None:
        """Make the next streamed answer go wrong the way `trouble` says."""
        with self._lock:
            self.streams.append(StreamScript(trouble, **script))

    def fail_next(
        self, count: int, status: int, retry_after_ms: str | None = None, code: str | None = None
    ) -> None:
        with self._lock:
            self.faults.extend(Fault(status, retry_after_ms, code) for _ in range(count))

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v1/chat/completions", self._chat, methods=["POST"]),
                Route("/v1/audio/speech", self._speech, methods=["POST"]),
            ]
        )

    async def _speech(self, request: Request) -> Response:
        if request.headers.get("authorization") != f"Bearer {API_KEY}":
            return _error(
                401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key"
            )
        body = await request.json()
        with self._lock:
            self.speech_requests.append(body)
            fault = self.faults.popleft() if self.faults else None
        if fault is not None:
            kind = "requests" if fault.status == 429 else "server_error"
            return _error(fault.status, f"fake fault {fault.status}", kind, fault.code)
        problem = speech_problem(body)
        if problem:
            return _error(400, problem, "invalid_request_error", None)
        response_format = body.get("response_format", "mp3")
        if response_format not in ("wav", "pcm"):
            return _error(400, "this fake speaks wav and pcm only", "invalid_request_error", None)
        audio, media_type = speech_body(body["input"], response_format)
        return Response(audio, media_type=media_type)

    async def _chat(self, request: Request) -> Response:
        if request.headers.get("authorization") != f"Bearer {API_KEY}":
            return _error(
                401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key"
            )
        body = await request.json()
        with self._lock:
            self.requests.append(body)
            fault = self.faults.popleft() if self.faults else None
        if fault is not None:
            headers = {"retry-after-ms": fault.retry_after_ms} if fault.retry_after_ms else {}
            kind = "requests" if fault.status == 429 else "server_error"
            code = fault.code or ("rate_limit_exceeded" if fault.status == 429 else None)
            return _error(fault.status, f"fake fault {fault.status}", kind, code, headers)
        problem = _invalid(body)
        if problem:
            return _error(400, problem, "invalid_request_error", None)
        refusal = self._refusal(body)
        content = "" if refusal else self._content(body)
        usage = _usage(body, content or str(refusal))
        if body.get("stream"):
            include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
            with self._lock:
                script = self.streams.popleft() if self.streams else None
            return StreamingResponse(
                stream_chunks(body["model"], content, usage if include_usage else None, script),
                media_type="text/event-stream",
            )
        return JSONResponse(
            {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": f"{body['model']}-2024-08-06",
                "choices": [
                    {
                        "index": 0,
                        "message": {
                            "role": "assistant",
                            "content": None if refusal else content,
                            "refusal": refusal,
                            "annotations": [],
                        },
                        "logprobs": None,
                        "finish_reason": "stop",
                    }
                ],
                "usage": usage,
                "system_fingerprint": "fp_fake",
            }
        )

    def _refusal(self, body: dict[str, Any]) -> str | None:
        name = ((body.get("response_format") or {}).get("json_schema") or {}).get("name")
        with self._lock:
            queued = self.refusals[name] if name else None
            return queued.popleft() if queued else None

    def _content(self, body: dict[str, Any]) -> str:
        response_format = body.get("response_format") or {}
        if response_format.get("type") != "json_schema":
            last = next(
                (m["content"] for m in reversed(body["messages"]) if m["role"] == "user"), ""
            )
            return f"Lovely. You said “{str(last)[:60]}”. Who is the ad for?"
        name = response_format["json_schema"]["name"]
        with self._lock:
            queued = self.answers[name]
            if queued:
                return queued.popleft()
        return json.dumps(DEFAULT_ANSWERS[name])


def _invalid(body: dict[str, Any]) -> str | None:
    """What the real API would reject with a 400, for the parts the director sends."""
    if not isinstance(body.get("model"), str):
        return "you must provide a model parameter"
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return "messages must be a non-empty array"
    for message in messages:
        if message.get("role") not in ("system", "developer", "user", "assistant"):
            return f"invalid role {message.get('role')!r}"
        if not isinstance(message.get("content"), str):
            return "message content must be a string"
    response_format = body.get("response_format")
    if response_format is not None:
        schema = response_format.get("json_schema") or {}
        if response_format.get("type") != "json_schema" or not schema.get("name"):
            return "response_format must be a json_schema with a name"
        if schema.get("strict") and schema["schema"].get("additionalProperties") is not False:
            return "strict schemas must set additionalProperties to false"
        if schema["name"] not in DEFAULT_ANSWERS:
            return f"the fake has no answer for schema {schema['name']}"
    return None


def _usage(body: dict[str, Any], content: str) -> dict[str, int]:
    prompt = sum(len(str(m.get("content", ""))) for m in body["messages"]) // 4 + 1
    completion = len(content) // 4 + 1
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def _error(
    status: int,
    message: str,
    kind: str,
    code: str | None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(
        {"error": {"message": message, "type": kind, "param": None, "code": code}},
        status_code=status,
        headers=headers,
    )
