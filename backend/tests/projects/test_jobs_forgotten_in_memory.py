"""Issue 13: a job the process no longer holds (forgotten past its 500 jobs, or made by an
earlier process) still answers its status, and can still be retried, from its checkpoint."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from app.config import Settings
from app.db import jobs as jobs_repo
from app.db.engine import open_database
from app.db.models import User
from app.errors import JobNotFound
from app.main import create_app
from app.services import durable_jobs
from app.utils.job_tracker import JobTracker
from tests.conftest import BASE_URL
from tests.utils.factories import fake_providers, mood, poll, scenes
from tests.utils.fakes import FakeMotion

pytestmark = pytest.mark.anyio


@pytest.mark.slow
async def test_a_job_forgotten_in_memory_answers_and_retries_from_the_database(
    settings: Settings,
) -> None:
    motion = FakeMotion(fail_once=True)
    app = create_app(settings, fake_providers(motion))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            storyboard = scenes()
            storyboard[1]["description"] += " [refuse]"
            seeded = (
                await client.post(
                    "/api/scenes/seeds", json={"scenes": storyboard, "mood_style": mood()}
                )
            ).json()["scenes_with_seeds"]
            job_id = (await client.post("/api/video/generate", json={"scenes": seeded})).json()[
                "job_id"
            ]
            failed, _ = await poll(client, f"/api/video/status/{job_id}")
            await app.state.runtime.checkpoints.flush()
            app.state.runtime.jobs.forget(job_id)  # as the 501st job would make it

            status = await client.get(f"/api/video/status/{job_id}")
            any_status = await client.get(f"/api/status/{job_id}")
            as_compose = await client.get(f"/api/video/compose/status/{job_id}")
            retry = await client.post(f"/api/video/generate/{job_id}/retry", json={})
            assert retry.status_code == 202, retry.text
            retried, _ = await poll(client, f"/api/video/status/{retry.json()['job_id']}")

    assert failed["status"] == "failed"
    assert status.status_code == 200
    assert {k: status.json()[k] for k in ("status", "clips", "error")} == {
        k: failed[k] for k in ("status", "clips", "error")
    }
    assert any_status.status_code == 200 and any_status.json()["kind"] == "clips"
    assert as_compose.status_code == 404, "a clip job is not a compose job"
    assert retried["status"] == "complete"
    kept = {c["scene_number"]: c["video_url"] for c in retried["clips"]}
    assert all(kept[c["scene_number"]] == c["video_url"] for c in failed["clips"] if c["video_url"])
    assert len(motion.specs) == 6, "only the failed clip was rendered again"


async def test_a_job_read_back_from_the_database_keeps_its_owner(tmp_path: Path) -> None:
    """Read back after a restart, a job is still its owner's alone: to anyone else it is as
    unknown as a missing one, and whoever asks first does not make it theirs."""
    async with open_database(None, tmp_path / "data", tmp_path / "media") as db:
        async with db.session() as session:
            session.add_all([User(id="user-a", name="A"), User(id="user-b", name="B")])
            await session.flush()
            await jobs_repo.add(session, "job-a", "clips", {}, None, "user-a")
            await session.commit()

        as_b = JobTracker()
        with pytest.raises(JobNotFound):
            await durable_jobs.load(db, as_b, "job-a", "user-b")
        with pytest.raises(JobNotFound):  # held now, and still not b's
            await durable_jobs.load(db, as_b, "job-a", "user-b")
        job = await durable_jobs.load(db, as_b, "job-a", "user-a")
        with pytest.raises(JobNotFound):
            await durable_jobs.load(db, JobTracker(), "job-b", "user-a")

    assert job.owner == "user-a" and job.kind.value == "clips"
