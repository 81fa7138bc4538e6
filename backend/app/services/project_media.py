"""Which media a project holds, and removing what only a deleted project held.

A project names its media by URL, anywhere in its work (mood images, seeds, clips, a brief's
uploads) and in its ads. Deleting a project removes the files it names that no other project
names, with what the store keeps beside each (provenance and form records, an upload's
cut-out); files it names that another project (a duplicate) names too stay.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from app.ffmpeg.form import SIDECAR_SUFFIX
from app.models.assets import ASSETS_FOLDER, cutout_key
from app.storage import provenance
from app.storage.media_store import MEDIA_PREFIX, MediaStore

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
        if not store.holds(key):
            continue  # already gone, or never a file of ours
        companions = [provenance.record_key(key), key + SIDECAR_SUFFIX]
        upload = key.startswith(f"{ASSETS_FOLDER}/")
        if upload:
            companions.append(cutout_key(key))
        freed += store.remove([key, *companions])
        if upload:
            with contextlib.suppress(OSError):  # not empty, or already gone
                (store.root / key).parent.rmdir()
    return freed
