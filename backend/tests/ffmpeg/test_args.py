"""Exact argument lists: a change here is a change in what FFmpeg is asked to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.ffmpeg.args import (
    Encoding,
    camera_filter,
    concat_list,
    motion_args,
    mux_args,
    plain_encode_args,
    segment_args,
)
from app.ffmpeg.timing import clip_cuts

H264 = [
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-crf",
    "20",
    "-pix_fmt",
    "yuv420p",
    "-profile:v",
    "high",
]
NORMALISE = (
    "setpts=PTS-STARTPTS,scale=1080:1920:force_original_aspect_ratio=increase,"
    "crop=1080:1920,setsar=1,fps=30,format=yuv420p,"
)


def test_a_middle_segment_is_its_body_then_its_crossfade_into_the_next_clip() -> None:
    cut = clip_cuts([5, 5, 5, 5, 10])[1]
    args = segment_args(Path("b.mp4"), cut, Path("c.mp4"), Path("seg.mp4"), Encoding())
    assert args == [
        "-i", "b.mp4",
        "-t", "1", "-i", "c.mp4",
        "-filter_complex",
        f"[0:v:0]{NORMALISE}tpad=stop_mode=clone:stop=165,trim=end_frame=165,setpts=PTS-STARTPTS,split=2[n][m];"
        "[n]trim=start_frame=15:end_frame=150,setpts=PTS-STARTPTS[body];"
        "[m]trim=start_frame=150:end_frame=165,setpts=PTS-STARTPTS[tail];"
        f"[1:v:0]{NORMALISE}tpad=stop_mode=clone:stop=15,trim=end_frame=15,setpts=PTS-STARTPTS[head];"
        "[tail][head]xfade=transition=fade:duration=0.5:offset=0[fade];"
        "[body][fade]concat=n=2:v=1:a=0[vout]",
        "-map", "[vout]", "-an",
        *H264, "-r", "30", "-frames:v", "150",
        "seg.mp4",
    ]  # fmt: skip


def test_the_last_segment_is_its_body_alone() -> None:
    cut = clip_cuts([5, 5, 5, 5, 10])[-1]
    args = segment_args(Path("e.mp4"), cut, None, Path("seg.mp4"), Encoding(preset="fast", crf=18))
    assert args == [
        "-i", "e.mp4",
        "-filter_complex",
        f"[0:v:0]{NORMALISE}tpad=stop_mode=clone:stop=300,trim=end_frame=300,setpts=PTS-STARTPTS[n];"
        "[n]trim=start_frame=15:end_frame=300,setpts=PTS-STARTPTS[vout]",
        "-map", "[vout]", "-an",
        "-c:v", "libx264", "-preset", "fast", "-crf", "18", "-pix_fmt", "yuv420p", "-profile:v", "high",
        "-r", "30", "-frames:v", "285",
        "seg.mp4",
    ]  # fmt: skip


def test_mux_copies_video_and_lays_normalised_music_under_it() -> None:
    assert mux_args(Path("list.txt"), Path("music.wav"), 30.0, Path("ad.mp4")) == [
        "-f", "concat", "-safe", "0", "-i", "list.txt",
        "-i", "music.wav",
        "-filter_complex",
        "[1:a:0]aresample=48000,atrim=0:30,apad=whole_dur=30,afade=t=in:d=1,"
        "afade=t=out:st=28.5:d=1.5,loudnorm=I=-16:TP=-1.5:LRA=11,aresample=48000,atrim=0:30[aout]",
        "-map", "0:v:0", "-map", "[aout]",
        "-c:v", "copy",
        "-c:a", "aac", "-b:a", "192k", "-ar", "48000", "-ac", "2",
        "-t", "30",
        "-movflags", "+faststart",
        "ad.mp4",
    ]  # fmt: skip


def test_without_music_the_ad_still_gets_a_silent_track() -> None:
    args = mux_args(Path("list.txt"), None, 30.0, Path("ad.mp4"))
    assert args[6:12] == ["-f", "lavfi", "-t", "30", "-i", "anullsrc=r=48000:cl=stereo"]
    assert "[1:a:0]atrim=0:30[aout]" in args


def test_concat_list_quotes_awkward_paths() -> None:
    text = concat_list([Path("/tmp/a b/seg-0.mp4"), Path("/tmp/it's/seg-1.mp4")])
    assert text == "file '/tmp/a b/seg-0.mp4'\nfile '/tmp/it'\\''s/seg-1.mp4'\n"


def test_motion_clip_arguments() -> None:
    args = motion_args(Path("seed.png"), "pan_right", 5.5, Path("clip.mp4"), Encoding())
    assert args[:6] == ["-loop", "1", "-framerate", "30", "-i", "seed.png"]
    assert args[6] == "-vf"
    assert args[7].startswith(
        "scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920,scale=1210:2150,"
        "crop=1080:1920:x='(iw-ow)*(0.5*min(t/5.5,1)"
    )
    assert args[7].endswith(",setsar=1,format=yuv420p")
    assert args[8:] == [
        *H264,
        "-r",
        "30",
        "-frames:v",
        "165",
        "-movflags",
        "+faststart",
        "clip.mp4",
    ]


@pytest.mark.parametrize(
    ("move", "fragment"),
    [
        ("push_in", "scale=w='2*trunc(1080*(1+0.12*"),
        ("pull_out", "scale=w='2*trunc(1080*(1+0.12*(1-"),
        ("pan_left", "x='(iw-ow)*(1-"),
        ("rise", "y='(ih-oh)*(1-"),
        ("descend", "y='(ih-oh)*(0.5"),
    ],
)
def test_each_camera_move_moves_its_own_way(move: str, fragment: str) -> None:
    assert fragment in camera_filter(move, 5.0, 1080, 1920)


def test_unknown_camera_moves_are_refused() -> None:
    with pytest.raises(ValueError, match="barrel_roll"):
        camera_filter("barrel_roll", 5.0, 1080, 1920)


def test_plain_encode_is_thirty_seconds_of_vertical_test_pattern() -> None:
    assert plain_encode_args(30, Path("p.mp4"), Encoding()) == [
        "-f", "lavfi", "-i", "testsrc2=size=1080x1920:rate=30:duration=30", *H264, "p.mp4",
    ]  # fmt: skip
