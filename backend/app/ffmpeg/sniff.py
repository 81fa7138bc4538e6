"""What container a file is, from its first bytes: the only way any file gets a demuxer.

PyAV is FFmpeg too: asked to open a file without a format, it guesses from the content, and
some of its demuxers read other files or URLs named inside the file (DASH, HLS, ffconcat,
SDP...). So the guess is ours, from the magic numbers of the few plain containers we accept,
and every open (the probe, the decode checks, FFmpeg's own `-f`) forces the demuxer named here.
A manifest, a playlist, a list, an SDP file or a web page starts with none of these.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

HEAD_BYTES = 64
"""Enough leading bytes for every signature below (WebM names itself within them)."""


class Family(StrEnum):
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"


@dataclass(frozen=True)
class Container:
    demuxer: str
    """The FFmpeg demuxer to force (`-f`, PyAV's `format`): a key of `inputs.DEMUXERS`."""
    suffix: str
    families: frozenset[Family]
    pyav_names: frozenset[str] = frozenset()
    """What PyAV reports as `container.format.name` once opened."""
    pillow: str | None = None
    """Pillow's name for an image format, the only decoder Pillow may try."""


_V, _A, _I = Family.VIDEO, Family.AUDIO, Family.IMAGE
PNG = Container("png_pipe", ".png", frozenset({_I}), frozenset({"png_pipe"}), "PNG")
JPEG = Container("jpeg_pipe", ".jpg", frozenset({_I}), frozenset({"jpeg_pipe"}), "JPEG")
WEBP = Container("webp_pipe", ".webp", frozenset({_I}), frozenset({"webp_pipe"}), "WEBP")
MOV = Container("mov", ".mp4", frozenset({_V, _A}), frozenset({"mov", "mov,mp4,m4a,3gp,3g2,mj2"}))
WEBM = Container("matroska", ".webm", frozenset({_V, _A}), frozenset({"matroska", "matroska,webm"}))
MKV = Container("matroska", ".mkv", frozenset({_V, _A}), frozenset({"matroska", "matroska,webm"}))
WAV = Container("wav", ".wav", frozenset({_A}), frozenset({"wav"}))
MP3 = Container("mp3", ".mp3", frozenset({_A}), frozenset({"mp3"}))
FLAC = Container("flac", ".flac", frozenset({_A}), frozenset({"flac"}))
OGG = Container("ogg", ".ogg", frozenset({_A}), frozenset({"ogg"}))

_ISO_BOXES = (b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot")
"""Top-level boxes a plain MP4 or QuickTime file starts with (FFmpeg writes `ftyp` first)."""


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
    if len(head) >= 8 and head[4:8] in _ISO_BOXES:
        return MOV
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return WEBM if b"webm" in head[:HEAD_BYTES] else MKV
    if head.startswith(b"fLaC"):
        return FLAC
    if head.startswith(b"OggS"):
        return OGG
    if head.startswith(b"ID3") or _mpeg_audio_frame(head):
        return MP3
    return None


def sniff_file(path: Path) -> Container | None:
    """`sniff` on a file's first bytes (blocking)."""
    with path.open("rb") as source:
        return sniff(source.read(HEAD_BYTES))


def _mpeg_audio_frame(head: bytes) -> bool:
    """An MPEG audio frame header: 11 sync bits, then a layer that is not `reserved`."""
    return len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06 != 0
