"""The scale-out topology on loopback, from real services: Redis, PostgreSQL, SeaweedFS (S3),
the API and N Celery workers, each a process of its own on 127.0.0.1.

    backend/.venv/bin/python scripts/topology.py [--workers 2] [--studio-port 3000] [--dir DIR]

starts them (and the studio, with `--studio-port`), prints where each is and runs until Ctrl-C
or SIGTERM, then stops them all. `make dev-scale` runs it; the `scale` tests and the load bench
call `start()` (`with start(folder) as topology:` stops it at the end, as `stop()` does) and
find the API at `topology.api_url`.

The API and the workers share one environment: the caller's (or only `PATH` with
`inherit_env=False`), the services' settings over it, and the `env` given over those, so
providers and limits pass through and tests can point them at fakes. Each backend process gets
a media cache and a data folder of its own, as separate machines would. Every log, and every
service's data, is in the topology's folder; if any start fails, everything started so far is
stopped and the error ends with the tail of the log that explains it. Standard library only.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import importlib.util
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
BACKEND = ROOT / "backend"
FRONTEND = ROOT / "frontend"
LOOPBACK = "127.0.0.1"
BUCKET = "reelsmith-media"
WORKER_READY = re.compile(rb"@\S+ ready\.")
"""Celery's own line once a worker consumes (`celery@w1 ready.`)."""


def _sibling(name: str) -> ModuleType:
    """`scripts/{name}.py`, loaded by path: `scripts/` on `sys.path` would hide packages
    (`scripts/redis.py` the `redis` client) from anything imported beside us."""
    module_name = f"reelsmith_script_{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            module_name, Path(__file__).with_name(f"{name}.py")
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module  # dataclasses look their module up while building
        spec.loader.exec_module(module)
    return sys.modules[module_name]


Ready = Callable[["Service"], bool]


@dataclass
class Service:
    """A process of ours (the API, a worker, the studio): started, checked and stopped alike."""

    name: str
    argv: list[str]
    cwd: Path
    env: dict[str, str]
    log: Path
    ready: Ready
    url: str | None = None
    timeout: float = 180.0
    process: subprocess.Popen[bytes] | None = None
    log_start: int = 0
    """Where this run's lines begin in the log (a restart appends)."""

    def spawn(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self.log_start = self.log.stat().st_size if self.log.exists() else 0
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.argv,
                cwd=self.cwd,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own group: stopped whole, and not by our Ctrl-C
                preexec_fn=_end_with_parent,
            )

    def wait_ready(self) -> None:
        """Until `ready` says so; a process that exits or takes longer than `timeout` is an
        error ending with its log."""
        assert self.process is not None
        deadline = time.monotonic() + self.timeout
        while not self.ready(self):
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with {self.process.returncode} while starting; "
                    f"the end of {self.log}:\n{self.tail()}"
                )
            if time.monotonic() > deadline:
                self.stop(signal.SIGKILL)
                raise TimeoutError(
                    f"{self.name} was not ready within {self.timeout:g} s; "
                    f"the end of {self.log}:\n{self.tail()}"
                )
            time.sleep(0.2)

    def start(self) -> None:
        self.spawn()
        self.wait_ready()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, sig: signal.Signals = signal.SIGTERM, grace: float = 30.0) -> None:
        """`sig` to the process (SIGTERM: uvicorn's and Celery's graceful shutdowns); after
        `grace` seconds, or at once for SIGKILL, its whole group is killed."""
        if self.process is None:
            return
        pid = self.process.pid
        with contextlib.suppress(ProcessLookupError):
            if sig == signal.SIGKILL:
                os.killpg(pid, signal.SIGKILL)
            else:
                os.kill(pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=grace)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)  # whatever it started and left behind
        self.process.wait()
        self.process = None

    def restart(self, sig: signal.Signals = signal.SIGTERM) -> None:
        """Stop with `sig` and start again with the same arguments, port and environment."""
        self.stop(sig)
        self.start()

    def logged(self) -> str:
        """This run's lines so far."""
        if not self.log.exists():
            return ""
        with self.log.open("rb") as log:
            log.seek(self.log_start)
            return log.read().decode(errors="replace")

    def tail(self, chars: int = 3000) -> str:
        return self.logged()[-chars:] or "(nothing logged)"


def answers_health(service: Service) -> bool:
    try:
        with urllib.request.urlopen(f"{service.url}/health", timeout=2) as response:
            return bool(response.status == 200)
    except (OSError, urllib.error.URLError):
        return False


def logs_ready(service: Service) -> bool:
    if not service.log.exists():
        return False
    with service.log.open("rb") as log:
        log.seek(service.log_start)
        return WORKER_READY.search(log.read()) is not None


def listens(service: Service) -> bool:
    port = int(str(service.url).rsplit(":", 1)[1])
    with contextlib.suppress(OSError), socket.create_connection((LOOPBACK, port), timeout=1):
        return True
    return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
        return port


def _end_with_parent() -> None:
    """In the child: Linux ends it when the thread that started it dies, even by SIGKILL, so a
    killed topology leaves nothing running."""
    if sys.platform == "linux":
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)


