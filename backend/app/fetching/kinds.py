"""What a fetch expects to bring back: the content types that may announce it, and the decode
check (`app.fetching.verify`) it must pass before anything else reads it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.fetching import verify

GENERIC_TYPES = frozenset({"application/octet-stream", "binary/octet-stream", ""})
"""Types a CDN uses when it does not know better: the decode check judges those files."""


@dataclass(frozen=True)
class MediaKind:
    name: str
    content_types: frozenset[str]
    check: Callable[[Path], object]
    """Blocking; raises `ProviderBadOutput` unless the file is one plain stream of this kind."""
    description: str
    """For people, after "a link to": what we accept."""
    unreadable: str
    """For people, after the file's name: what is wrong with a file that fails the check."""

    def accepts_type(self, content_type: str) -> bool:
        kind = content_type.split(";", 1)[0].strip().lower()
        return kind in GENERIC_TYPES or kind in self.content_types


VIDEO = MediaKind(
    name="video",
    content_types=frozenset(
        {"video/mp4", "video/quicktime", "video/webm", "video/x-matroska", "application/mp4"}
    ),
    check=verify.check_video,
    description="an MP4, MOV or WebM video",
    unreadable="is not a readable video",
)
IMAGE = MediaKind(
    name="image",
    content_types=frozenset({"image/png", "image/jpeg", "image/jpg", "image/pjpeg", "image/webp"}),
    check=verify.check_image,
    description="a PNG, JPEG or WebP image",
    unreadable="is not a readable image",
)
AUDIO = MediaKind(
    name="audio",
    content_types=frozenset(
        {
            *("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave", "audio/mpeg"),
            *("audio/mp3", "audio/flac", "audio/x-flac", "audio/ogg", "audio/mp4", "audio/x-m4a"),
        }
    ),
    check=verify.check_audio,
    description="a WAV, MP3, FLAC, Ogg or M4A audio file",
    unreadable="is not readable audio",
)
