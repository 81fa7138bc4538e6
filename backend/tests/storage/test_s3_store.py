"""`MEDIA_BACKEND=s3` against a real S3 server (SeaweedFS on loopback): the bucket holds every
file whole or not at all, a machine with an empty cache finds everything, the quota and pruning
count the bucket, and the cache stays within its bound."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from PIL import Image

from app.cli import prune_media
from app.config import MediaSettings, S3Settings, Settings
from app.errors import MediaNotFound, StorageFull, StorageUnavailable
from app.ffmpeg.form import SIDECAR_SUFFIX
from app.services.project_media import delete_media
from app.storage import provenance
from app.storage.build import build_store
from app.storage.media_store import MediaStore
from app.storage.s3_remote import S3Remote
from tests.conftest import BASE_URL, ClientFactory
from tests.utils.factories import fake_providers
from tests.utils.s3 import bucket_keys, publish

pytestmark = pytest.mark.anyio

BACKEND = Path(__file__).resolve().parents[2]


def _store(s3: S3Settings, root: Path, **media: object) -> MediaStore:
    settings = Settings(
        media=MediaSettings(root=root, public_base_url=BASE_URL, backend="s3", **media), s3=s3
    )
    store = build_store(settings)
    assert store.bucket is not None
    store.bucket.remote.open()
    return store


def _cached(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


async def _clip(store: MediaStore, data: bytes = b"v" * 5000) -> str:
    """A clip committed with its provenance record and form sidecar, as the clip step does."""
    async with store.batch() as batch:
        clip = batch.new("clips", ".mp4")
        await asyncio.to_thread(clip.partial.write_bytes, data)
        await batch.record_uses(clip, ["seeds/s1.png"])
        form = batch.beside(clip, SIDECAR_SUFFIX)
        await asyncio.to_thread(form.partial.write_text, '{"fps": 30}')
    return clip.key


async def test_a_batch_lands_in_the_bucket_and_another_machine_reads_it_with_its_companions(
    s3: S3Settings, tmp_path: Path
) -> None:
    key = await _clip(_store(s3, tmp_path / "a"))
    assert bucket_keys(s3) == {key, provenance.record_key(key), key + SIDECAR_SUFFIX}

    other = _store(s3, tmp_path / "b")  # an empty cache: another worker, or a new disk
    path = await asyncio.to_thread(other.resolve, key)
    assert path.read_bytes() == b"v" * 5000
    # Readers open the form sidecar beside the clip; it came down with it.
    assert path.with_name(path.name + SIDECAR_SUFFIX).read_text() == '{"fps": 30}'
    assert await asyncio.to_thread(other.uses_of, key) == ["seeds/s1.png"]
    with pytest.raises(MediaNotFound):
        await asyncio.to_thread(other.resolve, provenance.record_key(key))


async def test_a_batch_that_fails_leaves_nothing_in_the_bucket_or_the_cache(
    s3: S3Settings, tmp_path: Path
) -> None:
    store = _store(s3, tmp_path / "media")
    with pytest.raises(RuntimeError):
        async with store.batch() as batch:
            first = batch.new("clips", ".mp4")
            first.partial.write_bytes(b"a" * 1000)
            raise RuntimeError("the job failed")
    # Failing halfway through the commit: the first file was uploaded, the second never written.
    with pytest.raises(FileNotFoundError):
        async with store.batch() as batch:
            batch.new("seeds", ".png").partial.write_bytes(b"b" * 1000)
            batch.new("clips", ".mp4")
    assert bucket_keys(s3) == set()
    assert _cached(store.root) == set()
    assert store.usage.bytes == 0


async def test_the_quota_counts_the_bucket_not_the_cache(s3: S3Settings, tmp_path: Path) -> None:
    await _clip(_store(s3, tmp_path / "a"), b"v" * 3000)
    store = _store(s3, tmp_path / "b", max_bytes=2000)
    assert _cached(store.root) == set()
    with pytest.raises(StorageFull):
        await store.ensure_room()


async def test_deleting_a_projects_file_removes_it_with_its_companions_everywhere(
    s3: S3Settings, tmp_path: Path
) -> None:
    store = _store(s3, tmp_path / "media")
    key, kept = await _clip(store), await _clip(store)
    await asyncio.to_thread(store.usage.count, store.root)
    before = store.usage.bytes

    freed = await asyncio.to_thread(delete_media, store, [key, "clips/never-made.mp4"])

    assert freed == 5000 + len('{"fps": 30}') + len(provenance.encode(["seeds/s1.png"]))
    assert bucket_keys(s3) == {kept, provenance.record_key(kept), kept + SIDECAR_SUFFIX}
    assert not any(name.startswith(key) for name in _cached(store.root))
    assert store.usage.bytes == before - freed


async def test_pruning_removes_unused_intermediates_from_the_bucket(
    s3: S3Settings, tmp_path: Path
) -> None:
    media = tmp_path / "media"
    for key in ("clips/c1.mp4", "clips/c2.mp4", "seeds/s1.png", "ads/ad1.mp4"):
        (media / key).parent.mkdir(parents=True, exist_ok=True)
        (media / key).write_bytes(b"x" * 100)
    (media / "ads/ad1.mp4.uses.json").write_text(json.dumps({"uses": ["clips/c1.mp4"]}))
    (media / "previews/seeds").mkdir(parents=True)
    (media / "previews/seeds/s1.png.w320.webp").write_bytes(b"p")
    await asyncio.to_thread(publish, s3, media)
    store = _store(s3, media)
    await asyncio.to_thread(store.resolve, "clips/c2.mp4")  # in the cache too

    # Everything was stored moments ago: a negative age makes all of it old enough.
    await asyncio.to_thread(prune_media, media, -1, False, frozenset({"seeds/s1.png"}), store)

    assert bucket_keys(s3) == {
        "ads/ad1.mp4",
        "ads/ad1.mp4.uses.json",
        "clips/c1.mp4",
        "seeds/s1.png",
        "previews/seeds/s1.png.w320.webp",
    }
    assert "clips/c2.mp4" not in _cached(media)


async def test_the_cache_drops_what_was_used_longest_ago_and_fetches_it_again(
    s3: S3Settings, tmp_path: Path
) -> None:
    writer = _store(s3, tmp_path / "a")
    keys = [await _clip(writer, bytes([n]) * 4000) for n in range(4)]
    store = _store(s3, tmp_path / "b", cache_max_bytes=9000)
    assert store.bucket is not None
    paths = [await asyncio.to_thread(store.resolve, key) for key in keys]
    long_ago = time.time() - 3600
    for path in paths[:3]:  # used an hour ago; the last one just now
        os.utime(path, (long_ago, path.stat().st_mtime))
    await asyncio.to_thread(store.resolve, keys[2])  # used again: kept

    await asyncio.to_thread(store.bucket.trim)

    assert [path.exists() for path in paths] == [False, False, True, True]
    assert not paths[0].with_name(paths[0].name + SIDECAR_SUFFIX).exists()
    again = await asyncio.to_thread(store.resolve, keys[0])
    assert again.read_bytes() == bytes([0]) * 4000


@pytest.fixture(params=["s3"])
def media_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def test_previews_and_ranges_are_served_from_a_bucket_the_cache_never_saw(
    api: ClientFactory, settings: Settings, media_root: Path
) -> None:
    (media_root / "moods").mkdir(parents=True)
    Image.new("RGB", (1200, 800), "teal").save(media_root / "moods/m.png")
    video = os.urandom(3 * 1024 * 1024)
    (media_root / "ads").mkdir()
    (media_root / "ads/ad.mp4").write_bytes(video)
    await asyncio.to_thread(publish, settings.s3, media_root)
    async with api(fake_providers()) as client:
        preview = await client.get("/media/moods/m.png", params={"w": 320})
        part = await client.get("/media/ads/ad.mp4", headers={"Range": "bytes=2000000-2000099"})
        tail = await client.get("/media/ads/ad.mp4", headers={"Range": "bytes=-10"})
    assert preview.status_code == 200 and preview.headers["content-type"] == "image/webp"
    assert "previews/moods/m.png.w320.webp" in bucket_keys(settings.s3)  # made once, kept
    assert part.status_code == tail.status_code == 206
    assert part.content == video[2000000:2000100]
    assert part.headers["content-range"] == f"bytes 2000000-2000099/{len(video)}"
    assert tail.content == video[-10:]


async def test_a_bucket_that_stops_answering_is_a_503_that_names_no_address(
    api: ClientFactory, settings: Settings
) -> None:
    from app.main import create_app

    app = create_app(settings, fake_providers())
    async with app.router.lifespan_context(app):
        bucket = app.state.runtime.store.bucket
        # The discard port: nothing listens there.
        gone = settings.s3.model_copy(update={"endpoint_url": "http://127.0.0.1:9"})
        bucket.remote = S3Remote(gone)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            response = await client.get("/media/clips/a.mp4")
    assert response.status_code == 503
    assert response.json()["code"] == "storage_unavailable"
    assert "127.0.0.1" not in response.text and ":9" not in response.text


async def test_a_bucket_that_does_not_answer_stops_the_server_at_start_up(
    settings: Settings,
) -> None:
    from app.main import create_app

    gone = settings.s3.model_copy(update={"endpoint_url": "http://127.0.0.1:9"})
    app = create_app(settings.model_copy(update={"s3": gone}), fake_providers())
    with pytest.raises(StorageUnavailable):
        async with app.router.lifespan_context(app):
            pass


def test_a_large_upload_streams_in_parts_without_holding_the_file(
    s3: S3Settings, tmp_path: Path
) -> None:
    """A 96 MB file committed to the bucket raises the process's peak memory by a fraction
    of its size (boto3's parts, not the file), measured in a fresh process."""
    script = f"""
import asyncio, os, sys
from pathlib import Path
from tests.storage.test_s3_store import _store, _peak_rss
from app.config import S3Settings
s3 = S3Settings.model_validate_json(sys.stdin.read())
store = _store(s3, Path({str(tmp_path / "media")!r}))
big = store.root / "big.bin"
with big.open("wb") as out:
    for _ in range(96):
        out.write(os.urandom(1024 * 1024))
async def main():
    before = _peak_rss()
    async with store.batch() as batch:
        ad = batch.new("ads", ".mp4")
        big.rename(ad.partial)
    print(before, _peak_rss(), ad.key)
asyncio.run(main())
"""
    secret, key_id = s3.secret_access_key, s3.access_key_id
    assert secret is not None and key_id is not None
    data = s3.model_dump(mode="json")
    data.update(
        secret_access_key=secret.get_secret_value(), access_key_id=key_id.get_secret_value()
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(data),
        cwd=BACKEND,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    before, after, key = result.stdout.split()
    growth_mb = (int(after) - int(before)) / 1024
    assert growth_mb < 48, f"peak memory rose {growth_mb:.0f} MB for a 96 MB upload"
    assert key in bucket_keys(s3)


def _peak_rss() -> int:
    """This process's peak resident memory so far, in KB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM in /proc/self/status")
