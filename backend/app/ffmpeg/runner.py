"""Run FFmpeg without blocking the event loop, with a cap, a timeout, progress and typed errors.

Every FFmpeg in the process waits for a slot first: each one already uses every core, so more
at once only adds memory. The timeout starts once the slot is ours. Whatever ends the wait (a
timeout, a cancelled job, an error) kills the child and reaps it: no process is left behind.

Before anything starts, the argv's inputs are checked once more (`app.ffmpeg.inputs.check_argv`):
a builder that forgot to force a demuxer is refused, not run. FFmpeg's own words (paths and
all) go to the log with the argv; the error a client sees is a sentence in its own terms.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import shlex
import weakref
from collections import deque
from collections.abc import Mapping, Sequence

from app.config import FFmpegSettings
from app.errors import RenderError, RenderInputRefused, RenderTimedOut, StorageFull
from app.ffmpeg.binary import ffmpeg_path
from app.ffmpeg.inputs import check_argv
from app.providers.base import ProgressCallback
from app.storage.faults import says_storage_full

logger = logging.getLogger(__name__)

_STDERR_LINES = 30
_DETAIL_LINES = 2
_DETAIL_CHARS = 300
# FFmpeg's sign-off, which adds nothing to the lines before it.
_NOISE = ("conversion failed!",)
# Which part of FFmpeg spoke, e.g. `[in#0 @ 0x5581…]` or `[vist#0:0/h264 @ 0x…]`.
_CONTEXT_PREFIX = re.compile(r"^(\[[^\]]*\]\s*)+")
DEFAULT_FAILURE = "The video could not be rendered"
_REASONS = (
    (("no space left on device", "disk quota exceeded"), "The server ran out of disk space."),
    (("cannot allocate memory",), "The server ran out of memory."),
    (
        ("invalid data found", "moov atom not found", "error while decoding", "invalid nal"),
        "A file it reads is damaged or not in a supported format.",
    ),
    (("no such file or directory",), "A file it needed was missing."),
)
"""FFmpeg's words for causes a user can act on, and what to tell them instead."""

_semaphores: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)


def ffmpeg_slots(limit: int) -> asyncio.Semaphore:
    """The process-wide cap, one semaphore per event loop (the first caller's limit holds)."""
    loop = asyncio.get_running_loop()
    semaphore = _semaphores.get(loop)
    if semaphore is None:
        semaphore = _semaphores[loop] = asyncio.Semaphore(max(1, limit))
    return semaphore


def describe_failure(stderr_lines: Sequence[str], returncode: int | None) -> str:
    """A one-line summary of FFmpeg's last words, for the log (it names paths and hosts).

    At `-loglevel error` FFmpeg says little: its first line usually names the cause (`No such
    filter: 'x'`) and its last ones what failed because of it, with the system's reason (`Error
    opening input file a.mp4`, `…: No such file or directory`). So: the first line and the last
    two, without `[tag @ 0x…]` prefixes, repeats or closing boilerplate, joined into one line.
    """
    lines = [_CONTEXT_PREFIX.sub("", line.strip()).strip().rstrip(".") for line in stderr_lines]
    said = [line for line in dict.fromkeys(lines) if line and line.lower() not in _NOISE]
    if not said:
        return f"FFmpeg stopped with exit code {returncode} and said nothing."
    detail = "; ".join(dict.fromkeys([said[0], *said[-_DETAIL_LINES:]]))
    if len(detail) > _DETAIL_CHARS:
        detail = detail[: _DETAIL_CHARS - 1] + "…"
    return f"FFmpeg could not render the video: {detail}."


def failure_message(failure: str, stderr_lines: Sequence[str]) -> str:
    """What a client is told: `failure`, and the cause when it is one the user can act on.

    Never FFmpeg's own words, which carry paths, URLs and hosts.
    """
    said = " ".join(stderr_lines).lower()
    for phrases, reason in _REASONS:
        if any(phrase in said for phrase in phrases):
            return f"{failure}. {reason}"
    return f"{failure}."


