"""Two users of one server: neither sees the other's projects, jobs or media (404, as for
ids that do not exist), and media links work only as signed for their owner."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
import pytest

from app.auth.media_links import MediaLinks
from app.models.video import JobKind
from app.utils.job_tracker import JobTracker
from tests.accounts.conftest import SECRET, ServerFactory, sign_up, two_users
from tests.conftest import BASE_URL
from tests.utils.factories import brief, fake_providers, mood, poll, scenes
from tests.utils.photos import encoded, product_photo

pytestmark = pytest.mark.anyio


def _path(url: str) -> str:
    return url.removeprefix(BASE_URL)


def _with_query(url: str, **changes: str | None) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    return urlunsplit(parts._replace(query=urlencode(query)))


async def _upload(client: httpx.AsyncClient, headers: dict[str, str]) -> str:
    response = await client.post(
        "/api/assets",
        files={"file": ("photo.png", encoded(product_photo()), "application/octet-stream")},
        data={"kind": "product"},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["url"])


async def test_users_cannot_see_each_others_projects(server: ServerFactory) -> None:
    async with server() as s:
        ada, bob = await two_users(s.client)
        created = await s.client.post("/api/projects", json={"name": "Serum"}, headers=ada)
        project = created.json()["project_id"]

        bobs_list = (await s.client.get("/api/projects", headers=bob)).json()["projects"]
        adas_list = (await s.client.get("/api/projects", headers=ada)).json()["projects"]
        answers = [
            await s.client.get(f"/api/projects/{project}", headers=bob),
            await s.client.patch(f"/api/projects/{project}", json={"name": "Mine"}, headers=bob),
            await s.client.post(f"/api/projects/{project}/duplicate", headers=bob),
            await s.client.delete(f"/api/projects/{project}", headers=bob),
            await s.client.post(
                f"/api/scenes/plan?project_id={project}",
                json={"creative_brief": {}, "selected_mood": mood()},
                headers=bob,
            ),
        ]
        still = await s.client.get(f"/api/projects/{project}", headers=ada)
    assert bobs_list == []
    assert [p["name"] for p in adas_list] == ["Serum"]
    for answer in answers:
        assert answer.status_code == 404, answer.text
        assert answer.json()["code"] == "project_not_found"
    assert still.status_code == 200 and still.json()["name"] == "Serum"


@pytest.mark.slow
async def test_users_cannot_see_each_others_jobs(server: ServerFactory) -> None:
    async with server(fake_providers()) as s:
        ada, bob = await two_users(s.client)
        photo = await _upload(s.client, ada)
        started = await s.client.post(
            "/api/video/generate",
            json={"scenes": scenes(seed_image_url=photo)},
            headers=ada,
        )
        assert started.status_code == 202, started.text
        job = started.json()["job_id"]
        s.client.headers.update(ada)
        done, _ = await poll(s.client, f"/api/video/status/{job}")
        s.client.headers.pop("Authorization")

        answers = [
            await s.client.get(f"/api/status/{job}", headers=bob),
            await s.client.get(f"/api/video/status/{job}", headers=bob),
            await s.client.post(
                f"/api/video/generate/{job}/retry", json={"scene_numbers": [1]}, headers=bob
            ),
        ]
        clip = done["clips"][0]["video_url"]
        own = await s.client.get(_path(clip))
        as_bob = await s.client.get(
            _path(_with_query(clip, uid=(await _me(s.client, bob))["user_id"]))
        )
    assert done["status"] == "complete"
    for answer in answers:
        assert answer.status_code == 404, answer.text
        assert answer.json()["code"] == "job_not_found"
    assert own.status_code == 200 and own.content
    assert as_bob.status_code == 404


async def _me(client: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, str]:
    return dict((await client.get("/api/auth/me", headers=headers)).json())


async def test_media_is_served_only_through_a_link_signed_for_its_owner(
    server: ServerFactory,
) -> None:
    async with server() as s:
        ada, bob = await two_users(s.client)
        url = await _upload(s.client, ada)
        key = urlsplit(url).path.removeprefix("/media/")
        bob_id = (await _me(s.client, bob))["user_id"]
        ada_id = (await _me(s.client, ada))["user_id"]
        expired = MediaLinks(SECRET, 60, clock=lambda: 1_000_000).sign(url, key, ada_id)
        answers = {
            "signed": await s.client.get(_path(url)),
            "preview": await s.client.get(_path(_with_query(url, w="160"))),
            "head": await s.client.head(_path(url)),
            "unsigned": await s.client.get(_path(_with_query(url, uid=None, exp=None, sig=None))),
            "for bob": await s.client.get(_path(_with_query(url, uid=bob_id))),
            "later": await s.client.get(_path(_with_query(url, exp="9999999999"))),
            "expired": await s.client.get(_path(expired)),
            "with a bearer": await s.client.get(
                _path(_with_query(url, uid=None, exp=None, sig=None)), headers=ada
            ),
        }
    assert answers["signed"].status_code == 200
    assert answers["signed"].headers["content-type"].startswith("image/")
    assert answers["preview"].status_code == 200
    assert answers["head"].status_code == 200
    for name in ("unsigned", "for bob", "later", "expired", "with a bearer"):
        assert answers[name].status_code == 404, name
        assert answers[name].json()["code"] == "media_not_found"


async def test_a_project_reopened_later_shows_its_owner_fresh_links(server: ServerFactory) -> None:
    async with server() as s:
        ada = await sign_up(s.client, "ada@example.com")
        url = await _upload(s.client, ada)
        key = urlsplit(url).path.removeprefix("/media/")
        ada_id = (await _me(s.client, ada))["user_id"]
        stale = MediaLinks(SECRET, 60, clock=lambda: 1_000_000).sign(url, key, ada_id)
        assert (await s.client.get(_path(stale))).status_code == 404

        created = await s.client.post(
            "/api/projects",
            json={"name": "Serum", "selected_mood": mood(reference_images=[stale])},
            headers=ada,
        )
        shown = created.json()["selected_mood"]["reference_images"][0]
        listed = (await s.client.get("/api/projects", headers=ada)).json()["projects"][0]
        image = await s.client.get(_path(shown))
        thumbnail = await s.client.get(_path(listed["thumbnail_url"]))
    assert urlsplit(shown).path == urlsplit(url).path
    assert image.status_code == 200
    assert thumbnail.status_code == 200


async def test_another_users_link_pasted_into_a_project_does_not_become_yours(
    server: ServerFactory,
) -> None:
    async with server() as s:
        ada, bob = await two_users(s.client)
        adas = await _upload(s.client, ada)
        key = urlsplit(adas).path.removeprefix("/media/")
        ada_id = (await _me(s.client, ada))["user_id"]
        stale = MediaLinks(SECRET, 60, clock=lambda: 1_000_000).sign(adas, key, ada_id)
        created = await s.client.post(
            "/api/projects",
            json={"name": "Taken", "selected_mood": mood(reference_images=[stale])},
            headers=bob,
        )
        shown = created.json()["selected_mood"]["reference_images"][0]
        image = await s.client.get(_path(shown))
    assert shown == stale
    assert image.status_code == 404


async def test_your_own_signed_upload_goes_in_a_brief_and_another_users_does_not(
    server: ServerFactory,
) -> None:
    async with server(fake_providers()) as s:
        ada, bob = await two_users(s.client)
        photo = await _upload(s.client, ada)
        body = {"creative_brief": brief(product_images=[photo])}
        own = await s.client.post("/api/moods/generate", json=body, headers=ada)
        taken = await s.client.post("/api/moods/generate", json=body, headers=bob)
        seeds = await s.client.post(
            "/api/video/generate", json={"scenes": scenes(seed_image_url=photo)}, headers=bob
        )
    assert own.status_code == 200, own.text
    assert taken.status_code == 422
    assert taken.json()["detail"][0]["loc"] == ["body", "creative_brief", "product_images", 0]
    assert seeds.status_code == 422
    assert {error["type"] for error in seeds.json()["detail"]} == {"url_refused"}


async def test_a_jobs_event_stream_opens_with_its_owners_token_only(server: ServerFactory) -> None:
    """The studio reads progress pushed with the same bearer token as every other request."""
    async with server() as s:
        ada, bob = await two_users(s.client)
        jobs: JobTracker = s.app.state.runtime.jobs
        job = jobs.create(JobKind.COMPOSE, owner=(await _me(s.client, ada))["user_id"])
        jobs.complete(job.job_id, final_video_url=f"{BASE_URL}/media/ads/ad.mp4", duration=30.0)
        path = f"/api/jobs/{job.job_id}/events"
        accept = {"Accept": "text/event-stream"}

        own = await s.client.get(path, headers={**ada, **accept})
        as_bob = await s.client.get(path, headers={**bob, **accept})
        anonymous = await s.client.get(path, headers=accept)
        assert s.app.state.runtime.streams.open == 0

    assert own.status_code == 200, own.text
    assert own.headers["content-type"].startswith("text/event-stream")
    [data] = [line for line in own.text.splitlines() if line.startswith("data: ")]
    assert json.loads(data.removeprefix("data: "))["status"] == "complete"
    assert as_bob.status_code == 404 and as_bob.json()["code"] == "job_not_found"
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "not_signed_in"
