"""How a stored file is described to a browser: its type, and the name it is saved under.

The type comes from a fixed table of the kinds we store, keyed by the suffix we gave the file,
never from a name a client chose nor from the bytes. Anything else is opaque bytes: a browser
never renders it, so no stored file can become a page on our origin.
"""

from __future__ import annotations

import re
from pathlib import PurePath

MEDIA_TYPES: dict[str, str] = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".mp4": "video/mp4",
    ".wav": "audio/wav",
    ".m4a": "audio/mp4",
    ".mp3": "audio/mpeg",
    ".json": "application/json",
    ".vtt": "text/vtt",  # Starlette adds the charset to text types
    ".srt": "application/x-subrip",
}
"""Suffix → Content-Type of every kind of file the store holds."""
OPAQUE = "application/octet-stream"

MAX_IMAGE_PIXELS = 40_000_000
"""The largest image we decode (a fetched one, or one we make a preview of): bigger ones are
refused before their pixels are read, so a small file cannot expand to gigabytes in memory."""

MEDIA_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    # Should a browser ever open one of our files as a document, it runs nothing and loads
    # nothing but the file itself.
    "Content-Security-Policy": (
        "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox"
    ),
}
"""Sent with every stored file."""

MAX_NAME_CHARACTERS = 100
_EXTENSION = re.compile(r"\.\w{1,16}$")
_NOT_NAME = re.compile(r"[^\w-]+")


def media_type_for(path: PurePath) -> str:
    return MEDIA_TYPES.get(path.suffix.lower(), OPAQUE)


def attachment_name(requested: str, stored: PurePath) -> str:
    """The name a download is saved under: the client's words, the stored file's extension.

    `invoice.pdf.exe` asked for an MP4 is saved as `invoice-pdf.mp4`: the extension a system
    opens the file with always matches what the file is.
    """
    stem = _EXTENSION.sub("", requested)
    words = _NOT_NAME.sub("-", stem).strip("-")[:MAX_NAME_CHARACTERS].strip("-") or stored.stem
    return f"{words}{stored.suffix.lower()}"
