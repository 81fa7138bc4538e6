"""Links to files the user uploaded (`POST /api/assets`): our own media, nothing else.

A brief's product photos and logo are read by the painter and sent to image models, so a link
there must name a file in our store's `assets/` folder; any other address is a 422 on its field,
never fetched.
"""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from pydantic import AfterValidator, BaseModel, Field

from app.auth.media_links import SIGNATURE_PARAMETERS
from app.errors import MediaPathRefused
from app.storage.media_store import check_key

ASSETS_FOLDER = "assets"
ASSET_PATH_PREFIX = f"/media/{ASSETS_FOLDER}/"
CUTOUT_NAME = "cutout.png"
"""The product's cut-out, beside the original in the asset's own folder."""

AssetKind = Literal["product", "logo"]


def asset_key(url: str) -> str | None:
    """The store key of an uploaded asset's link (absolute or `/media/assets/...`), or None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("", "http", "https") or parts.fragment:
        return None
    # With accounts on, the link carries its owner's signature, and nothing else.
    if any(name not in SIGNATURE_PARAMETERS for name, _ in parse_qsl(parts.query, True)):
        return None
    if not parts.path.startswith(ASSET_PATH_PREFIX):
        return None
    key = unquote(parts.path[len("/media/") :])
    try:
        check_key(key)
    except MediaPathRefused:
        return None
    return key if key.count("/") == 2 else None


def cutout_key(key: str) -> str:
    """The cut-out stored beside an uploaded product photo."""
    return f"{key.rsplit('/', 1)[0]}/{CUTOUT_NAME}"


def _check_asset_url(value: str) -> str:
    if asset_key(value) is None:
        raise ValueError(
            "must be the url of a file uploaded to this studio (POST /api/assets answers it)"
        )
    return value


AssetUrl = Annotated[str, Field(max_length=2000), AfterValidator(_check_asset_url)]
"""The `url` that `POST /api/assets` answered."""


class AssetResponse(BaseModel):
    asset_id: str
    url: str
    """Where the stored, re-encoded photo is served; put it in the brief."""
    width: int
    height: int
    has_alpha: bool
    """The photo came with its own transparency (then it is its own cut-out)."""
    cutout_url: str | None
    """The product separated from its background, a PNG with alpha; None for a logo."""
