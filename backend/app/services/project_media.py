"""Which media a project holds, and removing what only a deleted project held.

A project names its media by URL, anywhere in its work (mood images, seeds, clips, a brief's
uploads) and in its ads. Deleting a project removes the files it names that no other project
names, with what the store keeps beside each (provenance and form records, an upload's
cut-out); files it names that another project (a duplicate) names too stay.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from app.errors import MediaNotFound, MediaPathRefused
from app.ffmpeg.form import sidecar_path
from app.models.assets import ASSETS_FOLDER, cutout_key
from app.storage import provenance
from app.storage.media_store import MEDIA_PREFIX, MediaStore

logger = logging.getLogger(__name__)

PROJECT_FOLDERS = frozenset({"moods", "seeds", "clips", "music", "ads", "captions", ASSETS_FOLDER})
"""Where the steps write: a URL into any other folder is never a project's to remove."""


def media_keys(
    store: MediaStore, documents: Iterable[object], any_origin: bool = False
) -> set[str]:
    """The store keys of every one of our media URLs found in `documents` (JSON values).

    With `any_origin`, a `/media/...` path counts whatever host it names (what to keep must
    not depend on `PUBLIC_BASE_URL` staying the same; what to delete must).
    """
    keys: set[str] = set()
    stack = list(documents)
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            key = _path_key(value) if any_origin else store.key_from_url(value)
            if key is not None and key.split("/", 1)[0] in PROJECT_FOLDERS:
                keys.add(key)
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return keys


def _path_key(url: str) -> str | None:
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    return unquote(path[len(MEDIA_PREFIX) :]) if path.startswith(MEDIA_PREFIX) else None


def delete_media(store: MediaStore, keys: Iterable[str]) -> int:
    """Remove each key's file and what sits beside it; blocking. The bytes freed."""
    freed = 0
    for key in sorted(set(keys)):
        try:
            path = store.resolve(key)
        except (MediaNotFound, MediaPathRefused):
            continue  # already gone, or never a file of ours
        companions = [
            path.with_name(path.name + provenance.RECORD_SUFFIX),
            sidecar_path(path),
        ]
        if key.startswith(f"{ASSETS_FOLDER}/"):
            companions.append(store.root / cutout_key(key))
        for file in [path, *companions]:
            freed += _remove(file)
        if key.startswith(f"{ASSETS_FOLDER}/"):
            _remove_empty(path.parent)
    store.usage.add(-freed)
    return freed


def _remove(path: Path) -> int:
    try:
        size = path.lstat().st_size
        path.unlink()
    except FileNotFoundError:
        return 0
    except OSError as exc:
        logger.warning("could not remove a project's file %s: %s", path.name, exc)
        return 0
    return size


def _remove_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not empty, or already gone
        folder.rmdir()
