"""The OpenAPI is a contract: what existed stays, and every error a route answers is declared."""

from __future__ import annotations

from typing import Any

import pytest

from app.errors import ErrorCode
from tests.conftest import ClientFactory
from tests.utils.factories import fake_providers

pytestmark = pytest.mark.anyio

SUCCESSES: dict[str, dict[str, str | None]] = {
    "GET /health": {"200": None},
    "POST /api/director/chat": {"200": None},
    "POST /api/director/brief": {"200": "BriefSynthesis"},
    "POST /api/moods/generate": {"200": "GenerateMoodsResponse"},
    "POST /api/scenes/plan": {"200": "PlanScenesResponse"},
    "POST /api/scenes/seeds": {"200": "GenerateSeedsResponse"},
    "POST /api/scenes/seeds/{scene_number}": {"200": "RegenerateSeedResponse"},
    "POST /api/video/generate": {"202": "GenerateVideoResponse"},
    "POST /api/video/generate/{job_id}/retry": {"202": "GenerateVideoResponse"},
    "GET /api/video/status/{job_id}": {"200": "VideoStatusResponse"},
    "POST /api/video/compose": {"202": "ComposeResponse"},
    "GET /api/video/compose/status/{job_id}": {"200": "ComposeStatusResponse"},
    "GET /api/status/{job_id}": {"200": "JobStatusResponse"},
    "GET /media/{key}": {"200": None},
    "POST /api/assets": {"201": "AssetResponse"},
}
"""Every operation of the first published API, with its success status and body model."""

BODY = {"400", "413", "422"}
PROVIDERS = {"502", "503", "504"}
PROJECT = {"404"}
"""`?project_id=` naming no project (`project_not_found`)."""
SIGNED_IN = {"401"}
"""Every route but health, config, media and signing in: with accounts on, no token is a 401."""
LIMITED = {"429"}
"""Routes that pay a model or render video: each user's requests per minute."""
ACCOUNTS = {"404"}
"""Routes under /api/auth: 404 while accounts are off."""
ERRORS: dict[str, set[str]] = {
    "GET /health": set(),
    "GET /api/config": set(),
    "POST /api/auth/register": BODY | ACCOUNTS | {"409"},
    "POST /api/auth/login": BODY | ACCOUNTS | SIGNED_IN,
    "GET /api/auth/me": ACCOUNTS | SIGNED_IN,
    "POST /api/auth/tokens": BODY | ACCOUNTS | SIGNED_IN,
    "GET /api/auth/tokens": ACCOUNTS | SIGNED_IN,
    "DELETE /api/auth/tokens/{token_id}": ACCOUNTS | SIGNED_IN | {"422"},
    "POST /api/assets": {"400", "413", "415", "422", "507"} | SIGNED_IN,
    "POST /api/director/chat": BODY | PROJECT | SIGNED_IN | LIMITED,
    "POST /api/director/brief": BODY | PROVIDERS | PROJECT | SIGNED_IN | LIMITED,
    "POST /api/moods/generate": BODY | PROVIDERS | PROJECT | {"507"} | SIGNED_IN | LIMITED,
    "POST /api/scenes/plan": BODY | PROVIDERS | PROJECT | SIGNED_IN | LIMITED,
    "POST /api/scenes/seeds": BODY | PROVIDERS | PROJECT | {"507"} | SIGNED_IN | LIMITED,
    "POST /api/scenes/seeds/{scene_number}": BODY
    | PROVIDERS
    | PROJECT
    | {"507"}
    | SIGNED_IN
    | LIMITED,
    "POST /api/video/generate": BODY | PROJECT | {"402", "503", "507"} | SIGNED_IN | LIMITED,
    "POST /api/video/generate/{job_id}/retry": BODY
    | {"402", "404", "503", "507"}
    | SIGNED_IN
    | LIMITED,
    "GET /api/video/status/{job_id}": {"404", "422"} | SIGNED_IN,
    "POST /api/video/compose": BODY | PROJECT | {"402", "503", "507"} | SIGNED_IN | LIMITED,
    "POST /api/video/estimate": BODY | SIGNED_IN,
    "POST /api/video/compose/estimate": BODY | SIGNED_IN,
    "GET /api/jobs/{job_id}/events": {"404", "422", "503"} | SIGNED_IN,
    "GET /api/voices": SIGNED_IN,
    "POST /api/voices/preview": BODY | PROVIDERS | {"507"} | SIGNED_IN | LIMITED,
    "GET /api/video/compose/status/{job_id}": {"404", "422"} | SIGNED_IN,
    "GET /api/status/{job_id}": {"404", "422"} | SIGNED_IN,
    "GET /media/{key}": {"400", "404", "422", "503"},
    "HEAD /media/{key}": {"400", "404", "422", "503"},
    "POST /api/projects": BODY | SIGNED_IN,
    "GET /api/projects": SIGNED_IN,
    "GET /api/projects/{project_id}": PROJECT | {"422"} | SIGNED_IN,
    "PATCH /api/projects/{project_id}": BODY | PROJECT | SIGNED_IN,
    "DELETE /api/projects/{project_id}": PROJECT | {"422"} | SIGNED_IN,
    "POST /api/projects/{project_id}/duplicate": PROJECT | {"422"} | SIGNED_IN,
}
"""The errors each operation really answers, 500 aside (every one may)."""


