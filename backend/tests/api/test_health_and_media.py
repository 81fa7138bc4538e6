from __future__ import annotations

import pytest

from app.config import Settings
from tests.conftest import ClientFactory
from tests.utils.factories import fake_providers

pytestmark = pytest.mark.anyio


async def test_health_names_the_provider_of_every_capability(api: ClientFactory) -> None:
    async with api() as client:
        response = await client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["providers"] == {
        "director": "local",
        "images": "local",
        "motion": "local",
        "music": "local",
        "voice": "local",
    }
    assert body["ffmpeg"].startswith("ffmpeg")
    assert "/" not in body["ffmpeg"]  # which FFmpeg, never where it lives


async def test_health_says_ffmpeg_is_missing_without_naming_the_path(
    api: ClientFactory, settings: Settings
) -> None:
    settings.ffmpeg.binary = "/opt/secret/bin/ffmpeg"
    async with api() as client:
        response = await client.get("/health")
    assert response.status_code == 200
    assert response.json()["ffmpeg"] == "missing"
    assert "/opt/secret" not in response.text


async def test_openapi_docs_are_served(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        docs = await client.get("/docs")
        schema = (await client.get("/openapi.json")).json()
    assert docs.status_code == 200
    for path in (
        "/api/moods/generate",
        "/api/scenes/plan",
        "/api/scenes/seeds",
        "/api/video/generate",
        "/api/video/status/{job_id}",
        "/api/video/compose",
        "/api/video/compose/status/{job_id}",
        "/api/status/{job_id}",
        "/api/director/chat",
        "/api/director/brief",
    ):
        assert path in schema["paths"], path


async def test_cors_allows_the_studio_origin(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        response = await client.options(
            "/api/moods/generate",
            headers={"Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST"},
        )
    assert response.headers["access-control-allow-origin"] == "http://localhost:3000"


async def test_media_is_served_with_ranges_and_refuses_escapes(
    api: ClientFactory, media_root
) -> None:
    async with api(fake_providers()) as client:
        (media_root / "clips").mkdir(parents=True, exist_ok=True)
        (media_root / "clips" / "a.bin").write_bytes(bytes(range(100)))
        whole = await client.get("/media/clips/a.bin")
        part = await client.get("/media/clips/a.bin", headers={"Range": "bytes=10-19"})
        missing = await client.get("/media/clips/nope.bin")
        escape = await client.get("/media/clips/..%2F..%2F..%2Fetc%2Fpasswd")
    assert whole.status_code == 200 and whole.content == bytes(range(100))
    assert part.status_code == 206 and part.content == bytes(range(10, 20))
    assert missing.status_code == 404 and missing.json()["code"] == "media_not_found"
    assert escape.status_code == 400 and escape.json()["code"] == "media_path_refused"


async def test_media_downloads_as_an_attachment_under_a_safe_name(
    api: ClientFactory, media_root
) -> None:
    async with api(fake_providers()) as client:
        (media_root / "final").mkdir(parents=True, exist_ok=True)
        (media_root / "final" / "ad.mp4").write_bytes(b"mp4")
        saved = await client.get("/media/final/ad.mp4", params={"download": "glow-serum-ad.mp4"})
        inline = await client.get("/media/final/ad.mp4")
        unsafe = await client.get("/media/final/ad.mp4", params={"download": "../x\r\n.mp4"})
    assert saved.status_code == 200 and saved.content == b"mp4"
    assert saved.headers["content-disposition"] == 'attachment; filename="glow-serum-ad.mp4"'
    assert "content-disposition" not in inline.headers
    assert unsafe.status_code == 422
    assert unsafe.json()["detail"][0]["loc"] == ["query", "download"]


async def test_oversized_and_malformed_bodies_are_refused(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        huge = await client.post(
            "/api/moods/generate",
            content=b"{" + b" " * (3 * 1024 * 1024) + b"}",
            headers={"content-type": "application/json"},
        )
        malformed = await client.post(
            "/api/moods/generate",
            content=b"{not json",
            headers={"content-type": "application/json"},
        )
    assert huge.status_code == 413 and huge.json()["code"] == "body_too_large"
    assert malformed.status_code == 422
