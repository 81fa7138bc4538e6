"""Sized previews of stored images, for thumbnails: `/media/{key}?w=320`.

Mood, seed and product images are 1-3 MB PNGs; a card showing one 300 px wide needs a few KB.
A preview is a WebP at one of a few fixed widths, made with Pillow the first time it is asked
for (in a thread), stored through the store's one door (`batch()`, so it counts towards
`MEDIA_MAX_BYTES` and never appears half written) and served from disk afterwards. The original
is never touched: the pipeline always reads it.

A preview's key is its source's key under `previews/` with the width added:

    moods/3f2a….png  →  previews/moods/3f2a….png.w320.webp

so the source of any preview can be read from its key. Sources are written once under fresh
keys and never rewritten, so a preview stays true for as long as its source exists. When a
source goes, its previews go with it: `reelsmith media prune` removes the previews of the
files it prunes, and any preview whose source no longer exists (`app.storage.prune`).
"""

from __future__ import annotations

import asyncio
import logging
import re
from pathlib import Path, PurePosixPath
from weakref import WeakKeyDictionary

from PIL import Image, ImageOps, UnidentifiedImageError

from app.errors import MediaNotFound, MediaPathRefused, PreviewUnavailable, StorageFull
from app.storage.media_store import MediaStore
from app.storage.media_types import MAX_IMAGE_PIXELS

logger = logging.getLogger(__name__)

PREVIEWS = "previews"
PREVIEW_WIDTHS = (160, 320, 640, 960)
"""The widths offered: a few, so that the store holds at most four previews per image."""
QUALITY = 80

_DECODERS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}
_PREVIEW_NAME = re.compile(r"^(?P<source>.+)\.w(?P<width>\d+)\.webp$")


def preview_key(source_key: str, width: int) -> str:
    return f"{PREVIEWS}/{source_key}.w{width}.webp"


def source_of(key: str) -> str | None:
    """The key of the image a preview key was made from; None for any other key."""
    path = PurePosixPath(key)
    if not key.startswith(f"{PREVIEWS}/") or len(path.parts) < 3:
        return None
    found = _PREVIEW_NAME.match(path.name)
    if found is None or int(found["width"]) not in PREVIEW_WIDTHS:
        return None
    return path.parent.relative_to(PREVIEWS).joinpath(found["source"]).as_posix()


def render_preview(source: Path, target: Path, width: int) -> None:
    """Write `source` at most `width` pixels wide as WebP at `target` (blocking).

    Upright (EXIF orientation applied), never enlarged, transparency kept.
    """
    decoder = _DECODERS.get(source.suffix.lower())
    if decoder is None:
        raise PreviewUnavailable("Only PNG, JPEG and WebP images have sized previews.")
    try:
        # Only the decoder the suffix names: Pillow would otherwise try every format it knows.
        with Image.open(source, formats=[decoder]) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise PreviewUnavailable("This image is too large to make a preview of.")
            # A JPEG decodes at a reduced scale straight away, still at least `width` each way.
            image.draft("RGB", (width, width))
            upright = ImageOps.exif_transpose(image)
            has_alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
            preview = upright.convert("RGBA" if has_alpha else "RGB")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise PreviewUnavailable(
            "This image could not be read, so it has no preview; the original may still open."
        ) from exc
    preview.thumbnail((width, max(width, preview.height)), Image.Resampling.LANCZOS)
    preview.save(target, format="WEBP", quality=QUALITY, method=4)


class Previews:
    """Makes each preview once, even when several requests for it arrive together."""

    def __init__(self, store: MediaStore) -> None:
        self.store = store
        self._making: dict[str, asyncio.Task[Path]] = {}

    async def path_for(self, key: str, width: int) -> Path:
        """The file to serve for `key` at `width`: its preview, made now if need be.

        A missing or odd key is the store's 404 or 400; a file that is no image (or a preview
        already) is `PreviewUnavailable`. When the store is full, or the image's name is too
        long to name its preview, the original is served: a thumbnail that is too big beats a
        broken one.
        """
        source = await asyncio.to_thread(self.store.resolve, key)
        if source.suffix.lower() not in _DECODERS:
            raise PreviewUnavailable("Only PNG, JPEG and WebP images have sized previews.")
        if source_of(key) is not None:
            raise PreviewUnavailable("This file is a preview already; ask for its original.")
        target = preview_key(key, width)
        try:
            return await asyncio.to_thread(self.store.resolve, target)
        except MediaNotFound:
            pass
        except MediaPathRefused:  # a name so long that the preview's would pass the limits
            return source
        task = self._making.get(target)
        if task is None:
            task = asyncio.create_task(self._make(source, target, width))
            self._making[target] = task
            task.add_done_callback(lambda done: self._finished(target, done))
        try:
            # Shielded: a browser that stops waiting does not waste the work for the next one.
            return await asyncio.shield(task)
        except StorageFull:
            logger.warning("media store full: serving an original instead of its preview")
            return source

    async def _make(self, source: Path, target: str, width: int) -> Path:
        try:  # made by a request that finished while this one looked
            return await asyncio.to_thread(self.store.resolve, target)
        except MediaNotFound:
            pass
        await self.store.ensure_room()
        async with self.store.batch() as batch:
            file = batch.named(target)
            await asyncio.to_thread(render_preview, source, file.partial, width)
        return file.path

    def _finished(self, target: str, done: asyncio.Task[Path]) -> None:
        self._making.pop(target, None)
        if not done.cancelled():
            done.exception()  # seen here, so a failure nobody awaited any more is not logged


_previews: WeakKeyDictionary[MediaStore, Previews] = WeakKeyDictionary()


def previews_of(store: MediaStore) -> Previews:
    """The one preview maker of `store` (one per process, like the store itself)."""
    found = _previews.get(store)
    if found is None:
        found = _previews[store] = Previews(store)
    return found
