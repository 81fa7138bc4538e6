"""`POST /api/assets`: a product photo or a logo in, a clean copy and a cut-out stored."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.conftest import BASE_URL, ClientFactory
from tests.utils.photos import encoded, product_photo

pytestmark = pytest.mark.anyio


def _stored(media_root: Path) -> list[Path]:
    return [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []


async def _upload(client, data: bytes, kind: str = "product", name: str = "photo.png"):
    return await client.post(
        "/api/assets", files={"file": (name, data, "application/octet-stream")}, data={"kind": kind}
    )


async def _image(client, url: str) -> Image.Image:
    response = await client.get(url.removeprefix(BASE_URL))
    assert response.status_code == 200
    return Image.open(io.BytesIO(response.content))


async def test_a_product_photo_is_stored_with_a_cutout_of_the_product_alone(
    api: ClientFactory,
) -> None:
    async with api() as client:
        response = await _upload(client, encoded(product_photo()))
        assert response.status_code == 201, response.text
        body = response.json()
        assert set(body) == {"asset_id", "url", "width", "height", "has_alpha", "cutout_url"}
        assert (body["width"], body["height"], body["has_alpha"]) == (400, 500, False)
        assert body["url"].startswith(f"{BASE_URL}/media/assets/")
        photo = await _image(client, body["url"])
        assert photo.size == (400, 500)
        cut = await _image(client, body["cutout_url"])
    assert cut.mode == "RGBA"
    # Cropped to the product (140x200 in the photo), backdrop transparent, product opaque.
    assert 130 <= cut.width <= 150 and 190 <= cut.height <= 210
    alpha = np.asarray(cut.getchannel("A"))
    assert alpha[alpha.shape[0] // 2, alpha.shape[1] // 2] == 255
    padded = product_photo()
    assert np.asarray(padded)[0, 0].tolist() == [245, 245, 245]  # and the backdrop is gone:
    assert (alpha > 128).mean() > 0.9


async def test_a_photo_with_its_own_transparency_is_its_own_cutout(api: ClientFactory) -> None:
    image = Image.new("RGBA", (200, 300), (0, 0, 0, 0))
    image.paste((200, 30, 30, 255), (50, 50, 150, 250))
    async with api() as client:
        body = (await _upload(client, encoded(image))).json()
        assert body["has_alpha"] is True
        cut = await _image(client, body["cutout_url"])
    assert cut.size == (100, 200)


async def test_a_logo_has_no_cutout(api: ClientFactory) -> None:
    async with api() as client:
        response = await _upload(client, encoded(product_photo(), "WEBP"), kind="logo")
    assert response.status_code == 201
    assert response.json()["cutout_url"] is None


async def test_a_rotated_phone_photo_is_stored_upright_without_its_metadata(
    api: ClientFactory,
) -> None:
    photo = product_photo()  # 400 wide, 500 tall as the camera saw it
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    exif[0x010F] = "PhoneMaker"
    data = encoded(photo, "JPEG", exif=exif.tobytes(), quality=90)
    async with api() as client:
        body = (await _upload(client, data, name="IMG_0001.jpg")).json()
        stored = await _image(client, body["url"])
    assert (body["width"], body["height"]) == (500, 400)
    assert stored.size == (500, 400)
    assert not stored.getexif()
    assert "exif" not in stored.info and "icc_profile" not in stored.info


def _png_declaring(width: int, height: int) -> bytes:
    """A small valid PNG whose header claims another size (what a decompression bomb does)."""
    data = bytearray(encoded(Image.new("L", (8, 8))))
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


@pytest.mark.parametrize(
    ("data", "status", "code"),
    [
        (PDF, 415, "unsupported_image_type"),
        (SVG, 415, "unsupported_image_type"),
        (encoded(product_photo())[: len(encoded(product_photo())) // 2], 422, "unreadable_image"),
        (_png_declaring(20_000, 20_000), 422, "image_too_large"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * (30 * 1024 * 1024), 413, "body_too_large"),
    ],
    ids=["pdf", "svg-with-script", "truncated-png", "20000px", "30MB"],
)
async def test_a_bad_upload_is_refused_with_a_sentence_and_nothing_is_stored(
    api: ClientFactory, media_root: Path, data: bytes, status: int, code: str
) -> None:
    async with api() as client:
        before = _stored(media_root)
        response = await _upload(client, data)
        assert response.status_code == status, response.text
        body = response.json()
        assert body["code"] == code
        assert body["detail"].endswith(".") and "/" not in body["detail"]
        assert _stored(media_root) == before


async def test_the_kind_must_be_product_or_logo(api: ClientFactory, media_root: Path) -> None:
    async with api() as client:
        response = await _upload(client, encoded(product_photo()), kind="banner")
    assert response.status_code == 422
    assert _stored(media_root) == []