def parse_progress_line(line: str) -> float | None:
    """Seconds written, from one `-progress` line (`out_time_us=…`), else None."""
    key, _, value = line.strip().partition("=")
    if key in ("out_time_us", "out_time_ms") and value.lstrip("-").isdigit():
        # FFmpeg prints microseconds under both keys.
        return max(0.0, int(value) / 1_000_000)
    return None


class _Progress:
    """Turns output seconds into fractions of `duration` that never go back and end at 1."""

    def __init__(self, duration: float | None, callback: ProgressCallback | None) -> None:
        self._duration = duration if duration and duration > 0 else None
        self._callback = callback
        self._last = 0.0

    def seconds(self, seconds: float) -> None:
        if self._duration is not None:
            self._report(min(1.0, seconds / self._duration))

    def done(self) -> None:
        self._report(1.0)

    def _report(self, fraction: float) -> None:
        if self._callback is not None and fraction >= self._last:
            self._last = fraction
            self._callback(fraction)


async def run_ffmpeg(
    args: Sequence[str],
    settings: FFmpegSettings,
    *,
    duration: float | None = None,
    on_progress: ProgressCallback | None = None,
    slots: asyncio.Semaphore | None = None,
    failure: str = DEFAULT_FAILURE,
    env: Mapping[str, str] | None = None,
) -> None:
    """Run `ffmpeg <args>`; raise RenderError or RenderTimedOut, never leave a process behind.

    `on_progress` gets the fraction of `duration` (the expected output length, in seconds)
    written so far: never decreasing, and 1.0 once FFmpeg has succeeded. `slots` overrides the
    process-wide cap of `settings.max_concurrent` FFmpeg processes. `failure` is the sentence
    (without its full stop) a client reads if it fails, e.g. "Scene 3 could not be rendered".
    `env` adds to (or overrides) the environment FFmpeg inherits, e.g. libass's fontconfig.
    """
    try:
        check_argv(args)
    except RenderInputRefused as exc:
        logger.error("refused to run FFmpeg: %s", exc.__cause__)
        raise
    command = [
        ffmpeg_path(settings),
        "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-progress", "pipe:1", "-nostats",
        *args,
    ]  # fmt: skip
    progress = _Progress(duration, on_progress)
    async with slots or ffmpeg_slots(settings.max_concurrent):
        try:
            process = await asyncio.create_subprocess_exec(
                *command,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                env={**os.environ, **env} if env else None,
            )
        except OSError as exc:
            logger.error("FFmpeg could not be started: %s; argv: %s", exc, shlex.join(command))
            raise RenderError(f"{failure}: the renderer could not be started.") from exc
        stderr_tail: deque[str] = deque(maxlen=_STDERR_LINES)
        try:
            async with asyncio.timeout(settings.timeout_seconds):
                await asyncio.gather(
                    _read_progress(process, progress),
                    _read_stderr(process, stderr_tail),
                    process.wait(),
                )
        except TimeoutError:
            await _kill(process)
            logger.error("FFmpeg timed out; argv: %s", shlex.join(command))
            raise RenderTimedOut(
                f"{failure}: it took longer than {settings.timeout_seconds:g} s and was stopped."
            ) from None
        except BaseException:  # cancelled, or a progress callback failed: stop the child too
            await _kill(process)
            raise
    if process.returncode != 0:
        logger.error(
            "%s (exit code %s); argv: %s; stderr:\n%s",
            describe_failure(stderr_tail, process.returncode),
            process.returncode,
            shlex.join(command),
            "".join(stderr_tail).rstrip(),
        )
        if says_storage_full(stderr_tail):
            raise StorageFull()
        raise RenderError(failure_message(failure, stderr_tail))
    progress.done()


async def _read_progress(process: asyncio.subprocess.Process, progress: _Progress) -> None:
    assert process.stdout is not None
    async for raw in process.stdout:
        seconds = parse_progress_line(raw.decode(errors="replace"))
        if seconds is not None:
            progress.seconds(seconds)


async def _read_stderr(process: asyncio.subprocess.Process, tail: deque[str]) -> None:
    assert process.stderr is not None
    async for raw in process.stderr:
        tail.append(raw.decode(errors="replace"))


async def _kill(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
    # Shielded so that a cancelled caller still reaps the child instead of leaving a zombie.
    await asyncio.shield(process.wait())
