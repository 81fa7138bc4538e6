"""The fetch policy's pure rules, as tables: which URLs, hosts and addresses may be fetched."""

from __future__ import annotations

import socket
from ipaddress import IPv4Address, ip_address

import pytest

from app.fetching.addresses import address_refusal, literal_address, name_refusal, parse_ipv4
from app.fetching.errors import Reason, Refused
from app.fetching.policy import FetchPolicy

OURS = "http://localhost:8000"
policy = FetchPolicy([], OURS)


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "127.1", "0x7f000001", "2130706433", "017700000001", "0x7f.1", "0177.0.0.1",
     "0", "1.2.3", "10.1", "255.255.255.255", "0x0a.0.0.1", "1.2.3.4.5", "256.1.1.1", "1.2.3.256",
     "08.1.1.1", "0x", "1..2", "0x100.1", "1.16777216", "4294967296", "0xfffffffff"],
)  # fmt: skip
def test_numeric_hosts_read_as_the_c_library_reads_them(host: str) -> None:
    try:
        expected: IPv4Address | None = IPv4Address(socket.inet_aton(host))
    except OSError:
        expected = None
    assert parse_ipv4(host) == expected


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("example.com", None),
        ("127.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("::ffff:127.0.0.1", "::ffff:127.0.0.1"),
        ("1.2.3.4", "1.2.3.4"),
    ],
)
def test_a_host_that_spells_an_address_is_that_address(host: str, address: str | None) -> None:
    assert literal_address(host) == (ip_address(address) if address else None)


@pytest.mark.parametrize("host", ["1.2.3.4.5", "example.123", "08.1.1.1", "fe80::1%25eth0"])
def test_a_host_that_ends_in_a_number_but_is_no_address_is_malformed(host: str) -> None:
    with pytest.raises(ValueError):
        literal_address(host)


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("127.0.0.1", "loopback"), ("127.255.0.9", "loopback"), ("0.0.0.0", "this network"),
        ("10.0.0.1", "private"), ("172.16.0.1", "private"), ("172.31.255.254", "private"),
        ("192.168.1.1", "private"), ("169.254.169.254", "link-local"),
        ("100.64.0.1", "carrier-grade NAT"), ("100.100.100.200", "carrier-grade NAT"),
        ("192.0.0.192", "IETF protocol"), ("224.0.0.1", "multicast"), ("239.1.1.1", "multicast"),
        ("240.0.0.1", "reserved"), ("255.255.255.255", "reserved"), ("198.18.0.1", "benchmarking"),
        ("192.0.2.1", "documentation"),
        ("::", "unspecified"), ("::1", "loopback"), ("fe80::1", "link-local"),
        ("fc00::1", "unique local"), ("fd00:ec2::254", "unique local"), ("ff02::1", "multicast"),
        ("fec0::1", "site-local"), ("2001:db8::1", "documentation"), ("::127.0.0.1", "IPv4-compatible"),
        ("2001::1", "IETF protocol"),  # Teredo
        ("::ffff:127.0.0.1", "loopback (inside IPv6)"), ("::ffff:10.0.0.1", "private (inside IPv6)"),
        ("64:ff9b::a9fe:a9fe", "link-local (inside IPv6)"),  # NAT64 of 169.254.169.254
        ("2002:7f00:1::", "loopback (inside IPv6)"), ("2002:c0a8:101::", "private (inside IPv6)"),  # 6to4
        ("8.8.8.8", None), ("93.184.216.34", None), ("2606:4700::1111", None),
        ("::ffff:8.8.8.8", None), ("2002:808:808::", None),
    ],
)  # fmt: skip
def test_only_public_addresses_pass(address: str, refused: str | None) -> None:
    assert address_refusal(ip_address(address)) == refused


