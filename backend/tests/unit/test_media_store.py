from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from app.errors import MediaNotFound, MediaPathRefused
from app.storage.media_store import MediaStore, check_key
from app.storage.media_types import attachment_name, media_type_for


@pytest.fixture
def store(tmp_path: Path) -> MediaStore:
    return MediaStore(tmp_path / "media", "http://localhost:8000/")


def test_allocated_files_get_urls_that_resolve_back_to_them(store: MediaStore) -> None:
    target = store.allocate("clips", ".mp4")
    target.path.write_bytes(b"x")
    url = store.url_for(target.key)
    assert url == f"http://localhost:8000/media/{target.key}"
    assert store.url_for_path(target.path) == url
    assert store.resolve(store.key_from_url(url) or "") == target.path
    assert store.allocate("clips", ".mp4").key != target.key


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("http://localhost:8000/media/a/b.png", "a/b.png"),
        ("http://127.0.0.1:8000/media/a/b.png", "a/b.png"),  # same server, other loopback name
        ("/media/a/b%20c.png", "a/b c.png"),
        ("http://localhost:9000/media/a/b.png", None),  # another service on this machine
        ("https://replicate.delivery/media/a/b.png", None),
        ("http://localhost:8000/other/a.png", None),
        ("file:///media/a.png", None),
    ],
)
def test_only_our_own_urls_map_to_keys(store: MediaStore, url: str, key: str | None) -> None:
    assert store.key_from_url(url) == key


@pytest.mark.parametrize("key", ["../secret", "a/../../secret", "/etc/passwd", ""])
def test_keys_outside_the_store_are_refused(store: MediaStore, key: str) -> None:
    with pytest.raises(MediaPathRefused):
        store.resolve(key)


def test_a_symlink_out_of_the_store_is_refused(store: MediaStore, tmp_path: Path) -> None:
    (tmp_path / "secret").write_text("s")
    (store.root / "link").symlink_to(tmp_path / "secret")
    with pytest.raises(MediaPathRefused):
        store.resolve("link")


def test_missing_files_are_not_found(store: MediaStore) -> None:
    with pytest.raises(MediaNotFound):
        store.resolve("clips/none.mp4")


@pytest.mark.parametrize("key", ["clips/a.mp4", "ads/2024/x.png", "moods/café.png", "a" * 255])
def test_plain_relative_keys_are_accepted(key: str) -> None:
    assert check_key(key).as_posix() == key


@pytest.mark.parametrize(
    "key",
    [
        "", "/etc/passwd", "../x", "a/../x", "a/./x", "a//x", "a/", ".hidden", "ads/.compose-1/x.mp4",
        "a\x00b", "a\nb", "a\x7fb", "a\\..\\x", "\ud800", "a" * 256, "é" * 128,
        "/".join(["abcdefgh"] * 456),  # 4,103 bytes
    ],
)  # fmt: skip
def test_odd_keys_are_refused_before_the_disk_is_asked(key: str) -> None:
    with pytest.raises(MediaPathRefused):
        check_key(key)


def test_a_key_too_long_for_the_disk_with_the_root_in_front_is_not_found(
    store: MediaStore,
) -> None:
    key = "/".join(["a" * 200] * 20)  # 4,019 bytes: a valid key, too long behind any root
    with pytest.raises(MediaNotFound):
        store.resolve(key)


@pytest.mark.parametrize(
    ("stored", "media_type"),
    [
        ("a.png", "image/png"), ("a.JPG", "image/jpeg"), ("a.webp", "image/webp"),
        ("a.mp4", "video/mp4"), ("a.wav", "audio/wav"), ("a.m4a", "audio/mp4"),
        ("a.mp3", "audio/mpeg"), ("a.json", "application/json"),
        ("a.html", "application/octet-stream"), ("a.svg", "application/octet-stream"),
        ("a.exe", "application/octet-stream"), ("a", "application/octet-stream"),
    ],
)  # fmt: skip
def test_the_type_is_the_stored_kind_from_a_fixed_table(stored: str, media_type: str) -> None:
    assert media_type_for(PurePosixPath(stored)) == media_type


@pytest.mark.parametrize(
    ("requested", "stored", "name"),
    [
        ("glow-serum-ad.mp4", "ads/x.mp4", "glow-serum-ad.mp4"),
        ("invoice.pdf.exe", "ads/x.mp4", "invoice-pdf.mp4"),
        ("page.html", "moods/x.png", "page.png"),
        ("../../etc/passwd", "ads/x.mp4", "etc-passwd.mp4"),
        ('a"b;c\r\nd.mp4', "ads/x.mp4", "a-b-c-d.mp4"),
        ("..\\..\\x.bat", "ads/x.mp4", "x.mp4"),
        ("...", "ads/3f2a.mp4", "3f2a.mp4"),
        ("Über Ad", "ads/x.mp4", "Über-Ad.mp4"),
        ("x" * 300, "ads/x.mp4", "x" * 100 + ".mp4"),
    ],
)
def test_the_download_name_is_sanitised_and_takes_the_stored_extension(
    requested: str, stored: str, name: str
) -> None:
    assert attachment_name(requested, PurePosixPath(stored)) == name
