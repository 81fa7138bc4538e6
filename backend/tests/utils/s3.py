"""The S3 backend under test: a real SeaweedFS on loopback (`scripts/seaweedfs.py`), one per
test session, and a folder of its bucket per test."""

from __future__ import annotations

import uuid
from pathlib import Path
from types import ModuleType

from pydantic import SecretStr

from app.config import S3Settings
from app.storage.s3_remote import S3Remote
from tests.utils.scripts import load_script

BUCKET = "reelsmith-test"


def seaweedfs_script() -> ModuleType:
    """`scripts/seaweedfs.py`, which starts and stops the server (and installs it if missing)."""
    return load_script("seaweedfs")


def s3_settings(server: object) -> S3Settings:
    """A fresh folder of the test bucket on `server` (a `seaweedfs.SeaweedFS`)."""
    return S3Settings(
        endpoint_url=server.endpoint_url,  # type: ignore[attr-defined]
        bucket=BUCKET,
        prefix=f"{uuid.uuid4().hex}/",
        access_key_id=SecretStr(server.access_key),  # type: ignore[attr-defined]
        secret_access_key=SecretStr(server.secret_key),  # type: ignore[attr-defined]
        create_bucket=True,
    )


def publish(settings: S3Settings, root: Path) -> None:
    """Move every file under `root` into the bucket, as if written by another machine: the
    local cache starts empty."""
    remote = S3Remote(settings)
    remote.open()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            remote.upload(path, path.relative_to(root).as_posix())
            path.unlink()


def bucket_keys(settings: S3Settings) -> set[str]:
    return {item.key for item in S3Remote(settings).listing()}
