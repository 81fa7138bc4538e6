"""Every refusal is JSON with a `code`; no body size or shape gets past the limits."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from app.config import Settings
from app.db.urls import data_dir_for, database_url
from app.errors import ProviderError
from app.main import create_app
from app.models.creative_brief import CreativeBrief
from app.models.mood import MoodDirection
from app.providers.base import ImageSpec, MotionSpec, ProgressCallback
from app.providers.local.director import LocalDirector
from app.providers.registry import Providers
from app.request_limits import BODY_LIMIT_KEY, MAX_BODY_BYTES, BodyLimits
from tests.conftest import BASE_URL, ClientFactory
from tests.fakes.errors import error_body
from tests.utils.factories import brief, fake_providers, mood, poll, scenes
from tests.utils.fakes import FakeImages, FakeMotion, FakeMusic

pytestmark = pytest.mark.anyio

MB = 1024 * 1024
JSON = {"content-type": "application/json"}


async def test_a_chunked_body_is_cut_off_at_the_cap_without_being_read_whole(
    api: ClientFactory,
) -> None:
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        # No Content-Length: httpx sends this with Transfer-Encoding: chunked.
        nonlocal sent
        for _ in range(250):
            sent += 1
            yield b" " * MB

    async with api(fake_providers()) as client:
        response = await client.post("/api/moods/generate", content=chunks(), headers=JSON)
    assert response.status_code == 413
    assert response.json() == error_body(
        "body_too_large",
        "The request body is larger than 2 MB, the most this endpoint accepts.",
    )
    # Reading stopped at the first chunk past the cap; the other 247 MB were never asked for.
    assert sent <= MAX_BODY_BYTES // MB + 1


async def test_a_body_just_under_the_cap_is_read_and_judged_on_its_content(
    api: ClientFactory,
) -> None:
    async with api(fake_providers()) as client:
        response = await client.post(
            "/api/moods/generate", content=b"{" + b" " * (MAX_BODY_BYTES - 2) + b"}", headers=JSON
        )
    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"


async def test_a_body_that_is_not_utf8_json_is_a_400_with_a_code(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        response = await client.post(
            "/api/moods/generate", content=b'{"creative_brief": "\xff\xfe"}', headers=JSON
        )
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
    assert response.json()["detail"].endswith(".")


async def test_an_unknown_route_is_a_json_404(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        response = await client.get("/api/nothing/here")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert response.json() == error_body(
        "not_found",
        "This address is not part of the Reelsmith API; check it against the API's documentation.",
    )


async def test_a_wrong_method_is_a_json_405_naming_the_allowed_ones(api: ClientFactory) -> None:
    async with api(fake_providers()) as client:
        response = await client.delete("/api/moods/generate")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json() == error_body(
        "method_not_allowed",
        "This endpoint does not accept that method; the Allow header lists those it does.",
    )


class _LeakyDirector(LocalDirector):
    """Fails the way a bug does: an exception whose text holds a path, a host and a secret."""

    async def propose_moods(
        self, brief: CreativeBrief, count: int, avoid: Sequence[str] = ()
    ) -> list[MoodDirection]:
        raise OSError(
            "[Errno 2] No such file: '/srv/reelsmith/secrets/key.pem' via http://10.0.0.7:8080/x"
        )


async def test_an_unexpected_error_is_a_500_that_tells_nothing_of_the_machine(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(settings, Providers(_LeakyDirector(), FakeImages(), FakeMotion(), FakeMusic()))
    # As a server does: Starlette re-raises after answering, for the server's own log.
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client,
    ):
        response = await client.post("/api/moods/generate", json={"creative_brief": brief()})
    assert response.status_code == 500
    assert response.json() == error_body(
        "internal_error",
        "Something unexpected went wrong on the server. Try again; if it keeps happening, let the person who runs Reelsmith know.",
    )
    for secret in ("/srv", "key.pem", "10.0.0.7", "Errno", "Traceback"):
        assert secret not in response.text
    # The operator still gets the whole story.
    assert "key.pem" in caplog.text


async def test_an_endpoint_can_raise_the_cap_for_itself() -> None:
    app = FastAPI()
    app.add_middleware(BodyLimits)

    @app.post("/notes")
    async def notes(body: dict[str, str]) -> int:
        return len(body["text"])

    @app.post("/uploads", openapi_extra={BODY_LIMIT_KEY: 8 * MB})
    async def uploads(body: dict[str, str]) -> int:
        return len(body["text"])

    big = {"text": "x" * (3 * MB)}
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL
    ) as client:
        refused = await client.post("/notes", json=big)
        accepted = await client.post("/uploads", json=big)
    assert refused.status_code == 413
    assert accepted.status_code == 200 and accepted.json() == 3 * MB
    assert app.openapi()["paths"]["/uploads"]["post"][BODY_LIMIT_KEY] == 8 * MB


@pytest.mark.parametrize("depth", [33, 5_000, 500_000])
async def test_deeply_nested_json_is_refused_before_parsing(api: ClientFactory, depth: int) -> None:
    nested = b"[" * depth + b"]" * depth
    body = b'{"creative_brief": {"product_name": "x", "extra": ' + nested + b"}}"
    async with api(fake_providers()) as client:
        response = await client.post("/api/moods/generate", content=body, headers=JSON)
    assert response.status_code == 400
    assert response.json() == error_body(
        "body_too_deep",
        "The request body nests arrays and objects more than 32 levels deep; "
        "no request of this API needs that many.",
    )


async def test_json_nested_within_the_limit_reaches_validation(api: ClientFactory) -> None:
    nested = b"[" * 30 + b"]" * 30
    body = b'{"creative_brief": ' + nested + b"}"
    async with api(fake_providers()) as client:
        response = await client.post("/api/moods/generate", content=body, headers=JSON)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "creative_brief"]


async def test_brackets_inside_chat_text_are_not_nesting(api: ClientFactory) -> None:
    message = {"id": "m1", "role": "user", "parts": [{"type": "text", "text": "[" * 100}]}
    async with api(fake_providers()) as client:
        response = await client.post("/api/director/brief", json={"messages": [message]})
    assert response.status_code == 200, response.text


class _ChattyImages(FakeImages):
    """A provider error that quotes what it should not, as an SDK message often does."""

    async def generate(self, spec: ImageSpec, out: Path) -> Path:
        raise ProviderError(
            "Download of https://replicate.delivery/pbxt/abc/out.png to "
            "/srv/reelsmith/media/moods/x.png failed: 10.1.2.3:443 reset the connection."
        )


async def test_a_domain_error_never_quotes_a_url_an_address_or_a_path(api: ClientFactory) -> None:
    providers = Providers(LocalDirector(), _ChattyImages(), FakeMotion(), FakeMusic())
    async with api(providers) as client:
        response = await client.post("/api/moods/generate", json={"creative_brief": brief()})
    assert response.status_code == 502
    assert response.json() == error_body(
        "provider_error",
        "Download of a URL to a file failed: an address reset the connection.",
    )


class _ChattyMotion(FakeMotion):
    async def animate(
        self, spec: MotionSpec, out: Path, on_progress: ProgressCallback | None = None
    ) -> Path:
        raise ProviderError(f"The motion model could not read {spec.image} from http://10.0.0.7/x.")


async def test_a_job_error_never_quotes_a_url_or_a_path(api: ClientFactory) -> None:
    providers = Providers(LocalDirector(), FakeImages(), _ChattyMotion(), FakeMusic())
    async with api(providers) as client:
        seeded = await client.post(
            "/api/scenes/seeds", json={"scenes": scenes(), "mood_style": mood()}
        )
        started = await client.post(
            "/api/video/generate", json={"scenes": seeded.json()["scenes_with_seeds"]}
        )
        done, _ = await poll(client, f"/api/video/status/{started.json()['job_id']}")
    assert done["status"] == "failed"
    for clip in done["clips"]:
        assert clip["error"]["message"] == "The motion model could not read a file from a URL."
    assert "/" not in done["error"]["message"]


async def test_a_database_locked_past_its_wait_is_a_503_to_try_again(
    api: ClientFactory,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # SQLite under load: other writers hold the file past the busy wait. A real lock, held by
    # a second connection as the CLI beside the server would.
    monkeypatch.setattr("app.db.engine.SQLITE_BUSY_MS", 100)
    async with api() as client:
        data_dir = data_dir_for(settings.database.data_dir, settings.media.root)
        database = database_url(settings.database.url, data_dir).database
        assert database is not None
        holder = sqlite3.connect(database, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            response = await client.get("/api/projects")
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        after = await client.get("/api/projects")
    assert response.status_code == 503
    assert response.headers["retry-after"] == "2"
    assert response.json() == error_body(
        "database_unavailable",
        "The server's database is busy or could not be reached; try again in a moment.",
    )
    assert "database is locked" in caplog.text  # the operator sees the cause
    assert after.status_code == 200  # and the next request, the lock gone, is served
