"""The one way anything is fetched: client links, model outputs, whatever comes next.

Per hop: the URL passes the policy, every address its host resolves to is checked, and the GET
goes to the checked address (`app.fetching.transport`). Redirects are followed by hand, each hop
checked like the first, a few at most. The whole transfer has a deadline, the body a size cap
counted on the bytes written, the response a content-type check; the file is then sniffed and
decoded (`app.fetching.verify`) before it takes its final name, so nothing half-written,
mislabelled or manifest-like is ever visible to FFmpeg or to a client.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
from pathlib import Path

import anyio
import httpx

from app.errors import ProviderBadOutput
from app.fetching.addresses import IPAddress
from app.fetching.errors import FetchError, Reason, Refused
from app.fetching.kinds import MediaKind
from app.fetching.policy import FetchPolicy, Target
from app.fetching.resolver import Resolver, system_resolver
from app.fetching.transport import TransportFactory, pinned_request, pinned_transports
from app.ffmpeg.sniff import sniff_file
from app.storage.partials import partial_path
from app.utils.threads import open_to_write, run_to_end

logger = logging.getLogger(__name__)

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class Fetcher:
    def __init__(
        self,
        policy: FetchPolicy,
        *,
        max_bytes: int,
        deadline: float,
        max_redirects: int,
        resolver: Resolver = system_resolver,
        transports: TransportFactory | None = None,
    ) -> None:
        self.policy = policy
        self.max_bytes = max_bytes
        self.deadline = deadline
        self.max_redirects = max_redirects
        self.resolver = resolver
        """Replaceable: tests hand in a fake to play DNS tricks without DNS."""
        self._transports = transports or pinned_transports()

    def check(self, url: str) -> Target:
        """What can be known without the network; raises `Refused`."""
        return self.policy.check(url)

    async def fetch(
        self,
        url: str,
        dest: Path,
        kind: MediaKind,
        *,
        deadline: float | None = None,
        allow_data: bool = False,
    ) -> Path:
        """Write `url` to `dest` whole and checked, and return the path; raises `FetchError`.

        The bytes go to a partial name beside `dest` first (`app.storage.partials`, which the
        start-up sweep clears after a crash) and take their final name once checked. A `dest`
        without a suffix takes the one of the container found. `allow_data` admits a base64
        `data:` URL (a model may answer inline); a client's link is never one.
        """
        partial = partial_path(dest)
        try:
            try:
                async with asyncio.timeout(deadline or self.deadline):
                    if allow_data and url[:5].lower() == "data:":
                        await self._write_data_url(url, partial, kind)
                    else:
                        await self._download(self.policy.check(url), partial, kind)
            except TimeoutError as exc:
                raise FetchError(Reason.DEADLINE) from exc
            # The checks run to their end even when cancelled (their thread reads the partial);
            # the rename follows with no await between: a cancelled fetch leaves no file.
            final = await run_to_end(self._verify, partial, dest, kind)
            partial.replace(final)  # one rename on the same disk, synchronous on purpose
        except BaseException as exc:
            if isinstance(exc, FetchError):
                logger.warning("not fetched (%s)", exc)  # the log may name the host; no client does
            # Synchronous on purpose: it must happen even while the task is being cancelled.
            partial.unlink(missing_ok=True)
            raise
        return final

    async def _download(self, target: Target, partial: Path, kind: MediaKind) -> None:
        try:
            for _ in range(self.max_redirects + 1):
                async with self._transports() as transport:
                    response = await self._connect(transport, target)
                    try:
                        if response.status_code in _REDIRECTS:
                            target = self._next_hop(target, response)
                            continue
                        self._accept(response, kind)
                        await self._write(response, partial)
                        return
                    finally:
                        await response.aclose()
        except httpx.HTTPError as exc:
            raise FetchError(Reason.UNREACHABLE, f"{target.host}: {exc!r}") from exc
        raise FetchError(Reason.REDIRECTS, f"more than {self.max_redirects}")

    async def _connect(self, transport: httpx.AsyncBaseTransport, target: Target) -> httpx.Response:
        """The GET, sent to the first checked address that takes a connection (a host with an
        IPv6 record and no IPv6 route still answers on IPv4, as it would in a browser)."""
        *others, last = await self._addresses(target)
        for address in others:
            try:
                return await transport.handle_async_request(pinned_request(target, address))
            except httpx.ConnectError:
                continue
        return await transport.handle_async_request(pinned_request(target, last))

    async def _addresses(self, target: Target) -> list[IPAddress]:
        """The address the URL spells, or every record of its host, all of them checked."""
        if target.address is not None:
            return [target.address]
        try:
            addresses = await self.resolver(target.host, target.port)
        except OSError as exc:
            raise FetchError(Reason.DNS, f"{target.host}: {exc}") from exc
        if not addresses:
            raise FetchError(Reason.DNS, f"{target.host}: no address")
        self.policy.check_addresses(target, addresses)
        return addresses

    def _next_hop(self, target: Target, response: httpx.Response) -> Target:
        location = response.headers.get("location")
        if not location:
            raise FetchError(Reason.STATUS, f"{response.status_code} without a location")
        try:
            following = target.url.join(location)
        except httpx.InvalidURL as exc:
            raise Refused(Reason.MALFORMED, "redirect location") from exc
        return self.policy.check(str(following))

    def _accept(self, response: httpx.Response, kind: MediaKind) -> None:
        if response.status_code != 200:
            raise FetchError(Reason.STATUS, str(response.status_code))
        content_type = response.headers.get("content-type", "")
        if not kind.accepts_type(content_type):
            raise FetchError(Reason.CONTENT_TYPE, content_type[:100])
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise FetchError(Reason.TOO_LARGE, length)

    async def _write(self, response: httpx.Response, partial: Path) -> None:
        received = 0
        sink = await open_to_write(partial)
        try:
            async for chunk in response.aiter_raw():
                received += len(chunk)
                if received > self.max_bytes:
                    raise FetchError(Reason.TOO_LARGE, f"over {self.max_bytes} bytes")
                await run_to_end(sink.write, chunk)
        finally:
            await run_to_end(sink.close)  # closed before any cancellation goes on

    async def _write_data_url(self, url: str, partial: Path, kind: MediaKind) -> None:
        header, comma, payload = url.partition(",")
        params = header[5:].split(";")
        if not comma or params[-1].lower() != "base64":
            raise FetchError(Reason.NOT_MEDIA, "a data URL that is not base64")
        if not kind.accepts_type(params[0]):
            raise FetchError(Reason.CONTENT_TYPE, params[0][:100])
        if len(payload) * 3 // 4 > self.max_bytes:
            raise FetchError(Reason.TOO_LARGE, "data URL")
        try:
            data = await asyncio.to_thread(base64.b64decode, payload, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise FetchError(Reason.NOT_MEDIA, "invalid base64") from exc
        await anyio.Path(partial).write_bytes(data)

    @staticmethod
    def _verify(partial: Path, dest: Path, kind: MediaKind) -> Path:
        """Sniff and decode (blocking); the name the file takes once checked."""
        if partial.stat().st_size == 0:
            raise FetchError(Reason.EMPTY)
        try:
            kind.check(partial)
        except ProviderBadOutput as exc:
            raise FetchError(Reason.NOT_MEDIA, exc.message) from exc
        container = sniff_file(partial)
        return dest if dest.suffix or container is None else dest.with_suffix(container.suffix)
