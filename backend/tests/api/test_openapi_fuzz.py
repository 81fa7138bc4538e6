"""Schemathesis against the app over ASGI: no input it can build from the OpenAPI gets a 5xx,
and every response matches what the OpenAPI declares (status, content type, body, headers).

Bounded and repeatable: a fixed number of examples per operation, derandomized, with fakes
that paint thumbnails, and no network beyond this machine. One Hypothesis test per operation
and mode rather than `schema.parametrize()`, which would start the app at import, or
`schemathesis.pytest.from_fixture`, which fails on pytest 9 (`Function._nodeid`).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import BaseSchema, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.config import MediaSettings, ProviderChoice, ProviderSettings, Settings
from app.main import create_app
from app.providers.local.director import LocalDirector
from app.providers.registry import Providers
from tests.conftest import BASE_URL
from tests.utils.fakes import FakeImages, FakeMotion, FakeMusic

EXAMPLES_PER_OPERATION = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
_LOOPBACK = {"localhost", "127.0.0.1", "::1", "testserver"}


@pytest.fixture(scope="module")
def offline() -> Iterator[None]:
    """No name is looked up and no socket connects beyond loopback while the fuzzer runs.

    Generated clip and image URLs name arbitrary hosts; the jobs that fetch them must fail
    here, not reach the internet.
    """
    with pytest.MonkeyPatch.context() as patch:
        real_getaddrinfo = socket.getaddrinfo

        def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
            name = host.decode() if isinstance(host, bytes) else str(host)
            if name not in _LOOPBACK:
                raise socket.gaierror(socket.EAI_NONAME, "offline: fuzzing reaches no network")
            return real_getaddrinfo(host, *args, **kwargs)

        real_connect = socket.socket.connect

        def connect(self: socket.socket, address: Any) -> Any:
            if self.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in _LOOPBACK:
                raise ConnectionRefusedError("offline: fuzzing reaches no network")
            return real_connect(self, address)

        patch.setattr(socket, "getaddrinfo", getaddrinfo)
        patch.setattr(socket.socket, "connect", connect)
        yield


def _settings(media_root: Path) -> Settings:
    local = ProviderChoice.LOCAL
    return Settings(
        media=MediaSettings(root=media_root, public_base_url=BASE_URL),
        providers=ProviderSettings(director=local, images=local, motion=local, music=local),
    )


def _cases() -> list[tuple[str, GenerationMode]]:
    """Every operation with valid inputs, and with invalid ones where it has any to break."""
    paths = create_app(_settings(Path("unused"))).openapi()["paths"]
    cases = []
    for path, methods in paths.items():
        for method, operation in methods.items():
            name = f"{method.upper()} {path}"
            cases.append((name, GenerationMode.POSITIVE))
            if "requestBody" in operation or any(
                set(p["schema"]) - {"type", "title"} or p["schema"].get("type") != "string"
                for p in operation.get("parameters", [])
            ):
                cases.append((name, GenerationMode.NEGATIVE))
    return cases


@pytest.fixture(scope="module")
def api_schema(offline: None, tmp_path_factory: pytest.TempPathFactory) -> BaseSchema:
    providers = Providers(LocalDirector(), FakeImages(size=(16, 16)), FakeMotion(), FakeMusic())
    app = create_app(_settings(tmp_path_factory.mktemp("media")), providers)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.parametrize(("operation", "mode"), _cases(), ids=str)
def test_no_input_gets_a_server_error_or_an_undeclared_answer(
    api_schema: BaseSchema, operation: str, mode: GenerationMode
) -> None:
    method, path = operation.split(" ", 1)
    strategy = api_schema[path][method].as_strategy(generation_mode=mode)

    @given(strategy)
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    def call(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=CHECKS)

    call()
