"""What container a file is, from its first bytes: the only way a foreign file gets a demuxer.

FFmpeg, left to itself, picks a demuxer by probing the content, and some of its demuxers read
other files or URLs named inside the file (DASH, HLS, ffconcat, SDP...). So nothing foreign is
ever opened unforced: its leading bytes must match one of the plain containers below, and that
match names the demuxer to force. A manifest, a playlist or a text file matches none.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

HEAD_BYTES = 64
"""Enough leading bytes for every signature below."""


class Family(StrEnum):
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"


@dataclass(frozen=True)
class Container:
    demuxer: str
    """The FFmpeg demuxer to force (`-f` / PyAV's `format`), or Pillow's format for images."""
    suffix: str
    families: frozenset[Family]
    pyav_names: frozenset[str] = frozenset()
    """What PyAV reports as `container.format.name` once opened, forced or not."""


_V, _A, _I = Family.VIDEO, Family.AUDIO, Family.IMAGE
PNG = Container("PNG", ".png", frozenset({_I}))
JPEG = Container("JPEG", ".jpg", frozenset({_I}))
WEBP = Container("WEBP", ".webp", frozenset({_I}))
MOV = Container("mov", ".mp4", frozenset({_V, _A}), frozenset({"mov", "mov,mp4,m4a,3gp,3g2,mj2"}))
WEBM = Container("matroska", ".webm", frozenset({_V, _A}), frozenset({"matroska", "matroska,webm"}))
MKV = Container("matroska", ".mkv", frozenset({_V, _A}), frozenset({"matroska", "matroska,webm"}))
WAV = Container("wav", ".wav", frozenset({_A}), frozenset({"wav"}))
MP3 = Container("mp3", ".mp3", frozenset({_A}), frozenset({"mp3"}))
FLAC = Container("flac", ".flac", frozenset({_A}), frozenset({"flac"}))
OGG = Container("ogg", ".ogg", frozenset({_A}), frozenset({"ogg"}))

_MP4_BOXES = (b"ftyp", b"moov", b"mdat", b"free", b"wide", b"skip")
"""Top-level atoms a plain MP4/QuickTime file starts with (fragments and segments do not)."""


def sniff(head: bytes) -> Container | None:
    """The container whose signature `head` starts with, or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return WAV
    if len(head) >= 8 and head[4:8] in _MP4_BOXES:
        return MOV
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return WEBM if b"webm" in head[:HEAD_BYTES] else MKV
    if head.startswith(b"fLaC"):
        return FLAC
    if head.startswith(b"OggS"):
        return OGG
    if head.startswith(b"ID3") or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return MP3
    return None


def sniff_file(path: Path) -> Container | None:
    """`sniff` on a file's first bytes (blocking)."""
    with path.open("rb") as source:
        return sniff(source.read(HEAD_BYTES))
