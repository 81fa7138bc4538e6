"""What FFmpeg may open: typed inputs, and the runner's second look at a finished argv."""

from __future__ import annotations

from pathlib import Path

import av
import pytest

from app.config import FFmpegSettings
from app.errors import RenderInputRefused
from app.ffmpeg.args import Encoding, audio_args, motion_args, mux_args, plain_encode_args
from app.ffmpeg.inputs import ConcatInput, FileInput, GeneratedInput, check_argv, concat_list
from app.ffmpeg.runner import run_ffmpeg
from app.ffmpeg.sniff import sniff
from tests.ffmpeg.conftest import make_clip

LOCAL = ["-protocol_whitelist", "file"]


def _demuxer(head: bytes) -> str | None:
    container = sniff(head)
    return container.demuxer if container else None


@pytest.mark.parametrize("name", ["http:x.mp4", "-i.mp4", "data:video/mp4;base64,AAAA.mp4"])
def test_a_file_name_that_looks_like_a_url_or_an_option_stays_a_file_name(name: str) -> None:
    args = FileInput(Path("/media/clips") / name, "mov").args()
    assert args == ["-f", "mov", *LOCAL, "-i", f"file:/media/clips/{name}"]
    check_argv([*args, "/media/out.mp4"])


@pytest.mark.parametrize(
    "path",
    ["clip.mp4", "http://127.0.0.1/x.mp4", "data:video/mp4;base64,AAAA", "-i", "/a\nb.mp4"],
)
def test_only_absolute_local_paths_become_inputs(path: str) -> None:
    with pytest.raises(RenderInputRefused):
        FileInput(Path(path), "mov")
    with pytest.raises(RenderInputRefused):
        ConcatInput(Path(path)).args()


@pytest.mark.parametrize("demuxer", ["hls", "dash", "concat", "sdp", "lavfi", "image2", "tty", ""])
def test_only_demuxers_that_follow_no_reference_read_files(demuxer: str) -> None:
    with pytest.raises(RenderInputRefused):
        FileInput(Path("/media/clips/x.mp4"), demuxer)


def test_generated_inputs_are_single_sources_that_open_nothing() -> None:
    assert GeneratedInput("anullsrc=r=48000:cl=stereo", seconds=30).args() == [
        "-f", "lavfi", *LOCAL, "-t", "30", "-i", "anullsrc=r=48000:cl=stereo",
    ]  # fmt: skip
    GeneratedInput("color=c=#ff00ff:s=64x114:d=2")
    for graph in (
        "movie=/etc/passwd",
        "amovie=http://127.0.0.1/x.wav",
        "testsrc,movie=/etc/passwd",
        "anullsrc;[0]movie=x",
        "testsrc=size=64x64[out0];movie=x",
    ):
        with pytest.raises(RenderInputRefused):
            GeneratedInput(graph)


def test_the_concat_list_names_our_files_one_per_line_with_quotes_escaped() -> None:
    text = concat_list([Path("/tmp/a b/seg-0.mp4"), Path("/tmp/it's/seg-1.mp4")])
    assert text == "file '/tmp/a b/seg-0.mp4'\nfile '/tmp/it'\\''s/seg-1.mp4'\n"
    with pytest.raises(RenderInputRefused):
        concat_list([Path("/tmp/seg-0.mp4'\nfile '/etc/passwd")])
    with pytest.raises(RenderInputRefused):
        concat_list([Path("seg-0.mp4")])
    assert ConcatInput(Path("/w/list.txt")).args() == [
        "-f", "concat", "-safe", "0", *LOCAL, "-i", "file:/w/list.txt",
    ]  # fmt: skip


def test_every_builder_passes_the_runners_check() -> None:
    clip = FileInput(Path("/c/a.mp4"), "mov")
    seed = FileInput(Path("/s/a.png"), "png_pipe")
    music = FileInput(Path("/m/a.wav"), "wav")
    for args in (
        motion_args(seed, "rise", 2.0, Path("/o.mp4"), Encoding()),
        audio_args(music, 10.0, 30.0, Path("/a.m4a")),
        audio_args(None, None, 30.0, Path("/a.m4a")),
        mux_args(ConcatInput(Path("/l.txt")), clip, Path("/o.mp4")),
        plain_encode_args(30, Path("/p.mp4"), Encoding()),
        ["-re", *GeneratedInput("testsrc=size=64x64").args(), "-f", "null", "-"],
    ):
        check_argv(args)


