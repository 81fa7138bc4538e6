"""Which hosts and addresses are public: pure rules, no network.

A URL may name an address in many spellings. Every spelling the C library's `inet_aton` accepts
(`127.1`, `0x7f000001`, `2130706433`, `017700000001`) reaches the same machine as `127.0.0.1`,
so a host whose last label is a number is read the way `inet_aton` reads it, or refused as
malformed; it is never handed to a resolver that would read it its own way. IPv6 addresses
that carry an IPv4 address inside (mapped, NAT64, 6to4) are judged by the address they carry.
"""

from __future__ import annotations

import re
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address

IPAddress = IPv4Address | IPv6Address

_REFUSED_V4 = tuple(
    (IPv4Network(network), label)
    for network, label in (
        ("0.0.0.0/8", "this network"),
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "carrier-grade NAT"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local"),  # 169.254.169.254: the clouds' metadata service
        ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "IETF protocol"),  # 192.0.0.192: Oracle's metadata service
        ("192.0.2.0/24", "documentation"),
        ("192.88.99.0/24", "6to4 relay"),
        ("192.168.0.0/16", "private"),
        ("198.18.0.0/15", "benchmarking"),
        ("198.51.100.0/24", "documentation"),
        ("203.0.113.0/24", "documentation"),
        ("224.0.0.0/4", "multicast"),
        ("240.0.0.0/4", "reserved"),  # 255.255.255.255 included
    )
)

_REFUSED_V6 = tuple(
    (IPv6Network(network), label)
    for network, label in (
        ("::/128", "unspecified"),
        ("::1/128", "loopback"),
        ("::/96", "IPv4-compatible"),
        ("64:ff9b:1::/48", "local NAT64"),
        ("100::/64", "discard"),
        ("2001::/23", "IETF protocol"),  # Teredo (2001::/32) included
        ("2001:db8::/32", "documentation"),
        ("3fff::/20", "documentation"),
        ("fc00::/7", "unique local"),
        ("fe80::/10", "link-local"),
        ("fec0::/10", "site-local"),
        ("ff00::/8", "multicast"),
    )
)

_NAT64 = IPv6Network("64:ff9b::/96")

_REFUSED_NAMES = frozenset({"localhost", "metadata.goog", "instance-data.ec2.internal"})
_REFUSED_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa")
"""Names that only ever mean a machine near us: RFC 6761/6762/8375 and `.internal`, the
private-use TLD the clouds' metadata names live in (`metadata.google.internal`)."""

_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")
_NUMBER = re.compile(r"^(0x[0-9a-f]*|[0-9]+)$")


def normalise_host(host: str) -> str:
    """Lower case, without IPv6 brackets and without the DNS root's trailing dot."""
    host = host.strip().lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host[:-1] if host.endswith(".") else host


def parse_ipv4(host: str) -> IPv4Address | None:
    """The address `inet_aton` reads in `host` (1 to 4 parts; hex, octal or decimal), or None."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers: list[int] = []
    for part in parts:
        if part.startswith(("0x", "0X")):
            digits, base = part[2:], 16
        elif len(part) > 1 and part.startswith("0"):
            digits, base = part[1:], 8
        else:
            digits, base = part, 10
        try:
            # `int` alone would also take "+1", "1_0" and non-ASCII digits.
            if not (digits.isascii() and digits.isalnum()):
                return None
            numbers.append(int(digits, base))
        except ValueError:
            return None
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (4 - len(head)):
        return None
    value = last
    for index, n in enumerate(head):
        value += n << (8 * (3 - index))
    return IPv4Address(value)


def literal_address(host: str) -> IPAddress | None:
    """The address a host spells out, if it spells one; `ValueError` if it tries and fails.

    A host whose last label is a number is an IPv4 address or nothing: no TLD is numeric, and
    a resolver would read `1.2.3.4.5` or `08.1.1.1` in ways we would not have checked.
    """
    if ":" in host:
        if "%" in host:
            raise ValueError("an IPv6 zone is not a public address")
        return IPv6Address(host)
    if _NUMBER.match(host.rsplit(".", 1)[-1]):
        address = parse_ipv4(host)
        if address is None:
            raise ValueError("a numeric host that is no IPv4 address")
        return address
    return None


def is_host_name(host: str) -> bool:
    """A DNS name as it may appear in a URL (IDNA already applied): letters, digits, hyphens."""
    return 0 < len(host) <= 253 and all(_LABEL.match(label) for label in host.split("."))


def name_refusal(host: str) -> str | None:
    """Why a host name can only mean a machine near us, or None."""
    if "." not in host:
        return "a single-label name"  # `metadata`, `redis`: resolved through local search domains
    if host in _REFUSED_NAMES or host.endswith(_REFUSED_SUFFIXES):
        return "a local or metadata name"
    return None


def address_refusal(address: IPAddress) -> str | None:
    """Why an address is not a public one, or None when it is."""
    embedded = embedded_ipv4(address)
    if embedded is not None:
        reason = address_refusal(embedded)
        return f"{reason} (inside IPv6)" if reason else None
    if isinstance(address, IPv4Address):
        label = next((label for net, label in _REFUSED_V4 if address in net), None)
    else:
        label = next((label for net, label in _REFUSED_V6 if address in net), None)
    if label is not None:
        return label
    if not address.is_global:
        return "not globally routable"
    return None


def embedded_ipv4(address: IPAddress) -> IPv4Address | None:
    """The IPv4 address an IPv6 one stands for: mapped (`::ffff:a.b.c.d`), NAT64, 6to4."""
    if isinstance(address, IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return IPv4Address(int(address) & 0xFFFFFFFF)
    return address.sixtofour


def as_address(text: str) -> IPAddress:
    """An address as `getaddrinfo` reports it (an IPv6 one may carry a `%zone`)."""
    return ip_address(text.split("%", 1)[0])
