"""The suite's Redis: the project's own throwaway server (`scripts/redis.py`, Debian's
`redis-server` on a free loopback port, a fresh password, nothing saved), started once per
session; each test that asks gets a database of its own, so their keys never meet."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tests.utils.scripts import load_script

DATABASES = 16
"""What `redis-server` offers by default; database 0 is left to whoever starts the server."""


class RedisServer:
    def __init__(self, folder: Path) -> None:
        self._server = load_script("redis").start(folder)
        self._databases: Iterator[int] = iter(range(1, DATABASES))

    def url(self) -> str:
        """`redis://:password@127.0.0.1:PORT/N`, a database no other test has been given."""
        base = self._server.url.rsplit("/", 1)[0]
        return f"{base}/{next(self._databases)}"

    def stop(self) -> None:
        self._server.stop()
