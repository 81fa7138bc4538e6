"""Run a speech engine as a child process: text on stdin, a WAV file out, a deadline, and no
process left behind whatever ends the wait (a timeout, a cancelled job)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shlex
from collections.abc import Sequence

from app.errors import RenderError, RenderTimedOut

logger = logging.getLogger(__name__)
_STDERR_CHARS = 2000


async def run_engine(argv: Sequence[str], text: str, seconds: float, what: str) -> None:
    """Run `argv` with `text` on stdin; raise RenderError (in the user's terms) if it fails."""
    try:
        process = await asyncio.create_subprocess_exec(
            *argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
    except OSError as exc:
        logger.error("%s could not be started: %s; argv: %s", what, exc, shlex.join(argv))
        raise RenderError(f"The voice could not be started ({what}).") from exc
    try:
        async with asyncio.timeout(seconds):
            _, stderr = await process.communicate(text.encode())
    except BaseException as exc:
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
        await asyncio.shield(process.wait())
        if isinstance(exc, TimeoutError):
            raise RenderTimedOut(
                f"The voice took longer than {seconds:g} s to say a line and was stopped."
            ) from None
        raise
    if process.returncode != 0:
        logger.error(
            "%s failed (exit code %s); argv: %s; stderr: %s",
            what,
            process.returncode,
            shlex.join(argv),
            stderr.decode(errors="replace")[-_STDERR_CHARS:],
        )
        raise RenderError(f"The voice could not say a line ({what} failed).")
