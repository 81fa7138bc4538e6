"""The real API as a separate process (uvicorn on 127.0.0.1), to kill and start again.

Everything it uses is its own: a media root, a data directory (its SQLite file), and settings
from the environment only (nothing is inherited but PATH, so no key of the developer's leaks
in). Its log goes to a file beside its media, shown when a test fails.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx

from app.db.urls import DATABASE_FILE

BACKEND = Path(__file__).resolve().parents[2]
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class ApiProcess:
    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.port = free_port()
        self.origin = f"http://127.0.0.1:{self.port}"
        self.media = root / "media"
        self.data = root / "data"
        self.log = root / "api.log"
        self.env = {
            "PATH": os.environ.get("PATH", ""),
            "MEDIA_ROOT": str(self.media),
            "DATA_DIR": str(self.data),
            "PUBLIC_BASE_URL": self.origin,
            "DIRECTOR_PROVIDER": "local",
            "IMAGE_PROVIDER": "local",
            "MOTION_PROVIDER": "local",
            "MUSIC_PROVIDER": "local",
            "VOICE_PROVIDER": "local",
            "FFMPEG_PRESET": "ultrafast",
            **env,
        }
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, within: float = 180.0) -> float:
        """Start the server and wait until it answers; the seconds that took."""
        started = time.monotonic()
        with self.log.open("ab") as log:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1",
                 "--port", str(self.port), "--log-level", "info", "--no-access-log"],
                cwd=BACKEND,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )  # fmt: skip
        while True:
            if self._process.poll() is not None:
                raise AssertionError(f"the API exited at start-up:\n{self.logged()}")
            try:
                if httpx.get(f"{self.origin}/health", timeout=2).status_code == 200:
                    return time.monotonic() - started
            except httpx.TransportError:
                pass
            if time.monotonic() - started > within:
                raise AssertionError(f"the API did not start:\n{self.logged()}")
            time.sleep(0.1)

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, as when the machine or the container dies."""
        self._stop(signal.SIGKILL)

    def terminate(self) -> None:
        """SIGTERM: uvicorn shuts the app down gracefully (its lifespan's exit runs)."""
        self._stop(signal.SIGTERM)

    def _stop(self, sig: signal.Signals) -> None:
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.send_signal(sig)
        self._process.wait(timeout=60)
        self._process = None

    def logged(self) -> str:
        return self.log.read_text(errors="replace")[-6000:] if self.log.exists() else ""

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.origin, timeout=30)

    def query(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        """Read the server's database directly (what a killed process left in it)."""
        with sqlite3.connect(self.data / DATABASE_FILE, timeout=10) as connection:
            return connection.execute(sql, args).fetchall()

    def partial_files(self) -> list[Path]:
        return [p for p in self.media.rglob("*") if ".partial" in p.name]


def wait_for(check: Callable[[], T | None], what: str, within: float = 300.0) -> T:
    """Poll `check` until it returns something (not None); fails after `within` seconds."""
    deadline = time.monotonic() + within
    while True:
        found = check()
        if found is not None:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def finished(client: httpx.Client, url: str, within: float = 600.0) -> dict[str, Any]:
    """Poll a status URL until its job has ended; its last answer."""

    def ended() -> dict[str, Any] | None:
        response = client.get(url)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body if body["status"] != "processing" else None

    return wait_for(ended, url, within)
