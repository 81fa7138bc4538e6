"""Providers that meet a full or read-only disk, as a real one answers.

No root, no loop device: a full disk is the kernel's `/dev/full`, on which every write fails
with ENOSPC. Each fake points its output at it and then writes exactly as its healthy twin does
(Pillow, the `wave` module, FFmpeg), so the error is the one a full disk raises, from the same
call. A read-only volume (EROFS) cannot be had that way; that one is raised as the first write
would raise it.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from app.config import FFmpegSettings
from app.providers.base import ImageSpec, MotionSpec, MusicSpec, ProgressCallback
from app.providers.local.motion import LocalMotionProvider
from tests.utils.fakes import FakeImages, FakeMusic

FULL_DISK = Path("/dev/full")

needs_dev_full = pytest.mark.skipif(not FULL_DISK.exists(), reason="no /dev/full here")


def onto_full_disk(out: Path) -> None:
    """From now on, writing `out` writes to a disk with no space left."""
    out.symlink_to(FULL_DISK)


def read_only(out: Path) -> OSError:
    return OSError(errno.EROFS, os.strerror(errno.EROFS), str(out))


class DiskFullImages(FakeImages):
    """Paints like `FakeImages`; the `fail_at`-th image (1-based) and later meet a full disk."""

    def __init__(self, fail_at: int = 1, read_only: bool = False) -> None:
        super().__init__()
        self.fail_at = fail_at
        self.read_only = read_only

    async def generate(self, spec: ImageSpec, out: Path) -> Path:
        if len(self.specs) + 1 >= self.fail_at:
            if self.read_only:
                self.specs.append(spec)
                raise read_only(out)
            onto_full_disk(out)
        return await super().generate(spec, out)


class DiskFullMusic(FakeMusic):
    def __init__(self, read_only: bool = False) -> None:
        self.read_only = read_only

    async def compose(self, spec: MusicSpec, out: Path) -> Path:
        if self.read_only:
            raise read_only(out)
        onto_full_disk(out)
        return await super().compose(spec, out)


class DiskFullMotion(LocalMotionProvider):
    """The real local motion provider: FFmpeg itself finds the disk full."""

    def __init__(self) -> None:
        super().__init__(FFmpegSettings())

    async def animate(
        self, spec: MotionSpec, out: Path, on_progress: ProgressCallback | None = None
    ) -> Path:
        onto_full_disk(out)
        return await super().animate(spec, out, on_progress)
