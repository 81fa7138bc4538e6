"""Exact argument lists: a change here is a change in what FFmpeg is asked to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.ffmpeg.args import (
    CAMERA_MOVES,
    Encoding,
    audio_args,
    camera_canvas,
    camera_filter,
    motion_args,
    mux_args,
    plain_encode_args,
    segment_args,
)
from app.ffmpeg.inputs import ConcatInput, FileInput
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
    "setpts=PTS-STARTPTS,fps=30,scale=1080:1920:force_original_aspect_ratio=increase,"
    "crop=1080:1920,setsar=1,format=yuv420p,"
)
P_164 = "min(t*30/164,1)"
EASED_164 = f"(0.5*{P_164}+0.5*{P_164}*{P_164}*(3-2*{P_164}))"
LOCAL = ["-protocol_whitelist", "file"]


def mp4(name: str) -> FileInput:
    return FileInput(Path("/clips") / name, "mov")


def test_a_middle_segment_is_its_body_then_its_crossfade_into_the_next_clip() -> None:
    cut = clip_cuts([5, 5, 5, 5, 10])[1]
    args = segment_args(mp4("b.mp4"), cut, mp4("c.mp4"), Path("seg.mp4"), Encoding())
    assert args == [
        "-f", "mov", *LOCAL, "-i", "file:/clips/b.mp4",
        "-f", "mov", *LOCAL, "-t", "1", "-i", "file:/clips/c.mp4",
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


def test_the_first_segment_starts_at_the_clips_first_frame() -> None:
    cut = clip_cuts([5, 5, 5, 5, 10])[0]
    args = segment_args(mp4("a.mp4"), cut, mp4("b.mp4"), Path("s.mp4"), Encoding())
    graph = args[args.index("-filter_complex") + 1]
    assert "[n]trim=start_frame=0:end_frame=150," in graph
    assert "[m]trim=start_frame=150:end_frame=165," in graph


def test_the_last_segment_is_its_body_alone() -> None:
    cut = clip_cuts([5, 5, 5, 5, 10])[-1]
    args = segment_args(mp4("e.mp4"), cut, None, Path("seg.mp4"), Encoding(preset="fast", crf=18))
    assert args == [
        "-f", "mov", *LOCAL, "-i", "file:/clips/e.mp4",
        "-filter_complex",
        f"[0:v:0]{NORMALISE}tpad=stop_mode=clone:stop=300,trim=end_frame=300,setpts=PTS-STARTPTS[n];"
        "[n]trim=start_frame=15:end_frame=300,setpts=PTS-STARTPTS[vout]",
        "-map", "[vout]", "-an",
        "-c:v", "libx264", "-preset", "fast", "-crf", "18", "-pix_fmt", "yuv420p", "-profile:v", "high",
        "-r", "30", "-frames:v", "285",
        "seg.mp4",
    ]  # fmt: skip


def test_segments_never_carry_a_clips_own_audio() -> None:
    for index, cut in enumerate(clip_cuts([6, 6, 6, 6, 6])):
        following = mp4("next.mp4") if index < 4 else None
        args = segment_args(mp4("clip.mp4"), cut, following, Path("s.mp4"), Encoding())
        assert args[args.index("-map") + 1] == "[vout]" and "-an" in args
        assert args.count("-map") == 1


def test_music_is_brought_to_its_level_then_faded_and_padded_to_thirty_seconds() -> None:
    music = FileInput(Path("/music/m.wav"), "wav")
    assert audio_args(music, 45.0, 30.0, Path("a.m4a"), -3.25) == [
        "-f", "wav", *LOCAL, "-i", "file:/music/m.wav", "-map", "0:a:0", "-vn",
        "-af",
        "atrim=end=30,asetpts=PTS-STARTPTS,volume=-3.25dB,aresample=48000,"
        "afade=t=in:d=1,afade=t=out:st=28.5:d=1.5,apad=whole_dur=30,atrim=end=30",
        "-c:a", "aac", "-b:a", "192k", "-ar", "48000", "-ac", "2",
        "a.m4a",
    ]  # fmt: skip


def test_short_music_fades_out_where_it_ends_then_silence_follows() -> None:
    music = FileInput(Path("/music/m.wav"), "wav")

    def chain(seconds: float) -> str:
        args = audio_args(music, seconds, 30.0, Path("a.m4a"))
        return args[args.index("-af") + 1]

    assert chain(12.0).startswith("atrim=end=12,")
    assert "afade=t=out:st=10.5:d=1.5,apad=whole_dur=30,atrim=end=30" in chain(12.0)
    # A jingle of three seconds still fades, just faster.
    assert "afade=t=in:d=1,afade=t=out:st=2:d=1," in chain(3.0)


def test_without_music_the_ad_still_gets_a_silent_track() -> None:
    assert audio_args(None, None, 30.0, Path("a.m4a")) == [
        "-f", "lavfi", *LOCAL, "-t", "30", "-i", "anullsrc=r=48000:cl=stereo",
        "-c:a", "aac", "-b:a", "192k", "-ar", "48000", "-ac", "2",
        "a.m4a",
    ]  # fmt: skip


def test_mux_copies_video_and_audio_and_puts_the_index_first() -> None:
    segments = ConcatInput(Path("/work/segments.txt"))
    audio = FileInput(Path("/work/audio.m4a"), "mov")
    assert mux_args(segments, audio, Path("ad.mp4")) == [
        "-f", "concat", "-safe", "0", *LOCAL, "-i", "file:/work/segments.txt",
        "-f", "mov", *LOCAL, "-i", "file:/work/audio.m4a",
        "-map", "0:v:0", "-map", "1:a:0",
        "-c", "copy",
        "-movflags", "+faststart",
        "ad.mp4",
    ]  # fmt: skip


def test_plain_encode_is_thirty_seconds_of_vertical_test_pattern() -> None:
    assert plain_encode_args(30, Path("p.mp4"), Encoding()) == [
        "-f", "lavfi", *LOCAL, "-i", "testsrc2=size=1080x1920:rate=30:duration=30",
        *H264, "p.mp4",
    ]  # fmt: skip


def test_a_pan_decodes_the_still_once_and_slides_a_window_over_it() -> None:
    seed = FileInput(Path("/seeds/seed.png"), "png_pipe")
    args = motion_args(
        seed, "pan_right", 5.5, Path("clip.mp4"), Encoding("ultrafast"), keyframes=(0, 150)
    )
    assert args == [
        "-f", "png_pipe", *LOCAL, "-framerate", "30", "-i", "file:/seeds/seed.png",
        "-vf",
        "scale=1210:2150:force_original_aspect_ratio=increase:flags=lanczos,crop=1210:2150,"
        "setsar=1,format=yuv420p,tpad=stop=164:stop_mode=clone,setpts=N/30/TB,"
        f"crop=1080:1920:x='round(130*{EASED_164})':y=115:exact=1,format=yuv420p",
        "-c:v", "libx264", "-preset", "ultrafast", "-crf", "20", "-pix_fmt", "yuv420p",
        "-profile:v", "high",
        "-flags", "+cgop", "-forced-idr", "1", "-force_key_frames", "expr:eq(n,0)+eq(n,150)",
        "-r", "30", "-frames:v", "165", "-movflags", "+faststart",
        "clip.mp4",
    ]  # fmt: skip


def test_a_push_in_rescales_every_frame_in_full_chroma_and_crops_the_centre() -> None:
    seed = FileInput(Path("/seeds/s.jpg"), "jpeg_pipe")
    args = motion_args(seed, "push_in", 2.0, Path("c.mp4"), Encoding(), 216, 384)
    p = "min(t*30/59,1)"
    zoom = f"(1+0.12*(0.5*{p}+0.5*{p}*{p}*(3-2*{p})))"
    assert args[:8] == ["-f", "jpeg_pipe", *LOCAL, "-framerate", "30", "-i", "file:/seeds/s.jpg"]
    assert args[args.index("-vf") + 1] == (
        "scale=242:430:force_original_aspect_ratio=increase:flags=lanczos,crop=242:430,"
        "setsar=1,format=yuv444p,tpad=stop=59:stop_mode=clone,setpts=N/30/TB,"
        f"scale=w='2*round(108*{zoom})':h='2*round(192*{zoom})':eval=frame:flags=bilinear,"
        f"crop=216:384:x='round(108*{zoom})-108':y='round(192*{zoom})-192':exact=1,"
        "format=yuv420p"
    )
    assert args[-5:] == ["-frames:v", "60", "-movflags", "+faststart", "c.mp4"]


def test_a_zoom_never_reads_the_frame_counter_or_the_input_size() -> None:
    # crop reads `iw`/`ih` once (the zoom would grow from the top-left corner) and counts
    # frames one apart from scale (size and offset would disagree and shake): time only.
    for move in ("push_in", "pull_out"):
        chain = camera_filter(move, 165, 1080, 1920)
        assert "n/" not in chain and "iw" not in chain and "ih" not in chain


@pytest.mark.parametrize(
    ("move", "fragment"),
    [
        ("push_in", f"scale=w='2*round(540*(1+0.12*{EASED_164}))'"),
        ("pull_out", f"scale=w='2*round(540*(1+0.12*(1-{EASED_164})))'"),
        ("pan_left", f"crop=1080:1920:x='round(130*(1-{EASED_164}))':y=115:exact=1"),
        ("pan_right", f"crop=1080:1920:x='round(130*{EASED_164})':y=115:exact=1"),
        ("rise", f"crop=1080:1920:x=65:y='round(230*(1-{EASED_164}))':exact=1"),
        ("descend", f"crop=1080:1920:x=65:y='round(230*{EASED_164})':exact=1"),
    ],
)
def test_each_camera_move_moves_its_own_way(move: str, fragment: str) -> None:
    assert fragment in camera_filter(move, 165, 1080, 1920)


def test_every_camera_move_is_distinct_and_ends_where_the_canvas_ends() -> None:
    filters = {move: camera_filter(move, 165, 1080, 1920) for move in CAMERA_MOVES}
    assert len(set(filters.values())) == len(CAMERA_MOVES)
    # The canvas leaves room for the whole travel: at full zoom the scaled frame is the canvas.
    assert camera_canvas(1080, 1920) == (2 * round(540 * 1.12), 2 * round(960 * 1.12))


def test_unknown_camera_moves_are_refused() -> None:
    with pytest.raises(ValueError, match="barrel_roll"):
        camera_filter("barrel_roll", 150, 1080, 1920)
