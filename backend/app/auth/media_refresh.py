"""Every JSON answer shows the signed-in user their own media links signed afresh.

A link is signed when it is minted (`MediaStore.url_for`) and kept as it was in projects and
jobs, so by the time a project is opened again its links may have expired. On the way out, each
string of the answer that is one of our media URLs and carries a signature made for this same
user (expired or not) gets a new expiry; anything else is left exactly as it was, so a link of
another user's, pasted into your project, never becomes yours.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.auth.media_links import MediaLinks
from app.storage.media_store import MEDIA_PREFIX, MediaStore


def refresh(document: Any, store: MediaStore, links: MediaLinks, user_id: str) -> Any:
    """`document` with each of `user_id`'s media links signed afresh."""
    if isinstance(document, str):
        if MEDIA_PREFIX not in document:
            return document
        key = store.key_from_url(document)
        fresh = links.refreshed(document, key, user_id) if key else None
        return fresh or document
    if isinstance(document, list):
        return [refresh(item, store, links, user_id) for item in document]
    if isinstance(document, dict):
        return {name: refresh(value, store, links, user_id) for name, value in document.items()}
    return document


class MediaLinkRefresh:
    """ASGI middleware: buffers JSON answers of signed-in requests and re-signs their links;
    streams (the chat, a media file) pass through untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state: dict[str, Any] = scope.setdefault("state", {})  # shared with request.state
        held: Message | None = None
        chunks: list[bytes] = []

        async def rewrite(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start":
                if _is_json(message):
                    held = message
                    return
            elif message["type"] == "http.response.body" and held is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                body = _refreshed(scope, state.get("user_id"), b"".join(chunks))
                headers = [
                    (name, value)
                    for name, value in held.get("headers", [])
                    if name.lower() != b"content-length"
                ]
                headers.append((b"content-length", str(len(body)).encode("ascii")))
                await send({**held, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        await self.app(scope, receive, rewrite)


def _is_json(start: Message) -> bool:
    for name, value in start.get("headers", []):
        if name.lower() == b"content-type":
            return bool(value.split(b";")[0].strip() == b"application/json")
    return False


def _refreshed(scope: Scope, user_id: object, body: bytes) -> bytes:
    app_state = scope["app"].state
    links: MediaLinks | None = getattr(app_state, "media_links", None)
    runtime = getattr(app_state, "runtime", None)
    if (
        links is None
        or runtime is None
        or not isinstance(user_id, str)
        or MEDIA_PREFIX.encode() not in body
    ):
        return body
    try:
        document = json.loads(body)
    except ValueError:
        return body
    fresh = refresh(document, runtime.store, links, user_id)
    if fresh == document:
        return body
    return json.dumps(fresh, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
