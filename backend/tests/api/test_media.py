"""`/media`: odd keys are refused cleanly, and what is served is typed by what we stored.

Each test runs against both stores: the media root, and a bucket (SeaweedFS) whose files the
local cache has never seen."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from app.config import Settings
from tests.conftest import ClientFactory
from tests.utils.factories import fake_providers
from tests.utils.s3 import publish

pytestmark = pytest.mark.anyio

MP4 = bytes(range(256)) * 4


@pytest.fixture(params=["local", "s3"])
def media_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def stored(media_root: Path, settings: Settings) -> Path:
    (media_root / "clips").mkdir(parents=True, exist_ok=True)
    clip = media_root / "clips" / "a.mp4"
    clip.write_bytes(MP4)
    (media_root / "ads" / ".compose-1").mkdir(parents=True)
    (media_root / "ads" / ".compose-1" / "part.mp4").write_bytes(MP4)
    (media_root / "pages").mkdir()
    (media_root / "pages" / "page.html").write_bytes(b"<script>alert(1)</script>")
    if settings.media.backend == "s3":
        # Temporary work uploaded too: the key is refused before the bucket is asked.
        publish(settings.s3, media_root)
    return clip


ODD_KEYS = [
    "clips/a%00.mp4",  # a NUL
    "clips/a.mp4%00",
    "clips/" + "a" * 256 + ".mp4",  # a name over NAME_MAX
    "/".join(["abcdefgh"] * 460) + "/a.mp4",  # a path over PATH_MAX
    "clips/..%2F..%2F..%2Fetc%2Fpasswd",
    "..%2F..%2Fetc%2Fpasswd",
    "clips/%2E%2E/%2E%2E/x",
    "clips%5C..%5C..%5Cx",  # backslashes
    "clips/a%01.mp4",  # control characters
    "clips/a%0D%0A.mp4",  # no route matches a newline: the router's own 404
    "clips/a%7F.mp4",
    "%2Fetc%2Fpasswd",  # absolute
    "clips",  # a directory
    "clips/",
    "clips//a.mp4",
    "%2E/clips/a.mp4",  # encoded, so the client does not normalise it away
    "ads/.compose-1/part.mp4",  # temporary work is not published
    "%ED%A0%80",  # a lone surrogate, as a browser would never send
    "clips/%FF%FE.mp4",  # not UTF-8
    "clips/nope.mp4",
]


@pytest.mark.parametrize("key", ODD_KEYS)
async def test_an_odd_key_is_a_400_or_404_never_a_500(
    api: ClientFactory, stored: Path, key: str
) -> None:
    async with api(fake_providers()) as client:
        for method in ("GET", "HEAD"):
            response = await client.request(method, f"/media/{key}")
            assert response.status_code in (400, 404), (method, response.text)
            if method == "GET":
                body = response.json()
                assert body["code"] in ("media_path_refused", "media_not_found", "not_found")
                assert str(stored.parent.parent) not in response.text


async def test_head_answers_the_headers_of_get_without_the_bytes(
    api: ClientFactory, stored: Path
) -> None:
    async with api(fake_providers()) as client:
        get = await client.get("/media/clips/a.mp4")
        head = await client.head("/media/clips/a.mp4")
    assert head.status_code == 200 and head.content == b""
    assert get.content == MP4
    for name in ("content-type", "content-length", "etag", "accept-ranges"):
        assert head.headers[name] == get.headers[name], name


async def test_every_media_response_forbids_sniffing_and_runs_nothing(
    api: ClientFactory, stored: Path
) -> None:
    async with api(fake_providers()) as client:
        responses = [
            await client.get("/media/clips/a.mp4"),
            await client.head("/media/clips/a.mp4"),
            await client.get("/media/clips/a.mp4", headers={"Range": "bytes=0-9"}),
            await client.get("/media/clips/a.mp4", params={"download": "ad.mp4"}),
            await client.get("/media/pages/page.html"),
        ]
    for response in responses:
        assert response.headers["x-content-type-options"] == "nosniff"
        policy = response.headers["content-security-policy"]
        assert "sandbox" in policy and "default-src 'none'" in policy


async def test_a_range_request_still_seeks_with_the_stored_type(
    api: ClientFactory, stored: Path
) -> None:
    async with api(fake_providers()) as client:
        part = await client.get("/media/clips/a.mp4", headers={"Range": "bytes=10-19"})
    assert part.status_code == 206
    assert part.content == MP4[10:20]
    assert part.headers["content-type"] == "video/mp4"
    assert part.headers["content-range"] == f"bytes 10-19/{len(MP4)}"


async def test_a_file_of_a_kind_we_never_store_is_served_as_plain_bytes(
    api: ClientFactory, stored: Path
) -> None:
    async with api(fake_providers()) as client:
        page = await client.get("/media/pages/page.html")
    assert page.status_code == 200
    assert page.headers["content-type"] == "application/octet-stream"


@pytest.mark.parametrize(
    ("download", "served_as"),
    [
        ("glow-serum-ad.mp4", "glow-serum-ad.mp4"),
        ("glow-serum-ad", "glow-serum-ad.mp4"),
        ("invoice.pdf.exe", "invoice-pdf.mp4"),
        ("page.html", "page.mp4"),
        ("ad.MP4", "ad.mp4"),
    ],
)
async def test_the_download_name_only_names_the_attachment(
    api: ClientFactory, stored: Path, download: str, served_as: str
) -> None:
    async with api(fake_providers()) as client:
        response = await client.get("/media/clips/a.mp4", params={"download": download})
    assert response.status_code == 200 and response.content == MP4
    assert response.headers["content-type"] == "video/mp4"
    assert response.headers["content-disposition"] == f'attachment; filename="{served_as}"'


async def test_a_key_over_the_limits_is_refused_before_the_disk_is_asked(
    api: ClientFactory, stored: Path
) -> None:
    # Percent-encoded by httpx: the server sees the decoded path, as from a real client.
    async with api(fake_providers()) as client:
        long_name = await client.get("/media/clips/" + "é" * 128 + ".mp4")  # 256 bytes
        response = await client.get(httpx.URL("/media/clips/a%00.mp4"))
    assert long_name.status_code == 400
    assert long_name.json()["code"] == "media_path_refused"
    assert response.status_code == 400
