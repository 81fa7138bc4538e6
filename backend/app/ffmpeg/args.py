"""Pure builders of FFmpeg argument lists (everything after the binary). No I/O here.

Keeping argv construction pure means every option is unit-tested as an exact list, and the
runner is the only place that touches processes. The composition is built from three kinds of
command, run by `app.ffmpeg.compose`:

* `segment_args`: one clip's own frames, then its crossfade into the next clip, encoded once;
* `audio_args`:   the music (or silence) as the final AAC track, run alongside the segments;
* `mux_args`:     the segments joined and the audio laid under them, both by stream copy.

Inputs are `app.ffmpeg.inputs` descriptions, never bare paths: each names its demuxer and reads
local files only, so no builder can hand FFmpeg something for it to guess about.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from app.config import FFmpegSettings
from app.ffmpeg.inputs import ConcatInput, FileInput, GeneratedInput
from app.ffmpeg.overlay import IN_LABEL, OUT_LABEL, Overlay
from app.ffmpeg.timing import CROSSFADE_FRAMES, CROSSFADE_SECONDS, FPS, ClipCut

WIDTH, HEIGHT = 1080, 1920
AUDIO_RATE = 48000
AUDIO_BITRATE = "192k"
MUSIC_FADE_IN = 1.0
MUSIC_FADE_OUT = 1.5
NEXT_CLIP_READ_SECONDS = 1.0
"""How much of the next clip a segment reads: its 0.5 s head, with room for odd frame rates."""


@dataclass(frozen=True)
class Encoding:
    preset: str = "veryfast"
    crf: int = 20
    x264_params: str = ""
    """Options on top of the preset (`-x264-params`), e.g. `cabac=1:deblock=0,0`; numbers
    only (`app.config.FFmpegSettings.x264_params`), so none names a file."""


def encoding_of(settings: FFmpegSettings) -> Encoding:
    """The final ad's encoder settings, which every clip and crossfade shares."""
    return Encoding(preset=settings.preset, crf=settings.crf, x264_params=settings.x264_params)


def h264(encoding: Encoding) -> list[str]:
    # yuv420p + high profile play everywhere, phones and browsers included.
    params = ["-x264-params", encoding.x264_params] if encoding.x264_params else []
    return [
        "-c:v", "libx264", "-preset", encoding.preset, "-crf", str(encoding.crf), *params,
        "-pix_fmt", "yuv420p", "-profile:v", "high",
    ]  # fmt: skip


def keyframe_args(keyframes: tuple[int, ...]) -> list[str]:
    """Closed GOPs, and an IDR at exactly these frame numbers (counted, never timed).

    A timestamp list is rounded against the stream's time base and can land a frame off; the
    expression compares frame numbers. Further keyframes x264 chooses (scene cuts) do no harm.
    """
    expr = "+".join(f"eq(n,{frame})" for frame in keyframes) or "eq(n,0)"
    return ["-flags", "+cgop", "-forced-idr", "1", "-force_key_frames", f"expr:{expr}"]


def normalise(
    index: int, frames: int, width: int = WIDTH, height: int = HEIGHT, fps: int = FPS
) -> str:
    """Input `index`'s video → exactly `frames` frames of `width`×`height` at `fps`.

    Resample to a constant frame rate first (a 60 fps clip then scales half as many frames),
    scale to cover and crop the centre (no letterboxing in a vertical ad), hold the last frame
    when the clip is short, cut it when it is long. Any audio the clip carries is never mapped.
    """
    return (
        f"[{index}:v:0]setpts=PTS-STARTPTS,fps={fps},"
        f"scale={width}:{height}:force_original_aspect_ratio=increase,"
        f"crop={width}:{height},setsar=1,format=yuv420p,"
        f"tpad=stop_mode=clone:stop={frames},trim=end_frame={frames},setpts=PTS-STARTPTS"
    )


def _trim(label_in: str, frames: tuple[int, int], label_out: str) -> str:
    start, end = frames
    return f"[{label_in}]trim=start_frame={start}:end_frame={end},setpts=PTS-STARTPTS[{label_out}]"


