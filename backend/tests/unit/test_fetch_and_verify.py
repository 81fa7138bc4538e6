"""Fetching outputs into the store (size cap, type check, timeout) and the decode checks."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path

import anyio
import httpx
import pytest

from app.errors import ProviderBadOutput, ProviderError, ProviderTimedOut
from app.storage.fetch import download
from app.storage.verify import check_audio, check_image, check_video
from tests.fakes import media

pytestmark = pytest.mark.anyio


async def listing(folder: Path) -> list[str]:
    return sorted([path.name async for path in anyio.Path(folder).iterdir()])


def serving(body: bytes, content_type: str = "image/png", status: int = 200) -> httpx.AsyncClient:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers={"content-type": content_type})

    return httpx.AsyncClient(transport=httpx.MockTransport(handler))


async def test_a_file_is_written_whole_and_named_as_asked(tmp_path: Path) -> None:
    picture = media.png(36, 64, "bottle")
    async with serving(picture) as client:
        out = await download(
            client, "https://cdn/x.png", tmp_path / "a.png", 10_000, accept=("image/",)
        )
    assert out.read_bytes() == picture
    assert check_image(out) == (36, 64)
    assert await listing(tmp_path) == ["a.png"]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "message"),
    [
        (b"<html>oops</html>", "text/html; charset=utf-8", 200, "is text/html, not image"),
        (b"x" * 5000, "image/png", 200, "larger than"),
        (b"", "image/png", 200, "is empty"),
        (b"gone", "text/plain", 404, "HTTP 404"),
    ],
)
async def test_refused_downloads_leave_nothing_behind(
    tmp_path: Path, body: bytes, content_type: str, status: int, message: str
) -> None:
    async with serving(body, content_type, status) as client:
        with pytest.raises(ProviderBadOutput, match=message):
            await download(
                client,
                "https://cdn/x.png?sig=secret",
                tmp_path / "a.png",
                1000,
                accept=("image/",),
                label="the output of m/x",
            )
    assert await listing(tmp_path) == []


async def test_messages_never_show_a_signed_url(tmp_path: Path) -> None:
    async with serving(b"gone", "text/plain", 404) as client:
        with pytest.raises(ProviderBadOutput) as caught:
            await download(client, "https://cdn/x.png?sig=secret", tmp_path / "a.png", 1000)
    assert "secret" not in caught.value.message


async def test_a_generic_binary_type_passes_to_the_decode_check(tmp_path: Path) -> None:
    async with serving(media.GARBAGE, "application/octet-stream") as client:
        out = await download(
            client, "https://cdn/x", tmp_path / "a.png", 100_000, accept=("image/",)
        )
    with pytest.raises(ProviderBadOutput, match="not a readable image"):
        check_image(out)


async def test_a_data_uri_output_is_decoded(tmp_path: Path) -> None:
    sound = media.wav(1)
    uri = "data:audio/wav;base64," + base64.b64encode(sound).decode()
    async with httpx.AsyncClient() as client:
        out = await download(client, uri, tmp_path / "m.wav", 1_000_000, accept=("audio/",))
    assert check_audio(out) == pytest.approx(1.0, abs=0.01)


async def test_a_stalled_download_times_out_as_a_whole(tmp_path: Path) -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)
        return httpx.Response(200)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(ProviderTimedOut):
            await download(client, "https://cdn/x", tmp_path / "a.png", 1000, total_seconds=0.05)
    assert await listing(tmp_path) == []


async def test_a_connection_failure_is_a_provider_error(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(ProviderError, match="Could not fetch"):
            await download(client, "https://cdn/x", tmp_path / "a.png", 1000)


def test_the_decode_checks_accept_real_media_and_refuse_the_wrong_kind(tmp_path: Path) -> None:
    clip, sound, noise = tmp_path / "c.mp4", tmp_path / "s.wav", tmp_path / "n.bin"
    clip.write_bytes(media.mp4(5))
    sound.write_bytes(media.wav(1))
    noise.write_bytes(media.GARBAGE)
    assert check_video(clip) == pytest.approx(5.0, abs=0.1)
    with pytest.raises(ProviderBadOutput, match="no video stream"):
        check_video(sound)
    with pytest.raises(ProviderBadOutput, match="no audio stream"):
        check_audio(clip)
    for check in (check_image, check_video, check_audio):
        with pytest.raises(ProviderBadOutput):
            check(noise)
