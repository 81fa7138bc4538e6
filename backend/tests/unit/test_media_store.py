from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import MediaNotFound, MediaPathRefused
from app.storage.media_store import MediaStore


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
