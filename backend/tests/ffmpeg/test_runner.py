from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.config import FFmpegSettings
from app.errors import RenderError, RenderTimedOut
from app.ffmpeg.runner import describe_failure, parse_progress_line, run_ffmpeg

pytestmark = pytest.mark.anyio


def _ffmpeg_children() -> list[int]:
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        name, rest = stat[stat.index("(") + 1 : stat.rindex(")")], stat[stat.rindex(")") + 2 :]
        state, ppid = rest.split()[0], int(rest.split()[1])
        if ppid == os.getpid() and name.startswith("ffmpeg") and state != "Z":
            children.append(int(entry))
    return children


async def test_a_failing_command_is_a_render_error_in_words(tmp_path: Path) -> None:
    with pytest.raises(RenderError) as failure:
        await run_ffmpeg(
            ["-i", str(tmp_path / "missing.mp4"), str(tmp_path / "o.mp4")], FFmpegSettings()
        )
    assert "No such file or directory" in failure.value.message
    assert failure.value.message.startswith("FFmpeg could not render the video:")


async def test_a_slow_command_times_out_and_leaves_no_process(tmp_path: Path) -> None:
    endless = ["-re", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=30", "-f", "null", "-"]
    with pytest.raises(RenderTimedOut, match=r"longer than 0\.5 s"):
        await run_ffmpeg(endless, FFmpegSettings(timeout_seconds=0.5))
    assert _ffmpeg_children() == []


async def test_progress_reports_output_time_and_never_goes_back(tmp_path: Path) -> None:
    seen: list[float] = []
    await run_ffmpeg(
        ["-f", "lavfi", "-i", "testsrc=size=160x284:rate=30:duration=3", str(tmp_path / "o.mp4")],
        FFmpegSettings(),
        on_time=seen.append,
    )
    assert seen and seen == sorted(seen)
    assert seen[-1] == pytest.approx(3.0, abs=0.1)
    assert (tmp_path / "o.mp4").stat().st_size > 0


def test_progress_lines_are_parsed_in_seconds() -> None:
    assert parse_progress_line("out_time_us=1500000\n") == 1.5
    assert parse_progress_line("out_time_ms=2000000") == 2.0  # FFmpeg prints µs here too
    assert parse_progress_line("out_time_us=N/A") is None
    assert parse_progress_line("frame=12") is None


def test_failures_are_described_by_their_most_telling_line() -> None:
    lines = [
        "Input #0, lavfi",
        "[vist#0] Error while decoding stream: Invalid data",
        "Conversion failed!",
    ]
    assert describe_failure(lines, 1) == (
        "FFmpeg could not render the video: [vist#0] Error while decoding stream: Invalid data"
    )
    assert describe_failure([], 234) == "FFmpeg stopped with exit code 234 and said nothing."
