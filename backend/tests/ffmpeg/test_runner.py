from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app.config import FFmpegSettings
from app.errors import RenderError, RenderTimedOut
from app.ffmpeg.runner import describe_failure, ffmpeg_slots, parse_progress_line, run_ffmpeg
from tests.ffmpeg.conftest import ffmpeg_children

pytestmark = pytest.mark.anyio

ENDLESS = ["-re", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=30", "-f", "null", "-"]


async def test_a_failing_command_is_a_render_error_in_words(tmp_path: Path) -> None:
    missing = tmp_path / "missing.mp4"
    with pytest.raises(RenderError) as failure:
        await run_ffmpeg(["-i", str(missing), str(tmp_path / "o.mp4")], FFmpegSettings())
    message = failure.value.message
    assert message.startswith("FFmpeg could not render the video: ")
    assert "No such file or directory" in message and str(missing) in message
    assert "@ 0x" not in message and "\n" not in message, "no FFmpeg log noise"
    assert failure.value.code == "render_failed"


async def test_a_slow_command_times_out_and_leaves_no_process() -> None:
    with pytest.raises(RenderTimedOut, match=r"longer than 0\.5 s"):
        await run_ffmpeg(ENDLESS, FFmpegSettings(timeout_seconds=0.5))
    assert ffmpeg_children() == []


async def test_cancelling_the_caller_kills_ffmpeg() -> None:
    started = asyncio.Event()
    task = asyncio.create_task(
        run_ffmpeg(ENDLESS, FFmpegSettings(), duration=60, on_progress=lambda f: started.set())
    )
    await asyncio.wait_for(started.wait(), 30)
    assert len(ffmpeg_children()) == 1
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert ffmpeg_children() == []


async def test_progress_is_a_fraction_of_the_expected_length_and_never_goes_back(
    tmp_path: Path,
) -> None:
    seen: list[float] = []
    await run_ffmpeg(
        ["-f", "lavfi", "-i", "testsrc=size=160x284:rate=30:duration=3", str(tmp_path / "o.mp4")],
        FFmpegSettings(),
        duration=3.0,
        on_progress=seen.append,
    )
    assert seen and seen == sorted(seen)
    assert all(0 <= fraction <= 1 for fraction in seen)
    assert seen[-1] == 1.0
    assert len(seen) == 1 or seen[-2] > 0.8, "the last report before success is near the end"
    assert (tmp_path / "o.mp4").stat().st_size > 0


async def test_no_more_than_the_allowed_number_run_at_once(tmp_path: Path) -> None:
    most = 0

    async def watch() -> None:
        nonlocal most
        while True:
            most = max(most, len(ffmpeg_children()))
            await asyncio.sleep(0.01)

    watcher = asyncio.create_task(watch())
    one_at_a_time = asyncio.Semaphore(1)
    short = ["-re", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=30:duration=0.3", "-f", "null"]
    await asyncio.gather(
        *(run_ffmpeg([*short, "-"], FFmpegSettings(), slots=one_at_a_time) for _ in range(3))
    )
    watcher.cancel()
    assert most == 1


async def test_the_process_wide_cap_is_one_semaphore_per_event_loop() -> None:
    assert ffmpeg_slots(2) is ffmpeg_slots(5)


def test_progress_lines_are_parsed_in_seconds() -> None:
    assert parse_progress_line("out_time_us=1500000\n") == 1.5
    assert parse_progress_line("out_time_ms=2000000") == 2.0  # FFmpeg prints µs here too
    assert parse_progress_line("out_time_us=-23000") == 0.0
    assert parse_progress_line("out_time_us=N/A") is None
    assert parse_progress_line("frame=12") is None


def test_failures_are_described_by_their_most_telling_lines() -> None:
    lines = [
        "[h264 @ 0x55d1c0a4b2c0] Invalid NAL unit size (1234 > 567).",
        "[vist#0:0/h264 @ 0x55d1c0a4a000] Error while decoding stream: Invalid data found",
        "Conversion failed!",
    ]
    assert describe_failure(lines * 3, 1) == (
        "FFmpeg could not render the video: Invalid NAL unit size (1234 > 567); "
        "Error while decoding stream: Invalid data found."
    )
    cause_first = [
        "[AVFilterGraph @ 0x55c934c6b040] No such filter: 'bogus'",
        "[AVFilterGraph @ 0x55c934c6b040] Error parsing a filter description around:",
        "Error opening output file /tmp/o.mp4.",
        "Error opening output files: Invalid argument",
    ]
    assert describe_failure(cause_first, 1) == (
        "FFmpeg could not render the video: No such filter: 'bogus'; "
        "Error opening output file /tmp/o.mp4; Error opening output files: Invalid argument."
    )
    assert describe_failure(["", "  "], 234) == (
        "FFmpeg stopped with exit code 234 and said nothing."
    )
    assert len(describe_failure(["x" * 500], 1)) < 350
