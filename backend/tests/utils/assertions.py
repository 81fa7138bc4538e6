"""Checks of the deliverable, and where the examples live, shared by the end-to-end tests."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import pytest

BACKEND = Path(__file__).resolve().parents[2]
EXAMPLES = BACKEND.parent / "examples"


def assert_is_the_final_ad(path: Path) -> None:
    """Re-open the file and check every property of the deliverable."""
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        audio = container.streams.audio[0]
        assert container.duration is not None
        assert container.duration / av.time_base == pytest.approx(30.0, abs=1 / 30)
        assert (video.width, video.height) == (1080, 1920)
        assert video.average_rate == Fraction(30)
        assert video.codec_context.name == "h264"
        assert video.codec_context.pix_fmt == "yuv420p"
        assert audio.codec_context.name == "aac"
