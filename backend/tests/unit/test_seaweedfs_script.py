"""`scripts/seaweedfs.py` runs SeaweedFS for tests and development on loopback only: every
service on a port we chose, the extra catalog servers (fixed ports that two runs would fight
over) off, and nothing reported home."""

from __future__ import annotations

from pathlib import Path

from tests.utils.s3 import seaweedfs_script


def test_every_service_listens_on_loopback_on_the_ports_chosen() -> None:
    script = seaweedfs_script()
    ports = list(range(41000, 41008))
    args = script.server_args(Path("/bin/weed"), Path("/data"), Path("/s3.json"), ports)
    assert args[:4] == ["/bin/weed", "server", "-ip=127.0.0.1", "-ip.bind=127.0.0.1"]
    for service, port in zip(("master", "volume", "filer", "s3"), ports[::2], strict=True):
        assert f"-{service}.port={port}" in args
        assert f"-{service}.port.grpc={port + 1}" in args
    assert {"-s3.port.iceberg=0", "-s3.port.lance=0", "-master.telemetry=false"} <= set(args)
    assert "-s3.config=/s3.json" in args and "-dir=/data" in args


def test_free_ports_are_distinct() -> None:
    ports = seaweedfs_script().free_ports(8)
    assert len(set(ports)) == 8 and all(port > 1024 for port in ports)
