"""`/media/{key}?w=N`: thumbnails load a small WebP made once from the image; the original
stays as it was, and is what the pipeline reads."""

from __future__ import annotations

import asyncio
import io
import random
from pathlib import Path

import pytest
from PIL import Image

from app.storage.media_store import MediaStore
from app.storage.previews import PREVIEW_WIDTHS, Previews, preview_key
from tests.api.test_media import ODD_KEYS
from tests.conftest import BASE_URL, ClientFactory
from tests.utils.factories import fake_providers

pytestmark = pytest.mark.anyio

KEY = "moods/m1.png"


def _noise(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """An image that compresses as badly as a generated one does."""
    rng = random.Random(width * height)
    return Image.frombytes(mode, (width, height), rng.randbytes(width * height * len(mode)))


def _put(root: Path, key: str, image: Image.Image, fmt: str = "PNG", **save: object) -> Path:
    path = root / key
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format=fmt, **save)
    return path


def _opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.fixture
def mood_image(media_root: Path) -> Path:
    return _put(media_root, KEY, _noise(1200, 800))


async def test_each_offered_width_is_a_small_webp_of_that_width(
    api: ClientFactory, mood_image: Path
) -> None:
    original = await asyncio.to_thread(mood_image.read_bytes)
    async with api(fake_providers()) as client:
        for width in PREVIEW_WIDTHS:
            response = await client.get(f"/media/{KEY}", params={"w": width})
            assert response.status_code == 200, response.text
            assert response.headers["content-type"] == "image/webp"
            preview = _opened(response.content)
            assert preview.format == "WEBP"
            assert preview.size == (width, round(width * 800 / 1200))
            assert len(response.content) < len(original) / 4
        full = await client.get(f"/media/{KEY}")
    # The original is served, and kept, as it was.
    assert full.content == original == await asyncio.to_thread(mood_image.read_bytes)
    assert full.headers["content-type"] == "image/png"


async def test_a_preview_carries_the_same_protective_headers_and_head_works(
    api: ClientFactory, mood_image: Path
) -> None:
    async with api(fake_providers()) as client:
        head_first = await client.head(f"/media/{KEY}", params={"w": 320})
        get = await client.get(f"/media/{KEY}", params={"w": 320})
        head = await client.head(f"/media/{KEY}", params={"w": 320})
    assert head_first.status_code == head.status_code == 200 and head.content == b""
    for name in ("content-type", "content-length", "etag"):
        assert head.headers[name] == get.headers[name] == head_first.headers[name], name
    for response in (get, head):
        assert response.headers["x-content-type-options"] == "nosniff"
        policy = response.headers["content-security-policy"]
        assert "sandbox" in policy and "default-src 'none'" in policy


async def test_a_second_request_is_served_from_disk_without_encoding_again(
    api: ClientFactory, mood_image: Path, media_root: Path
) -> None:
    async with api(fake_providers()) as client:
        first = await client.get(f"/media/{KEY}", params={"w": 640})
        stored = media_root / preview_key(KEY, 640)
        before = stored.stat()
        second = await client.get(f"/media/{KEY}", params={"w": 640})
    after = stored.stat()
    assert second.content == first.content
    assert second.headers["etag"] == first.headers["etag"]
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


async def test_requests_arriving_together_share_one_encoding(tmp_path: Path) -> None:
    root = tmp_path / "media"
    _put(root, KEY, _noise(1200, 800))
    store = MediaStore(root, BASE_URL)
    previews = Previews(store)

    paths = await asyncio.gather(*(previews.path_for(KEY, 320) for _ in range(6)))

    assert len(set(paths)) == 1
    # Counted once towards the quota: a second encoding would have been committed (and
    # counted) again.
    assert store.usage.bytes == paths[0].stat().st_size
    assert [p.name for p in paths[0].parent.iterdir()] == [paths[0].name]


async def test_a_full_store_serves_the_original_rather_than_no_thumbnail(tmp_path: Path) -> None:
    root = tmp_path / "media"
    original = _put(root, KEY, _noise(1200, 800))
    store = MediaStore(root, BASE_URL, max_bytes=1000)

    served = await Previews(store).path_for(KEY, 320)

    assert served == original.resolve()
    assert not (root / "previews").exists()


