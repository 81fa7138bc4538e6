"""Our media store: every asset we hand out lives here and is served at `/media/...`.

Provider URLs expire (Replicate's after about an hour), so nothing else is ever returned to a
client. Keys are relative POSIX paths such as `clips/3f2a….mp4`; URLs are
`{PUBLIC_BASE_URL}/media/{key}`. A key that could mean anything but a plain file inside the root
(`..`, an absolute path, a NUL, a backslash, a hidden temporary folder, a name longer than the
file system takes) is refused before the disk is asked, never resolved.

Every file arrives through one door, `batch()` (or `writing()` for a single file): the writer
(Pillow, numpy, FFmpeg, a download) writes to a partial path beside the final one, and the
batch renames its files into place when it ends well, or removes them however else it ends
(an error, a cancelled job). Readers never see half a file; a full or read-only disk is a
`StorageFull`; the byte count behind `MEDIA_MAX_BYTES` stays current.

With `MEDIA_BACKEND=s3` a bucket is the media's home and the root its working cache
(`app.storage.bucket_cache`): a batch uploads its files as it commits them, `resolve` downloads
a key the cache lacks, and the quota counts what the bucket holds. Callers see local paths
either way.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from app.errors import QUOTA_REACHED, MediaNotFound, MediaPathRefused, StorageFull
from app.storage import provenance
from app.storage.batch import Batch, NewFile, note_commit
from app.storage.bucket_cache import BucketCache
from app.storage.faults import storage_faults
from app.storage.partials import is_work_in_progress, partial_path
from app.storage.usage import Usage, measure

logger = logging.getLogger(__name__)

MEDIA_PREFIX = "/media/"
MAX_KEY_BYTES = 4096
"""PATH_MAX on Linux: no longer key can name a file."""
MAX_NAME_BYTES = 255
"""NAME_MAX: no longer folder or file name exists."""
_UNSAFE_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\\]")
"""Control characters and backslashes: in no key we mint, and read differently by other tools."""


def check_key(key: str) -> PurePosixPath:
    """`key` as a path relative to the store root, or `MediaPathRefused` saying why not.

    Names starting with a dot are the store's temporary work (a download in progress, a compose
    folder) and never published.
    """
    try:
        size = len(key.encode("utf-8"))
    except UnicodeEncodeError:
        raise MediaPathRefused("A media key must be valid UTF-8 text.") from None
    if not 0 < size <= MAX_KEY_BYTES:
        raise MediaPathRefused(f"A media key is 1 to {MAX_KEY_BYTES} bytes long.")
    if _UNSAFE_CHARACTERS.search(key):
        raise MediaPathRefused("A media key has no control characters or backslashes.")
    parts = key.split("/")
    if any(not part or part.startswith(".") for part in parts):
        raise MediaPathRefused(
            "A media key is a relative path like clips/name.mp4, with no empty, `.` or `..` parts."
        )
    if any(len(part.encode("utf-8")) > MAX_NAME_BYTES for part in parts):
        raise MediaPathRefused(f"Each name in a media key is at most {MAX_NAME_BYTES} bytes long.")
    return PurePosixPath(key)


@dataclass(frozen=True)
class StoredFile:
    key: str
    path: Path


class MediaStore:
    def __init__(
        self,
        root: Path,
        public_base_url: str,
        max_bytes: int = 0,
        bucket: BucketCache | None = None,
    ) -> None:
        self.root = root.resolve()
        self.public_base_url = public_base_url.rstrip("/")
        self.max_bytes = max_bytes
        """`MEDIA_MAX_BYTES`: beyond it new work is refused; 0 means no limit."""
        self.bucket = bucket
        """The bucket behind the root with `MEDIA_BACKEND=s3`; None: the root is the store."""
        self.usage = Usage(bucket.remote_bytes if bucket else measure)
        self.signer: Callable[[str, str], str] | None = None
        """With accounts on (`app.auth.media_links`): `(url, key)` → the URL signed for whoever
        the work is for. None: URLs are plain, as a studio without accounts serves them."""
        self.guard: Callable[[str, str], bool] | None = None
        """With accounts on: `(url, key)` → whether whoever the work is for may hand us this
        link of ours as an input (it carries their signature). None: every link may."""
        self._counting: threading.Thread | None = None
        with storage_faults():
            self.root.mkdir(parents=True, exist_ok=True)

    def allocate(self, folder: str, suffix: str) -> StoredFile:
        """A fresh, unused place for a new asset; its folder exists, the file does not yet.

        Writers go through `batch()`, which allocates, writes beside and renames.
        """
        key = f"{folder}/{uuid.uuid4().hex}{suffix}"
        path = self._path_for(key)
        with storage_faults():
            path.parent.mkdir(parents=True, exist_ok=True)
        return StoredFile(key=key, path=path)

    @asynccontextmanager
    async def batch(self) -> AsyncIterator[Batch]:
        """Files that appear together when the block ends well, or not at all.

        The block writes each file at its `partial` path. On success every file is renamed into
        place in the order it was added (records first); on any exit but success, partial and
        committed files alike are removed, with any the batch `adopt`ed.
        """
        batch = Batch(self._new_file)
        try:
            with storage_faults():
                yield batch
                await asyncio.to_thread(self._commit, batch.files)
                note_commit([file.key for file in batch.files])
                note_commit(self.key_for_path(path) for path in batch.adopted)
        except BaseException:
            # Shielded: a job cancelled while it cleans up still finishes cleaning.
            await asyncio.shield(asyncio.to_thread(self._abandon, batch))
            raise

    @asynccontextmanager
    async def writing(self, folder: str, suffix: str) -> AsyncIterator[NewFile]:
        """One new file in `folder/`: write it at `.partial`; it appears at `.path` when whole."""
        async with self.batch() as batch:
            yield batch.new(folder, suffix)

    def url_for(self, key: str) -> str:
        """The one place a media URL is made: whatever the backend, it is ours, `/media/...`."""
        url = f"{self.public_base_url}{MEDIA_PREFIX}{key}"
        return url if self.signer is None else self.signer(url, key)

    def usable(self, url: str, key: str) -> bool:
        """Whether our own `url` (of `key`) may be an input of the current work."""
        return self.guard is None or self.guard(url, key)

    def key_for_path(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()

    def url_for_path(self, path: Path) -> str:
        return self.url_for(self.key_for_path(path))

    def resolve(self, key: str) -> Path:
        """The file behind a key; refuses odd keys, 404s missing files and folders.

        Work in progress and provenance records are not media: they are not found either.
        Blocking: with a bucket, a key the cache lacks is downloaded.
        """
        path = self._path_for(key)
        hidden = any(map(is_work_in_progress, key.split("/"))) or provenance.is_record(key)
        if hidden or not self._local_copy(key, path):
            raise MediaNotFound(f"No media file at {key!r}.")
        return path

    def holds(self, key: str) -> bool:
        """Whether `key` names a file of ours, without downloading it (blocking)."""
        try:
            path = self._path_for(key)
        except MediaPathRefused:
            return False
        if any(map(is_work_in_progress, key.split("/"))) or provenance.is_record(key):
            return False
        if _is_file(path):
            return True
        return self.bucket is not None and self.bucket.holds(key)

    def remove(self, keys: Iterable[str]) -> int:
        """Delete these keys' files, here and in the bucket (blocking); the bytes freed.

        A key that names nothing is skipped; an odd one is refused before anything goes.
        """
        paths = {key: self._path_for(key) for key in dict.fromkeys(keys)}
        freed = 0
        for key, path in paths.items():
            try:
                size = path.lstat().st_size
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                logger.warning("could not remove %s: %s", key, exc)
                continue
            freed += size
        if self.bucket is not None:  # the bucket's sizes are what the quota counts
            sizes = self.bucket.sizes(list(paths))
            self.bucket.remote.delete(sizes)
            freed = sum(sizes.values())
        self.usage.add(-freed)
        return freed

    def count_in(self, path: Path) -> None:
        """Count a file another writer put in the store whole (the fetcher renames its own
        checked downloads into place), uploading it to the bucket if there is one; blocking."""
        if self.bucket is not None:
            self.bucket.upload(path, self.key_for_path(path))
        self.usage.add(path.stat().st_size)

    def uses_of(self, key: str) -> list[str]:
        """What the file at `key` was made from, as its record says (blocking)."""
        record = provenance.record_key(key)
        path = self._path_for(record)
        try:
            if not self._local_copy(record, path):
                return []
            data = path.read_bytes()
        except OSError:
            return []
        return provenance.decode(data) or []

    def start_counting(self) -> None:
        """Count the bytes already stored, in a thread; the count is kept current after it."""
        if self._counting is None:
            self._counting = threading.Thread(target=self._count, name="media-usage", daemon=True)
            self._counting.start()

    async def ensure_room(self) -> None:
        """Refuse new work (`StorageFull`) once the store holds `max_bytes` or more.

        Before refusing, count again: another process (`reelsmith media prune`) may have freed
        space since.
        """
        if not self.max_bytes:
            return
        if self._counting is None:
            self.start_counting()
        if not self.usage.counted:
            await asyncio.to_thread(self.usage.wait_counted)
        if self.usage.bytes < self.max_bytes:
            return
        asked = time.monotonic()
        if await asyncio.to_thread(self.usage.count, self.root, asked) >= self.max_bytes:
            logger.warning("media store at its %d-byte quota: new work refused", self.max_bytes)
            raise StorageFull(QUOTA_REACHED)

    def _new_file(self, key: str) -> NewFile:
        path = self._path_for(key)
        with storage_faults():
            path.parent.mkdir(parents=True, exist_ok=True)
        return NewFile(key=key, path=path, partial=partial_path(path))

    def _count(self) -> None:
        try:
            self.usage.count(self.root)
        except Exception:  # a bucket that does not answer: counted again before refusing
            logger.exception("media store: the first count of its bytes failed")

    def _local_copy(self, key: str, path: Path) -> bool:
        """Whether the file of `key` is at `path` now, downloaded if need be (blocking)."""
        if _is_file(path):
            if self.bucket is not None:
                self.bucket.touch(path)
            return True
        return self.bucket is not None and self.bucket.fetch(key, path)

    def _commit(self, files: list[NewFile]) -> None:
        for file in files:
            size = file.partial.stat().st_size
            if self.bucket is not None:
                self.bucket.upload(file.partial, file.key)
            file.partial.replace(file.path)
            file.committed = True
            self.usage.add(size)

    def _abandon(self, batch: Batch) -> None:
        """Remove what a failed batch wrote or adopted; never raises over the batch's error."""
        counted = [file.path for file in batch.files if file.committed] + batch.adopted
        if self.bucket is not None and counted:
            uploaded = [file.key for file in batch.files if file.committed]
            uploaded += [self.key_for_path(path) for path in batch.adopted]
            try:
                self.bucket.remote.delete(uploaded)
            except Exception as exc:  # the batch's own error is the one to tell
                logger.warning("could not remove a failed batch's files from the bucket: %s", exc)
        uncounted = [file.partial for file in batch.files if not file.committed]
        for path in [*counted, *uncounted]:
            try:
                size = path.lstat().st_size
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:  # a read-only disk cannot be cleaned either
                logger.warning("could not remove %s: %s", path, exc)
                continue
            if path in counted:
                self.usage.add(-size)

    def key_from_url(self, url: str) -> str | None:
        """The key of one of our own URLs (absolute or `/media/...`), or None for a foreign URL.

        Matching on the path alone lets a URL built for `localhost` still resolve when the
        browser reached us as `127.0.0.1`.
        """
        try:
            parts = urlsplit(url)
            if parts.scheme not in ("", "http", "https"):
                return None
            if (
                parts.scheme
                and parts.netloc
                and not self._is_our_origin(parts.hostname, parts.port)
            ):
                return None
        except ValueError:  # `http://[::1`, a port over 65535: not ours, and the fetch policy
            return None  # refuses it as malformed
        if not parts.path.startswith(MEDIA_PREFIX):
            return None
        return unquote(parts.path[len(MEDIA_PREFIX) :])

    def _is_our_origin(self, host: str | None, port: int | None) -> bool:
        ours = urlsplit(self.public_base_url)
        if host == ours.hostname and port == ours.port:
            return True
        return host in _LOOPBACK_NAMES and ours.hostname in _LOOPBACK_NAMES and port == ours.port

    def _path_for(self, key: str) -> Path:
        path = (self.root / check_key(key)).resolve()
        if not path.is_relative_to(self.root):  # a link pointing out of the store
            raise MediaPathRefused("A media key must name a file inside the media store.")
        return path


_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # the root and the key together are longer than the system takes
        return False
