"""A throwaway PostgreSQL on loopback, for `DATABASE_URL` in development and tests.

    backend/.venv/bin/python scripts/postgres.py [--dir DIR]

prints `DATABASE_URL` for it and runs until Ctrl-C. The topology (`scripts/topology.py`) and the
`postgres` tests start it with `start()` and end it with `Postgres.stop()`.

PostgreSQL's own server binaries (`initdb`, `postgres`; Debian's under
`/usr/lib/postgresql/*/bin`): a fresh cluster with a `reelsmith` role and database, trusted
from 127.0.0.1 only, on a free port and no Unix socket, its log `postgres.log` in a folder of
its own. Durability is off (no fsync): it is thrown away when it stops. PostgreSQL refuses to
run as root, so as root the cluster runs as the `postgres` user; when that user cannot reach the
folder given (a private temporary folder), the cluster lives in one of its own under the
system's temporary folder and is removed by `stop()`. It answers in a few seconds. Standard
library only, so any script can load it.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import functools
import glob
import os
import pwd
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

LOOPBACK = "127.0.0.1"
ROLE = DATABASE = "reelsmith"
SERVER_USER = "postgres"
"""Who runs the cluster when we are root."""


@dataclass
class Postgres:
    url: str
    port: int
    data_dir: Path
    cluster: Path
    """The cluster's data directory (PGDATA)."""
    process: subprocess.Popen[bytes]

    @property
    def log(self) -> Path:
        return self.data_dir / "postgres.log"

    def env(self) -> dict[str, str]:
        """The backend's settings for this server."""
        return {"DATABASE_URL": self.url}

    def stop(self) -> None:
        """End the server at once (an immediate shutdown: a throwaway cluster needs no
        checkpoint) and wait for it; a cluster outside `data_dir` goes with it."""
        if self.process.poll() is None:
            _signal(self.process.pid, signal.SIGQUIT, group=False)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                _signal(self.process.pid, signal.SIGKILL, group=True)
                self.process.wait()
        if not self.cluster.is_relative_to(self.data_dir):
            shutil.rmtree(self.cluster.parent, ignore_errors=True)


def binary(name: str) -> str:
    """A PostgreSQL program, all from one installation: the one whose `initdb` is on PATH,
    else the newest of Debian's (`/usr/lib/postgresql/<version>/bin`)."""
    return str(_bin_dir() / name)


@functools.cache
def _bin_dir() -> Path:
    on_path = shutil.which("initdb")
    if on_path is not None:
        return Path(on_path).resolve().parent
    installed = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if not installed:
        raise RuntimeError(
            "PostgreSQL's server programs (initdb, postgres) are needed: "
            "install Debian's postgresql package."
        )
    newest = max(installed, key=lambda path: [int(n) for n in re.findall(r"\d+", path)])
    return Path(newest).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
        return port


def initdb_args(cluster: Path) -> list[str]:
    return [
        binary("initdb"),
        "--pgdata", str(cluster),
        "--username", ROLE,
        "--auth", "trust",
        "--encoding", "UTF8",
        "--no-locale",
        "--no-sync",
    ]  # fmt: skip


def server_args(cluster: Path, port: int) -> list[str]:
    """`postgres` in the foreground: TCP on loopback only, no socket file, no fsync."""
    return [
        binary("postgres"),
        "-D", str(cluster),
        "-c", f"listen_addresses={LOOPBACK}",
        "-c", f"port={port}",
        "-c", "unix_socket_directories=",
        "-c", "fsync=off",
        "-c", "synchronous_commit=off",
        "-c", "full_page_writes=off",
        "-c", "max_connections=200",  # an API and workers, each with a pool of its own
    ]  # fmt: skip


