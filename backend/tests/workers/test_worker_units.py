"""The pure parts of the workers: settings, which tasks a job becomes, the transport's
redelivery, applying a worker's reports, and the one rule that ends a clip job."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.config import JobSettings
from app.db import jobs as jobs_repo
from app.db import projects as projects_repo
from app.db.engine import open_database
from app.errors import ErrorCode
from app.models.video import JobKind, JobStatus
from app.utils.job_tracker import ClipState, Job, JobTracker
from app.workers import progress
from app.workers.__main__ import worker_argv
from app.workers.celery_app import (
    CLIP_TASK,
    COMPOSE_TASK,
    build_celery,
    clip_steps,
    compose_step,
    transport_options,
)
from app.workers.conclusion import conclude_clips
from tests.unit.test_layering import _imports, _modules_of, _within
from tests.utils.api_process import BACKEND
from tests.utils.factories import scenes
from tests.workers.conclusion_race import both_conclude_at_once

REDIS = "redis://127.0.0.1:6390/0"


def test_jobs_run_in_process_unless_told_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("JOB_BACKEND", "REDIS_URL", "CELERY_VISIBILITY_TIMEOUT_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    settings = JobSettings(_env_file=None)  # type: ignore[call-arg]
    assert (settings.backend, settings.redis_url) == ("inprocess", None)
    assert (settings.visibility_timeout_seconds, settings.worker_concurrency) == (3600, 2)


def test_celery_without_redis_refuses_to_start_with_a_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("JOB_BACKEND", "celery")
    monkeypatch.delenv("REDIS_URL", raising=False)
    with pytest.raises(ValidationError, match="JOB_BACKEND=celery needs REDIS_URL"):
        JobSettings(_env_file=None)  # type: ignore[call-arg]
    monkeypatch.setenv("REDIS_URL", "redis://:s3cret@127.0.0.1:6390/0")
    settings = JobSettings(_env_file=None)  # type: ignore[call-arg]
    assert settings.redis.endswith("@127.0.0.1:6390/0")
    assert "s3cret" not in repr(settings), "the URL's password never reaches a log line"


def test_a_clip_job_is_one_task_per_clip_so_workers_share_it() -> None:
    steps = clip_steps("job-1", [3, 1, 2])
    assert [(s.task, s.args) for s in steps] == [
        (CLIP_TASK, ("job-1", 1)),
        (CLIP_TASK, ("job-1", 2)),
        (CLIP_TASK, ("job-1", 3)),
    ]
    assert (compose_step("job-2").task, compose_step("job-2").args) == (COMPOSE_TASK, ("job-2",))
    json.dumps([s.args for s in steps])  # the tasks' serializer is JSON


def test_a_step_is_acknowledged_after_it_ran_and_handed_out_again_past_the_timeout() -> None:
    settings = JobSettings(backend="celery", redis_url=REDIS, visibility_timeout_seconds=20)
    conf = build_celery(settings).conf
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_serializer == "json" and conf.task_ignore_result
    options = conf.broker_transport_options
    assert options["visibility_timeout"] == 20
    # A live worker looks for a dead one's steps often enough to find them soon after 20 s.
    assert options["unacked_restore_throttle"] == 1
    assert 1 <= options["unacked_restore_interval"] <= 5
    assert transport_options(JobSettings())["unacked_restore_interval"] == 10


def test_the_worker_command_line() -> None:
    assert worker_argv("w1@%h", 3) == [
        "worker", "--pool=prefork", "--concurrency=3", "--loglevel=INFO",
        "--without-gossip", "--without-mingle", "--without-heartbeat", "--hostname=w1@%h",
    ]  # fmt: skip


def test_reports_move_the_apis_job_on_and_never_back() -> None:
    jobs = JobTracker()
    job = jobs.adopt(Job("job-1", JobKind.CLIPS, clips=[ClipState(1), ClipState(2)]))
    clip = ClipState(1, fraction=0.5)
    progress.apply(jobs, "job-1", "clip-1", progress.clip_value(clip))
    assert job.progress == 25
    progress.apply(jobs, "job-1", "clip-1", progress.clip_value(ClipState(1, fraction=0.2)))
    assert job.progress == 25, "an older report arriving late does not move the bar back"
    done = ClipState(1, status=JobStatus.COMPLETE, video_url="http://x/media/clips/1.mp4")
    progress.apply(jobs, "job-1", "clip-1", progress.clip_value(done))
    assert (job.clip(1).status, job.clip(1).video_url) == (JobStatus.COMPLETE, done.video_url)
    progress.apply(jobs, "job-1", "clip-9", progress.clip_value(ClipState(9)))  # not its clip
    progress.apply(jobs, "other", "clip-1", progress.clip_value(done))  # not held: ignored
    assert progress.parse(progress.message("job-1", "progress", 40)) == ("job-1", "progress", 40)
    assert progress.parse(b"not json") is None


@pytest.mark.anyio
async def test_the_last_clip_to_finish_ends_the_job_once_and_records_it(tmp_path: Path) -> None:
    media = tmp_path / "media"
    async with open_database(None, tmp_path / "data", media) as db:
        board = [
            {**s, "seed_image_url": "http://testserver/media/seeds/s.png"}
            for s in scenes([10, 10, 10])
        ]
        request = {
            "scenes": board,
            "clips": [{"scene_number": n, "status": "processing"} for n in (1, 2, 3)],
        }
        async with db.session() as session:
            project = await projects_repo.create(session, "Serum", {})
            await jobs_repo.add(session, "job-1", "clips", request, project.id)
            for n in (1, 2):
                await jobs_repo.step(
                    session, "job-1", f"clip-{n}", kind="clip", status="complete",
                    output_key=f"clips/{n}.mp4",
                )  # fmt: skip
        url = "http://testserver/media/{}".format

        assert await conclude_clips(db, "job-1", url, []) is None, "scene 3 still renders"

        async with db.session() as session:
            await jobs_repo.step(
                session, "job-1", "clip-3", kind="clip", status="failed",
                error_code="provider_error", error_message="The model failed.",
            )  # fmt: skip
        ended = await conclude_clips(db, "job-1", url, [])
        again = await conclude_clips(db, "job-1", url, [])

        assert ended is not None and ended.status is JobStatus.FAILED
        assert ended.error is not None and ended.error.code is ErrorCode.CLIPS_FAILED
        assert "scene 3: The model failed." in ended.error.message
        assert again is None, "a job ends once, whoever finishes last"
        async with db.session() as session:
            row = await jobs_repo.get(session, "job-1")
            recorded = await projects_repo.get(session, project.id)
        assert row is not None and row.status == "failed" and row.result is not None
        assert [c["video_url"] for c in row.result["clips"]] == [
            "http://testserver/media/clips/1.mp4",
            "http://testserver/media/clips/2.mp4",
            None,
        ]
        assert recorded is not None and recorded.clip_job_id == "job-1"
        assert [c["status"] for c in recorded.clips] == ["complete", "complete", "failed"]


def test_workers_stand_beside_the_services_never_above_the_api() -> None:
    """Workers build what a step uses from settings, as the API does, but never the API itself;
    the job services never know whether a worker runs them."""
    api = ("app.runtime", "app.deps", "app.routers", "app.main", "fastapi", "starlette")
    found = [
        f"{path.name} imports {name}"
        for package, forbidden in (("app.workers", api), ("app.services", ("app.workers",)))
        for path in _modules_of(package)
        for name in _imports(path)
        if any(_within(name, bad) for bad in forbidden)
    ]
    assert found == []


def test_a_studio_running_its_own_jobs_never_loads_celery() -> None:
    code = "import sys, app.main; print(sorted({'celery', 'kombu'} & set(sys.modules)))"
    env = {"PATH": os.environ.get("PATH", ""), "JOB_BACKEND": "inprocess"}
    loaded = subprocess.run(
        [sys.executable, "-c", code], cwd=BACKEND, env=env, capture_output=True, text=True
    )
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "[]"


@pytest.mark.anyio
async def test_workers_finishing_the_last_clips_together_end_the_job_once(tmp_path: Path) -> None:
    async with open_database(None, tmp_path / "data", tmp_path / "media") as db:
        await both_conclude_at_once(db)
