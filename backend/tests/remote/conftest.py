"""Every capability remote, against the fake OpenAI and Replicate servers (the session
fixtures `fake_openai` / `fake_replicate` of `tests/conftest.py`, reset before every test),
through the settings of `tests/utils/remote_fakes.py`."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import FFmpegSettings, MediaSettings, ProviderChoice, ProviderSettings, Settings
from tests.conftest import BASE_URL
from tests.fakes.openai_api import FakeOpenAI
from tests.fakes.replicate_api import FakeReplicate
from tests.utils.remote_fakes import FAKES_ALLOWED, fake_openai_settings, fake_replicate_settings

__all__ = ["FAKES_ALLOWED", "fake_openai_settings", "fake_replicate_settings"]
"""Imported from here by the remote suite's modules."""


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
