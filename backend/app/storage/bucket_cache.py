"""`MEDIA_BACKEND=s3`: the bucket is the media's home, the media root a bounded working cache.

FFmpeg, Pillow and the providers read and write local files, so they still do: a batch's files
are written in the cache as ever, and each is uploaded when the batch commits (and deleted from
the bucket again if the batch fails after all). A key the cache does not hold is downloaded on
first use, with what the store keeps beside it (`{key}.uses.json`, `{key}.form.json`: every
object whose key is the file's key plus a dotted suffix), since readers open those as files
next to it.

Keys are never rewritten, so a cached copy stays true for as long as the key exists. The cache
keeps at most `MEDIA_CACHE_MAX_BYTES`: past it, the files used longest ago are dropped (a file
with its companions), except those used in the last `IN_USE_SECONDS`, which a running job may
still be reading. Every method blocks; the store calls them from worker threads.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from app.storage.partials import is_work_in_progress, partial_path
from app.storage.s3_remote import S3Remote

logger = logging.getLogger(__name__)

IN_USE_SECONDS = 15 * 60
"""A cached file used more recently than this is never dropped: a job may be reading it."""


@dataclass
class _Group:
    """A cached file and its companions: dropped together, dated by the file's last use
    (its access time: `touch`ed by every `resolve`)."""

    used: float
    size: int
    paths: list[Path]


class BucketCache:
    def __init__(self, remote: S3Remote, root: Path, max_bytes: int) -> None:
        self.remote = remote
        self.root = root
        self.max_bytes = max_bytes
        """0: no bound."""
        self._added = 0
        self._lock = threading.Lock()

    def fetch(self, key: str, path: Path) -> bool:
        """Download `key` (and its companions) to `path` beside them; False when it is not in
        the bucket."""
        prefix = key + "."
        found = {
            item.key: item
            for item in self.remote.listing(key)
            if item.key == key or (item.key.startswith(prefix) and "/" not in item.key[len(key) :])
        }
        if key not in found:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        for name in sorted(found, key=len, reverse=True):  # companions first, as on commit
            target = path.with_name(path.name + name[len(key) :])
            partial = partial_path(target)
            try:
                if not self.remote.download(name, partial):
                    if name == key:  # removed between the listing and now
                        return False
                    continue
                # Dated as stored, so its ETag is the same from any cache, however often fetched.
                os.utime(partial, (time.time(), found[name].mtime))
                partial.replace(target)
            finally:
                partial.unlink(missing_ok=True)
        self.added(sum(item.size for item in found.values()))
        return True

    def holds(self, key: str) -> bool:
        return any(item.key == key for item in self.remote.listing(key))

    def sizes(self, keys: list[str]) -> dict[str, int]:
        """The size of each of `keys` the bucket holds."""
        wanted = set(keys)
        return {
            item.key: item.size
            for key in keys
            for item in self.remote.listing(key)
            if item.key == key and item.key in wanted
        }

    def remote_bytes(self, _root: Path) -> int:
        """What the quota counts: the bucket's bytes, not the cache's."""
        return self.remote.total_bytes()

    def upload(self, path: Path, key: str) -> None:
        self.remote.upload(path, key)
        self.added(path.stat().st_size)

    def touch(self, path: Path) -> None:
        """Mark a cached file as just used, so the cache keeps it longest: its access time,
        as its modification time makes its ETag."""
        with contextlib.suppress(OSError):
            os.utime(path, (time.time(), path.stat().st_mtime))

    def added(self, size: int) -> None:
        """Count bytes put in the cache; past an eighth of the bound, trim."""
        with self._lock:
            self._added += size
            due = bool(self.max_bytes) and self._added > self.max_bytes // 8
            if due:
                self._added = 0
        if due:
            self.trim()

    def trim(self) -> int:
        """Drop the files used longest ago until the cache fits its bound; the bytes freed."""
        if not self.max_bytes:
            return 0
        groups = _groups(self.root)
        total = sum(group.size for group in groups)
        protected = time.time() - IN_USE_SECONDS
        freed = 0
        for group in sorted(groups, key=lambda group: group.used):
            if total - freed <= self.max_bytes:
                break
            if group.used > protected:
                continue
            for path in group.paths:
                with contextlib.suppress(OSError):
                    path.unlink()
            freed += group.size
        if freed:
            logger.info("media cache: dropped %d bytes used longest ago", freed)
        return freed


def _groups(root: Path) -> list[_Group]:
    groups: list[_Group] = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if not is_work_in_progress(name)]
        files = {}
        for name in names:
            if is_work_in_progress(name):
                continue
            try:
                files[name] = os.lstat(os.path.join(folder, name))
            except OSError:
                continue
        subjects: dict[str, _Group] = {}
        for name in sorted(files, key=len):
            info = files[name]
            path = Path(folder, name)
            subject = _subject_of(name, subjects)
            if subject is None:
                subjects[name] = _Group(info.st_atime, info.st_size, [path])
            else:
                subject.size += info.st_size
                subject.paths.insert(0, path)  # companions go first, the file last
        groups.extend(subjects.values())
    return groups


def _subject_of(name: str, subjects: dict[str, _Group]) -> _Group | None:
    """The group of the file `name` is a companion of (`{subject}.{suffix}`), if cached."""
    dot = name.find(".")
    while dot != -1:
        found = subjects.get(name[:dot])
        if found is not None:
            return found
        dot = name.find(".", dot + 1)
    return None
