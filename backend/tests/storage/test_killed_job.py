"""kill -9 mid-job, then a restart: nothing the killed process was writing stays on disk."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from app.config import MediaSettings, Settings
from app.runtime import open_runtime
from app.storage.partials import is_work_in_progress
from tests.ffmpeg.conftest import make_clip
from tests.utils.assertions import BACKEND

pytestmark = pytest.mark.anyio


def _work_in_progress(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if is_work_in_progress(path.name)]


def _kill_mid_job(root: Path) -> None:
    """Start the worker, wait until it is writing clips, music and the ad, then kill -9 it and
    its FFmpeg children, as a container stop or the OOM killer would."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.storage.killed_worker", str(root)],
        cwd=BACKEND,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and worker.poll() is None:
            partial_clip = any(p.stat().st_size for p in (root / "clips").glob(".*.partial.mp4"))
            compose_folder = any((root / "ads").glob(".compose.*.partial/segment-*"))
            if partial_clip and compose_folder:
                break
            time.sleep(0.05)
        else:
            pytest.fail("the worker never got to writing clips and composing")
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()


@pytest.mark.slow
async def test_a_restart_sweeps_what_a_killed_job_left(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = tmp_path / "media"
    (root / "seeds").mkdir(parents=True)
    (root / "clips").mkdir()
    Image.new("RGB", (1080, 1920), "#c8a27a").save(root / "seeds" / "seed.png")
    for n in (1, 2, 3):
        make_clip(root / "clips" / f"c{n}.mp4", "gray", size="64x114", seconds=10.5)

    _kill_mid_job(root)

    left = _work_in_progress(root)
    files, folders = [p for p in left if p.is_file()], [p for p in left if p.is_dir()]
    assert any(p.parent.name == "clips" for p in files), "a clip was being rendered"
    assert any(p.parent.name == "music" for p in files), "the music was not yet part of an ad"
    assert [p.parent.name for p in folders] == ["ads"], "the composer's folder"

    caplog.set_level(logging.INFO, logger="app.runtime")
    async with open_runtime(Settings(media=MediaSettings(root=root))):
        pass

    assert _work_in_progress(root) == []
    assert not list((root / "music").iterdir()) and not list((root / "ads").iterdir())
    assert (root / "seeds" / "seed.png").exists()
    assert all((root / "clips" / f"c{n}.mp4").exists() for n in (1, 2, 3))
    said = f"removed {len(files)} partial files and 1 temporary folders left by an interrupted run"
    assert said in caplog.text
