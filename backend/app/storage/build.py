"""The media store `MEDIA_BACKEND` names, from the settings alone: the API, the CLI and any
worker process open the same store the same way."""

from __future__ import annotations

from app.config import Settings
from app.storage.bucket_cache import BucketCache
from app.storage.media_store import MediaStore
from app.storage.s3_remote import S3Remote


def build_store(settings: Settings) -> MediaStore:
    """The media root alone (`local`), or a bucket the root caches (`s3`). Nothing is read or
    checked yet: `app.runtime.open_store` checks the bucket answers, sweeps and counts."""
    media = settings.media
    bucket = None
    if media.backend == "s3":
        remote = S3Remote(settings.s3)
        bucket = BucketCache(remote, media.root.resolve(), media.cache_max_bytes)
    return MediaStore(media.root, media.public_base_url, media.max_bytes, bucket)
