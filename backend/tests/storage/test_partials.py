"""One naming convention for work in progress, and a sweep that clears only abandoned work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.storage.partials import is_work_in_progress, partial_path, sweep, temp_dir


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_partial_name_is_hidden_keeps_its_format_and_names_its_owner(tmp_path: Path) -> None:
    final = tmp_path / "clips" / "3f2a.mp4"
    partial = partial_path(final)
    assert partial.parent == final.parent
    assert partial.name.startswith(".3f2a.") and partial.suffix == ".mp4"
    assert f".{os.getpid()}-" in partial.name and ".partial." in partial.name
    assert partial_path(final) != partial, "two writers never share a partial file"
    # A partial of a partial (a download into a store partial) stays one level deep.
    again = partial_path(partial)
    assert again.name.startswith(".3f2a.") and again.name.count(".partial") == 1


@pytest.mark.parametrize(
    "name",
    [
        ".3f2a.4711-9c1e0b2a.partial.mp4",  # ours
        ".3f2a.mp4.uses.4711-9c1e0b2a.partial.json",  # a provenance record being written
        ".compose.4711-x1_y2z3a.partial",  # a temporary folder
        # Every name an earlier version used, for what an upgraded server finds on disk.
        "3f2a.mp4.part",  # downloads
        ".3f2a.wav.0123456789abcdef.part",  # local music
        ".3f2a.png.part",  # fitted remote images
        ".3f2a.partial.mp4",  # local motion
        ".3f2a.download",  # remote image downloads
        ".compose-k2j3h4",  # the composer's work folder
    ],
)
def test_every_name_work_in_progress_was_ever_written_under_is_recognised(name: str) -> None:
    assert is_work_in_progress(name)


@pytest.mark.parametrize("name", ["3f2a.mp4", "3f2a.png", "3f2a.mp4.uses.json", "partial.mp4"])
def test_finished_files_are_not_work_in_progress(name: str) -> None:
    assert not is_work_in_progress(name)


def test_the_sweep_removes_abandoned_work_and_only_that(tmp_path: Path) -> None:
    root = tmp_path / "media"
    clips, ads = root / "clips", root / "ads"
    clips.mkdir(parents=True)
    ads.mkdir()
    finished = clips / "done.mp4"
    finished.write_bytes(b"clip")
    record = clips / "done.mp4.uses.json"
    record.write_text('{"uses": []}')
    dead, live = _dead_pid(), os.getppid()
    abandoned = [
        clips / f".a.{dead}-00aa.partial.mp4",
        clips / f".b.{os.getpid()}-00bb.partial.mp4",  # our own pid: we have no work yet
        clips / "c.mp4.part",
        clips / ".d.partial.mp4",
        root / "moods" / ".e.download",
    ]
    (root / "moods").mkdir()
    for path in abandoned:
        path.write_bytes(b"half")
    work = temp_dir(ads, "compose")
    (work / "segment-00.mp4").write_bytes(b"seg")
    legacy_work = ads / ".compose-abc123"
    legacy_work.mkdir()
    (legacy_work / "audio.m4a").write_bytes(b"aud")
    in_progress = clips / f".f.{live}-00ff.partial.mp4"  # a live process is writing it
    in_progress.write_bytes(b"writing")

    swept = sweep(root)

    assert (swept.files, swept.folders) == (5, 2)
    assert not any(path.exists() for path in abandoned)
    assert not work.exists() and not legacy_work.exists()
    assert finished.read_bytes() == b"clip" and record.exists()
    assert in_progress.exists()


def test_the_sweep_never_follows_a_link_out_of_the_store(tmp_path: Path) -> None:
    outside = tmp_path / "precious"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine")
    root = tmp_path / "media"
    (root / "ads").mkdir(parents=True)
    (root / "ads" / ".compose-linked").symlink_to(outside, target_is_directory=True)
    (root / "ads" / "x.mp4.part").symlink_to(outside / "keep.txt")

    swept = sweep(root)

    assert (swept.files, swept.folders) == (1, 1), "each link removed as a link"
    assert (outside / "keep.txt").read_text() == "mine"
    assert not (root / "ads" / ".compose-linked").is_symlink()
    assert not (root / "ads" / "x.mp4.part").is_symlink()
