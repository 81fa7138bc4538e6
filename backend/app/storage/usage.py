"""How many bytes the media store holds, for its `MEDIA_MAX_BYTES` quota.

Counted once by walking the store (in a thread, at start-up), then kept current by every file
the store commits or deletes. Files another process adds or removes (`reelsmith media prune`,
an operator's `rm`) are seen at the next count: the store counts again before it refuses work.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

from app.storage.partials import is_work_in_progress


def measure(root: Path) -> int:
    """Bytes of finished files under `root`; work in progress and links are not counted."""
    total = 0
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if not is_work_in_progress(name)]
        for name in names:
            if is_work_in_progress(name):
                continue
            try:
                info = os.lstat(os.path.join(folder, name))
            except OSError:  # removed while we walked
                continue
            if stat.S_ISREG(info.st_mode):
                total += info.st_size
    return total


class Usage:
    """A byte count shared by the event loop's worker threads; every method is thread-safe."""

    def __init__(self, measure: Callable[[Path], int] = measure) -> None:
        self._measure = measure
        """How the bytes are counted: the files under the root, or a bucket's objects."""
        self._lock = threading.Lock()
        self._walk = threading.Lock()
        self._counted = threading.Event()
        self._bytes = 0
        self._walking = False
        self._during_walk = 0
        self._walked_from = float("-inf")

    @property
    def bytes(self) -> int:
        with self._lock:
            return self._bytes

    @property
    def counted(self) -> bool:
        return self._counted.is_set()

    def add(self, size: int) -> None:
        """Record a file committed (positive) or deleted (negative)."""
        with self._lock:
            self._bytes = max(0, self._bytes + size)
            if self._walking:
                self._during_walk += size

    def count(self, root: Path, unless_since: float | None = None) -> int:
        """Walk `root` and start again from what is there (blocking); returns the new count.

        Changes made while the walk runs are kept on top of it, so the count never drops to
        nothing halfway (a file written during the walk may be counted twice until the next).
        With `unless_since` (a `time.monotonic()`), a walk begun after that moment stands in
        for this one: callers that pile up while the store is full share one walk.
        """
        with self._walk:
            if unless_since is not None and self._walked_from > unless_since:
                return self.bytes
            started = time.monotonic()
            with self._lock:
                self._walking, self._during_walk = True, 0
            total: int | None = None
            try:
                total = self._measure(root)
            finally:
                with self._lock:
                    if total is not None:
                        self._bytes = max(0, total + self._during_walk)
                    self._walking = False
                self._walked_from = started
                self._counted.set()  # a failed walk must not hold requests for ever
            return self.bytes

    def wait_counted(self) -> None:
        """Block until the first count is done."""
        self._counted.wait()
