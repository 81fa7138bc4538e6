"""The rules a URL must pass before we open a connection for it: pure, no network.

The URL is parsed once, by httpx, the library that will send it, so the checks and the request
can never read the same string two ways. What the rules see is what is fetched: the scheme,
the host (IDNA applied, brackets and the root's trailing dot removed) and the port.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import httpx

from app.fetching.addresses import (
    IPAddress,
    address_refusal,
    is_host_name,
    literal_address,
    name_refusal,
    normalise_host,
)
from app.fetching.errors import Reason, Refused

SCHEMES = {"http": 80, "https": 443}


@dataclass(frozen=True)
class Target:
    """One URL that passed the rules, ready to be resolved and fetched."""

    url: httpx.URL
    host: str
    port: int
    address: IPAddress | None
    """Set when the URL spells an address rather than a name: no resolver is asked."""
    allowed: bool
    """Named by the allow-list: its addresses are not checked."""

    @property
    def host_header(self) -> str:
        return self.url.netloc.decode("ascii")


class FetchPolicy:
    def __init__(self, allowed_hosts: Iterable[str], public_base_url: str) -> None:
        self.allowed_hosts = frozenset(normalise_host(h) for h in allowed_hosts if h.strip())
        ours = httpx.URL(public_base_url)
        self._ours = (normalise_host(ours.host), ours.port or SCHEMES.get(ours.scheme, 80))

    def check(self, url: str) -> Target:
        """The URL as a `Target`, or `Refused` with the first rule it breaks."""
        scheme, colon, _ = url.partition(":")
        if not colon or scheme.lower() not in SCHEMES:
            raise Refused(Reason.SCHEME, scheme[:20])
        if any(ord(char) <= 0x20 or char in "\\\x7f" for char in url):
            raise Refused(Reason.MALFORMED, "whitespace, a control character or a backslash")
        try:
            parsed = httpx.URL(url)
            host = normalise_host(parsed.raw_host.decode("ascii"))
            address = literal_address(host)
        except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
            raise Refused(Reason.MALFORMED, str(exc)) from exc
        if parsed.scheme not in SCHEMES:
            raise Refused(Reason.SCHEME, parsed.scheme)
        if parsed.userinfo:
            raise Refused(Reason.CREDENTIALS)
        if not host or (address is None and not is_host_name(host)):
            raise Refused(Reason.MALFORMED, f"host {host!r}")
        port = parsed.port if parsed.port is not None else SCHEMES[parsed.scheme]
        if not 0 < port < 65536:
            raise Refused(Reason.MALFORMED, f"port {port}")
        if self._is_ours(host, address, port):
            raise Refused(Reason.OWN_ORIGIN, host)
        allowed = host in self.allowed_hosts
        if not allowed:
            if address is None:
                why = name_refusal(host)
                if why:
                    raise Refused(Reason.LOCAL_NAME, f"{host}: {why}")
            else:
                self.check_address(address)
        return Target(url=parsed, host=host, port=port, address=address, allowed=allowed)

    def check_addresses(self, target: Target, addresses: Iterable[IPAddress]) -> None:
        """Every address a name resolved to must be public: one bad record refuses them all."""
        if not target.allowed:
            for address in addresses:
                self.check_address(address)

    @staticmethod
    def check_address(address: IPAddress) -> None:
        why = address_refusal(address)
        if why:
            raise Refused(Reason.LOCAL_ADDRESS, f"{address}: {why}")

    def _is_ours(self, host: str, address: IPAddress | None, port: int) -> bool:
        our_host, our_port = self._ours
        if port != our_port:
            return False
        return host == our_host or (_is_loopback(our_host) and _is_loopback(host, address))


def _is_loopback(host: str, address: IPAddress | None = None) -> bool:
    if address is None:
        try:
            address = literal_address(host)
        except ValueError:
            return False
    if address is not None:
        return address.is_loopback or address.is_unspecified
    return host == "localhost" or host.endswith(".localhost")
