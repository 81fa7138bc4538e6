"""Projects: created, listed newest first with a thumbnail, read, changed, duplicated, deleted
with their media, and still there when the server starts again."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.config import Settings
from app.models.project import MAX_NAME_CHARS
from tests.conftest import BASE_URL, ClientFactory
from tests.utils.factories import brief, fake_providers, mood, scenes

pytestmark = pytest.mark.anyio


async def _create(client: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    response = await client.post("/api/projects", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def _seeded(client: httpx.AsyncClient, project_id: str | None = None) -> list[dict[str, Any]]:
    params = {"project_id": project_id} if project_id else {}
    response = await client.post(
        "/api/scenes/seeds", params=params, json={"scenes": scenes(), "mood_style": mood()}
    )
    assert response.status_code == 200, response.text
    seeded: list[dict[str, Any]] = response.json()["scenes_with_seeds"]
    return seeded


def _file(media_root: Path, url: str) -> Path:
    return media_root / url.removeprefix(f"{BASE_URL}/media/")


async def test_a_project_is_created_listed_read_renamed_and_saved(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        first = await _create(client)
        second = await _create(client, name="  Serum launch  ", creative_brief=brief())
        listed = (await client.get("/api/projects")).json()["projects"]
        read = (await client.get(f"/api/projects/{second['project_id']}")).json()
        renamed = await client.patch(
            f"/api/projects/{first['project_id']}",
            json={
                "name": "Coffee",
                "chat": [
                    {"id": "m1", "role": "user", "parts": [{"type": "text", "text": "A coffee ad"}]}
                ],
            },
        )
        cleared = await client.patch(
            f"/api/projects/{second['project_id']}", json={"creative_brief": None}
        )

    assert first["name"] == "Untitled project"
    assert uuid.UUID(first["project_id"])
    assert second["name"] == "Serum launch", "the name is trimmed"
    assert [p["project_id"] for p in listed] == [second["project_id"], first["project_id"]]
    assert listed[0]["thumbnail_url"] is None and listed[0]["ad_count"] == 0
    assert read["creative_brief"]["product_name"] == "Luxury Skincare Serum"
    assert read["mood_sets"] == [] and read["ads"] == [] and read["scene_plan"] is None
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["name"] == "Coffee"
    assert renamed.json()["chat"][0]["parts"][0]["text"] == "A coffee ad"
    assert renamed.json()["updated_at"] > first["updated_at"]
    assert cleared.json()["creative_brief"] is None
    assert cleared.json()["name"] == "Serum launch", "fields not sent are kept"


async def test_the_gallery_thumbnail_is_the_first_seed_image(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        project = await _create(client, name="Serum")
        seeded = await _seeded(client, project["project_id"])
        listed = (await client.get("/api/projects")).json()["projects"]
        thumbnail = await client.get(listed[0]["thumbnail_url"].removeprefix(BASE_URL))

    assert listed[0]["thumbnail_url"] == seeded[0]["seed_image_url"]
    assert thumbnail.status_code == 200
    assert thumbnail.headers["content-type"] == "image/png"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * (MAX_NAME_CHARS + 1)}, "name"),
        ({"name": 7}, "name"),
        ({"name": "a\x00b"}, "name"),
        ({"name": "two\nlines"}, "name"),
        ({"owner": "someone else"}, "owner"),
        ({"project_id": str(uuid.uuid4())}, "project_id"),
        ({"scene_plan": {"scenes": scenes([10, 10, 10])}}, "scene_plan"),
        ({"mood_sets": [[{"style_name": "no id"}]]}, "mood_sets"),
        ({"clips": [{"scene_number": 1}]}, "clips"),
    ],
)  # fmt: skip
async def test_a_bad_project_body_is_422_on_its_field(
    api: ClientFactory, body: dict[str, Any], field: str
) -> None:
    async with api(fake_providers()) as client:
        project = await _create(client)
        created = await client.post("/api/projects", json=body)
        patched = await client.patch(f"/api/projects/{project['project_id']}", json=body)
        listed = (await client.get("/api/projects")).json()["projects"]

    for response in (created, patched):
        assert response.status_code == 422, response.text
        assert field in {str(part) for error in response.json()["detail"] for part in error["loc"]}
    assert len(listed) == 1, "nothing was created by a refused body"


@pytest.mark.parametrize(
    "project_id",
    [
        # Named: every pytest-xdist worker must collect the same test ids.
        pytest.param(str(uuid.uuid4()), id="unknown-uuid"),
        *["not-a-uuid", "1", "etc passwd", "%00", "x" * 300, "' OR 1=1 --"],
    ],
)
async def test_an_unknown_or_malformed_project_id_is_404_everywhere(
    api: ClientFactory, project_id: str
) -> None:
    async with api(fake_providers()) as client:
        path = f"/api/projects/{project_id}"
        answers = [
            await client.get(path),
            await client.patch(path, json={"name": "x"}),
            await client.delete(path),
            await client.post(f"{path}/duplicate"),
        ]

    for response in answers:
        assert response.status_code == 404, (response.request.method, response.text)
        assert response.json()["code"] == "project_not_found"
        assert project_id not in response.json()["detail"]


async def test_a_duplicate_has_the_same_work_and_ads_under_its_own_id(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        original = await _create(client, name="Serum", creative_brief=brief())
        seeded = await _seeded(client, original["project_id"])
        copy = await client.post(f"/api/projects/{original['project_id']}/duplicate")
        renamed = await client.patch(
            f"/api/projects/{copy.json()['project_id']}", json={"name": "Serum B"}
        )
        original_after = (await client.get(f"/api/projects/{original['project_id']}")).json()
        listed = (await client.get("/api/projects")).json()["projects"]

    assert copy.status_code == 201, copy.text
    duplicate = copy.json()
    assert duplicate["project_id"] != original["project_id"]
    assert duplicate["name"] == "Serum (copy)"
    assert duplicate["scenes_with_seeds"] == seeded
    assert duplicate["creative_brief"] == original["creative_brief"]
    assert renamed.json()["name"] == "Serum B"
    assert original_after["name"] == "Serum", "changing the copy leaves the original alone"
    assert [p["project_id"] for p in listed] == [duplicate["project_id"], original["project_id"]]


async def test_deleting_a_project_deletes_its_media_but_not_what_another_project_holds(
    api: ClientFactory, media_root: Path
) -> None:
    async with api(fake_providers()) as client:
        kept = await _create(client, name="Kept")
        doomed = await _create(client, name="Doomed")
        shared = await _seeded(client, kept["project_id"])
        own = await _seeded(client, doomed["project_id"])
        # The doomed project also shows the kept project's first seed image.
        await client.patch(
            f"/api/projects/{doomed['project_id']}",
            json={"scenes_with_seeds": [shared[0], *own[1:]]},
        )
        unrelated = await _seeded(client)  # made for no project: not a project's to delete
        deleted = await client.delete(f"/api/projects/{doomed['project_id']}")
        gone = await client.get(f"/api/projects/{doomed['project_id']}")
        listed = (await client.get("/api/projects")).json()["projects"]
        shared_served = await client.get(shared[0]["seed_image_url"].removeprefix(BASE_URL))
        own_served = await client.get(own[1]["seed_image_url"].removeprefix(BASE_URL))

    assert deleted.status_code == 204 and deleted.content == b""
    assert gone.status_code == 404
    assert [p["project_id"] for p in listed] == [kept["project_id"]]
    assert all(not _file(media_root, scene["seed_image_url"]).exists() for scene in own[1:])
    assert own_served.status_code == 404
    assert all(_file(media_root, scene["seed_image_url"]).exists() for scene in shared)
    assert shared_served.status_code == 200
    assert all(_file(media_root, scene["seed_image_url"]).exists() for scene in unrelated)


async def test_a_duplicate_keeps_its_media_when_the_original_is_deleted(
    api: ClientFactory, media_root: Path
) -> None:
    async with api(fake_providers()) as client:
        original = await _create(client, name="Serum")
        seeded = await _seeded(client, original["project_id"])
        copy = (await client.post(f"/api/projects/{original['project_id']}/duplicate")).json()
        await client.delete(f"/api/projects/{original['project_id']}")
        still = (await client.get(f"/api/projects/{copy['project_id']}")).json()
        await client.delete(f"/api/projects/{copy['project_id']}")

    assert still["scenes_with_seeds"] == seeded
    assert not any(_file(media_root, scene["seed_image_url"]).exists() for scene in seeded), (
        "once the last project holding them is deleted, the files go"
    )


async def test_projects_outlive_the_server_that_made_them(
    api: ClientFactory, settings: Settings, media_root: Path
) -> None:
    async with api(fake_providers()) as client:
        first = await _create(client, name="First", creative_brief=brief())
        second = await _create(client, name="Second")
    # A new app on the same data directory, as after a restart.
    async with api(fake_providers()) as client:
        listed = (await client.get("/api/projects")).json()["projects"]
        read = (await client.get(f"/api/projects/{first['project_id']}")).json()

    assert [p["name"] for p in listed] == ["Second", "First"]
    assert [p["project_id"] for p in listed] == [second["project_id"], first["project_id"]]
    assert read["creative_brief"] == first["creative_brief"]
    assert (media_root.parent / "data" / "reelsmith.db").is_file(), "beside the media root"
