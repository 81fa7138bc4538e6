"""An ASGI app served for real by uvicorn on 127.0.0.1 (or ::1), on a port the OS picks, in a
thread.

The SDK clients under test open real sockets to it, exactly as they would to the real APIs; the
test process reaches the fake's state directly, as Python objects.
"""

from __future__ import annotations

import threading
import time

import uvicorn
from starlette.types import ASGIApp


class LiveServer:
    def __init__(self, app: ASGIApp, host: str = "127.0.0.1") -> None:
        self.host = host
        config = uvicorn.Config(
            app,
            host=host,
            port=0,
            log_level="warning",
            access_log=False,
            lifespan="off",
            ws="none",
            http="h11",
            loop="asyncio",
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="fake-api", daemon=True)
        self.origin = ""

    def start(self) -> LiveServer:
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the fake server did not start")
            time.sleep(0.01)
        port = self._server.servers[0].sockets[0].getsockname()[1]
        self.port = int(port)
        self.origin = f"http://{f'[{self.host}]' if ':' in self.host else self.host}:{port}"
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
