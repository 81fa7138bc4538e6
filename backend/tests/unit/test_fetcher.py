"""The fetcher: hop by hop under the policy, pinned to the checked address, within a deadline
and a size cap, and nothing left on disk unless the file is whole and decodes."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import anyio
import httpx
import pytest

from app.fetching import AUDIO, IMAGE, VIDEO, FetchError, Reason
from tests.fakes import media
from tests.unit.test_sniff_and_verify import manifests
from tests.utils.fetching import PUBLIC, ScriptedResolver, fetcher

pytestmark = pytest.mark.anyio

CDN = ScriptedResolver({"cdn.example.com": [PUBLIC]})


async def listing(folder: Path) -> list[str]:
    return sorted([path.name async for path in anyio.Path(folder).iterdir()])


def streamed(body: bytes, content_type: str = "video/mp4", status: int = 200) -> httpx.Response:
    """As a real transport answers: a stream still to be read, not content already in memory."""
    return httpx.Response(
        status, headers={"content-type": content_type}, stream=httpx.ByteStream(body)
    )


def serving(
    body: bytes, content_type: str = "video/mp4", status: int = 200
) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: streamed(body, content_type, status)


async def test_a_file_is_written_whole_and_named_after_its_container(tmp_path: Path) -> None:
    clip = media.mp4(1)
    out = await fetcher(CDN, serving(clip)).fetch(
        "https://cdn.example.com/x", tmp_path / "a", VIDEO
    )
    assert out == tmp_path / "a.mp4" and out.read_bytes() == clip
    picture = media.png(36, 64, "bottle", "WEBP")
    out = await fetcher(CDN, serving(picture, "image/webp")).fetch(
        "https://cdn.example.com/y", tmp_path / "b", IMAGE
    )
    assert out.name == "b.webp"
    assert await listing(tmp_path) == ["a.mp4", "b.webp"]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "reason"),
    [
        (b"<html>oops</html>", "text/html; charset=utf-8", 200, Reason.CONTENT_TYPE),
        (b"#EXTM3U\n", "application/vnd.apple.mpegurl", 200, Reason.CONTENT_TYPE),
        (b"<MPD/>", "application/dash+xml", 200, Reason.CONTENT_TYPE),
        (b"x" * 400_000, "video/mp4", 200, Reason.TOO_LARGE),
        (b"", "video/mp4", 200, Reason.EMPTY),
        (b"gone", "text/plain", 404, Reason.STATUS),
        (media.GARBAGE, "application/octet-stream", 200, Reason.NOT_MEDIA),
        (media.wav(1), "video/mp4", 200, Reason.NOT_MEDIA),
    ],
)
async def test_refused_downloads_leave_nothing_behind(
    tmp_path: Path, body: bytes, content_type: str, status: int, reason: Reason
) -> None:
    with pytest.raises(FetchError) as failed:
        await fetcher(CDN, serving(body, content_type, status), max_bytes=300_000).fetch(
            "https://cdn.example.com/x.mp4?sig=secret", tmp_path / "a.mp4", VIDEO
        )
    assert failed.value.reason is reason
    assert await listing(tmp_path) == []


async def test_the_size_cap_counts_streamed_bytes_whatever_the_headers_say(tmp_path: Path) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(100):
            yield b"\x00" * 1024

    def handler(request: httpx.Request) -> httpx.Response:
        # Chunked, with no length: only counting what arrives can stop it.
        return httpx.Response(200, content=chunks(), headers={"content-type": "video/mp4"})

    with pytest.raises(FetchError) as failed:
        await fetcher(CDN, handler, max_bytes=10_000).fetch(
            "https://cdn.example.com/x", tmp_path / "a", VIDEO
        )
    assert failed.value.reason is Reason.TOO_LARGE
    assert await listing(tmp_path) == []


async def test_data_urls_only_where_allowed_and_only_plain_media(tmp_path: Path) -> None:
    sound = "data:audio/wav;base64," + base64.b64encode(media.wav(1)).decode()
    plain = fetcher()
    out = await plain.fetch(sound, tmp_path / "m.wav", AUDIO, allow_data=True)
    assert out.read_bytes() == media.wav(1)

    with pytest.raises(FetchError) as refused:
        await plain.fetch(sound, tmp_path / "n.wav", AUDIO)  # a client's link: http(s) only
    assert refused.value.reason is Reason.SCHEME

    dash = manifests(tmp_path / "secret.mp4")["dash"]
    for url, reason in (
        (
            "data:application/dash+xml;base64," + base64.b64encode(dash).decode(),
            Reason.CONTENT_TYPE,
        ),
        ("data:video/mp4;base64," + base64.b64encode(dash).decode(), Reason.NOT_MEDIA),
        ("data:video/mp4,not-base64", Reason.NOT_MEDIA),
    ):
        with pytest.raises(FetchError) as failed:
            await plain.fetch(url, tmp_path / "v.mp4", VIDEO, allow_data=True)
        assert failed.value.reason is reason
    assert await listing(tmp_path) == ["m.wav"]


async def test_a_stalled_download_fails_at_the_deadline_as_a_whole(tmp_path: Path) -> None:
    async def trickle() -> AsyncIterator[bytes]:
        for byte in media.mp4(1):
            yield bytes([byte])
            await asyncio.sleep(0.01)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=trickle(), headers={"content-type": "video/mp4"})

    with pytest.raises(FetchError) as failed:
        await fetcher(CDN, handler, deadline=0.2).fetch(
            "https://cdn.example.com/x", tmp_path / "a", VIDEO
        )
    assert failed.value.reason is Reason.DEADLINE
    assert await listing(tmp_path) == []


async def test_failures_on_the_way_are_typed(tmp_path: Path) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(FetchError) as failed:
        await fetcher(CDN, refuse).fetch("https://cdn.example.com/x", tmp_path / "a", VIDEO)
    assert failed.value.reason is Reason.UNREACHABLE
    with pytest.raises(FetchError) as failed:
        await fetcher(CDN, refuse).fetch("https://nowhere.example.com/x", tmp_path / "a", VIDEO)
    assert failed.value.reason is Reason.DNS


async def test_each_request_goes_to_the_checked_address_with_the_name_kept(tmp_path: Path) -> None:
    """DNS rebinding: the second lookup answers loopback, but there is no second lookup."""
    seen: list[tuple[str, str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(
            (request.url.host, request.headers["host"], request.extensions.get("sni_hostname"))
        )
        return streamed(media.mp4(1))

    rebinding = ScriptedResolver({"cdn.example.com": [[PUBLIC], ["127.0.0.1"]]})
    await fetcher(rebinding, handler).fetch(
        "https://cdn.example.com:8443/x.mp4", tmp_path / "a", VIDEO
    )
    assert seen == [(PUBLIC, "cdn.example.com:8443", "cdn.example.com")]
    assert rebinding.lookups == ["cdn.example.com"]


async def test_the_next_checked_address_is_tried_when_one_does_not_connect(tmp_path: Path) -> None:
    tried: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        tried.append(request.url.host)
        if request.url.host == "2606:4700::1111":
            raise httpx.ConnectError("no route to host", request=request)
        return streamed(media.mp4(1))

    both = ScriptedResolver({"cdn.example.com": ["2606:4700::1111", PUBLIC]})
    await fetcher(both, handler).fetch("https://cdn.example.com/x", tmp_path / "a", VIDEO)
    assert tried == ["2606:4700::1111", PUBLIC]


async def test_one_private_record_refuses_the_name(tmp_path: Path) -> None:
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return streamed(media.mp4(1))

    mixed = ScriptedResolver({"cdn.example.com": [PUBLIC, "10.0.0.7"]})
    with pytest.raises(FetchError) as refused:
        await fetcher(mixed, handler).fetch("https://cdn.example.com/x", tmp_path / "a", VIDEO)
    assert refused.value.reason is Reason.LOCAL_ADDRESS
    assert requests == []


async def test_redirects_are_checked_hop_by_hop_and_counted(tmp_path: Path) -> None:
    hops = {
        "/start": (302, "/moved"),
        "/moved": (307, "https://other.example.com/final"),
        "/final": (301, "http://169.254.169.254/latest/meta-data/"),
        "/loop": (302, "/loop"),
    }
    paths: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        paths.append(request.url.path)
        status, location = hops[request.url.path]
        return httpx.Response(status, headers={"location": location})

    resolver = ScriptedResolver({"cdn.example.com": [PUBLIC], "other.example.com": ["8.8.8.8"]})
    with pytest.raises(FetchError) as refused:
        await fetcher(resolver, handler).fetch(
            "https://cdn.example.com/start", tmp_path / "a", VIDEO
        )
    assert refused.value.reason is Reason.LOCAL_ADDRESS
    assert paths == ["/start", "/moved", "/final"]  # the metadata address was never asked
    assert resolver.lookups == ["cdn.example.com", "cdn.example.com", "other.example.com"]

    paths.clear()
    with pytest.raises(FetchError) as looped:
        await fetcher(resolver, handler, max_redirects=3).fetch(
            "https://cdn.example.com/loop", tmp_path / "a", VIDEO
        )
    assert looped.value.reason is Reason.REDIRECTS
    assert len(paths) == 4
    assert await listing(tmp_path) == []


def _open_under(folder: Path) -> list[str]:
    """The files under `folder` this process holds open (its descriptors, as the kernel lists)."""
    held = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = fd.readlink()
        except OSError:
            continue
        if target.is_relative_to(folder):
            held.append(target.name)
    return held


async def test_a_download_cancelled_at_any_moment_closes_its_file_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    """An app shutting down cancels its jobs wherever they are: between the file's opening in
    a thread and the first byte too. Each moment from the start to the end of the download."""
    clip = media.mp4(1)
    get = fetcher(CDN, serving(clip))
    for steps in range(60):
        folder = tmp_path / f"at-{steps}"
        folder.mkdir()
        task = asyncio.ensure_future(get.fetch("https://cdn.example.com/x", folder / "a", VIDEO))
        for _ in range(steps):
            await asyncio.sleep(0)
        if not task.cancel():
            assert (await task).name == "a.mp4"  # done already: every later moment is too
            break
        with pytest.raises(asyncio.CancelledError):
            await task
        assert _open_under(folder) == [], f"a file left open, cancelled after {steps} steps"
        assert await listing(folder) == [], f"a file left behind, cancelled after {steps} steps"