def start(data_dir: Path, timeout: float = 120.0) -> Postgres:
    """A running server with a fresh cluster; its log (`postgres.log`) in `data_dir`."""
    data_dir.mkdir(parents=True, exist_ok=True)
    cluster = _cluster_folder(data_dir)
    log_path = data_dir / "postgres.log"
    owner = _server_user()
    try:
        with log_path.open("ab") as log:
            subprocess.run(
                initdb_args(cluster),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                user=owner,
                check=True,
                timeout=timeout,
            )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        if not cluster.is_relative_to(data_dir):
            shutil.rmtree(cluster.parent, ignore_errors=True)
        raise RuntimeError(f"initdb failed ({error}):\n{_tail(log_path)}") from None
    port = free_port()
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            server_args(cluster, port),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            user=owner,
            start_new_session=True,  # its own group: stopped whole, and not by our Ctrl-C
            preexec_fn=_end_with_parent,
        )
    url = f"postgresql://{ROLE}@{LOOPBACK}:{port}/{DATABASE}"
    server = Postgres(url, port, data_dir, cluster, process)
    try:
        _wait_until_answering(server, timeout)
        _create_database(server, timeout)
    except BaseException:
        server.stop()
        raise
    return server


def _server_user() -> str | None:
    return SERVER_USER if os.geteuid() == 0 else None


def _cluster_folder(data_dir: Path) -> Path:
    """An empty folder for the cluster that its owner can reach, owned by it."""
    owner = _server_user()
    if owner is None:
        cluster = data_dir / "data"
        cluster.mkdir(mode=0o700)
        return cluster
    account = pwd.getpwnam(owner)
    if _reachable(data_dir, account):
        cluster = data_dir / "data"
        cluster.mkdir(mode=0o700)
    else:
        cluster = Path(tempfile.mkdtemp(prefix="reelsmith-pg-")) / "data"
        cluster.mkdir(mode=0o700)
        shutil.chown(cluster.parent, account.pw_uid, account.pw_gid)
    shutil.chown(cluster, account.pw_uid, account.pw_gid)
    return cluster


def _reachable(folder: Path, account: pwd.struct_passwd) -> bool:
    """Whether `account` may pass through every folder down to `folder` and write in it."""
    groups = set(os.getgrouplist(account.pw_name, account.pw_gid))
    for step in [*reversed(folder.resolve().parents), folder.resolve()]:
        info = step.stat()
        if info.st_uid == account.pw_uid:
            search = stat.S_IXUSR
        elif info.st_gid in groups:
            search = stat.S_IXGRP
        else:
            search = stat.S_IXOTH
        if not info.st_mode & search:
            return False
    return True


def _signal(pid: int, sig: signal.Signals, group: bool) -> None:
    with contextlib.suppress(ProcessLookupError):
        if group:
            os.killpg(pid, sig)
        else:
            os.kill(pid, sig)


def _end_with_parent() -> None:
    """In the child: Linux ends it when the thread that started it dies, even by SIGKILL."""
    if sys.platform == "linux":
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)


def _client(program: str, server: Postgres, *args: str) -> list[str]:
    return [binary(program), "-h", LOOPBACK, "-p", str(server.port), "-U", ROLE, *args]


def _wait_until_answering(server: Postgres, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"PostgreSQL exited with {server.process.returncode}:\n{_tail(server.log)}"
            )
        ready = subprocess.run(
            _client("pg_isready", server, "-d", "postgres", "-t", "2"),
            capture_output=True,
            check=False,
        )
        if ready.returncode == 0:
            return
        time.sleep(0.2)
    raise TimeoutError(
        f"PostgreSQL did not answer within {timeout:g} seconds:\n{_tail(server.log)}"
    )


def _create_database(server: Postgres, timeout: float) -> None:
    created = subprocess.run(
        _client("createdb", server, DATABASE), capture_output=True, timeout=timeout, check=False
    )
    if created.returncode != 0:
        said = created.stderr.decode(errors="replace")
        raise RuntimeError(f"createdb failed:\n{said}\n{_tail(server.log)}")


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"


def main() -> int:
    parser = argparse.ArgumentParser(description="Run PostgreSQL on loopback.")
    parser.add_argument("--dir", type=Path, help="its folder (default: a temporary one)")
    args = parser.parse_args()
    data_dir = args.dir or Path(tempfile.mkdtemp(prefix="reelsmith-postgres-"))
    # `kill`, like Ctrl-C, stops the server too: it runs in a process group of its own.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    started = time.monotonic()
    server = start(data_dir)
    print(f"PostgreSQL on {LOOPBACK}:{server.port} (up in {time.monotonic() - started:.1f} s)")
    print(f"cluster in {server.cluster}, log in {server.log}; for the backend:")
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
