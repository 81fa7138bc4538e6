"""A batch of new files for the media store: what one step writes, kept or dropped together.

See `MediaStore.batch()`, the only way files enter the store.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from app.storage import provenance


@dataclass
class NewFile:
    key: str
    path: Path
    """Where the file lives once the batch has ended well."""
    partial: Path
    """Where to write it until then; the same suffix, so FFmpeg and Pillow pick the format."""
    committed: bool = False


class Batch:
    def __init__(self, new_file: Callable[[str], NewFile]) -> None:
        self._new_file = new_file
        self.files: list[NewFile] = []
        """In commit order."""
        self.adopted: list[Path] = []

    def new(self, folder: str, suffix: str) -> NewFile:
        """A place for one new file in `folder/`, under a fresh key."""
        file = self._new_file(f"{folder}/{uuid.uuid4().hex}{suffix}")
        self.files.append(file)
        return file

    def named(self, key: str) -> NewFile:
        """A place for one new file under a key the caller minted: several files that belong
        together (an upload and its cut-out) share a fresh folder."""
        file = self._new_file(key)
        self.files.append(file)
        return file

    async def record_uses(self, subject: NewFile, uses: Iterable[str]) -> None:
        """Write what `subject` was made from beside it (see `app.storage.provenance`).

        The record is committed just before its subject, so no file is ever without one.
        """
        record = self._new_file(provenance.record_key(subject.key))
        self.files.insert(self.files.index(subject), record)
        await asyncio.to_thread(record.partial.write_bytes, provenance.encode(uses))

    def beside(self, subject: NewFile, suffix: str) -> NewFile:
        """A file that describes `subject` under its key plus `suffix` (a sidecar), committed
        just before it, like a provenance record."""
        sidecar = self._new_file(subject.key + suffix)
        self.files.insert(self.files.index(subject), sidecar)
        return sidecar

    def adopt(self, path: Path) -> None:
        """A file already in the store that this batch's work brought in (a fetched input):
        removed with the batch if it fails, kept if it succeeds."""
        self.adopted.append(path)


_committed: ContextVar[list[str] | None] = ContextVar("committed", default=None)


@contextmanager
def noting_commits() -> Iterator[list[str]]:
    """The keys every batch commits within the block (and in the tasks it starts), with the
    inputs they brought in: what one worker step made, to remove should its job be called off
    while it ran (`app.workers.steps`)."""
    keys: list[str] = []
    token = _committed.set(keys)
    try:
        yield keys
    finally:
        _committed.reset(token)


def note_commit(keys: Iterable[str]) -> None:
    """A batch committed these keys (`MediaStore.batch`): noted if someone is noting."""
    noting = _committed.get()
    if noting is not None:
        noting.extend(keys)
