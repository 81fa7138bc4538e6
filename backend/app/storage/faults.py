"""A disk that cannot take more is a `StorageFull` (507), never a crash or an `internal_error`.

Three system errors mean "no room for new media" whatever wrote the file (Pillow, numpy, an
HTTP download, FFmpeg): ENOSPC (disk full), EDQUOT (the user's disk quota) and EROFS (the volume
went read-only, as ext4 does after an I/O error). They are recognised anywhere in an exception's
chain, so a layer that wraps an OSError in its own error still reports the full disk. FFmpeg
reports them only in its stderr, in the system's own words (`os.strerror`).
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from app.errors import StorageFull

logger = logging.getLogger(__name__)

STORAGE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})
_STORAGE_WORDS = tuple(os.strerror(number).lower() for number in sorted(STORAGE_ERRNOS))


def storage_fault(exc: BaseException) -> OSError | None:
    """The OSError in `exc`'s chain (itself, its cause, its context) that means no room."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in STORAGE_ERRNOS:
            return current
        current = current.__cause__ or current.__context__
    return None


def as_storage_full(exc: BaseException) -> StorageFull | None:
    """`exc` as the error a client sees, if it is a storage fault; the cause is logged."""
    if isinstance(exc, StorageFull):
        return exc
    fault = storage_fault(exc)
    if fault is None:
        return None
    logger.warning("the media store cannot take more: %s", fault)
    return StorageFull()


@contextmanager
def storage_faults() -> Iterator[None]:
    """Raise `StorageFull` for a storage fault inside the block; anything else passes as it is."""
    try:
        yield
    except Exception as exc:
        full = as_storage_full(exc)
        if full is None or full is exc:
            raise
        raise full from exc


def says_storage_full(lines: Iterable[str]) -> bool:
    """Whether FFmpeg's stderr blames the disk ("No space left on device", ...)."""
    return any(words in line.lower() for line in lines for words in _STORAGE_WORDS)