def segment_args(
    clip: FileInput,
    cut: ClipCut,
    next_clip: FileInput | None,
    out: Path,
    encoding: Encoding,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> list[str]:
    """One clip's own frames, then (unless it is the last) its crossfade into the next clip.

    Segment by segment keeps at most two decoders alive. A single graph over every clip makes
    FFmpeg open every decoder at once and keep each one's buffers until the end: memory grew
    by 50-80 MB per clip, to 750-850 MB for six (measured; see bench/compose_bench.py).
    """
    inputs = clip.args()
    if cut.tail is None or next_clip is None:
        graph = f"{normalise(0, cut.length, width, height)}[n];{_trim('n', cut.body, 'vout')}"
    else:
        inputs += replace(next_clip, seconds=NEXT_CLIP_READ_SECONDS).args()
        graph = ";".join(
            [
                # Body frames come before tail frames, so split never queues: each trim drops
                # what is not its own as it arrives.
                f"{normalise(0, cut.length, width, height)},split=2[n][m]",
                _trim("n", cut.body, "body"),
                _trim("m", cut.tail, "tail"),
                f"{normalise(1, CROSSFADE_FRAMES, width, height)}[head]",
                f"[tail][head]xfade=transition=fade:duration={CROSSFADE_SECONDS:g}:offset=0[fade]",
                "[body][fade]concat=n=2:v=1:a=0[vout]",
            ]
        )
    return [
        *inputs,
        "-filter_complex", graph,
        "-map", "[vout]", "-an",
        *h264(encoding), "-r", str(FPS), "-frames:v", str(cut.segment_frames),
        str(out),
    ]  # fmt: skip


def music_filter(music_seconds: float, total: float, gain_db: float = 0.0) -> str:
    """Music of any length → exactly `total` s: brought to its level, faded in and out, padded.

    `gain_db` is the one gain that brings the track to the ad's loudness
    (`app.ffmpeg.loudness`, measured before). A track shorter than the ad fades out where it
    ends, then silence.
    """
    end = min(music_seconds, total)
    fade_in = min(MUSIC_FADE_IN, end / 3)
    fade_out = min(MUSIC_FADE_OUT, end / 3)
    return (
        f"atrim=end={end:g},asetpts=PTS-STARTPTS,volume={gain_db:g}dB,aresample={AUDIO_RATE},"
        f"afade=t=in:d={fade_in:g},afade=t=out:st={end - fade_out:g}:d={fade_out:g},"
        f"apad=whole_dur={total:g},atrim=end={total:g}"
    )


def audio_args(
    music: FileInput | None,
    music_seconds: float | None,
    total: float,
    out: Path,
    gain_db: float = 0.0,
) -> list[str]:
    """The ad's AAC track: the music shaped to `total` s at `gain_db`, or silence when there is
    none.

    Players and platforms handle a silent track better than none, so there is always one.
    """
    aac = ["-c:a", "aac", "-b:a", AUDIO_BITRATE, "-ar", str(AUDIO_RATE), "-ac", "2"]
    if music is None or not music_seconds:
        silence = GeneratedInput(f"anullsrc=r={AUDIO_RATE}:cl=stereo", seconds=total)
        return [*silence.args(), *aac, str(out)]
    return [
        *music.args(), "-map", "0:a:0", "-vn",
        "-af", music_filter(music_seconds, total, gain_db),
        *aac, str(out),
    ]  # fmt: skip


def mux_args(segments: ConcatInput, audio: FileInput, out: Path) -> list[str]:
    """Join the encoded segments and lay the audio under them, copying both: no re-encode.

    `+faststart` moves the index to the front so playback starts before the download ends.
    """
    return [
        *segments.args(),
        *audio.args(),
        "-map", "0:v:0", "-map", "1:a:0",
        "-c", "copy",
        "-movflags", "+faststart",
        str(out),
    ]  # fmt: skip


def plain_encode_args(seconds: float, out: Path, encoding: Encoding) -> list[str]:
    """The benchmark's yardstick: encode `seconds` of synthetic 1080×1920 30 fps video."""
    pattern = GeneratedInput(f"testsrc2=size={WIDTH}x{HEIGHT}:rate={FPS}:duration={seconds:g}")
    return [*pattern.args(), *h264(encoding), str(out)]


MOTION_ZOOM = 0.12
"""How far a camera move travels: 12 % of the frame, enough to feel alive, not to lose the shot."""
CAMERA_MOVES = ("push_in", "pull_out", "pan_left", "pan_right", "rise", "descend")


def _eased(frames: int, fps: int) -> str:
    """Progress 0→1 from the first frame to the last, half linear and half smoothstep.

    Pure smoothstep starts and stops so slowly that the picture crawls by fractions of a pixel;
    mixing in a linear part keeps the ends at half speed, so it settles without stalling. It
    reads the frame's time `t`, never the frame counter `n`: scale and crop count frames one
    apart, and a zoom whose size and offset disagree by a frame shakes.
    """
    p = f"min(t*{fps}/{max(frames - 1, 1)},1)"
    return f"(0.5*{p}+0.5*{p}*{p}*(3-2*{p}))"


def _even(value: float) -> int:
    return 2 * round(value / 2)


def camera_filter(move: str, frames: int, width: int, height: int, fps: int = FPS) -> str:
    """Per-frame filters that move a camera over a still already scaled to `camera_canvas`.

    Zooms re-scale every frame (scale with eval=frame): the frame size changes by whole even
    pixels, always centred, so the picture grows smoothly instead of wobbling as zoompan's
    rounded crop does. They work in 4:4:4 so the centred crop is exact for chroma too. Pans
    slide a crop window over the canvas one whole pixel at a time, always the same way.
    """
    e = _eased(frames, fps)
    if move in ("push_in", "pull_out"):
        zoom = f"(1+{MOTION_ZOOM:g}*{e})" if move == "push_in" else f"(1+{MOTION_ZOOM:g}*(1-{e}))"
        half_w, half_h = f"round({width / 2:g}*{zoom})", f"round({height / 2:g}*{zoom})"
        # The crop offsets repeat the size arithmetic instead of reading `iw`/`ih`: crop
        # evaluates those once, at the first frame's size, and would anchor the zoom top-left.
        # Bilinear is enough for a downscale of at most 12 %: 52 dB PSNR against lanczos (bicubic
        # 57 dB), far above what CRF 20 keeps, and a quarter less CPU for the whole clip.
        return (
            f"scale=w='2*{half_w}':h='2*{half_h}':eval=frame:flags=bilinear,"
            f"crop={width}:{height}:x='{half_w}-{width // 2}':y='{half_h}-{height // 2}':exact=1"
        )
    canvas_w, canvas_h = camera_canvas(width, height)
    spare_w, spare_h = canvas_w - width, canvas_h - height
    x, y = f"{spare_w // 2}", f"{spare_h // 2}"
    if move == "pan_right":
        x = f"'round({spare_w}*{e})'"
    elif move == "pan_left":
        x = f"'round({spare_w}*(1-{e}))'"
    elif move == "rise":  # the frame travels from the bottom of the image to the top
        y = f"'round({spare_h}*(1-{e}))'"
    elif move == "descend":
        y = f"'round({spare_h}*{e})'"
    else:
        raise ValueError(f"unknown camera move {move!r}; expected one of {CAMERA_MOVES}")
    return f"crop={width}:{height}:x={x}:y={y}:exact=1"


def camera_canvas(width: int, height: int) -> tuple[int, int]:
    """The still is scaled once to this size: the frame plus room to travel."""
    return _even(width * (1 + MOTION_ZOOM)), _even(height * (1 + MOTION_ZOOM))


def motion_args(
    image: FileInput,
    move: str,
    duration: float,
    out: Path,
    encoding: Encoding,
    width: int = WIDTH,
    height: int = HEIGHT,
    fps: int = FPS,
    keyframes: tuple[int, ...] = (0,),
    overlay: Overlay | None = None,
) -> list[str]:
    """A clip of `duration` s from one still, the camera moving over it, with `overlay` (the
    ad's words) laid over it in the same pass when given.

    Encoded once, in the normal form (`app.ffmpeg.form`): the final encoder settings with IDRs
    at `keyframes`, so the composer copies its body instead of encoding it again.

    The still is decoded and scaled once, then its frame is repeated by reference (`tpad`
    clones): looping the image input instead decodes and rescales the PNG for every frame
    (measured: about twice the CPU for a 5.5 s push-in).
    """
    frames = max(1, round(duration * fps))
    canvas_w, canvas_h = camera_canvas(width, height)
    zooms = move in ("push_in", "pull_out")
    graph = ",".join(
        [
            f"scale={canvas_w}:{canvas_h}:force_original_aspect_ratio=increase:flags=lanczos",
            f"crop={canvas_w}:{canvas_h}",
            "setsar=1",
            f"format={'yuv444p' if zooms else 'yuv420p'}",
            f"tpad=stop={frames - 1}:stop_mode=clone",
            f"setpts=N/{fps}/TB",
            camera_filter(move, frames, width, height, fps),
            "format=yuv420p",
        ]
    )
    picture = ["-vf", graph]
    extra: list[str] = []
    if overlay is not None:
        extra = [arg for source in overlay.inputs for arg in source.args()]
        complete = f"[0:v:0]{graph}[{IN_LABEL}];{overlay.graph}"
        picture = ["-filter_complex", complete, "-map", f"[{OUT_LABEL}]"]
    return [
        *replace(image, framerate=fps).args(),
        *extra,
        *picture,
        *h264(encoding), *keyframe_args(keyframes),
        "-r", str(fps), "-frames:v", str(frames),
        "-movflags", "+faststart",
        str(out),
    ]  # fmt: skip
