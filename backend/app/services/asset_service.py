"""Uploads: a product photo or a logo, checked, cleaned, stored with its cut-out.

Everything that can refuse a file runs before the store is touched, and the photo and its
cut-out enter the store in one batch, so a refused or failed upload leaves nothing behind.
"""

from __future__ import annotations

import asyncio
import io
import uuid

from PIL import Image

from app.assets import cutout, intake
from app.models.assets import ASSETS_FOLDER, CUTOUT_NAME, AssetKind, AssetResponse
from app.storage.media_store import MediaStore


async def store_upload(store: MediaStore, data: bytes, kind: AssetKind) -> AssetResponse:
    clean = await asyncio.to_thread(intake.check, data)
    encoded, suffix = await asyncio.to_thread(clean.encoded)
    cut = await asyncio.to_thread(_cutout_png, clean.image) if kind == "product" else None
    asset_id = uuid.uuid4().hex
    folder = f"{ASSETS_FOLDER}/{asset_id}"
    async with store.batch() as batch:
        original = batch.named(f"{folder}/{kind}{suffix}")
        await asyncio.to_thread(original.partial.write_bytes, encoded)
        cut_file = None
        if cut is not None:
            cut_file = batch.named(f"{folder}/{CUTOUT_NAME}")
            await asyncio.to_thread(cut_file.partial.write_bytes, cut)
    width, height = clean.image.size
    return AssetResponse(
        asset_id=asset_id,
        url=store.url_for(original.key),
        width=width,
        height=height,
        has_alpha=clean.has_alpha,
        cutout_url=store.url_for(cut_file.key) if cut_file else None,
    )


def _cutout_png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    cutout.cut_out(image).save(out, format="PNG", compress_level=6)
    return out.getvalue()
