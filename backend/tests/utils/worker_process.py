"""A worker (`python -m app.workers`) as a process group of its own, to stop or to kill whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.utils.api_process import BACKEND


class WorkerProcess:
    def __init__(self, name: str, env: dict[str, str], log: Path, concurrency: int = 2) -> None:
        self.name = name
        self.env = env
        self.log = log
        self.concurrency = concurrency
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        with self.log.open("ab") as log:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "app.workers", "--hostname", f"{self.name}@%h",
                 "--concurrency", str(self.concurrency)],
                cwd=BACKEND,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its pool children in its group, to kill all at once
            )  # fmt: skip
        return self

    def kill(self) -> None:
        """SIGKILL to the whole group: the worker and its pool children die mid-step."""
        if self._process is not None:
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait(timeout=30)
            self._process = None

    def stop(self) -> None:
        """SIGTERM to the worker alone (its warm shutdown stops its pool children itself)."""
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self._process.pid, signal.SIGKILL)
                self._process.wait(timeout=30)
        self._process = None

    def logged(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""
