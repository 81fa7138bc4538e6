"""The scale-out topology from real services, started once per session for the `scale` tests:
Redis, PostgreSQL, SeaweedFS, the API (`JOB_BACKEND=celery`, accounts on) and two workers, each
a process of its own on 127.0.0.1 (`scripts/topology.py`, as `make dev-scale` runs it). Nothing
of the developer's environment reaches them but `PATH`: local providers, fixed limits."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from tests.utils.scripts import load_script

SECRET = "scale-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
PASSWORD = "correct horse battery"
RATE_LIMIT_PER_MINUTE = 12
"""Each user's paid requests a minute: a whole ad takes five."""

SCALE_ENV = {
    "DIRECTOR_PROVIDER": "local",
    "IMAGE_PROVIDER": "local",
    "MOTION_PROVIDER": "local",
    "MUSIC_PROVIDER": "local",
    "VOICE_PROVIDER": "local",
    "AUTH_ENABLED": "true",
    "AUTH_SECRET": SECRET,
    "RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT_PER_MINUTE),
}

Topology = Any
"""`scripts/topology.py`'s `Topology` (loaded by path, so not importable for annotations)."""


@pytest.fixture(scope="session")
def topology(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Topology]:
    started = load_script("topology").start(
        tmp_path_factory.mktemp("topology"), workers=2, env=SCALE_ENV, inherit_env=False
    )
    try:
        yield started
    finally:
        started.stop()


@asynccontextmanager
async def signed_up(origin: str, email: str) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the API at `origin`, signed in as a new user `email`."""
    async with httpx.AsyncClient(base_url=origin, timeout=60) as client:
        response = await client.post(
            "/api/auth/register", json={"email": email, "password": PASSWORD}
        )
        assert response.status_code == 201, response.text
        client.headers["Authorization"] = f"Bearer {response.json()['access_token']}"
        yield client


def steps_run(topology: Topology, task: str) -> list[int]:
    """How many `task` steps (`clip_step`, `compose_step`) each worker has finished so far, as
    Celery logs them (`Task reelsmith.clip_step[…] succeeded in …`)."""
    done = re.compile(rf"Task reelsmith\.{task}\[[^\]]+\] succeeded")
    return [len(done.findall(worker.logged())) for worker in topology.workers]


def logs(topology: Topology) -> str:
    """Every backend process's log of this run, shown when a test fails."""
    return "\n".join(
        f"--- {service.name}\n{service.tail(4000)}"
        for service in [*topology.apis, *topology.workers]
    )


@pytest.fixture(autouse=True)
def _show_logs_when_failing(topology: Topology) -> Iterator[None]:
    yield
    print(logs(topology))  # pytest shows it for a failed test only
