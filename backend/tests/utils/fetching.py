"""Fetchers for tests: the real policy and fetcher, with a scripted resolver and, where no
socket is wanted, `httpx.MockTransport` in place of the network."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from ipaddress import ip_address

import httpx

from app.fetching import Fetcher, FetchPolicy
from app.fetching.addresses import IPAddress

PUBLIC = "93.184.216.34"
"""A public address: with a mock transport in the way, nothing is ever sent to it."""


Records = list[str]


class ScriptedResolver:
    """Answers from a table: a host's records, or a list of answers given one per lookup (the
    last one repeating), as a rebinding DNS server would. Unknown hosts do not resolve."""

    def __init__(self, answers: Mapping[str, Records | list[Records]]) -> None:
        self._answers = {host: _answers(given) for host, given in answers.items()}
        self.lookups: list[str] = []

    async def __call__(self, host: str, port: int) -> list[IPAddress]:
        self.lookups.append(host)
        answers = self._answers.get(host)
        if answers is None:
            raise OSError(f"no such host {host}")
        records = answers.pop(0) if len(answers) > 1 else answers[0]
        return [ip_address(record) for record in records]


def _answers(given: Records | list[Records]) -> list[Records]:
    return [list(r) for r in given if isinstance(r, list)] or [
        [r for r in given if isinstance(r, str)]
    ]


def fetcher(
    resolver: ScriptedResolver | None = None,
    handler: Callable[[httpx.Request], httpx.Response] | None = None,
    *,
    allowed: Iterable[str] = (),
    max_bytes: int = 10_000_000,
    deadline: float = 30.0,
    max_redirects: int = 3,
) -> Fetcher:
    transport = httpx.MockTransport(handler) if handler else None
    return Fetcher(
        FetchPolicy(allowed, "http://testserver"),
        max_bytes=max_bytes,
        deadline=deadline,
        max_redirects=max_redirects,
        resolver=resolver or ScriptedResolver({}),
        transports=(lambda: transport) if transport else None,
    )
