"""Decode checks: a file is one plain image, video or audio stream in a container sniffed from
its bytes, opened with that demuxer forced; manifests and playlists never get opened at all."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from app.errors import ProviderBadOutput
from app.fetching.verify import check_audio, check_image, check_video
from app.ffmpeg import sniff
from tests.fakes import media


def manifests(local_clip: Path) -> dict[str, bytes]:
    """Files whose formats make FFmpeg open what they name: here, a clip on our own disk."""
    return {
        "dash": (
            '<?xml version="1.0"?><MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" '
            'mediaPresentationDuration="PT1S" minBufferTime="PT1S"><Period><AdaptationSet '
            'mimeType="video/mp4"><Representation id="1" bandwidth="1000"><BaseURL>'
            f"{local_clip}</BaseURL></Representation></AdaptationSet></Period></MPD>"
        ).encode(),
        "hls": f"#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\n{local_clip}\n#EXT-X-ENDLIST\n".encode(),
        "ffconcat": f"ffconcat version 1.0\nfile '{local_clip}'\n".encode(),
        "sdp": b"v=0\no=- 0 0 IN IP4 127.0.0.1\ns=x\nc=IN IP4 127.0.0.1\nt=0 0\nm=video 5004 RTP/AVP 96\n",
        "html": b"<!doctype html><html><body>Not found</body></html>",
        "xml-in-mp4-clothes": b"\x00\x00\x00\x18ftypisom" + b"<MPD>" * 40,
    }


@pytest.mark.parametrize(
    ("head", "container"),
    [
        (media.png(8, 8, "x"), sniff.PNG),
        (media.png(8, 8, "x", "JPEG"), sniff.JPEG),
        (media.png(8, 8, "x", "WEBP"), sniff.WEBP),
        (media.wav(1), sniff.WAV),
        (media.mp4(1), sniff.MOV),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm", sniff.WEBM),
        (b"ID3\x04\x00", sniff.MP3),
        (b"fLaC\x00", sniff.FLAC),
        (b"OggS\x00", sniff.OGG),
        (media.GARBAGE, None),
        (b"", None),
    ],
)
def test_containers_are_known_by_their_first_bytes(
    head: bytes, container: sniff.Container | None
) -> None:
    assert sniff.sniff(head[: sniff.HEAD_BYTES]) == container


@pytest.mark.parametrize("name", ["dash", "hls", "ffconcat", "sdp", "html", "xml-in-mp4-clothes"])
def test_a_manifest_is_no_video_and_what_it_names_is_never_read(tmp_path: Path, name: str) -> None:
    local_clip = tmp_path / "private" / "clip.mp4"
    local_clip.parent.mkdir()
    local_clip.write_bytes(media.mp4(1))
    foreign = tmp_path / "foreign.mp4"
    foreign.write_bytes(manifests(local_clip)[name])
    if name != "xml-in-mp4-clothes":
        assert sniff.sniff_file(foreign) is None
    with pytest.raises(ProviderBadOutput):
        check_video(foreign)
    with pytest.raises(ProviderBadOutput):
        check_audio(foreign)


def test_the_decode_checks_accept_real_media_and_refuse_the_wrong_kind(tmp_path: Path) -> None:
    clip, sound, noise = tmp_path / "c.mp4", tmp_path / "s.wav", tmp_path / "n.bin"
    clip.write_bytes(media.mp4(5))
    sound.write_bytes(media.wav(1))
    noise.write_bytes(media.GARBAGE)
    assert check_video(clip) == pytest.approx(5.0, abs=0.1)
    with pytest.raises(ProviderBadOutput, match="no video stream"):
        check_video(sound)
    with pytest.raises(ProviderBadOutput, match="no audio stream"):
        check_audio(clip)
    for check in (check_image, check_video, check_audio):
        with pytest.raises(ProviderBadOutput):
            check(noise)


def test_images_are_png_jpeg_or_webp_within_a_pixel_budget(tmp_path: Path) -> None:
    for fmt in ("PNG", "JPEG", "WEBP"):
        path = tmp_path / f"a.{fmt.lower()}"
        path.write_bytes(media.png(36, 64, "bottle", fmt))
        assert check_image(path) == (36, 64)
    gif = tmp_path / "a.gif"
    Image.new("RGB", (8, 8)).save(gif, format="GIF")
    with pytest.raises(ProviderBadOutput, match="not a readable image"):
        check_image(gif)
    # 48 megapixels: refused from its header, never decoded.
    huge = io.BytesIO()
    Image.new("1", (8000, 6000)).save(huge, format="PNG")
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(huge.getvalue())
    with pytest.raises(ProviderBadOutput, match="too large"):
        check_image(bomb)
