"""Work in progress in the media store: one naming convention, and the sweep that clears it.

Every file is written under a partial name beside its final place and renamed once whole, and
temporary folders (the composer's segments) carry the same mark:

    .{name}.{pid}-{token}.partial{suffix}    a file being written (`.3f2a….4711-9c1e.partial.mp4`)
    .{label}.{pid}-{token}.partial           a folder of temporary work

The leading dot keeps them out of listings and out of `/media`; the suffix stays last so FFmpeg
and Pillow still pick the format from the name; the pid says which process owns the work. A
process killed mid-job leaves these behind, and the next start-up sweeps them: those of a dead
process, and any of our own pid (a restarted container may get the same pid, and at start-up we
have no work of our own yet). A live process's work, say a server's while `reelsmith render`
starts beside it, is left alone.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import re
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

_MARK = ".partial"
_PARTIAL = re.compile(
    r"^\.(?P<base>.+)\.(?P<pid>\d+)-[A-Za-z0-9_]+\.partial(?P<suffix>\.[A-Za-z0-9]+)?$"
)
_LEGACY = ("*.part", ".*.partial.*", ".*.download", ".compose-*")
"""Names earlier versions wrote their work under; swept whatever their age."""


def partial_path(final: Path) -> Path:
    """A fresh partial name beside `final` (or beside the file a partial name stands for)."""
    found = _PARTIAL.match(final.name)
    base, suffix = (found["base"], found["suffix"] or "") if found else (final.stem, final.suffix)
    return final.with_name(f".{base}.{os.getpid()}-{secrets.token_hex(4)}{_MARK}{suffix}")


def temp_dir(parent: Path, label: str) -> Path:
    """A new private folder in `parent` for temporary work; absolute."""
    parent.mkdir(parents=True, exist_ok=True)
    made = tempfile.mkdtemp(prefix=f".{label}.{os.getpid()}-", suffix=_MARK, dir=parent)
    return Path(made).resolve()


def is_work_in_progress(name: str) -> bool:
    """Whether a file or folder name marks work in progress, ours or an earlier version's."""
    return bool(_PARTIAL.match(name)) or any(fnmatch.fnmatch(name, p) for p in _LEGACY)


def is_abandoned(name: str) -> bool:
    """Work in progress that no live process will finish."""
    found = _PARTIAL.match(name)
    if found is None:
        return is_work_in_progress(name)
    pid = int(found["pid"])
    return pid == os.getpid() or not _alive(pid)


@dataclass(frozen=True)
class Swept:
    files: int
    folders: int


def sweep(root: Path) -> Swept:
    """Remove abandoned partial files and temporary folders anywhere under `root` (blocking).

    Symbolic links are never followed: a link that carries a partial name is removed itself,
    whatever it points at.
    """
    files = folders = 0
    for folder, subfolders, names in os.walk(root):
        here = Path(folder)
        for name in list(subfolders):
            if not is_abandoned(name):
                continue
            subfolders.remove(name)
            path = here / name
            if path.is_symlink():
                path.unlink(missing_ok=True)
            else:
                shutil.rmtree(path, ignore_errors=True)
            folders += 1
        for name in names:
            if is_abandoned(name):
                (here / name).unlink(missing_ok=True)
                files += 1
    return Swept(files=files, folders=folders)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True
