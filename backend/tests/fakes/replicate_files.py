"""The files API of the fake Replicate (https://replicate.com/docs/reference/http#files.create).

    POST   /v1/files        multipart/form-data: `content` (with its filename and type), optional
                            `filename`, `type`, `metadata`; 201 with the file object, 413 over 100 MB
    GET    /v1/files        {"next", "previous", "results": [file, ...]}, newest first
    GET    /v1/files/{id}   the file object, or 404 once deleted
    DELETE /v1/files/{id}   204, then the file is gone (404)

The file object has the fields a real answer carries (`name` and `etag` included: the replicate
client requires them). Its `urls.get` is the URL a model input takes; the fake's models read the
file behind it (`FakeFiles.read`), as Replicate does for its own file URLs.

Multipart bodies are parsed with the standard library's `email` parser, so the fake needs no
form-parsing package.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

MAX_FILE_BYTES = 100 * 1024 * 1024
"""Replicate refuses larger uploads with 413."""


@dataclass
class FakeFile:
    id: str
    name: str
    content_type: str
    data: bytes
    metadata: dict[str, Any]
    created_at: float = field(default_factory=time.time)

    @property
    def size(self) -> int:
        return len(self.data)


class FakeFiles:
    def __init__(self) -> None:
        self.origin = ""
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self.stored: dict[str, FakeFile] = {}
            """The files there now."""
            self.received: dict[str, FakeFile] = {}
            """Every file ever uploaded, in order, deleted ones included."""
            self.deleted: list[str] = []

    def url(self, file_id: str) -> str:
        return f"{self.origin}/v1/files/{file_id}"

    def read(self, url: str) -> FakeFile | None:
        """The stored file a model input URL names, or None if it is not one of ours (or gone)."""
        prefix = f"{self.origin}/v1/files/"
        if not url.startswith(prefix):
            return None
        with self._lock:
            return self.stored.get(url.removeprefix(prefix))

    # --- the HTTP API (authentication is checked by the caller) ----------------------------

    async def create(self, request: Request) -> Response:
        body = await request.body()
        if len(body) > MAX_FILE_BYTES:
            return _problem(413, "Content Too Large", "Files must be less than 100MB in size")
        fields = _form_fields(request.headers.get("content-type", ""), body)
        content = fields.get("content")
        if content is None:
            return _problem(400, "Bad Request", "content is required")
        filename = _text(fields.get("filename")) or content.get_filename() or ""
        if not filename or len(filename.encode()) > 255:
            return _problem(400, "Bad Request", "filename is required (at most 255 bytes)")
        kind = _text(fields.get("type")) or content.get_content_type() or "application/octet-stream"
        try:
            metadata = json.loads(_text(fields.get("metadata")) or "{}")
        except ValueError:
            return _problem(400, "Bad Request", "metadata must be valid JSON")
        data = content.get_payload(decode=True)
        with self._lock:
            stored = FakeFile(
                id=f"file{next(self._ids):06d}",
                name=filename,
                content_type=kind,
                data=data if isinstance(data, bytes) else b"",
                metadata=metadata if isinstance(metadata, dict) else {},
            )
            self.stored[stored.id] = stored
            self.received[stored.id] = stored
        return JSONResponse(self._view(stored), status_code=201)

    def list(self, request: Request) -> Response:
        with self._lock:
            files = sorted(self.stored.values(), key=lambda f: f.created_at, reverse=True)
            return JSONResponse(
                {"next": None, "previous": None, "results": [self._view(f) for f in files]}
            )

    def get(self, request: Request) -> Response:
        with self._lock:
            found = self.stored.get(request.path_params["id"])
            if found is None:
                return _problem(404, "Not found", "File not found")
            return JSONResponse(self._view(found))

    def delete(self, request: Request) -> Response:
        with self._lock:
            found = self.stored.pop(request.path_params["id"], None)
            if found is None:
                return _problem(404, "Not found", "File not found")
            self.deleted.append(found.id)
        return Response(status_code=204)

    def _view(self, stored: FakeFile) -> dict[str, Any]:
        stamp = "%Y-%m-%dT%H:%M:%S.000Z"
        return {
            "id": stored.id,
            "name": stored.name,
            "content_type": stored.content_type,
            "size": stored.size,
            "etag": hashlib.md5(stored.data).hexdigest(),
            "checksums": {
                "sha256": hashlib.sha256(stored.data).hexdigest(),
                "md5": hashlib.md5(stored.data).hexdigest(),
            },
            "metadata": stored.metadata,
            "created_at": time.strftime(stamp, time.gmtime(stored.created_at)),
            "expires_at": time.strftime(stamp, time.gmtime(stored.created_at + 86400)),
            "urls": {"get": self.url(stored.id)},
        }


def _form_fields(content_type: str, body: bytes) -> dict[str, Message]:
    """The parts of a multipart/form-data body, by field name."""
    if not content_type.startswith("multipart/form-data"):
        return {}
    parsed = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode("latin-1") + body
    )
    if not parsed.is_multipart():
        return {}
    fields: dict[str, Message] = {}
    for part in parsed.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if isinstance(name, str):
            fields[name] = part
    return fields


def _text(part: Message | None) -> str:
    if part is None:
        return ""
    payload = part.get_payload(decode=True)
    return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""


def _problem(status: int, title: str, detail: str) -> JSONResponse:
    return JSONResponse(
        {"title": title, "detail": detail, "status": status},
        status_code=status,
        media_type="application/problem+json",
    )
