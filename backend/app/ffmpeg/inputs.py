"""What FFmpeg may open, and how: every input names its demuxer and reads local files only.

Left to guess, FFmpeg picks a demuxer from a file's content, and some demuxers open what the
file names: a DASH manifest its `BaseURL`, an HLS playlist its segments, an ffconcat list its
entries, an SDP file a network stream. A "clip" holding one of those would put a local file (or
a request to anywhere) into the ad. So every input is one of three typed descriptions:

* `FileInput`:      a local file we probed or wrote, read with the demuxer its content proved;
* `GeneratedInput`: one of FFmpeg's own test or silence sources (`-f lavfi`), nothing else;
* `ConcatInput`:    the concat list we wrote ourselves, naming only our own segments.

Each becomes `-f <demuxer> -protocol_whitelist file ... -i file:<absolute path>`: the `file:`
prefix keeps a name such as `http:x.mp4` or `-i.mp4` a file name, and the whitelist keeps any
demuxer from reaching a network. `check_argv` is the runner's second look at a finished argv.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NoReturn

from app.errors import RenderInputRefused

MediaKind = Literal["video", "image", "audio"]

DEMUXERS: dict[str, frozenset[MediaKind]] = {
    "mov": frozenset({"video", "audio"}),  # MP4, MOV, M4A; external references stay off
    "matroska": frozenset({"video", "audio"}),  # MKV, WebM
    "wav": frozenset({"audio"}),
    "mp3": frozenset({"audio"}),
    "flac": frozenset({"audio"}),
    "ogg": frozenset({"audio"}),
    "png_pipe": frozenset({"image"}),
    "jpeg_pipe": frozenset({"image"}),
    "webp_pipe": frozenset({"image"}),
}
"""The demuxers a file may be read with, and what each may hold for us. None of them follows a
reference to another file; image pipes also fix the codec and never expand `%d` patterns."""

PROTOCOLS = "file"
"""The only protocol any input may use, the concat list's entries included."""

_SOURCES = ("anullsrc", "color", "sine", "testsrc", "testsrc2")
_SOURCE = re.compile(rf"(?:{'|'.join(_SOURCES)})(?:=[\w.:=#+-]*)?")
"""One generating source and its options: no chain, so no `movie=` filter that opens files."""


def _seconds(value: float | None) -> list[str]:
    return [] if value is None else ["-t", f"{value:g}"]


def _is_local(path: str) -> bool:
    return Path(path).is_absolute() and not any(c in path for c in "\n\r\0")


def _local(path: Path) -> str:
    if not _is_local(str(path)):
        raise RenderInputRefused(
            "The video could not be rendered: the renderer was handed a file it may not read."
        ) from ValueError(f"not an absolute local path: {str(path)!r}")
    return f"file:{path}"


@dataclass(frozen=True)
class FileInput:
    path: Path
    """Absolute, and probed (or written by us) before it gets here."""
    demuxer: str
    """A key of `DEMUXERS`, proved by the file's content."""
    seconds: float | None = None
    """Read only this much of it (`-t`)."""
    framerate: int | None = None
    """The frame rate a still is read at (`-framerate`)."""
    keyframe_at: float | None = None
    """Start reading at the keyframe at (or just before) this time, keeping every frame from
    it (`-noaccurate_seek -ss`): for a clip whose keyframes we placed ourselves."""
    threads: int | None = None
    """Decoding threads (`-threads`); FFmpeg's default is one per core, each with its frames."""

    def __post_init__(self) -> None:
        if self.demuxer not in DEMUXERS:
            raise RenderInputRefused(f"The renderer may not read files as {self.demuxer!r}.")
        _local(self.path)

    def args(self) -> list[str]:
        rate = [] if self.framerate is None else ["-framerate", str(self.framerate)]
        seek = (
            [] if self.keyframe_at is None else ["-noaccurate_seek", "-ss", f"{self.keyframe_at:g}"]
        )
        threads = [] if self.threads is None else ["-threads", str(self.threads)]
        return [
            "-f", self.demuxer, "-protocol_whitelist", PROTOCOLS,
            *seek, *threads, *_seconds(self.seconds), *rate, "-i", _local(self.path),
        ]  # fmt: skip


@dataclass(frozen=True)
class GeneratedInput:
    source: str
    """e.g. `anullsrc=r=48000:cl=stereo`, `testsrc2=size=1080x1920:rate=30:duration=30`."""
    seconds: float | None = None

    def __post_init__(self) -> None:
        if not _SOURCE.fullmatch(self.source):
            raise RenderInputRefused(f"The renderer may not generate {self.source!r}.")

    def args(self) -> list[str]:
        return [
            "-f", "lavfi", "-protocol_whitelist", PROTOCOLS,
            *_seconds(self.seconds), "-i", self.source,
        ]  # fmt: skip