@dataclass
class Topology:
    folder: Path
    env: dict[str, str]
    """What the API and every worker run with (their own MEDIA_ROOT and DATA_DIR aside)."""
    redis: object
    postgres: object
    s3: object
    apis: list[Service] = field(default_factory=list)
    workers: list[Service] = field(default_factory=list)
    studio: Service | None = None

    def __enter__(self) -> Topology:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    @property
    def api(self) -> Service:
        return self.apis[0]

    @property
    def api_url(self) -> str:
        return str(self.api.url)

    def add_api(
        self, name: str, env: Mapping[str, str] | None = None, port: int | None = None
    ) -> Service:
        """Another API process on the same services (a second machine behind a balancer),
        with `env` over the shared settings; stopped with the topology."""
        port = port or free_port()
        origin = f"http://{LOOPBACK}:{port}"
        overrides = {"PUBLIC_BASE_URL": origin, **(env or {})}
        service = _backend_service(
            name,
            [sys.executable, "-m", "uvicorn", "app.main:app", "--host", LOOPBACK,
             "--port", str(port), "--timeout-graceful-shutdown", "5", "--no-access-log"],
            self.folder,
            {**self.env, **overrides},
            answers_health,
        )  # fmt: skip
        service.url = origin
        self.apis.append(service)
        service.start()
        return service

    def add_worker(self, name: str | None = None) -> Service:
        """Another worker on the same queue: `python -m app.workers` with the same settings."""
        service = self._worker(name or f"w{len(self.workers) + 1}")
        service.start()
        return service

    def _worker(self, name: str) -> Service:
        service = _backend_service(
            name,
            [sys.executable, "-m", "app.workers", "--hostname", name],
            self.folder,
            self.env,
            logs_ready,
        )
        self.workers.append(service)
        return service

    def stop(self) -> None:
        """Everything, in the order that loses nothing: the studio, workers (a warm shutdown:
        tasks in hand finish or go back to the queue) and APIs together, then the services
        they use. Each group stops in parallel: a worker's warm shutdown takes seconds."""
        ours = [s for s in (self.studio, *self.workers, *self.apis) if s is not None]
        _each_at_once(ours)
        _each_at_once([self.s3, self.postgres, self.redis])

    def describe(self) -> list[str]:
        """Where each part is, a line each."""
        lines = []
        if self.studio is not None:
            lines.append(f"  studio      {self.studio.url}   log {self.studio.log}")
        for api in self.apis:
            lines.append(f"  {api.name:<11} {api.url} (docs at /docs)   log {api.log}")
        for worker in self.workers:
            pid = worker.process.pid if worker.process else "-"
            lines.append(f"  worker {worker.name:<4} pid {pid}   log {worker.log}")
        redis, postgres, s3 = self.redis, self.postgres, self.s3
        lines += [
            f"  Redis       {LOOPBACK}:{redis.port}   log {redis.log}",  # type: ignore[attr-defined]
            f"  PostgreSQL  {postgres.url}   log {postgres.log}",  # type: ignore[attr-defined]
            f"  S3          {s3.endpoint_url} bucket {self.env['S3_BUCKET']}"  # type: ignore[attr-defined]
            f"   log {s3.data_dir / 'weed.log'}",  # type: ignore[attr-defined]
        ]
        return lines


def _each_at_once(parts: list[object]) -> None:
    """`stop()` them all together, whatever any one raises. (Threads only stop processes here,
    never start them: a process started from a thread would die with it.)"""
    with ThreadPoolExecutor(max_workers=max(1, len(parts))) as pool:
        for stopping in [pool.submit(part.stop) for part in parts]:  # type: ignore[attr-defined]
            with contextlib.suppress(Exception):
                stopping.result()


def _backend_service(
    name: str, argv: list[str], folder: Path, env: Mapping[str, str], ready: Ready
) -> Service:
    """A process run from `backend/` with a media cache and a data folder of its own."""
    own = folder / name
    return Service(
        name=name,
        argv=argv,
        cwd=BACKEND,
        env={**env, "MEDIA_ROOT": str(own / "media"), "DATA_DIR": str(own / "data")},
        log=folder / f"{name}.log",
        ready=ready,
    )


def shared_env(
    base: Mapping[str, str], redis: object, postgres: object, s3: object, api_origin: str
) -> dict[str, str]:
    """The API's and the workers' settings: `base` with the services' over it."""
    return {
        **base,
        "PYTHONUNBUFFERED": "1",  # logs as they happen, for the readiness checks and people
        "JOB_BACKEND": "celery",
        "PUBLIC_BASE_URL": api_origin,
        **redis.env(),  # type: ignore[attr-defined]
        **postgres.env(),  # type: ignore[attr-defined]
        **s3.env(BUCKET),  # type: ignore[attr-defined]
    }


