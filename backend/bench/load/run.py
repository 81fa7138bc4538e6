"""The load scenario: many users making ads at once on the fake providers, bounded in time.

A small asyncio driver rather than Locust: each user is one coroutine walking the studio's
steps in order (a flow with jobs to follow, not independent requests fired at a rate), the
numbers wanted are a handful computed from what the users record, and the bench stays one
process with no package, web UI or gevent monkey-patching added to the backend's
dependencies. httpx, already the API's own client library, makes the calls.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.load.fakes import start_fakes
from bench.load.stack import start_service
from bench.load.stats import AdOutcome, LoadRecord, failure_codes, summarise, unfinished_steps
from bench.load.user import AdFailed, User

REQUEST_TIMEOUT = httpx.Timeout(120.0, connect=10.0)
"""Generous per call: under load a step waits its turn for the providers and FFmpeg, and the
deadline, not a client timeout, is what bounds the run."""


@dataclass
class LoadOptions:
    users: int = 8
    ads: int = 1
    """Ads each user makes, one after the other."""
    deadline_seconds: float = 600.0
    """The whole run stops here and reports what it has; unfinished ads are counted."""
    poll_seconds: float = 1.0
    """Between a user's status calls: a third of the studio's polling interval (3 s, when its
    event stream fails), so the status endpoint is busier than the studio makes it and p99
    rests on hundreds of calls."""
    ramp_seconds: float = 5.0
    """Users arrive spread over this long, not all in the same millisecond."""
    topology: str = "scale"
    """`single`: one API process running its jobs; `scale`: the scale-out topology."""
    workers: int = 2
    """Celery workers, with the `scale` topology."""


@dataclass
class LoadResult:
    summary: dict[str, float]
    failures: Counter[str]
    """Failed ads by error code and step."""
    unfinished: Counter[str]
    """Ads the deadline cut, by the step each had reached."""
    status_errors: Counter[str]
    """Status calls that did not answer 200, by code."""
    service: str
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]


async def drive(origin: str, options: LoadOptions, record: LoadRecord) -> float:
    """Run the users against `origin` until they finish or the deadline; the seconds run."""
    run = f"{int(time.time())}-{os.getpid()}"
    started = time.perf_counter()

    async def one_user(number: int) -> None:
        await asyncio.sleep(options.ramp_seconds * number / max(options.users, 1))
        async with httpx.AsyncClient(base_url=origin, timeout=REQUEST_TIMEOUT) as client:
            user = User(client, number, record, options.poll_seconds)
            try:
                await user.sign_in(run)
            except AdFailed as failure:  # each of its ads failed before it began
                failed = [AdOutcome(number, 0.0, failure.code) for _ in range(options.ads)]
                record.outcomes.extend(failed)
                return
            await user.make_ads(options.ads)

    tasks = [asyncio.create_task(one_user(n)) for n in range(options.users)]
    _, pending = await asyncio.wait(tasks, timeout=options.deadline_seconds)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    for task in tasks:
        error = None if task.cancelled() else task.exception()
        if error is not None:
            raise error  # a bug in the bench, not a failed ad
    return time.perf_counter() - started


def run_load_bench(workdir: Path, options: LoadOptions) -> LoadResult:
    workdir.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    fakes = start_fakes()
    try:
        service = start_service(options.topology, workdir, fakes, options.workers)
        try:
            record = LoadRecord()
            seconds = asyncio.run(drive(service.origin, options, record))
            if record.status_errors or any(ad.error for ad in record.outcomes):
                print(f"Something failed; the end of the service's log:\n{service.log()}")
        except BaseException:
            print(service.log())
            raise
        finally:
            service.stop()
    finally:
        fakes.stop()
    ads = options.users * options.ads
    return LoadResult(
        summarise(record, seconds, ads),
        failure_codes(record.outcomes),
        unfinished_steps(record.outcomes),
        record.status_errors,
        service.description,
        load_before,
        os.getloadavg(),
    )
