"""The normal form of a clip and the commands that make and stitch it: exact argv, no I/O."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.config import FFmpegSettings
from app.errors import RenderInputRefused
from app.ffmpeg.args import Encoding, encoding_of
from app.ffmpeg.form import (
    ClipForm,
    final_video_args,
    keyframes_for,
    normalise_args,
    sidecar_path,
)
from app.ffmpeg.inputs import FileInput, GeneratedInput, check_argv
from app.ffmpeg.stitch import crossfade_args
from app.ffmpeg.timing import clip_cuts

LOCAL = ["-protocol_whitelist", "file"]
FINAL = [
    "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
    "-profile:v", "high",
]  # fmt: skip


def test_keyframes_sit_where_each_clips_crossfades_begin_and_end() -> None:
    first, middle, last = clip_cuts([10.0, 10.0, 10.0])
    assert keyframes_for(first) == (0, 300)  # no head; its tail starts at 10 s
    assert keyframes_for(middle) == (0, 15, 300)  # head ends at 0.5 s, tail starts at 10 s
    assert keyframes_for(last) == (0, 15)
    assert (first.length, middle.length, last.length) == (315, 315, 300)


def test_normalising_resamples_scales_crops_and_forces_keyframes_by_frame_number() -> None:
    cut = clip_cuts([4.0, 26.0])[1]
    form = ClipForm.target(cut, Encoding(), 270, 480)
    args = normalise_args(FileInput(Path("/c/in.mp4"), "mov"), form, Path("out.mp4"), Encoding())
    check_argv(args)
    assert args == [
        "-f", "mov", *LOCAL, "-i", "file:/c/in.mp4",
        "-filter_complex",
        "[0:v:0]setpts=PTS-STARTPTS,fps=30,scale=270:480:force_original_aspect_ratio=increase,"
        "crop=270:480,setsar=1,format=yuv420p,tpad=stop_mode=clone:stop=780,"
        "trim=end_frame=780,setpts=PTS-STARTPTS[v]",
        "-map", "[v]",
        *FINAL,
        "-flags", "+cgop", "-forced-idr", "1", "-force_key_frames", "expr:eq(n,0)+eq(n,15)",
        "-r", "30", "-an",
        "-frames:v", "780", "-movflags", "+faststart", "out.mp4",
    ]  # fmt: skip


def test_a_crossfade_reads_the_tail_from_its_keyframe_and_the_head_from_the_start() -> None:
    cut = clip_cuts([10.0, 20.0])[0]
    form = ClipForm.target(cut, Encoding())
    a, b = FileInput(Path("/c/a.mp4"), "mov"), FileInput(Path("/c/b.mp4"), "mov")
    args = crossfade_args(a, 300, b, form, Path("x.mp4"), Encoding())
    check_argv(args)
    assert args[: args.index("-filter_complex")] == [
        "-f", "mov", *LOCAL, "-noaccurate_seek", "-ss", "10.0167", "-threads", "1",
        "-t", "0.566667", "-i", "file:/c/a.mp4",
        "-f", "mov", *LOCAL, "-threads", "1", "-t", "0.566667", "-i", "file:/c/b.mp4",
    ]  # fmt: skip
    graph = args[args.index("-filter_complex") + 1]
    assert "xfade=transition=fade:duration=0.5:offset=0" in graph
    assert args[-5:] == ["-threads", "1", "-frames:v", "15", "x.mp4"]
    assert args[args.index("-c:v") : args.index("-c:v") + len(FINAL)] == FINAL


def test_check_argv_still_refuses_a_seek_on_an_input_without_a_forced_demuxer() -> None:
    with pytest.raises(RenderInputRefused):
        check_argv(["-noaccurate_seek", "-ss", "1", "-i", "file:/c/a.mp4", "out.mp4"])


def test_a_form_survives_its_sidecar_and_names_what_differs() -> None:
    cut = clip_cuts([10.0, 20.0])[0]
    wanted = ClipForm.target(cut, Encoding())
    assert ClipForm.from_json(wanted.to_json()) == wanted
    assert wanted.mismatch(wanted) is None
    assert (
        replace(wanted, keyframes=(0, 150, 301)).mismatch(wanted) == "no keyframe at frames [300]"
    )
    assert replace(wanted, preset="ultrafast").mismatch(wanted) == "preset ultrafast, not veryfast"
    assert replace(wanted, frames=316).mismatch(wanted) == "frames 316, not 315"
    assert replace(wanted, width=720).mismatch(wanted) == "width 720, not 1080"
    # Extra keyframes (x264's own, at scene cuts) do no harm.
    assert replace(wanted, keyframes=(0, 250, 300)).mismatch(wanted) is None
    assert sidecar_path(Path("/m/clips/ab.mp4")) == Path("/m/clips/ab.mp4.form.json")


def test_options_on_top_of_the_preset_go_to_x264_and_into_the_form() -> None:
    cut = clip_cuts([10.0, 20.0])[0]
    tuned = Encoding(preset="ultrafast", crf=20, x264_params="cabac=1:deblock=0,0")
    args = final_video_args(tuned, (0,))
    assert args[: args.index("-pix_fmt")] == [
        "-c:v", "libx264", "-preset", "ultrafast", "-crf", "20",
        "-x264-params", "cabac=1:deblock=0,0",
    ]  # fmt: skip
    check_argv([*GeneratedInput("testsrc2").args(), *args, "out.mp4"])
    wanted = ClipForm.target(cut, tuned)
    assert ClipForm.from_json(wanted.to_json()) == wanted
    # A clip made without them (an older one) is encoded again rather than copied.
    plain = ClipForm.target(cut, Encoding(preset="ultrafast"))
    assert plain.mismatch(wanted) == "x264_params , not cabac=1:deblock=0,0"
    assert ClipForm.from_json(plain.to_json().replace(', "x264_params": ""', "")) == plain


@pytest.mark.parametrize(
    "params", ["stats=/tmp/x", "dump-yuv=out.yuv", "cabac=1:qpfile=q.txt", "a=b", ":", "x"]
)
def test_x264_options_that_could_name_a_file_are_refused(params: str) -> None:
    with pytest.raises(ValidationError):
        FFmpegSettings(x264_params=params)


def test_the_ad_is_encoded_with_cabac_and_deblocking_on_top_of_its_preset() -> None:
    encoding = encoding_of(FFmpegSettings())
    assert (encoding.preset, encoding.x264_params) == ("ultrafast", "cabac=1:deblock=0,0")
    assert FFmpegSettings(x264_params="").x264_params == ""


def test_a_clip_with_words_in_its_picture_is_only_copied_where_exactly_those_are_wanted() -> None:
    cut = clip_cuts([5.0] * 6)[1]
    encoding = Encoding("ultrafast")
    carried = ClipForm.target(cut, encoding, words="abc")
    assert carried.mismatch(ClipForm.target(cut, encoding, words="abc")) is None
    assert carried.mismatch(ClipForm.target(cut, encoding)) == "words abc, not "
    assert ClipForm.target(cut, encoding).mismatch(carried) == "words , not abc"
    assert ClipForm.from_json(carried.to_json()) == carried
    old = ClipForm.target(cut, encoding).to_json().replace(', "words": ""', "")
    assert ClipForm.from_json(old).words == "", "a sidecar from before words reads as clean"
