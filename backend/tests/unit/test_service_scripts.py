"""`scripts/redis.py` and `scripts/postgres.py` run their servers for tests and development on
loopback only, on the port chosen, keeping nothing a throwaway server would not need."""

from __future__ import annotations

import pwd
from pathlib import Path

from tests.utils.scripts import load_script


def test_redis_listens_on_loopback_with_a_password_and_saves_nothing() -> None:
    args = load_script("redis").server_args("/bin/redis-server", Path("/data"), 41000, "s3cret")
    options = dict(zip(args[1::2], args[2::2], strict=True))
    assert options["--bind"] == "127.0.0.1" and options["--port"] == "41000"
    assert options["--requirepass"] == "s3cret" and options["--protected-mode"] == "yes"
    assert options["--save"] == "" and options["--appendonly"] == "no"
    assert options["--dir"] == "/data"


def test_postgres_listens_on_loopback_only_with_no_socket_file() -> None:
    script = load_script("postgres")
    args = script.server_args(Path("/pg"), 41001)
    settings = dict(value.split("=", 1) for value in args[4::2])
    assert args[1:3] == ["-D", "/pg"]
    assert settings["listen_addresses"] == "127.0.0.1" and settings["port"] == "41001"
    assert settings["unix_socket_directories"] == ""
    initdb = script.initdb_args(Path("/pg"))
    assert initdb[initdb.index("--auth") + 1] == "trust"


def test_a_private_folder_is_out_of_another_users_reach(tmp_path: Path) -> None:
    script = load_script("postgres")
    nobody = pwd.getpwnam("nobody")
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    open_ = tmp_path / "open"
    open_.mkdir(mode=0o777)
    open_.chmod(0o777)
    reach = script._reachable
    assert not reach(private, nobody)
    assert reach(open_, nobody) == reach(tmp_path, nobody)