async def test_an_image_narrower_than_asked_is_not_enlarged(
    api: ClientFactory, media_root: Path
) -> None:
    _put(media_root, "seeds/small.png", _noise(200, 100))
    async with api(fake_providers()) as client:
        response = await client.get("/media/seeds/small.png", params={"w": 960})
    assert _opened(response.content).size == (200, 100)


async def test_a_photo_is_upright_and_a_cut_out_keeps_its_transparency(
    api: ClientFactory, media_root: Path
) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: shown turned 90° clockwise
    _put(media_root, "assets/a1/photo.jpg", _noise(1000, 600), "JPEG", exif=exif.tobytes())
    _put(media_root, "assets/a1/cutout.png", _noise(800, 800, "RGBA"))
    async with api(fake_providers()) as client:
        photo = await client.get("/media/assets/a1/photo.jpg", params={"w": 320})
        cutout = await client.get("/media/assets/a1/cutout.png", params={"w": 160})
    assert _opened(photo.content).size == (320, round(320 * 1000 / 600))
    assert _opened(cutout.content).mode == "RGBA"


@pytest.mark.parametrize("width", ["0", "161", "-320", "2000", "abc", "", "320px", "1e3"])
async def test_a_width_not_offered_is_a_422_naming_the_sizes(
    api: ClientFactory, mood_image: Path, width: str
) -> None:
    async with api(fake_providers()) as client:
        get = await client.get(f"/media/{KEY}", params={"w": width})
        head = await client.head(f"/media/{KEY}", params={"w": width})
    assert get.status_code == head.status_code == 422, get.text
    assert get.json()["detail"][0]["loc"] == ["query", "w"]
    assert not (mood_image.parent.parent / "previews").exists()


async def test_only_readable_images_have_previews(api: ClientFactory, media_root: Path) -> None:
    (media_root / "clips").mkdir(parents=True)
    (media_root / "clips" / "a.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(1000))
    (media_root / "seeds").mkdir(parents=True)
    (media_root / "seeds" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"no image here")
    (media_root / "seeds" / "page.png").write_bytes(b"<html><script>alert(1)</script>")
    async with api(fake_providers()) as client:
        for key in ("clips/a.mp4", "seeds/broken.png", "seeds/page.png"):
            response = await client.get(f"/media/{key}", params={"w": 320})
            assert response.status_code == 400, (key, response.text)
            assert response.json()["code"] == "preview_unavailable"
            assert str(media_root) not in response.text
            head = await client.head(f"/media/{key}", params={"w": 320})
            assert head.status_code == 400
    # Nothing half-made is left behind.
    assert [p for p in (media_root / "previews").rglob("*") if p.is_file()] == []


async def test_a_preview_has_no_preview_of_its_own(api: ClientFactory, mood_image: Path) -> None:
    async with api(fake_providers()) as client:
        await client.get(f"/media/{KEY}", params={"w": 320})
        again = await client.get(f"/media/{preview_key(KEY, 320)}", params={"w": 160})
    assert again.status_code == 400 and again.json()["code"] == "preview_unavailable"


@pytest.mark.parametrize("key", [*ODD_KEYS, "moods/missing.png"])
async def test_an_odd_key_with_a_width_is_a_400_or_404_never_a_500(
    api: ClientFactory, mood_image: Path, key: str
) -> None:
    async with api(fake_providers()) as client:
        for method in ("GET", "HEAD"):
            response = await client.request(method, f"/media/{key}?w=320")
            assert response.status_code in (400, 404), (method, response.text)
    assert not (mood_image.parent.parent / "previews").exists()


async def test_an_image_whose_name_leaves_no_room_for_a_preview_is_served_whole(
    api: ClientFactory, media_root: Path
) -> None:
    key = "seeds/" + "s" * 248 + ".png"  # 252 bytes: with `.w320.webp` over NAME_MAX
    original = _put(media_root, key, _noise(400, 300))
    async with api(fake_providers()) as client:
        response = await client.get(f"/media/{key}", params={"w": 320})
    assert response.status_code == 200
    assert response.content == await asyncio.to_thread(original.read_bytes)