async def _schema(api: ClientFactory) -> dict[str, Any]:
    async with api(fake_providers()) as client:
        response = await client.get("/openapi.json")
    assert response.status_code == 200
    schema: dict[str, Any] = response.json()
    return schema


def _operations(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        f"{method.upper()} {path}": operation
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    }


def _refs(schema: dict[str, Any]) -> set[str]:
    """The model names a JSON schema points at, one level of anyOf deep."""
    options = schema.get("anyOf", [schema])
    return {option["$ref"].rsplit("/", 1)[-1] for option in options if "$ref" in option}


async def test_every_published_operation_keeps_its_success_and_its_model(
    api: ClientFactory,
) -> None:
    operations = _operations(await _schema(api))
    for name, successes in SUCCESSES.items():
        assert name in operations, name
        responses = operations[name]["responses"]
        assert {s for s in responses if s.startswith("2")} >= set(successes), name
        for status, model in successes.items():
            if model is not None:
                content = responses[status]["content"]["application/json"]
                assert _refs(content["schema"]) == {model}, name


async def test_every_operation_declares_each_error_it_answers_with_its_body(
    api: ClientFactory,
) -> None:
    operations = _operations(await _schema(api))
    assert set(operations) == set(ERRORS)
    for name, operation in operations.items():
        responses = operation["responses"]
        errors = {status for status in responses if status[0] in "45"}
        assert errors == ERRORS[name] | {"500"}, name
        for status in errors:
            schema = responses[status]["content"]["application/json"]["schema"]
            expected = {"ValidationErrorResponse"} if status == "422" else {"ErrorResponse"}
            assert expected <= _refs(schema), (name, status)


async def test_the_error_models_are_the_bodies_clients_get(api: ClientFactory) -> None:
    components = (await _schema(api))["components"]["schemas"]
    assert "HTTPValidationError" not in components  # FastAPI's shape, which we never send
    error = components["ErrorResponse"]
    # One shape with job, clip and chat errors: a code from `ErrorCode` and a `message`.
    assert set(error["required"]) == {"detail", "code", "message"}
    assert error["properties"]["code"] == {"$ref": "#/components/schemas/ErrorCode"}
    assert components["ErrorInfo"]["properties"]["code"] == {
        "$ref": "#/components/schemas/ErrorCode"
    }
    assert set(components["ErrorCode"]["enum"]) == {code.value for code in ErrorCode}
    validation = components["ValidationErrorResponse"]
    assert validation["properties"]["detail"]["items"] == {
        "$ref": "#/components/schemas/FieldError"
    }
    assert validation["properties"]["code"]["const"] == "validation_error"
    assert "message" in validation["required"]


async def test_media_declares_its_file_types_not_json(api: ClientFactory) -> None:
    media = (await _schema(api))["paths"]["/media/{key}"]
    for status in ("200", "206"):
        content = media["get"]["responses"][status]["content"]
        assert {"video/mp4", "image/png", "audio/wav", "application/octet-stream"} <= set(content)
        assert content["video/mp4"]["schema"] == {"type": "string", "format": "binary"}
    assert (
        media["head"]["responses"]["200"]["content"] == media["get"]["responses"]["200"]["content"]
    )
