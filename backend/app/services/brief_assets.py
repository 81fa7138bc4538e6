"""The brief's uploads as files: the product's cut-outs and the logo, from our store only.

The model checks that each link has the shape of an upload's (`app.models.assets`); here the
link must also be ours (our origin) and name a file that exists, checked when a request arrives
so that a stale link is a 422 on its field rather than a failed render.
"""

from __future__ import annotations

from pathlib import Path

from app.errors import MediaNotFound, MediaPathRefused
from app.models.assets import cutout_key
from app.models.creative_brief import BriefFields
from app.storage.media_store import MediaStore


def _links(brief: BriefFields) -> list[tuple[tuple[str | int, ...], str]]:
    links: list[tuple[tuple[str | int, ...], str]] = [
        (("product_images", i), url) for i, url in enumerate(brief.product_images)
    ]
    if brief.brand and brief.brand.logo_url:
        links.append((("brand", "logo_url"), brief.brand.logo_url))
    return links


def _exists(store: MediaStore, url: str, cutout: bool) -> bool:
    key = store.key_from_url(url)
    if key is None or not store.usable(url, key):  # not ours, or another user's
        return False
    try:
        store.resolve(key)
        if cutout:
            store.resolve(cutout_key(key))
    except (MediaNotFound, MediaPathRefused):
        return False
    return True


def missing_links(store: MediaStore, brief: BriefFields | None) -> list[tuple[str | int, ...]]:
    """Where in the brief an upload link is not one of our stored uploads (blocking)."""
    if brief is None:
        return []
    return [
        loc for loc, url in _links(brief) if not _exists(store, url, loc[0] == "product_images")
    ]


def product_cutouts(store: MediaStore, brief: BriefFields | None) -> tuple[Path, ...]:
    """The cut-out of each product photo, in the brief's order (blocking: stats files)."""
    if brief is None:
        return ()
    paths = []
    for url in brief.product_images:
        key = store.key_from_url(url)
        if key is not None:
            try:
                paths.append(store.resolve(cutout_key(key)))
            except (MediaNotFound, MediaPathRefused):
                continue  # checked when the request arrived; gone since: draw without it
    return tuple(paths)
