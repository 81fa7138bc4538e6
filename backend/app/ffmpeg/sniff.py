"""Which demuxer a file's first bytes prove, before any demuxer (FFmpeg's or PyAV's) sees it.

PyAV is FFmpeg too: asked to open a file without a format, it guesses from the content and
would follow an HLS playlist's entries as readily as FFmpeg does. So the guess is ours, from the
magic numbers of the few formats we accept, and the probe then opens the file with exactly that
demuxer. A manifest, a playlist, a list, an SDP file or anything else starts with none of these.
"""

from __future__ import annotations

HEAD_BYTES = 16
"""How much of a file `sniff` needs."""

_ISO_BOXES = (b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot")
"""Top-level boxes an MP4 or QuickTime file starts with (FFmpeg writes `ftyp` first)."""


def sniff(head: bytes) -> str | None:
    """The demuxer (a key of `app.ffmpeg.inputs.DEMUXERS`) for a file starting with `head`."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png_pipe"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg_pipe"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp_pipe"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head[4:8] in _ISO_BOXES:
        return "mov"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "matroska"
    if head.startswith(b"fLaC"):
        return "flac"
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"ID3") or _mpeg_audio_frame(head):
        return "mp3"
    return None


def _mpeg_audio_frame(head: bytes) -> bool:
    """An MPEG audio frame header: 11 sync bits, then a layer that is not `reserved`."""
    return len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06 != 0