@dataclass(frozen=True)
class ConcatInput:
    listing: Path
    """A list from `concat_list`: absolute paths of files we wrote (hence `-safe 0`)."""

    def args(self) -> list[str]:
        return [
            "-f", "concat", "-safe", "0", "-protocol_whitelist", PROTOCOLS,
            "-i", _local(self.listing),
        ]  # fmt: skip


Input = FileInput | GeneratedInput | ConcatInput


def concat_list(files: Sequence[Path]) -> str:
    """A concat-demuxer list of our own files; quotes are escaped the way the demuxer expects."""
    lines = []
    for path in files:
        _local(path)  # absolute, one line each: nothing else can be slipped into the list
        escaped = str(path).replace("'", "'\\''")
        lines.append(f"file '{escaped}'")
    return "\n".join(lines) + "\n"


# --- the runner's second look -------------------------------------------------------------

_INPUT_OPTIONS = {
    "-f": 1,
    "-protocol_whitelist": 1,
    "-safe": 1,
    "-t": 1,
    "-framerate": 1,
    "-ss": 1,
    "-noaccurate_seek": 0,
    "-threads": 1,
    "-re": 0,
}
"""Options that may stand before an `-i`, with how many values each takes."""
_READS_FILES = re.compile(r"(?:^|[\s,;\]])a?movie\s*=")
"""A filter that opens a file or URL of its own (`movie=`, `amovie=`)."""
_LOADS_OPTIONS = ("-attach", "-dump_attachment", "-filter_script", "-filter_complex_script")


def check_argv(args: Sequence[str]) -> None:
    """Refuse an argv (what follows the binary and our globals) reading anything not meant.

    Inputs come first, each `[options] -i target` with only the options above, a demuxer we
    allow and, for files, a `file:` absolute path; after the last input, no option may open
    another file: no further `-i`, no `-/option` (FFmpeg reads its value from a file), no
    attachment or filter script, no `movie` filter.
    """
    position, inputs = 0, 0
    while position < len(args):
        options: dict[str, str] = {}
        cursor = position
        while cursor < len(args) and args[cursor] in _INPUT_OPTIONS:
            arity = _INPUT_OPTIONS[args[cursor]]
            values = args[cursor + 1 : cursor + 1 + arity]
            if len(values) < arity:
                _refuse(args, f"{args[cursor]} has no value")
            options[args[cursor]] = values[0] if values else ""
            cursor += 1 + arity
        if cursor >= len(args) or args[cursor] != "-i":
            break  # no input follows: from `position` on, these are the output's options
        if cursor + 1 >= len(args):
            _refuse(args, "-i has no value")
        _check_input(args, options, args[cursor + 1])
        inputs += 1
        position = cursor + 2
    for token in args[position:]:
        if token == "-i" or token.startswith("-/") or token in _LOADS_OPTIONS:
            _refuse(args, f"{token} after the inputs")
        if _READS_FILES.search(token):
            _refuse(args, "a filter that opens files")
    if not inputs:
        _refuse(args, "no input")


def _check_input(args: Sequence[str], options: dict[str, str], target: str) -> None:
    demuxer = options.get("-f")
    if options.get("-protocol_whitelist") != PROTOCOLS:
        _refuse(args, f"input {target!r} may use protocols other than {PROTOCOLS}")
    if "-safe" in options and (demuxer != "concat" or options["-safe"] != "0"):
        _refuse(args, "-safe is for our concat list only")
    if demuxer == "lavfi":
        if not _SOURCE.fullmatch(target):
            _refuse(args, f"lavfi source {target!r} is not one of {_SOURCES}")
    elif demuxer in DEMUXERS or demuxer == "concat":
        if not target.startswith("file:") or not _is_local(target.removeprefix("file:")):
            _refuse(args, f"input {target!r} is not a file: absolute path")
    else:
        _refuse(args, f"input {target!r} has no allowed demuxer forced ({demuxer!r})")


def _refuse(args: Sequence[str], why: str) -> NoReturn:
    # The argv rides on the cause, for the log; a client only learns that nothing ran.
    raise RenderInputRefused(
        "The video could not be rendered: the renderer was asked to read something it may not."
    ) from ValueError(f"{why}: {list(args)!r}")
