"""A loopback web server that remembers every request it gets: the target of every fetch-policy
test. With the default policy it must see none at all.

It answers what an attacker's or a careless user's link would: a secret page anywhere, media
at `/clip.mp4` and `/seed.png`, a redirect from `/redirect/{status}?to=...`, and a body that
trickles one byte at a time from `/trickle`.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from tests.fakes import media

SECRET = "internal-secret-7f3a"
"""What a private page would hold; no response or job error may ever carry it."""


class RecordingServer:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.hits: list[str] = []
        """`METHOD /path` of every request, in order."""

    def reset(self) -> None:
        with self._lock:
            self.hits.clear()

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/clip.mp4", self._clip),
                Route("/seed.png", self._seed),
                Route("/redirect/{status:int}", self._redirect),
                Route("/trickle", self._trickle),
                Route("/{path:path}", self._secret),
            ]
        )

    def _record(self, request: Request) -> None:
        with self._lock:
            self.hits.append(f"{request.method} {request.url.path}")

    async def _clip(self, request: Request) -> Response:
        self._record(request)
        return Response(media.mp4(1), media_type="video/mp4")

    async def _seed(self, request: Request) -> Response:
        self._record(request)
        return Response(media.png(108, 192, "seed"), media_type="image/png")

    async def _redirect(self, request: Request) -> Response:
        self._record(request)
        location = request.query_params["to"]
        return Response(status_code=request.path_params["status"], headers={"location": location})

    async def _trickle(self, request: Request) -> Response:
        self._record(request)

        async def one_byte_at_a_time() -> AsyncIterator[bytes]:
            for byte in media.mp4(1)[:300]:
                yield bytes([byte])
                await asyncio.sleep(0.1)

        return StreamingResponse(one_byte_at_a_time(), media_type="video/mp4")

    async def _secret(self, request: Request) -> Response:
        self._record(request)
        return Response(SECRET, media_type="text/plain")
