"""The bucket behind `MEDIA_BACKEND=s3`: the durable home of every file the store commits.

Every method blocks (boto3 is synchronous): the store calls them from worker threads only.
Uploads stream from the file in parts (boto3's transfer manager, a few 8 MB parts in flight at
most) and downloads stream into a file, so no file is ever held whole in memory. Any failure of
the bucket (refused credentials, an endpoint that does not answer) is a `StorageUnavailable`
whose cause, with its endpoint and status, goes to the log only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from app.config import S3Settings
from app.errors import StorageUnavailable

logger = logging.getLogger(__name__)

PART_BYTES = 8 * 1024 * 1024
_TRANSFER = TransferConfig(
    multipart_threshold=PART_BYTES, multipart_chunksize=PART_BYTES, max_concurrency=4
)
_MISSING = {"404", "NoSuchKey", "NotFound"}
_DELETE_BATCH = 1000
"""The most keys one DeleteObjects request takes."""


@dataclass(frozen=True)
class RemoteObject:
    key: str
    size: int
    mtime: float
    """When it was stored, as a Unix time: the bucket's `LastModified`."""


class S3Remote:
    def __init__(self, settings: S3Settings) -> None:
        self.bucket = settings.bucket
        self.prefix = settings.prefix
        secret = settings.secret_access_key
        key_id = settings.access_key_id
        self._client: Any = boto3.client(
            "s3",
            endpoint_url=settings.endpoint_url,
            region_name=settings.region,
            aws_access_key_id=key_id.get_secret_value() if key_id else None,
            aws_secret_access_key=secret.get_secret_value() if secret else None,
            config=Config(
                # Path-style: a loopback server has no per-bucket host names.
                s3={"addressing_style": "path"},
                retries={"max_attempts": 3, "mode": "standard"},
                connect_timeout=10,
                read_timeout=60,
                max_pool_connections=16,
            ),
        )
        self._create_bucket = settings.create_bucket

    def open(self) -> None:
        """Check the bucket answers (creating it if asked to); at start-up."""
        with _unavailable("reach the bucket"):
            try:
                self._client.head_bucket(Bucket=self.bucket)
            except ClientError as exc:
                if not self._create_bucket or _code(exc) not in _MISSING:
                    raise
                self._client.create_bucket(Bucket=self.bucket)

    def upload(self, path: Path, key: str) -> None:
        with _unavailable("store a file"):
            self._client.upload_file(str(path), self.bucket, self.prefix + key, Config=_TRANSFER)

    def download(self, key: str, path: Path) -> bool:
        """Write the object at `key` to `path`; False when there is none."""
        with _unavailable("read a file"):
            try:
                self._client.download_file(
                    self.bucket, self.prefix + key, str(path), Config=_TRANSFER
                )
            except ClientError as exc:
                if _code(exc) in _MISSING:
                    return False
                raise
        return True

    def read(self, key: str) -> bytes | None:
        """A small object's bytes (a record); None when there is none."""
        with _unavailable("read a file"):
            try:
                answer = self._client.get_object(Bucket=self.bucket, Key=self.prefix + key)
            except ClientError as exc:
                if _code(exc) in _MISSING:
                    return None
                raise
            body: bytes = answer["Body"].read()
            return body

    def listing(self, prefix: str = "") -> Iterator[RemoteObject]:
        with _unavailable("list the files"):
            pages = self._client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=self.prefix + prefix
            )
            for page in pages:
                for item in page.get("Contents", []):
                    key = item["Key"][len(self.prefix) :]
                    yield RemoteObject(key, item["Size"], item["LastModified"].timestamp())

    def total_bytes(self) -> int:
        return sum(item.size for item in self.listing())

    def delete(self, keys: Iterable[str]) -> None:
        """Remove these objects; one that is already gone is no error."""
        doomed = list(dict.fromkeys(keys))
        with _unavailable("remove files"):
            for start in range(0, len(doomed), _DELETE_BATCH):
                chunk = doomed[start : start + _DELETE_BATCH]
                answer = self._client.delete_objects(
                    Bucket=self.bucket,
                    Delete={
                        "Objects": [{"Key": self.prefix + key} for key in chunk],
                        "Quiet": True,
                    },
                )
                for error in answer.get("Errors", []):
                    logger.warning("the bucket kept %s: %s", error.get("Key"), error.get("Code"))

    def delete_all(self) -> None:
        """Remove every object under the prefix (a test's, at its end)."""
        self.delete(item.key for item in self.listing())


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


@contextmanager
def _unavailable(doing: str) -> Iterator[None]:
    try:
        yield
    except (BotoCoreError, ClientError) as exc:
        logger.warning("media bucket: could not %s: %s", doing, exc)
        raise StorageUnavailable() from exc