@pytest.mark.parametrize(
    ("host", "refused"),
    [
        ("metadata.google.internal", True), ("metadata", True), ("metadata.goog", True),
        ("localhost", True), ("app.localhost", True), ("printer.local", True),
        ("nas.home.arpa", True), ("redis", True), ("instance-data.ec2.internal", True),
        ("example.com", False), ("cdn.example.co.uk", False), ("replicate.delivery", False),
    ],
)  # fmt: skip
def test_names_that_only_mean_a_machine_near_us_are_refused(host: str, refused: bool) -> None:
    assert (name_refusal(host) is not None) is refused


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("data:application/dash+xml;base64,PE1QRD4=", Reason.SCHEME),
        ("file:///etc/passwd", Reason.SCHEME),
        ("ftp://example.com/a.mp4", Reason.SCHEME),
        ("gopher://example.com/", Reason.SCHEME),
        ("/api/health", Reason.SCHEME),
        ("//example.com/a.mp4", Reason.SCHEME),
        ("http://user:pw@127.0.0.1/a.mp4", Reason.CREDENTIALS),
        ("https://user@example.com/a.mp4", Reason.CREDENTIALS),
        ("http://[::1", Reason.MALFORMED),
        ("http://example.com:99999/a.mp4", Reason.MALFORMED),
        ("http://example.com:0/a.mp4", Reason.MALFORMED),
        ("http://exa mple.com/a.mp4", Reason.MALFORMED),
        ("http://example.com\\@127.0.0.1/", Reason.MALFORMED),
        ("http://example.com/a\n.mp4", Reason.MALFORMED),
        ("http:///a.mp4", Reason.MALFORMED),
        ("http://-bad-.com/a.mp4", Reason.MALFORMED),
        ("http://1.2.3.4.5/a.mp4", Reason.MALFORMED),
        ("http://[fe80::1%25eth0]/", Reason.MALFORMED),
        ("http://127.0.0.1:9/a.mp4", Reason.LOCAL_ADDRESS),
        ("http://127.1/a.mp4", Reason.LOCAL_ADDRESS),
        ("http://0x7f000001/a.mp4", Reason.LOCAL_ADDRESS),
        ("http://2130706433/a.mp4", Reason.LOCAL_ADDRESS),
        ("http://017700000001/a.mp4", Reason.LOCAL_ADDRESS),
        ("http://127.0.0.1./a.mp4", Reason.LOCAL_ADDRESS),
        ("http://0.0.0.0/a.mp4", Reason.LOCAL_ADDRESS),
        ("http://[::1]/a.mp4", Reason.LOCAL_ADDRESS),
        ("http://[::ffff:127.0.0.1]/a.mp4", Reason.LOCAL_ADDRESS),
        ("http://[::ffff:7f00:1]/a.mp4", Reason.LOCAL_ADDRESS),
        ("http://10.0.0.1/a.mp4", Reason.LOCAL_ADDRESS),
        ("http://172.16.0.1/a.mp4", Reason.LOCAL_ADDRESS),
        ("http://192.168.0.1/a.mp4", Reason.LOCAL_ADDRESS),
        ("http://169.254.169.254/latest/meta-data/", Reason.LOCAL_ADDRESS),
        ("http://100.64.0.1/a.mp4", Reason.LOCAL_ADDRESS),
        ("http://[fc00::1]/a.mp4", Reason.LOCAL_ADDRESS),
        ("http://[fe80::1]/a.mp4", Reason.LOCAL_ADDRESS),
        ("http://metadata.google.internal/computeMetadata/v1/", Reason.LOCAL_NAME),
        ("http://METADATA.google.internal./", Reason.LOCAL_NAME),
        ("http://localhost:9/a.mp4", Reason.LOCAL_NAME),
        ("http://localhost:8000/api/status/x", Reason.OWN_ORIGIN),
        ("http://127.0.0.1:8000/api/health", Reason.OWN_ORIGIN),
        ("http://[::1]:8000/docs", Reason.OWN_ORIGIN),
    ],
)
def test_urls_refused_before_any_connection(url: str, reason: Reason) -> None:
    with pytest.raises(Refused) as refused:
        policy.check(url)
    assert refused.value.reason is reason
    assert refused.value.sentence  # a 422's message; it never repeats the URL
    assert "127" not in refused.value.sentence and "example" not in refused.value.sentence


@pytest.mark.parametrize(
    ("url", "host", "port", "address"),
    [
        ("https://cdn.example.com/clips/a.mp4?sig=1", "cdn.example.com", 443, None),
        ("HTTP://CDN.Example.COM.:8080/a.mp4", "cdn.example.com", 8080, None),
        ("https://bücher.example/a.png", "xn--bcher-kva.example", 443, None),
        ("http://93.184.216.34/a.mp4", "93.184.216.34", 80, "93.184.216.34"),
        ("http://[2606:4700::1111]/a.mp4", "2606:4700::1111", 80, "2606:4700::1111"),
    ],
)
def test_public_urls_pass_as_the_host_and_port_they_will_reach(
    url: str, host: str, port: int, address: str | None
) -> None:
    target = policy.check(url)
    assert (target.host, target.port) == (host, port)
    assert target.address == (ip_address(address) if address else None)
    assert not target.allowed


def test_the_allow_list_opens_named_hosts_and_nothing_else() -> None:
    allowing = FetchPolicy(["127.0.0.1", "Fake.Local."], OURS)
    assert allowing.check("http://127.0.0.1:9/a.mp4").allowed
    assert allowing.check("http://fake.local/a.mp4").allowed
    for other in ("http://127.1:9/a.mp4", "http://localhost:9/a.mp4", "http://[::1]:9/a.mp4"):
        with pytest.raises(Refused):
            allowing.check(other)
    # Our own routes stay refused even when our host is on the list.
    with pytest.raises(Refused) as refused:
        FetchPolicy(["localhost"], OURS).check("http://localhost:8000/api/health")
    assert refused.value.reason is Reason.OWN_ORIGIN


def test_every_record_of_a_name_must_be_public() -> None:
    target = policy.check("https://cdn.example.com/a.mp4")
    policy.check_addresses(target, [ip_address("8.8.8.8"), ip_address("2606:4700::1111")])
    with pytest.raises(Refused) as refused:
        policy.check_addresses(target, [ip_address("8.8.8.8"), ip_address("10.0.0.1")])
    assert refused.value.reason is Reason.LOCAL_ADDRESS


def test_the_allow_list_and_limits_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.config import Settings
    from app.fetching import build_fetcher

    monkeypatch.setenv("FETCH_ALLOWED_HOSTS", "127.0.0.1, Fake.Local ,")
    monkeypatch.setenv("FETCH_DEADLINE_SECONDS", "7.5")
    monkeypatch.setenv("FETCH_MAX_REDIRECTS", "1")
    fetcher = build_fetcher(Settings())
    assert fetcher.policy.allowed_hosts == {"127.0.0.1", "fake.local"}
    assert (fetcher.deadline, fetcher.max_redirects) == (7.5, 1)
    monkeypatch.delenv("FETCH_ALLOWED_HOSTS")
    assert build_fetcher(Settings()).policy.allowed_hosts == set()
