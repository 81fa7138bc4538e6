"""Run FFmpeg without blocking the event loop, with a timeout, progress and typed errors."""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections import deque
from collections.abc import Callable, Sequence

from app.config import FFmpegSettings
from app.errors import RenderError, RenderTimedOut
from app.ffmpeg.binary import ffmpeg_path

TimeCallback = Callable[[float], None]
"""Called with the seconds of output written so far."""

_STDERR_LINES = 20
_ERROR_WORDS = ("rror", "nvalid", "No such", "not found", "denied")
_semaphores: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)


def _slots(limit: int) -> asyncio.Semaphore:
    """One cap per event loop: every FFmpeg in this process waits its turn on it."""
    loop = asyncio.get_running_loop()
    semaphore = _semaphores.get(loop)
    if semaphore is None:
        semaphore = _semaphores[loop] = asyncio.Semaphore(max(1, limit))
    return semaphore


def describe_failure(stderr_lines: Sequence[str], returncode: int | None) -> str:
    """A sentence for people from FFmpeg's last words."""
    meaningful = [line.strip() for line in stderr_lines if line.strip()]
    if not meaningful:
        return f"FFmpeg stopped with exit code {returncode} and said nothing."
    errors = [
        line for line in meaningful if "rror" in line or "nvalid" in line or "No such" in line
    ]
    detail = (errors or meaningful)[-1]
    if len(detail) > 300:
        detail = detail[:297] + "..."
    return f"FFmpeg could not render the video: {detail}"


def parse_progress_line(line: str) -> float | None:
    """Seconds written, from one `-progress` line (`out_time_us=…`), else None."""
    key, _, value = line.strip().partition("=")
    if key in ("out_time_us", "out_time_ms") and value.lstrip("-").isdigit():
        # FFmpeg prints microseconds under both keys.
        return max(0.0, int(value) / 1_000_000)
    return None


async def run_ffmpeg(
    args: Sequence[str],
    settings: FFmpegSettings,
    on_time: TimeCallback | None = None,
) -> None:
    """Run `ffmpeg <args>`; raise RenderError or RenderTimedOut, never leave a process behind."""
    command = [
        ffmpeg_path(settings),
        "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-progress", "pipe:1", "-nostats",
        *args,
    ]  # fmt: skip
    async with _slots(settings.max_concurrent):
        process = await asyncio.create_subprocess_exec(
            *command,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        stderr_tail: deque[str] = deque(maxlen=_STDERR_LINES)
        try:
            async with asyncio.timeout(settings.timeout_seconds):
                await asyncio.gather(
                    _read_progress(process, on_time),
                    _read_stderr(process, stderr_tail),
                    process.wait(),
                )
        except TimeoutError:
            await _kill(process)
            raise RenderTimedOut(
                f"FFmpeg took longer than {settings.timeout_seconds:g} s and was stopped."
            ) from None
        except BaseException:
            await _kill(process)
            raise
    if process.returncode != 0:
        raise RenderError(describe_failure(stderr_tail, process.returncode))


async def _read_progress(process: asyncio.subprocess.Process, on_time: TimeCallback | None) -> None:
    assert process.stdout is not None
    async for raw in process.stdout:
        seconds = parse_progress_line(raw.decode(errors="replace"))
        if seconds is not None and on_time is not None:
            on_time(seconds)


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