def start(
    folder: Path,
    workers: int = 2,
    env: Mapping[str, str] | None = None,
    *,
    inherit_env: bool = True,
    api_port: int | None = None,
    studio_port: int | None = None,
) -> Topology:
    """Redis, PostgreSQL, SeaweedFS, the API and `workers` workers (and the studio with a
    `studio_port`), each answering, their logs and data in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    base = dict(os.environ) if inherit_env else {"PATH": os.environ.get("PATH", "")}
    port = api_port or free_port()
    origin = f"http://{LOOPBACK}:{port}"
    started: list[object] = []
    topology: Topology | None = None
    try:
        for script, sub in (
            ("redis", "redis"),
            ("postgres", "postgres"),
            ("seaweedfs", "seaweedfs"),
        ):
            started.append(_sibling(script).start(folder / sub))
        redis, postgres, s3 = started
        shared = shared_env(base, redis, postgres, s3, origin)
        topology = Topology(folder, {**shared, **(env or {})}, redis, postgres, s3)
        topology.add_api("api", port=port, env={"PUBLIC_BASE_URL": topology.env["PUBLIC_BASE_URL"]})
        # The API has migrated the database; the workers start together and are waited for.
        for number in range(1, workers + 1):
            topology._worker(f"w{number}").spawn()
        for worker in topology.workers:
            worker.wait_ready()
        if studio_port is not None:
            topology.studio = _studio(folder, studio_port, topology.env["PUBLIC_BASE_URL"])
            topology.studio.start()
    except BaseException:
        if topology is not None:
            topology.stop()
        else:
            for server in started:
                with contextlib.suppress(Exception):
                    server.stop()  # type: ignore[attr-defined]
        raise
    return topology


def _studio(folder: Path, port: int, api_origin: str) -> Service:
    """`next dev`, as `make dev` runs it, talking to our API."""
    env = {**os.environ, "NEXT_PUBLIC_API_URL": api_origin, "NEXT_TELEMETRY_DISABLED": "1"}
    return Service(
        name="studio",
        argv=[str(FRONTEND / "node_modules" / ".bin" / "next"), "dev",
              "--hostname", LOOPBACK, "--port", str(port)],
        cwd=FRONTEND,
        env=env,
        log=folder / "studio.log",
        ready=listens,
        url=f"http://{LOOPBACK}:{port}",
        timeout=300,
    )  # fmt: skip


def write_env_file(topology: Topology) -> Path:
    """The shared settings as a file, to start one more worker by hand; it holds the
    services' passwords, so only its owner may read it."""
    path = topology.folder / "backend.env"
    inherited = os.environ
    lines = [
        f"{name}={value}"
        for name, value in sorted(topology.env.items())
        if inherited.get(name) != value
    ]
    path.touch(mode=0o600)
    path.write_text("\n".join(lines) + "\n")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description="Run the scale-out topology on loopback.")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--api-port", type=int, default=8000)
    parser.add_argument("--studio-port", type=int, help="also run the studio (`next dev`) here")
    parser.add_argument(
        "--dir", type=Path, help="logs and data (default: a temporary folder, removed at the end)"
    )
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="reelsmith-scale-"))
    # `kill` stops everything as Ctrl-C does (each child runs in a process group of its own).
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda *_: sys.exit(0))
    env = {}
    if args.studio_port is not None and "CORS_ORIGINS" not in os.environ:
        env["CORS_ORIGINS"] = (
            f"http://{LOOPBACK}:{args.studio_port},http://localhost:{args.studio_port}"
        )
    began = time.monotonic()
    topology = None
    try:
        print(f"Starting Redis, PostgreSQL, SeaweedFS, the API and {args.workers} workers…")
        topology = start(
            folder, args.workers, env, api_port=args.api_port, studio_port=args.studio_port
        )
        settings = write_env_file(topology)
        took = time.monotonic() - began
        print(f"Reelsmith, scaled out on loopback (up in {took:.0f} s; Ctrl-C stops all):")
        print("\n".join(topology.describe()))
        print(f"The API's and workers' settings are in {settings}; one more worker:")
        name = f"w{args.workers + 1}"
        own = f"MEDIA_ROOT={folder / name / 'media'} DATA_DIR={folder / name / 'data'}"
        print(f"  cd backend && env $(cat {settings}) {own} \\")
        print(f"    .venv/bin/python -m app.workers --hostname {name}")
        _watch(topology)
        return 1
    except KeyboardInterrupt:
        return 0
    except (RuntimeError, TimeoutError) as error:
        print(f"The topology did not start: {error}", file=sys.stderr)
        return 1
    finally:
        if topology is not None:
            print("Stopping…", file=sys.stderr)
            topology.stop()
        if args.dir is None:
            shutil.rmtree(folder, ignore_errors=True)


def _watch(topology: Topology) -> None:
    """Until a process of ours ends by itself: then say which, with its log, and stop all."""
    while True:
        for service in [s for s in (topology.studio, *topology.apis, *topology.workers) if s]:
            if not service.running:
                print(
                    f"{service.name} stopped; the end of {service.log}:\n{service.tail()}",
                    file=sys.stderr,
                )
                return
        time.sleep(1)


if __name__ == "__main__":
    sys.exit(main())
