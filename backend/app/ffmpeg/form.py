"""The one form every clip is brought to, so the composer can stream-copy it. Pure functions.

A clip in the normal form has the ad's size, 30 fps constant, exactly the frames its scene
needs (`ClipCut.length`), and the final encoder settings: the same libx264 preset, CRF, pixel
format and profile for every clip and every crossfade, so their H.264 streams can follow one
another in one file. Its GOPs are closed and a keyframe (an IDR) is forced at its first frame
and where its crossfades begin and end, so its body starts and stops on a keyframe and is
copied packet for packet.

The facts are recorded beside the clip in a small JSON sidecar (`sidecar_path`); the composer
copies a clip only when the sidecar, the file's size and a probe all agree with what it needs.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from app.ffmpeg.args import HEIGHT, WIDTH, Encoding, h264, keyframe_args, normalise
from app.ffmpeg.inputs import FileInput
from app.ffmpeg.timing import FPS, ClipCut

FORM_VERSION = 1
SIDECAR_SUFFIX = ".form.json"


def keyframes_for(cut: ClipCut) -> tuple[int, ...]:
    """Frame 0, the end of the head crossfade and the start of the tail one."""
    marks = {0, cut.body[0]}
    if cut.tail is not None:
        marks.add(cut.tail[0])
    return tuple(sorted(mark for mark in marks if mark < cut.length))


def final_video_args(encoding: Encoding, keyframes: tuple[int, ...], fps: int = FPS) -> list[str]:
    """The encoder settings every normalised clip and every crossfade share."""
    return [*h264(encoding), *keyframe_args(keyframes), "-r", str(fps), "-an"]


@dataclass(frozen=True)
class ClipForm:
    """What a normalised clip is, as recorded in its sidecar."""

    width: int
    height: int
    fps: int
    frames: int
    keyframes: tuple[int, ...]
    preset: str
    crf: int
    x264_params: str = ""
    size_bytes: int = 0
    """The clip file's size when the sidecar was written: a replaced file no longer matches."""
    version: int = FORM_VERSION
    words: str = ""
    """The digest of the words burned into its frames as it was rendered
    (`app.ffmpeg.overlay.Overlay.digest`); empty: a clean picture."""

    @classmethod
    def target(
        cls,
        cut: ClipCut,
        encoding: Encoding,
        width: int = WIDTH,
        height: int = HEIGHT,
        words: str = "",
    ) -> ClipForm:
        return cls(
            width=width,
            height=height,
            fps=FPS,
            frames=cut.length,
            keyframes=keyframes_for(cut),
            preset=encoding.preset,
            crf=encoding.crf,
            x264_params=encoding.x264_params,
            words=words,
        )

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "keyframes": list(self.keyframes)})

    @classmethod
    def from_json(cls, text: str) -> ClipForm:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a clip form is a JSON object")
        data["keyframes"] = tuple(int(k) for k in data["keyframes"])
        return cls(**data)

    def mismatch(self, wanted: ClipForm) -> str | None:
        """Why this clip cannot be copied where `wanted` is needed, or None if it can."""
        if self.version != wanted.version:
            return f"form version {self.version}, not {wanted.version}"
        names = ("width", "height", "fps", "frames", "preset", "crf", "x264_params", "words")
        for name in names:
            have, want = getattr(self, name), getattr(wanted, name)
            if have != want:
                return f"{name} {have}, not {want}"
        missing = sorted(set(wanted.keyframes) - set(self.keyframes))
        if missing:
            return f"no keyframe at frames {missing}"
        return None


def sidecar_path(clip: Path) -> Path:
    return clip.with_name(clip.name + SIDECAR_SUFFIX)


def normalise_args(
    clip: FileInput,
    form: ClipForm,
    out: Path,
    encoding: Encoding,
) -> list[str]:
    """Any clip → the normal form: scaled and cropped, 30 fps, `form.frames` frames, keyframed.

    Any audio the clip carries is dropped: the ad's sound is its music.
    """
    return [
        *clip.args(),
        "-filter_complex", f"{normalise(0, form.frames, form.width, form.height, form.fps)}[v]",
        "-map", "[v]",
        *final_video_args(encoding, form.keyframes, form.fps),
        "-frames:v", str(form.frames),
        "-movflags", "+faststart",
        str(out),
    ]  # fmt: skip
