"""Names to addresses, through the event loop's `getaddrinfo` (run in its executor, as asyncio
does, so a slow resolver never stalls the loop). Tests hand the fetcher a fake of their own."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable

from app.fetching.addresses import IPAddress, as_address

Resolver = Callable[[str, int], Awaitable[list[IPAddress]]]
"""Every A and AAAA record of a host, in the order a connection would try them."""


async def system_resolver(host: str, port: int) -> list[IPAddress]:
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return list(dict.fromkeys(as_address(str(info[4][0])) for info in infos))
