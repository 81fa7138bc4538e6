"""Files enter the store whole or not at all, and the store knows how much it holds."""

from __future__ import annotations

import asyncio
import errno
import os
from pathlib import Path

import pytest
from PIL import Image

from app.errors import OUT_OF_SPACE, MediaNotFound, MediaPathRefused, StorageFull
from app.storage.batch import NewFile
from app.storage.media_store import MediaStore
from app.storage.usage import measure
from tests.utils.disk_faults import needs_dev_full, onto_full_disk

pytestmark = pytest.mark.anyio


class ReadOnlyStore(MediaStore):
    """A store whose volume went read-only: renaming a finished file into place fails."""

    def _commit(self, files: list[NewFile]) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(files[0].path))


@pytest.fixture
def store(tmp_path: Path) -> MediaStore:
    return MediaStore(tmp_path / "media", "http://localhost:8000")


def _everything(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


async def test_a_file_is_invisible_until_whole_then_served(store: MediaStore) -> None:
    async with store.writing("seeds", ".png") as seed:
        Image.new("RGB", (8, 8), "red").save(seed.partial)
        partial_key = store.key_for_path(seed.partial)
        with pytest.raises((MediaNotFound, MediaPathRefused)):
            store.resolve(partial_key)  # a reader never gets half a file
        assert not seed.path.exists()
    assert store.resolve(seed.key) == seed.path
    assert _everything(store.root) == [seed.key]


async def test_a_failed_batch_leaves_nothing_not_even_what_it_adopted(store: MediaStore) -> None:
    async with store.writing("clips", ".mp4") as fetched:
        fetched.partial.write_bytes(b"a clip fetched for the job")
    with pytest.raises(RuntimeError, match="the job failed"):
        async with store.batch() as batch:
            batch.adopt(fetched.path)
            music = batch.new("music", ".wav")
            music.partial.write_bytes(b"music")
            ad = batch.new("ads", ".mp4")
            await batch.record_uses(ad, [fetched.key, music.key])
            ad.partial.write_bytes(b"half an a")
            raise RuntimeError("the job failed")
    assert _everything(store.root) == []


async def test_a_cancelled_batch_leaves_nothing(store: MediaStore) -> None:
    writing = asyncio.Event()

    async def job() -> None:
        async with store.writing("clips", ".mp4") as clip:
            clip.partial.write_bytes(b"half")
            writing.set()
            await asyncio.sleep(60)

    task = asyncio.create_task(job())
    await writing.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert _everything(store.root) == []


async def test_a_batch_commits_records_before_the_files_they_describe(store: MediaStore) -> None:
    async with store.batch() as batch:
        clip = batch.new("clips", ".mp4")
        await batch.record_uses(clip, ["seeds/a.png"])
        clip.partial.write_bytes(b"clip")
        assert [file.key for file in batch.files] == [f"{clip.key}.uses.json", clip.key]
    assert store.uses_of(clip.key) == ["seeds/a.png"]
    with pytest.raises(MediaNotFound):
        store.resolve(f"{clip.key}.uses.json")  # records are not media


@needs_dev_full
async def test_a_full_disk_is_storage_full_and_leaves_no_partial(store: MediaStore) -> None:
    with pytest.raises(StorageFull) as failure:
        async with store.writing("seeds", ".png") as seed:
            onto_full_disk(seed.partial)
            await asyncio.to_thread(Image.new("RGB", (64, 64)).save, seed.partial)
    assert failure.value.code == "storage_full" and failure.value.status_code == 507
    assert failure.value.message == OUT_OF_SPACE
    assert not (store.root / "seeds").exists() or list((store.root / "seeds").iterdir()) == []


async def test_a_read_only_volume_is_storage_full(tmp_path: Path) -> None:
    store = ReadOnlyStore(tmp_path / "media", "http://localhost:8000")
    with pytest.raises(StorageFull):
        async with store.writing("music", ".wav") as music:
            music.partial.write_bytes(b"RIFF")
    assert _everything(store.root) == []


async def test_the_count_follows_every_write_and_removal(store: MediaStore) -> None:
    (store.root / "ads").mkdir()
    (store.root / "ads" / "old.mp4").write_bytes(b"x" * 1000)
    (store.root / "ads" / ".old.1-ab.partial.mp4").write_bytes(b"x" * 500)  # not counted
    store.start_counting()
    await asyncio.to_thread(store.usage.wait_counted)
    assert store.usage.bytes == 1000

    async with store.writing("clips", ".mp4") as clip:
        clip.partial.write_bytes(b"y" * 300)
    assert store.usage.bytes == 1300 == measure(store.root)

    with pytest.raises(RuntimeError):
        async with store.batch() as batch:
            batch.adopt(clip.path)
            raise RuntimeError
    assert store.usage.bytes == 1000 == measure(store.root)
