"""`reelsmith render` as a person runs it: a process of its own, started from `backend/`.

Shared by the command-line suites of the embedded and the remote providers, which differ only
in the environment they give it and in what they check about the answer.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from tests.utils.assertions import BACKEND, assert_is_the_final_ad

EMBEDDED = ("DIRECTOR_PROVIDER", "IMAGE_PROVIDER", "MOTION_PROVIDER", "MUSIC_PROVIDER")
"""The capabilities pinned to the embedded providers, whatever keys the developer has set."""


def embedded_env(media: Path, **extra: str) -> dict[str, str]:
    """This process's environment, its media in `media` and every capability but the voice
    embedded (the voice is `VOICE_PROVIDER`'s, as a newcomer's with no keys)."""
    return {**os.environ, "MEDIA_ROOT": str(media), **dict.fromkeys(EMBEDDED, "local"), **extra}


def render(
    brief: Path, *args: str, env: Mapping[str, str], timeout: float = 900
) -> subprocess.CompletedProcess[str]:
    """`python -m app.cli render BRIEF ARGS...`; its exit status, stdout and stderr."""
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "render", str(brief), *args],
        cwd=BACKEND,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def assert_rendered(result: subprocess.CompletedProcess[str], out: Path) -> None:
    """The command succeeded, and `out` is the deliverable."""
    assert result.returncode == 0, result.stderr
    assert_is_the_final_ad(out)
