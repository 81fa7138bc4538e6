from __future__ import annotations

import asyncio

import pytest
from pydantic import SecretStr, ValidationError

from app.config import (
    OpenAISettings,
    ProviderChoice,
    ProviderSettings,
    ReplicateSettings,
    Settings,
)
from app.config_models import InputRole, PriceUnit
from app.providers.registry import ProviderConfigError, build_providers
from app.providers.remote.replicate_client import api_origin


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


def test_a_model_is_switched_with_environment_values_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "REPLICATE_MOTION",
        '{"model": "wan-video/wan-2.2-i2v-fast", "inputs": {"prompt": "prompt", "image": "image"},'
        ' "extra": {"resolution": "480p"}, "durations": [], "price_usd": 0.05, "price_per": "run"}',
    )
    monkeypatch.setenv("REPLICATE_IMAGE__MODEL", "black-forest-labs/flux-dev")
    monkeypatch.setenv("REPLICATE_MUSIC__PRICE_USD", "0.002")
    monkeypatch.setenv("REPLICATE_MUSIC__MAX_CONCURRENT", "1")
    replicate = Settings().replicate
    assert replicate.motion.model == "wan-video/wan-2.2-i2v-fast"
    assert replicate.motion.inputs == {InputRole.PROMPT: "prompt", InputRole.IMAGE: "image"}
    assert replicate.motion.extra == {"resolution": "480p"}
    assert replicate.motion.price_per is PriceUnit.RUN
    # A single key keeps the capability's defaults for the rest.
    assert replicate.image.model == "black-forest-labs/flux-dev"
    assert replicate.image.inputs[InputRole.ASPECT_RATIO] == "aspect_ratio"
    assert (replicate.music.price_usd, replicate.music.price_per) == (
        0.002,
        PriceUnit.COMPUTE_SECOND,
    )
    assert replicate.music.max_concurrent == 1


def test_a_model_that_is_not_owner_slash_name_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLICATE_IMAGE__MODEL", "flux-schnell")
    with pytest.raises(ValidationError, match="owner/name"):
        Settings()


@pytest.mark.parametrize(
    ("given", "origin"),
    [
        ("https://api.replicate.com", "https://api.replicate.com"),
        ("https://api.replicate.com/v1", "https://api.replicate.com"),
        ("http://127.0.0.1:9999/v1/", "http://127.0.0.1:9999"),
        ("https://gateway.example/replicate", "https://gateway.example/replicate"),
        (None, None),
    ],
)
def test_the_replicate_base_url_never_doubles_v1(given: str | None, origin: str | None) -> None:
    assert api_origin(given) == origin


def _names(settings: Settings) -> dict[str, str]:
    providers = build_providers(settings)
    asyncio.run(providers.aclose())
    return providers.names()


def test_auto_is_remote_for_each_capability_whose_key_is_set_and_mixing_works() -> None:
    nothing = Settings(
        openai=OpenAISettings(api_key=None), replicate=ReplicateSettings(api_token=None)
    )
    assert set(_names(nothing).values()) == {"local"}
    director_only = Settings(
        openai=OpenAISettings(api_key=SecretStr("sk-x")),
        replicate=ReplicateSettings(api_token=None),
    )
    # The voice is OpenAI's too: one key serves both.
    assert _names(director_only) == {
        "director": "openai:gpt-4o", "images": "local", "motion": "local", "music": "local",
        "voice": "openai:gpt-4o-mini-tts",
    }  # fmt: skip
    both_but_local_music = Settings(
        openai=OpenAISettings(api_key=SecretStr("sk-x")),
        replicate=ReplicateSettings(api_token=SecretStr("r8_x")),
        providers=ProviderSettings(music=ProviderChoice.LOCAL),
    )
    assert _names(both_but_local_music) == {
        "director": "openai:gpt-4o",
        "images": "replicate:black-forest-labs/flux-schnell",
        "motion": "replicate:kwaivgi/kling-v2.1",
        "music": "local",
        "voice": "openai:gpt-4o-mini-tts",
    }


def test_remote_without_its_key_is_refused_at_start_up() -> None:
    settings = Settings(
        openai=OpenAISettings(api_key=None),
        replicate=ReplicateSettings(api_token=None),
        providers=ProviderSettings(motion=ProviderChoice.REMOTE),
    )
    with pytest.raises(ProviderConfigError, match=r"motion .* remote but REPLICATE_API_TOKEN"):
        build_providers(settings)


@pytest.mark.parametrize("blank", ["", "   ", "\t"])
def test_a_blank_key_or_base_url_counts_as_unset(
    monkeypatch: pytest.MonkeyPatch, blank: str
) -> None:
    # Templates and compose files leave `OPENAI_API_KEY=` in place; that must mean "no key",
    # so `auto` stays local and start-up does not die on the SDK's "Missing credentials".
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "REPLICATE_API_TOKEN", "REPLICATE_BASE_URL"):
        monkeypatch.setenv(name, blank)
    for name in (
        "DIRECTOR_PROVIDER",
        "IMAGE_PROVIDER",
        "MOTION_PROVIDER",
        "MUSIC_PROVIDER",
        "VOICE_PROVIDER",
    ):
        monkeypatch.delenv(name, raising=False)
    settings = Settings()
    assert settings.openai.api_key is None and settings.openai.base_url is None
    assert settings.replicate.api_token is None and settings.replicate.base_url is None
    assert set(_names(settings).values()) == {"local"}


def test_remote_with_a_blank_key_names_the_missing_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", " ")
    monkeypatch.setenv("DIRECTOR_PROVIDER", "remote")
    with pytest.raises(ProviderConfigError, match="OPENAI_API_KEY is not set"):
        build_providers(Settings())


def test_a_key_keeps_its_value_without_surrounding_blanks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLICATE_API_TOKEN", " r8_x\n")
    token = Settings().replicate.api_token
    assert token is not None and token.get_secret_value() == "r8_x"


def test_a_blank_public_base_url_keeps_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUBLIC_BASE_URL", "")
    assert Settings().media.public_base_url == "http://localhost:8000"


def test_a_blank_openai_base_url_leaves_the_sdk_on_openai(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.providers.remote.openai_client import build_client

    monkeypatch.setenv("OPENAI_API_KEY", "sk-x")
    monkeypatch.setenv("OPENAI_BASE_URL", "")
    client = build_client(Settings().openai)
    assert str(client.base_url) == "https://api.openai.com/v1/"
