"""The fake OpenAI and Replicate, served live on loopback in a process of their own:
`python -m bench.load.fakes` prints one JSON line of their origins, then serves until its
standard input closes (the bench's end) or it is terminated.

A process of its own because the fakes paint images, read request bodies and hold their
records in Python: sharing the bench's interpreter, they would hold the GIL while the users'
status calls wait to be timed, and the latencies would measure the fakes, not the service.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.fakes import media
from tests.fakes.live_server import LiveServer
from tests.fakes.openai_api import API_KEY, FakeOpenAI
from tests.fakes.replicate_api import TOKEN, FakeReplicate

BACKEND = Path(__file__).resolve().parents[2]


@dataclass
class FakeProviders:
    """The running fakes, and the settings that point an API or a worker at them."""

    process: subprocess.Popen[str]
    openai: str
    replicate: str

    def environment(self) -> dict[str, str]:
        """Every capability remote, against the fakes; retries and polls kept short, as the
        fakes answer at once (the real services take seconds to minutes)."""
        return {
            "DIRECTOR_PROVIDER": "remote",
            "IMAGE_PROVIDER": "remote",
            "MOTION_PROVIDER": "remote",
            "MUSIC_PROVIDER": "remote",
            "VOICE_PROVIDER": "remote",
            "OPENAI_API_KEY": API_KEY,
            "OPENAI_BASE_URL": f"{self.openai}/v1",
            "REPLICATE_API_TOKEN": TOKEN,
            "REPLICATE_BASE_URL": self.replicate,
            "REPLICATE_POLL_INTERVAL": "0.05",
            "REPLICATE_BACKOFF_BASE_SECONDS": "0.01",
            "REPLICATE_BACKOFF_MAX_SECONDS": "0.05",
            # The fakes serve their outputs on loopback, which the fetch policy refuses unless
            # the host is allowed, as an operator allows a private file server.
            "FETCH_ALLOWED_HOSTS": "127.0.0.1",
        }

    def stop(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()  # its end of input: the fakes stop
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


def start_fakes() -> FakeProviders:
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.load.fakes"],
        cwd=BACKEND,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line:
        process.wait(timeout=30)
        raise RuntimeError("the fake providers did not start")
    origins = json.loads(line)
    return FakeProviders(process, origins["openai"], origins["replicate"])


def main() -> None:
    # Rendered once up front, so no prediction waits on a first FFmpeg run.
    for seconds in (5, 10):
        media.mp4(seconds)
    media.wav(30)
    openai, replicate = FakeOpenAI(), FakeReplicate()
    servers = [LiveServer(openai.app()).start(), LiveServer(replicate.app()).start()]
    openai.origin, replicate.origin = servers[0].origin, servers[1].origin
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(json.dumps({"openai": openai.origin, "replicate": replicate.origin}), flush=True)
    try:
        sys.stdin.read()  # until the bench closes it or goes away
    finally:
        for server in servers:
            server.stop()


if __name__ == "__main__":
    main()
