"""Our media store: every asset we hand out lives here and is served at `/media/...`.

Provider URLs expire (Replicate's after about an hour), so nothing else is ever returned to a
client. Keys are relative POSIX paths such as `clips/3f2a….mp4`; URLs are
`{PUBLIC_BASE_URL}/media/{key}`. A key that could mean anything but a plain file inside the root
(`..`, an absolute path, a NUL, a backslash, a hidden temporary folder, a name longer than the
file system takes) is refused before the disk is asked, never resolved.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from app.errors import MediaNotFound, MediaPathRefused

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
    def __init__(self, root: Path, public_base_url: str) -> None:
        self.root = root.resolve()
        self.public_base_url = public_base_url.rstrip("/")
        self.root.mkdir(parents=True, exist_ok=True)

    def allocate(self, folder: str, suffix: str) -> StoredFile:
        """A fresh, unused place for a new asset; its folder exists, the file does not yet."""
        key = f"{folder}/{uuid.uuid4().hex}{suffix}"
        path = self._path_for(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        return StoredFile(key=key, path=path)

    def url_for(self, key: str) -> str:
        return f"{self.public_base_url}{MEDIA_PREFIX}{key}"

    def url_for_path(self, path: Path) -> str:
        return self.url_for(path.resolve().relative_to(self.root).as_posix())

    def resolve(self, key: str) -> Path:
        """The file behind a key; refuses odd keys, 404s missing files and folders."""
        path = self._path_for(key)
        try:
            found = path.is_file()
        except OSError:  # the root and the key together are longer than the system takes
            found = False
        if not found:
            raise MediaNotFound(f"No media file at {key!r}.")
        return path

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
