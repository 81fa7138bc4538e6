"""`scripts/topology.py`: what the API and workers run with, and what a start that fails says
and leaves behind."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.utils.scripts import load_script

topology = load_script("topology")


def _server(**env: str) -> SimpleNamespace:
    return SimpleNamespace(env=lambda *_: env)


def test_the_topologys_services_win_over_the_developers_environment() -> None:
    inherited = {
        "PATH": "/bin",
        "DATABASE_URL": "postgresql://me@prod/db",
        "REDIS_URL": "redis://prod",
        "MEDIA_BACKEND": "local",
        "OPENAI_API_KEY": "sk-mine",
    }
    env = topology.shared_env(
        inherited,
        _server(REDIS_URL="redis://:pw@127.0.0.1:1/0"),
        _server(DATABASE_URL="postgresql://reelsmith@127.0.0.1:2/reelsmith"),
        _server(MEDIA_BACKEND="s3", S3_ENDPOINT_URL="http://127.0.0.1:3"),
        "http://127.0.0.1:4",
    )
    assert env["DATABASE_URL"] == "postgresql://reelsmith@127.0.0.1:2/reelsmith"
    assert env["REDIS_URL"] == "redis://:pw@127.0.0.1:1/0"
    assert env["MEDIA_BACKEND"] == "s3" and env["JOB_BACKEND"] == "celery"
    assert env["PUBLIC_BASE_URL"] == "http://127.0.0.1:4"
    assert env["OPENAI_API_KEY"] == "sk-mine"  # providers pass through


def test_each_backend_process_has_a_cache_and_a_log_of_its_own(tmp_path: Path) -> None:
    w1 = topology._backend_service("w1", ["python"], tmp_path, {"A": "1"}, topology.logs_ready)
    w2 = topology._backend_service("w2", ["python"], tmp_path, {"A": "1"}, topology.logs_ready)
    assert w1.env["MEDIA_ROOT"] != w2.env["MEDIA_ROOT"]
    assert w1.env["DATA_DIR"] != w2.env["DATA_DIR"]
    assert Path(w1.env["MEDIA_ROOT"]).is_relative_to(tmp_path)
    assert w1.log != w2.log and w1.env["A"] == "1"


def _service(tmp_path: Path, code: str, timeout: float = 60) -> object:
    return topology.Service(
        name="thing",
        argv=[sys.executable, "-c", code],
        cwd=tmp_path,
        env={},
        log=tmp_path / "thing.log",
        ready=topology.logs_ready,
        timeout=timeout,
    )


def test_a_process_that_exits_while_starting_is_an_error_ending_with_its_log(
    tmp_path: Path,
) -> None:
    service = _service(tmp_path, "print('no REDIS_URL, giving up', flush=True); exit(3)")
    with pytest.raises(RuntimeError) as failed:
        service.start()  # type: ignore[attr-defined]
    assert "thing exited with 3 while starting" in str(failed.value)
    assert str(failed.value).endswith("no REDIS_URL, giving up\n")


def test_a_process_never_ready_is_stopped_and_its_log_shown(tmp_path: Path) -> None:
    service = _service(tmp_path, "import time; print('waiting', flush=True); time.sleep(60)", 2)
    with pytest.raises(TimeoutError) as late:
        service.start()  # type: ignore[attr-defined]
    assert "thing was not ready within 2 s" in str(late.value)
    assert "waiting" in str(late.value)
    assert not service.running  # type: ignore[attr-defined]


def test_a_worker_is_ready_once_celery_says_so_in_this_run(tmp_path: Path) -> None:
    service = _service(tmp_path, "")
    log = tmp_path / "thing.log"
    log.write_text("celery@w1 ready.\n")  # the previous run's
    service.log_start = log.stat().st_size  # type: ignore[attr-defined]
    assert not topology.logs_ready(service)
    with log.open("a") as more:
        more.write("[tasks]\n  . reelsmith.clip_step\nINFO celery.apps.worker celery@w1 ready.\n")
    assert topology.logs_ready(service)
