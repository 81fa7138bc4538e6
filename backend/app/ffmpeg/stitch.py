"""The pieces of an ad made by copy: bodies cut out of normalised clips, crossfades encoded.

A body is a run of whole GOPs (its first and last-plus-one frames are IDRs in a closed-GOP
stream), so it is copied packet for packet: chosen by frame number, not by timestamp, because
a timestamp cut lands a frame early or late at the edges (a probe counted 910 frames for 900).
The crossfade between two clips is the only video encoded at compose time: 15 frames from the
tail of one and the head of the next, with the same encoder settings as the clips.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import av

from app.ffmpeg.args import Encoding
from app.ffmpeg.form import ClipForm, final_video_args
from app.ffmpeg.inputs import FileInput
from app.ffmpeg.probe import open_forced
from app.ffmpeg.sniff import sniff_file
from app.ffmpeg.timing import CROSSFADE_FRAMES, CROSSFADE_SECONDS


def crossfade_args(
    outgoing: FileInput,
    tail_start: int,
    incoming: FileInput,
    form: ClipForm,
    out: Path,
    encoding: Encoding,
) -> list[str]:
    """`outgoing`'s frames from `tail_start` fading into `incoming`'s first frames, encoded.

    The outgoing clip is read from its keyframe at `tail_start` (a seek half a frame past it
    finds that keyframe, never the one before), so only the window is decoded. One thread
    each for the two decoders and the encoder: 17 frames do not need more, each thread holds
    frames of its own (x264's own threads cost 30-40 MB more at 1080×1920, measured), and
    FFmpeg already runs decoding, filtering and encoding side by side. The thread count does
    not change the stream, so the window still joins the clips' bodies.
    """
    fps = form.fps
    seconds = (CROSSFADE_FRAMES + 2) / fps
    tail = replace(outgoing, keyframe_at=(tail_start + 0.5) / fps, seconds=seconds, threads=1)
    head = replace(incoming, seconds=seconds, threads=1)
    window = f"trim=end_frame={CROSSFADE_FRAMES},setpts=PTS-STARTPTS"
    graph = ";".join(
        [
            f"[0:v:0]{window}[a]",
            f"[1:v:0]{window}[b]",
            f"[a][b]xfade=transition=fade:duration={CROSSFADE_SECONDS:g}:offset=0,"
            "format=yuv420p[v]",
        ]
    )
    return [
        *tail.args(),
        *head.args(),
        "-filter_complex", graph,
        "-map", "[v]",
        *final_video_args(encoding, (0,), fps),
        "-threads", "1",
        "-frames:v", str(CROSSFADE_FRAMES),
        str(out),
    ]  # fmt: skip


def copy_frames(source: Path, start: int, end: int, fps: int, out: Path) -> int:
    """Copy the packets of frames [start, end) of `source`'s video into `out` (blocking).

    Frames are numbered by presentation time at `fps` (the clip's constant rate); the copy is
    shifted to start at 0. Returns the number of packets written. Nothing is decoded.
    """
    container = sniff_file(source)
    if container is None:
        raise ValueError("not a container we read")
    written = 0
    with open_forced(source, container) as media, av.open(str(out), "w", format="mp4") as sink:
        stream = media.streams.video[0]
        copy = sink.add_stream_from_template(stream)
        tick = stream.time_base
        if tick is None:
            raise ValueError("the video stream has no time base")
        shift = round(Fraction(start, fps) / tick)
        for packet in media.demux(stream):
            if packet.pts is None or packet.dts is None:
                continue  # the demuxer's flush packet
            frame = round(packet.pts * tick * fps)
            if not start <= frame < end:
                continue
            packet.pts -= shift
            packet.dts -= shift
            packet.stream = copy
            sink.mux(packet)
            written += 1
    return written
