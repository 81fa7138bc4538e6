from __future__ import annotations

import pytest

from app.config import ProviderChoice, Settings


def test_settings_read_the_seed_and_sdk_variable_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORS_ORIGINS", "http://localhost:3000, https://studio.example")
    monkeypatch.setenv("MEDIA_ROOT", "/tmp/reelsmith-media")
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://api.example")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("REPLICATE_BASE_URL", "http://127.0.0.1:9999/v1")
    monkeypatch.setenv("IMAGE_PROVIDER", "local")
    settings = Settings()
    assert settings.cors_origins == ["http://localhost:3000", "https://studio.example"]
    assert str(settings.media.root) == "/tmp/reelsmith-media"
    assert settings.media.public_base_url == "https://api.example"
    assert settings.openai.api_key is not None
    assert settings.openai.api_key.get_secret_value() == "sk-test"
    assert "sk-test" not in repr(settings)
    assert settings.replicate.base_url == "http://127.0.0.1:9999/v1"
    assert settings.providers.images is ProviderChoice.LOCAL
    assert settings.providers.music is ProviderChoice.AUTO
