"""The fake OpenAI and Replicate servers, and settings that point the real SDK clients at them.

The servers run once per session on ephemeral ports and are reset before every test. Retry
waits and poll intervals are tiny here, through settings only: the code under test is the code
that runs against the real services.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from app.config import (
    FetchSettings,
    FFmpegSettings,
    MediaSettings,
    OpenAISettings,
    ProviderChoice,
    ProviderSettings,
    ReplicateSettings,
    Settings,
)
from app.config_models import ImageModel, MotionModel, MusicModel
from tests.conftest import BASE_URL
from tests.fakes import media
from tests.fakes.live_server import LiveServer
from tests.fakes.openai_api import API_KEY, FakeOpenAI
from tests.fakes.replicate_api import TOKEN, FakeReplicate

FAKES_ALLOWED = FetchSettings(allowed_hosts=["127.0.0.1"])
"""The fake Replicate serves its outputs from loopback, which the fetch policy refuses unless
the host is allowed, as an operator would allow a private file server."""


@pytest.fixture(scope="session")
def openai_server() -> Iterator[FakeOpenAI]:
    fake = FakeOpenAI()
    server = LiveServer(fake.app()).start()
    fake.origin = server.origin
    yield fake
    server.stop()


@pytest.fixture(scope="session")
def replicate_server() -> Iterator[FakeReplicate]:
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


def fake_openai_settings(fake: FakeOpenAI, **overrides: object) -> OpenAISettings:
    values: dict[str, object] = {
        "api_key": SecretStr(API_KEY),
        "base_url": f"{fake.origin}/v1",
        "timeout_seconds": 20.0,
        "max_retries": 2,
        **overrides,
    }
    return OpenAISettings(**values)  # type: ignore[arg-type]


def fake_replicate_settings(fake: FakeReplicate, **overrides: object) -> ReplicateSettings:
    values: dict[str, object] = {
        "api_token": SecretStr(TOKEN),
        "base_url": fake.origin,
        "poll_interval": 0.02,
        "backoff_base_seconds": 0.01,
        "backoff_max_seconds": 0.05,
        "image": ImageModel(deadline_seconds=30),
        "motion": MotionModel(deadline_seconds=30),
        "music": MusicModel(deadline_seconds=30),
        **overrides,
    }
    return ReplicateSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def settings(media_root: Path, fake_openai: FakeOpenAI, fake_replicate: FakeReplicate) -> Settings:
    """Every capability remote, against the fakes (overrides the local-only root fixture)."""
    remote = ProviderChoice.REMOTE
    return Settings(
        media=MediaSettings(root=media_root, public_base_url=BASE_URL),
        fetch=FAKES_ALLOWED,
        ffmpeg=FFmpegSettings(preset="ultrafast"),
        openai=fake_openai_settings(fake_openai),
        replicate=fake_replicate_settings(fake_replicate),
        providers=ProviderSettings(
            director=remote, images=remote, motion=remote, music=remote, voice=remote
        ),
    )
