"""Shared fixtures: settings pointing at a temporary media store, and an API client."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from app.config import MediaSettings, ProviderChoice, ProviderSettings, S3Settings, Settings
from app.providers.registry import Providers

if TYPE_CHECKING:
    from tests.fakes.openai_api import FakeOpenAI
    from tests.fakes.replicate_api import FakeReplicate

# Shared checks live in tests/utils; rewritten like test modules, their failures explain themselves.
pytest.register_assert_rewrite("tests.utils")

BASE_URL = "http://testserver"

HEAVY_MARKERS = ("slow", "scale")
"""Tests that take seconds to a minute: spread over the processes first (tests/utils/scheduling)."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In an xdist process, the heaviest modules first; a plain run keeps the file order."""
    if not hasattr(config, "workerinput"):
        return
    from tests.utils.scheduling import Planned, heaviest_first

    tests = [
        Planned(item.nodeid, any(item.get_closest_marker(name) for name in HEAVY_MARKERS))
        for item in items
    ]
    items[:] = [items[i] for i in heaviest_first(tests)]


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """`--dist loadfile` by this suite's units (tests/utils/scheduling); others as xdist has them."""
    if config.getoption("dist", None) != "loadfile":
        return None
    from tests.utils.scheduling import unit_scheduler

    return unit_scheduler(config, log)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def media_root(tmp_path: Path) -> Path:
    return tmp_path / "media"


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A real S3 server (SeaweedFS) on loopback, started once per session when first asked."""
    from tests.utils.s3 import seaweedfs_script

    server = seaweedfs_script().start(tmp_path_factory.mktemp("seaweedfs"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A real Redis on a free loopback port, started once per session when first asked; each
    test takes a database of its own with `redis_server.url()`."""
    from tests.utils.redis_server import RedisServer

    server = RedisServer(tmp_path_factory.mktemp("redis"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def openai_server() -> Iterator[FakeOpenAI]:
    """The fake OpenAI API on loopback, started once per session when first asked."""
    from tests.fakes.live_server import LiveServer
    from tests.fakes.openai_api import FakeOpenAI

    fake = FakeOpenAI()
    server = LiveServer(fake.app()).start()
    fake.origin = server.origin
    yield fake
    server.stop()


@pytest.fixture(scope="session")
def replicate_server() -> Iterator[FakeReplicate]:
    """The fake Replicate API on loopback, started once per session when first asked."""
    from tests.fakes import media
    from tests.fakes.live_server import LiveServer
    from tests.fakes.replicate_api import FakeReplicate

    # Rendered once up front, so no prediction's deadline pays for a first FFmpeg run.
    for seconds in (5, 10):
        media.mp4(seconds)
    media.wav(30)
    fake = FakeReplicate()
    server = LiveServer(fake.app()).start()
    fake.origin = server.origin
    yield fake
    server.stop()


@pytest.fixture
def fake_openai(openai_server: FakeOpenAI) -> FakeOpenAI:
    openai_server.reset()
    return openai_server


@pytest.fixture
def fake_replicate(replicate_server: FakeReplicate) -> FakeReplicate:
    replicate_server.reset()
    return replicate_server


@pytest.fixture
def media_backend() -> str:
    """The store `settings` use; a module runs under both with `params=["local", "s3"]`."""
    return "local"


@pytest.fixture
def s3(request: pytest.FixtureRequest) -> Iterator[S3Settings]:
    """A folder of its own in the test bucket, emptied afterwards."""
    from app.storage.s3_remote import S3Remote
    from tests.utils.s3 import s3_settings

    settings = s3_settings(request.getfixturevalue("seaweedfs"))
    yield settings
    S3Remote(settings).delete_all()


@pytest.fixture
def settings(media_root: Path, media_backend: str, request: pytest.FixtureRequest) -> Settings:
    local = ProviderChoice.LOCAL
    s3 = request.getfixturevalue("s3") if media_backend == "s3" else S3Settings()
    return Settings(
        media=MediaSettings(root=media_root, public_base_url=BASE_URL, backend=media_backend),
        s3=s3,
        providers=ProviderSettings(
            director=local, images=local, motion=local, music=local, voice=local
        ),
    )


ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
def api(settings: Settings) -> ClientFactory:
    """`async with api(providers) as client:` — the app with its lifespan, over ASGI."""

    @asynccontextmanager
    async def open_client(providers: Providers | None = None) -> AsyncIterator[httpx.AsyncClient]:
        async with serving(settings, providers) as (_, client):
            yield client

    return open_client


@asynccontextmanager
async def serving(
    settings: Settings, providers: Providers | None = None
) -> AsyncIterator[tuple[Any, httpx.AsyncClient]]:
    """The app with its lifespan and a client of it over ASGI: for a test that also looks at
    the app's state (its database, job tracker, spend)."""
    from app.main import create_app  # here, so provider tests load without the whole app

    app = create_app(settings, providers)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            yield app, client
