"""One GET to an address we checked, for a URL that names a host.

The request goes to the checked IP itself, so no second lookup can answer differently (DNS
rebinding); the `Host` header and TLS (SNI and certificate verification, through httpcore's
`sni_hostname` extension) stay on the host name. Each fetch opens its own transport with no
keep-alive: a pooled connection to one address must never carry a request for another name,
and media downloads gain nothing from reuse. No proxy, `.netrc` or cookie is taken from the
environment or kept between fetches.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable

import httpx

from app.fetching.addresses import IPAddress
from app.fetching.policy import Target

USER_AGENT = "Reelsmith media fetcher"
STEP_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
"""Per connect and per read; the fetcher's deadline bounds the whole transfer."""

TransportFactory = Callable[[], httpx.AsyncBaseTransport]


def pinned_transports(ssl_context: ssl.SSLContext | None = None) -> TransportFactory:
    """A factory of fresh transports sharing one TLS context (loading CA roots is slow)."""
    context = ssl_context or httpx.create_ssl_context()

    def open_transport() -> httpx.AsyncBaseTransport:
        return httpx.AsyncHTTPTransport(
            verify=context,
            trust_env=False,
            limits=httpx.Limits(max_connections=1, max_keepalive_connections=0),
            retries=0,
        )

    return open_transport


def pinned_request(target: Target, address: IPAddress) -> httpx.Request:
    extensions: dict[str, object] = {"timeout": STEP_TIMEOUT.as_dict()}
    if target.url.scheme == "https" and target.address is None:
        extensions["sni_hostname"] = target.host
    return httpx.Request(
        "GET",
        target.url.copy_with(host=str(address), fragment=None),
        headers={
            "Host": target.host_header,
            "User-Agent": USER_AGENT,
            # Bytes as stored: the size cap counts what is written, and no bomb is inflated.
            "Accept-Encoding": "identity",
        },
        extensions=extensions,
    )
