"""Settings that point the real OpenAI and Replicate SDK clients at the fake servers (the
`openai_server` / `replicate_server` session fixtures of `tests/conftest.py`): retry waits and
poll intervals tiny through settings only, so the code under test is the code that runs
against the real services."""

from __future__ import annotations

from pydantic import SecretStr

from app.config import FetchSettings, OpenAISettings, ReplicateSettings
from app.config_models import ImageModel, MotionModel, MusicModel
from tests.fakes.openai_api import API_KEY, FakeOpenAI
from tests.fakes.replicate_api import TOKEN, FakeReplicate

FAKES_ALLOWED = FetchSettings(allowed_hosts=["127.0.0.1"])
"""The fake Replicate serves its outputs from loopback, which the fetch policy refuses unless
the host is allowed, as an operator would allow a private file server."""


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
