"""A throwaway Redis on loopback, for `JOB_BACKEND=celery` in development and tests.

    backend/.venv/bin/python scripts/redis.py [--dir DIR]

prints `REDIS_URL` for it and runs until Ctrl-C. The topology (`scripts/topology.py`) and tests
start it with `start()` and end it with `Redis.stop()`.

Debian's `redis-server` (`scripts/install-redis.sh` installs it): one process on a free port of
127.0.0.1 only, its working directory and log in a folder of its own, a fresh password each
start, and nothing saved to disk: it holds only queued work and progress, which a throwaway
server does not keep past its life. It answers in well under a second. Standard library only,
so any script can load it (by path: a folder holding this file on `sys.path` would hide the
`redis` package).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

LOOPBACK = "127.0.0.1"


@dataclass
class Redis:
    url: str
    port: int
    password: str
    data_dir: Path
    process: subprocess.Popen[bytes]

    @property
    def log(self) -> Path:
        return self.data_dir / "redis.log"

    def env(self) -> dict[str, str]:
        """The backend's settings for this server."""
        return {"REDIS_URL": self.url}

    def ping(self, timeout: float = 1.0) -> bool:
        """Whether the server answers a PING now (authenticated, as clients are)."""
        try:
            with socket.create_connection((LOOPBACK, self.port), timeout=timeout) as sock:
                sock.sendall(f"AUTH {self.password}\r\nPING\r\n".encode())
                answer = b""
                while answer.count(b"\r\n") < 2 and (chunk := sock.recv(256)):
                    answer += chunk
                return answer == b"+OK\r\n+PONG\r\n"
        except OSError:
            return False

    def stop(self) -> None:
        """End the server and wait for it; with nothing to save it stops at once."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def redis_server() -> str:
    found = shutil.which("redis-server")
    if found is None:
        raise RuntimeError(
            "Redis's redis-server is needed: run scripts/install-redis.sh (Debian's package)."
        )
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
        return port


def server_args(binary: str, data_dir: Path, port: int, password: str) -> list[str]:
    """`redis-server` from the command line alone: no config file, loopback, no persistence."""
    return [
        binary,
        "--bind", LOOPBACK,
        "--port", str(port),
        "--protected-mode", "yes",
        "--requirepass", password,
        "--dir", str(data_dir),
        "--save", "",
        "--appendonly", "no",
        "--daemonize", "no",
        "--logfile", "",  # to stdout, which is the log file
        "--loglevel", "notice",
    ]  # fmt: skip


def start(data_dir: Path, timeout: float = 60.0) -> Redis:
    """A running server working in `data_dir` (its log: `redis.log` there)."""
    binary = redis_server()
    data_dir.mkdir(parents=True, exist_ok=True)
    port, password = free_port(), secrets.token_hex(16)
    with (data_dir / "redis.log").open("ab") as log:
        process = subprocess.Popen(
            server_args(binary, data_dir, port, password),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own group: stopped whole, and not by our Ctrl-C
            preexec_fn=_end_with_parent,
        )
    server = Redis(f"redis://:{password}@{LOOPBACK}:{port}/0", port, password, data_dir, process)
    try:
        _wait_until_answering(server, timeout)
    except BaseException:
        server.stop()
        raise
    return server


def _end_with_parent() -> None:
    """In the child: Linux ends it when the thread that started it dies, even by SIGKILL."""
    if sys.platform == "linux":
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)


def _wait_until_answering(server: Redis, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"Redis exited with {server.process.returncode}:\n{_tail(server.log)}"
            )
        if server.ping():
            return
        time.sleep(0.1)
    raise TimeoutError(f"Redis did not answer within {timeout:g} seconds:\n{_tail(server.log)}")


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"


def main() -> int:
    parser = argparse.ArgumentParser(description="Run Redis on loopback.")
    parser.add_argument("--dir", type=Path, help="working directory (default: a temporary one)")
    args = parser.parse_args()
    data_dir = args.dir or Path(tempfile.mkdtemp(prefix="reelsmith-redis-"))
    # `kill`, like Ctrl-C, stops the server too: it runs in a process group of its own.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    started = time.monotonic()
    server = start(data_dir)
    print(f"Redis on {LOOPBACK}:{server.port} (up in {time.monotonic() - started:.1f} s)")
    print(f"log in {server.log}; for the backend:")
    for name, value in server.env().items():
        print(f"{name}={value}")
    try:
        server.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
