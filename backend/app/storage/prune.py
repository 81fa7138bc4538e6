"""`reelsmith media prune`: remove old intermediates that no finished ad uses.

Intermediates are mood images, seed images, clips and music tracks. Every ad's provenance
record (see `app.storage.provenance`) lists the keys it was made from; those are kept whatever
their age, as is whatever a saved project names, and ads themselves are never removed. An ad
made before records existed says nothing about what it used, so every intermediate older than
it is kept too. Sized previews (`app.storage.previews`) go with their source: with one pruned
now, or whenever their source is gone, however it went.

It works on the files alone, so it runs beside a live server: it looks one level deep into the
known folders, never follows nor removes a symbolic link, leaves work in progress to the
start-up sweep, and touches nothing outside the store. With `MEDIA_BACKEND=s3` it plans from one
listing of the bucket (`BucketFiles`), each object dated as stored, and removes through the
store, from the bucket and the cache alike.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.storage import provenance
from app.storage.partials import is_work_in_progress
from app.storage.previews import PREVIEWS, source_of
from app.storage.s3_remote import RemoteObject


@dataclass(frozen=True)
class Doomed:
    key: str
    size: int


@dataclass
class PrunePlan:
    doomed: list[Doomed] = field(default_factory=list)
    unrecorded_ads: int = 0
    """Ads without a readable record: intermediates older than the newest one were kept."""

    @property
    def size(self) -> int:
        return sum(item.size for item in self.doomed)


@dataclass(frozen=True)
class _File:
    name: str
    size: int
    mtime: float


class BucketFiles:
    """What the bucket holds, read in one listing, in the shape pruning reads a folder in."""

    def __init__(self, listing: Iterable[RemoteObject], read: Callable[[str], bytes | None]):
        self._objects = {item.key: item for item in listing}
        self._read = read

    def files(self, folder: str) -> dict[str, _File]:
        found = {}
        for key, item in self._objects.items():
            parent, _, name = key.rpartition("/")
            if parent == folder and not is_work_in_progress(name):
                found[name] = _File(name, item.size, item.mtime)
        return found

    def previews(self) -> list[tuple[str, int]]:
        return [
            (key, item.size)
            for key, item in self._objects.items()
            if key.startswith(f"{PREVIEWS}/") and not is_work_in_progress(key.rpartition("/")[2])
        ]

    def is_file(self, key: str) -> bool:
        return key in self._objects

    def record(self, key: str) -> list[str] | None:
        data = self._read(key)
        return None if data is None else provenance.decode(data)


class _LocalFiles:
    def __init__(self, root: Path) -> None:
        self.root = root

    def files(self, folder: str) -> dict[str, _File]:
        return _files(self.root / folder)

    def previews(self) -> list[tuple[str, int]]:
        return _previews(self.root)

    def is_file(self, key: str) -> bool:
        return _is_file(self.root / key)

    def record(self, key: str) -> list[str] | None:
        return _read_record(self.root / key)


def plan_prune(
    root: Path | BucketFiles,
    older_than_seconds: float,
    now: float,
    keep_keys: Iterable[str] = (),
) -> PrunePlan:
    """What pruning would remove: unused intermediates last changed before `now - older_than`.

    `keep_keys` are kept whatever their age too: what a saved project still shows.
    Blocking; reads the ads' records.
    """
    store = _LocalFiles(root) if isinstance(root, Path) else root
    plan = PrunePlan()
    keep: set[str] = set(keep_keys)
    unrecorded_until = float("-inf")
    ads = store.files(provenance.ADS)
    for ad in ads.values():
        if provenance.is_record(ad.name):
            continue
        uses = store.record(f"{provenance.ADS}/{provenance.record_key(ad.name)}")
        if uses is None:
            plan.unrecorded_ads += 1
            unrecorded_until = max(unrecorded_until, ad.mtime)
        else:
            keep.update(uses)

    cutoff = now - older_than_seconds
    for folder in provenance.INTERMEDIATES:
        files = store.files(folder)
        for file in files.values():
            key = f"{folder}/{file.name}"
            if provenance.is_record(file.name):
                # A record goes with its file, or alone once its file is gone.
                if provenance.subject_of(file.name) not in files and file.mtime < cutoff:
                    plan.doomed.append(Doomed(key, file.size))
                continue
            if key in keep or file.mtime >= cutoff or file.mtime <= unrecorded_until:
                continue
            plan.doomed.append(Doomed(key, file.size))
            record = files.get(provenance.record_key(file.name))
            if record is not None:
                plan.doomed.append(Doomed(f"{folder}/{record.name}", record.size))
    # A crash between an ad's record and the ad itself leaves a record of nothing.
    for file in ads.values():
        orphan = provenance.is_record(file.name) and provenance.subject_of(file.name) not in ads
        if orphan and file.mtime < cutoff:
            plan.doomed.append(Doomed(f"{provenance.ADS}/{file.name}", file.size))
    pruned = {item.key for item in plan.doomed}
    for key, size in store.previews():
        source = source_of(key)
        if source is not None and (source in pruned or not store.is_file(source)):
            plan.doomed.append(Doomed(key, size))
    return plan


def apply_prune(root: Path, plan: PrunePlan) -> int:
    """Remove what `plan` lists (blocking); returns the bytes freed."""
    freed = 0
    for item in plan.doomed:
        path = root / item.key
        try:
            info = path.lstat()
            if not stat.S_ISREG(info.st_mode):
                continue
            path.unlink()
        except FileNotFoundError:
            continue
        freed += info.st_size
    return freed


def _files(folder: Path) -> dict[str, _File]:
    """Regular files directly in `folder` (not a link), by name; none if it is not a folder."""
    if not folder.is_dir() or folder.is_symlink():
        return {}
    found = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if is_work_in_progress(entry.name) or not entry.is_file(follow_symlinks=False):
                continue
            info = entry.stat(follow_symlinks=False)
            found[entry.name] = _File(entry.name, info.st_size, info.st_mtime)
    return found


def _previews(root: Path) -> list[tuple[str, int]]:
    """Every finished file under `previews/` (at any depth, as sources nest), with its size."""
    top = root / PREVIEWS
    if not top.is_dir() or top.is_symlink():
        return []
    found = []
    for folder, subfolders, names in os.walk(top):  # never into a linked folder
        subfolders[:] = [name for name in subfolders if not is_work_in_progress(name)]
        for name in names:
            path = Path(folder) / name
            try:
                info = path.lstat()
            except OSError:  # removed while we walked
                continue
            if is_work_in_progress(name) or not stat.S_ISREG(info.st_mode):
                continue
            found.append((path.relative_to(root).as_posix(), info.st_size))
    return found


def _is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def _read_record(path: Path) -> list[str] | None:
    try:
        return provenance.decode(path.read_bytes())
    except OSError:
        return None
