"""The service under load: one API process (`single`), or the scale-out topology (`scale`:
Redis, PostgreSQL, SeaweedFS, the API and workers, from `scripts/topology.py`), each pointed at
the fake providers, with accounts on and limits set far above what the bench asks for.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.load.fakes import FakeProviders
from tests.utils.api_process import ApiProcess
from tests.utils.scripts import load_script

LIMITS = {
    "RATE_LIMIT_PER_MINUTE": "10000",
    "DAILY_BUDGET_USD": "100000",
}
"""Per user, and far above one user's few requests and few dollars (an ad on the fakes is
estimated at about $1.60): the bench measures the service, so no limit may refuse it. The
limits still run, on every request, as in production."""


def service_environment(fakes: FakeProviders) -> dict[str, str]:
    """The settings every process of the service gets: the fakes, accounts on, the limits."""
    return {
        **fakes.environment(),
        "AUTH_ENABLED": "true",
        "AUTH_SECRET": secrets.token_urlsafe(48),
        **LIMITS,
    }


@dataclass
class Service:
    origin: str
    description: str
    stop: Callable[[], None]
    log: Callable[[], str]
    """The tail of the service's log, shown when the bench fails."""


def start_single(workdir: Path, fakes: FakeProviders) -> Service:
    """One API process running the jobs itself (`JOB_BACKEND` unset), SQLite and local media."""
    api = ApiProcess(workdir, service_environment(fakes))
    api.start()
    description = "one API process (in-process jobs, SQLite, local media)"
    return Service(api.origin, description, api.terminate, api.logged)


def start_scale(workdir: Path, fakes: FakeProviders, workers: int = 2) -> Service:
    """`scripts/topology.py`: Redis, PostgreSQL, SeaweedFS, the API enqueuing and `workers`
    Celery workers running the clip, music and compose steps, nothing of the caller's
    environment but `PATH`."""
    topology = load_script("topology").start(
        workdir, workers, service_environment(fakes), inherit_env=False
    )

    def logs() -> str:
        return "\n".join(f"--- {s.name}\n{s.tail()}" for s in (*topology.apis, *topology.workers))

    description = (
        f"the scale-out topology: one API, {workers} Celery workers, Redis, PostgreSQL, "
        "SeaweedFS (S3)"
    )
    return Service(topology.api_url, description, topology.stop, logs)


TOPOLOGIES = ("single", "scale")


def start_service(topology: str, workdir: Path, fakes: FakeProviders, workers: int) -> Service:
    if topology == "single":
        return start_single(workdir, fakes)
    if topology == "scale":
        return start_scale(workdir, fakes, workers)
    raise SystemExit(f"unknown topology {topology!r}: one of {', '.join(TOPOLOGIES)}")
