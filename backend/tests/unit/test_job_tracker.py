from __future__ import annotations

import pytest

from app.errors import ErrorCode, JobNotFound
from app.models.video import ErrorInfo, JobKind, JobStatus
from app.utils.job_tracker import ClipState, Job, JobTracker


def test_progress_never_goes_down_and_reaches_100_only_when_finished() -> None:
    jobs = JobTracker()
    job = jobs.create(JobKind.COMPOSE)
    for percent in (10, 50, 30, 100, 20):
        jobs.advance(job.job_id, percent)
    assert job.progress == 99
    jobs.complete(job.job_id, final_video_url="u", duration=30.0)
    assert (job.status, job.progress) == (JobStatus.COMPLETE, 100)


def test_clip_progress_is_the_mean_of_its_clips_and_clips_fail_alone() -> None:
    jobs = JobTracker()
    job = jobs.create(JobKind.CLIPS, clips=[ClipState(1, 5.0), ClipState(2, 25.0)])
    jobs.advance_clip(job.job_id, 1, 0.5)
    assert job.progress == 25
    jobs.finish_clip(job.job_id, 2, error=ErrorInfo(code=ErrorCode.RENDER_FAILED, message="no"))
    assert job.progress == 75
    assert job.clip(2).status is JobStatus.FAILED
    assert job.clip(1).status is JobStatus.PROCESSING


def test_unknown_jobs_raise_and_old_finished_jobs_are_forgotten() -> None:
    jobs = JobTracker(max_jobs=2)
    first = jobs.create(JobKind.COMPOSE)
    jobs.fail(first.job_id, ErrorInfo(code=ErrorCode.RENDER_FAILED, message="no"))
    running = jobs.create(JobKind.COMPOSE)
    jobs.create(JobKind.COMPOSE)
    with pytest.raises(JobNotFound):
        jobs.get(first.job_id)
    assert jobs.get(running.job_id) is running


def test_a_listener_hears_each_rise_of_progress_and_nothing_else() -> None:
    """What the CLI's progress bar follows, now that it awaits its jobs instead of polling."""
    heard: list[tuple[str, int]] = []
    jobs = JobTracker(on_progress=lambda job: heard.append((job.job_id, job.progress)))
    job = jobs.create(JobKind.CLIPS, clips=[ClipState(1, 5.0), ClipState(2, 25.0)])
    jobs.advance_clip(job.job_id, 1, 0.5)
    jobs.advance_clip(job.job_id, 1, 0.25)  # a late, lower update: no news
    jobs.finish_clip(job.job_id, 2, video_url="u")
    assert heard == [(job.job_id, 25), (job.job_id, 75)]


def test_a_finish_listener_hears_each_job_end_once_even_when_it_came_late() -> None:
    jobs = JobTracker()
    composed, failed = jobs.create(JobKind.COMPOSE), jobs.create(JobKind.CLIPS)
    heard: list[tuple[str, JobStatus]] = []

    def listen(job: Job) -> None:
        heard.append((job.job_id, job.status))

    def broken(job: Job) -> None:
        raise RuntimeError("a listener that fails")

    jobs.on_finish(composed.job_id, broken)
    jobs.on_finish(composed.job_id, listen)
    jobs.on_finish(failed.job_id, listen)
    jobs.complete(composed.job_id, final_video_url="u", duration=30.0)
    jobs.fail(failed.job_id, ErrorInfo(code="clips_failed", message="no"))
    jobs.on_finish(composed.job_id, listen)  # after the end: told at once

    assert heard == [
        (composed.job_id, JobStatus.COMPLETE),
        (failed.job_id, JobStatus.FAILED),
        (composed.job_id, JobStatus.COMPLETE),
    ]
    assert composed.status is JobStatus.COMPLETE, "a failing listener does not change the job"


def test_watchers_hear_every_change_a_status_shows_until_they_stop() -> None:
    from app.models.video import JobKind
    from app.utils.job_tracker import ClipState, JobTracker

    jobs = JobTracker()
    job = jobs.create(JobKind.CLIPS, clips=[ClipState(1), ClipState(2)])
    heard: list[tuple[int, str]] = []
    stop = jobs.watch(job.job_id, lambda j: heard.append((j.progress, j.status.value)))

    jobs.advance_clip(job.job_id, 1, 0.5)
    jobs.advance_clip(job.job_id, 1, 0.4)  # no change: nobody is woken
    jobs.finish_clip(job.job_id, 2, video_url="http://testserver/media/clips/b.mp4")
    jobs.complete(job.job_id)
    assert [progress for progress, _ in heard] == sorted(progress for progress, _ in heard)
    assert heard[0] == (25, "processing") and heard[-1] == (100, "complete")
    assert jobs.watching(job.job_id) == 1

    stop()
    stop()  # twice is harmless
    assert jobs.watching(job.job_id) == 0