REFUSED = {
    "a bare input": ["-i", "/c/a.mp4", "/o.mp4"],
    "no whitelist": ["-f", "mov", "-i", "file:/c/a.mp4", "/o.mp4"],
    "a network protocol": ["-f", "mov", "-protocol_whitelist", "file,http", "-i", "file:/a", "/o"],
    "a guessing demuxer": ["-f", "hls", *LOCAL, "-i", "file:/c/a.m3u8", "/o.mp4"],
    "dash": ["-f", "dash", *LOCAL, "-i", "file:/c/a.mp4", "/o.mp4"],
    "a url": ["-f", "mov", *LOCAL, "-i", "http://127.0.0.1/a.mp4", "/o.mp4"],
    "data": ["-f", "mov", *LOCAL, "-i", "data:video/mp4;base64,AAAA", "/o.mp4"],
    "no file: prefix": ["-f", "mov", *LOCAL, "-i", "/c/a.mp4", "/o.mp4"],
    "a relative path": ["-f", "mov", *LOCAL, "-i", "file:a.mp4", "/o.mp4"],
    "safe off elsewhere": ["-f", "mov", "-safe", "0", *LOCAL, "-i", "file:/c/a.mp4", "/o.mp4"],
    "a chained source": ["-f", "lavfi", *LOCAL, "-i", "testsrc,movie=/etc/passwd", "/o.mp4"],
    "an unknown input option": ["-f", "mov", *LOCAL, "-cookies", "x", "-i", "file:/a", "/o.mp4"],
    "a late input": ["-f", "mov", *LOCAL, "-i", "file:/a", "-map", "0", "-i", "/etc/x", "/o"],
    "an option read from a file": ["-f", "mov", *LOCAL, "-i", "file:/a", "-/vf", "/etc/x", "/o"],
    "an attachment": ["-f", "mov", *LOCAL, "-i", "file:/a", "-attach", "/etc/passwd", "/o.mkv"],
    "a movie filter": ["-f", "mov", *LOCAL, "-i", "file:/a", "-vf", "[in]movie=/etc/x", "/o"],
    "an input without a value": ["-f", "mov", *LOCAL, "-i"],
    "nothing to read": ["-f", "null", "-"],
}


@pytest.mark.parametrize("args", REFUSED.values(), ids=REFUSED.keys())
def test_the_runner_refuses_any_other_argv(args: list[str]) -> None:
    with pytest.raises(RenderInputRefused) as refused:
        check_argv(args)
    assert "/" not in refused.value.message, "the argv is for the log, not the client"


def test_magic_numbers_pick_the_demuxer_and_nothing_else_gets_one() -> None:
    assert _demuxer(b"\x00\x00\x00\x20ftypisom\x00\x00") == "mov"
    assert _demuxer(b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81") == "matroska"
    assert _demuxer(b"RIFF\x24\x00\x00\x00WAVEfmt ") == "wav"
    assert _demuxer(b"RIFF\x24\x00\x00\x00WEBPVP8 ") == "webp_pipe"
    assert _demuxer(b"\x89PNG\r\n\x1a\n\x00\x00") == "png_pipe"
    assert _demuxer(b"\xff\xd8\xff\xe0\x00\x10JFIF") == "jpeg_pipe"
    assert _demuxer(b"ID3\x04\x00") == "mp3"
    assert _demuxer(b"\xff\xfb\x90\x00") == "mp3"
    assert _demuxer(b"fLaC\x00\x00") == "flac"
    assert _demuxer(b"OggS\x00\x02") == "ogg"
    for other in (
        b"",
        b"#EXTM3U\n",
        b"<?xml version",
        b"<MPD xmlns=",
        b"ffconcat version 1.0",
        b"v=0\r\no=- 0 0",
        b"\xff\xf1\x50\x80",  # ADTS AAC: no demuxer of ours reads it raw
        b"GIF89a",
        b"RIFF\x24\x00\x00\x00AVI LIST",
    ):
        assert sniff(other) is None, other


@pytest.mark.anyio
async def test_ffmpeg_reads_files_named_like_urls_and_options(tmp_path: Path) -> None:
    first = make_clip(tmp_path / "http:x.mp4", "red", size="64x114", seconds=1)
    second = make_clip(tmp_path / "-i.mp4", "blue", size="64x114", seconds=1)
    out = tmp_path / "both.mp4"
    await run_ffmpeg(
        [
            *FileInput(first, "mov").args(),
            *FileInput(second, "mov").args(),
            "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0[v]", "-map", "[v]",
            "-c:v", "libx264", "-preset", "ultrafast", str(out),
        ],
        FFmpegSettings(),
    )  # fmt: skip
    with av.open(str(out)) as container:
        assert sum(1 for _ in container.decode(video=0)) == 60
