from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app.config import FFmpegSettings
from app.errors import RenderError, RenderInputRefused, RenderTimedOut
from app.ffmpeg.inputs import FileInput, GeneratedInput
from app.ffmpeg.runner import (
    describe_failure,
    failure_message,
    ffmpeg_slots,
    parse_progress_line,
    run_ffmpeg,
)
from tests.ffmpeg.conftest import ffmpeg_children

pytestmark = pytest.mark.anyio

ENDLESS = ["-re", *GeneratedInput("testsrc=size=64x64:rate=30").args(), "-f", "null", "-"]


def _pattern(source: str) -> list[str]:
    return GeneratedInput(source).args()


async def test_a_failing_command_tells_the_client_what_failed_and_the_log_why(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    missing = tmp_path / "missing.mp4"
    out = tmp_path / "o.mp4"
    with pytest.raises(RenderError) as failure:
        await run_ffmpeg(
            [*FileInput(missing, "mov").args(), str(out)],
            FFmpegSettings(),
            failure="Scene 3 could not be rendered",
        )
    assert failure.value.message == ("Scene 3 could not be rendered. A file it needed was missing.")
    assert failure.value.code == "render_failed"
    # The log has what an engineer needs: FFmpeg's words and the whole command.
    assert "No such file or directory" in caplog.text
    assert f"file:{missing}" in caplog.text and str(out) in caplog.text


async def test_an_argv_reading_what_we_did_not_mean_never_starts(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with pytest.raises(RenderInputRefused) as refused:
        await run_ffmpeg(["-i", "/srv/media/clips/x.mp4", "-f", "null", "-"], FFmpegSettings())
    assert "/srv" not in refused.value.message
    assert ffmpeg_children() == []
    assert "/srv/media/clips/x.mp4" in caplog.text


async def test_a_slow_command_times_out_and_leaves_no_process() -> None:
    with pytest.raises(RenderTimedOut) as timed_out:
        await run_ffmpeg(ENDLESS, FFmpegSettings(timeout_seconds=0.5), failure="The ad failed")
    assert timed_out.value.message == ("The ad failed: it took longer than 0.5 s and was stopped.")
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
        [*_pattern("testsrc=size=160x284:rate=30:duration=3"), str(tmp_path / "o.mp4")],
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
    short = ["-re", *_pattern("testsrc=size=64x64:rate=30:duration=0.3"), "-f", "null"]
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


def test_failures_are_summed_up_for_the_log_by_their_most_telling_lines() -> None:
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


STDERR_WITH_SECRETS = [
    "[in#0 @ 0x5581] Error opening input: Invalid data found when processing input",
    "Error opening input file /srv/reelsmith/media/clips/3f2a9c.mp4.",
    "[http @ 0x7f1b] Protocol 'http' not on whitelist 'file'! http://10.0.0.7:8080/x",
    "[tcp @ 0x7f1b] Connection to tcp://metadata.google.internal:80 failed",
    "Error opening output file file:/home/app/media/ads/.compose-x/segment-00.mp4.",
]


@pytest.mark.parametrize(
    ("said", "reason"),
    [
        (STDERR_WITH_SECRETS, " A file it reads is damaged or not in a supported format."),
        (["av_interleaved_write_frame(): No space left on device", "/srv/a.mp4"],
         " The server ran out of disk space."),
        (["[out#0 @ 0x1] Error opening output /srv/a.mp4: Cannot allocate memory"],
         " The server ran out of memory."),
        (["/srv/a.mp4: No such file or directory"], " A file it needed was missing."),
        (["[AVFilterGraph @ 0x1] No such filter: 'bogus' in /srv/graph"], ""),
        ([], ""),
    ],
)  # fmt: skip
def test_a_clients_message_is_scrubbed_of_everything_ffmpeg_said(
    said: list[str], reason: str
) -> None:
    message = failure_message("The ad could not be rendered at scene 3", said)
    assert message == f"The ad could not be rendered at scene 3.{reason}"
    for secret in ("/srv", "/home", "http", "10.0.0.7", "metadata", "3f2a9c", "@ 0x", "file:"):
        assert secret not in message
