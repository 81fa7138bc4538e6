"""Pick the implementation of each capability from settings.

`auto` means remote when its key is set (`OPENAI_API_KEY` for the director and the voice,
`REPLICATE_API_TOKEN` for images, motion and music; a blank value is no key), local otherwise;
mixing is fine. Remote implementations are listed in `REMOTE_FACTORIES` and imported only when
chosen, so a process without keys never loads the SDKs. `remote` without its key is a
configuration error at start-up, not a surprise mid-job.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.config import ProviderChoice, Settings
from app.fetching import Fetcher
from app.providers.base import (
    Director,
    ImageProvider,
    MotionProvider,
    MusicProvider,
    VoiceProvider,
)

logger = logging.getLogger(__name__)

Factory = Callable[[Settings], Any]
RemoteFactory = Callable[[Settings, Fetcher | None], Any]
"""Remote providers fetch their outputs with the runtime's fetcher (or their own, if None)."""


def _openai_director(settings: Settings, fetcher: Fetcher | None) -> Any:
    from app.providers.remote.openai_director import OpenAIDirector

    return OpenAIDirector(settings.openai)


def _replicate_images(settings: Settings, fetcher: Fetcher | None) -> Any:
    from app.providers.remote.replicate_images import ReplicateImageProvider

    return ReplicateImageProvider(settings, fetcher=fetcher)


def _replicate_motion(settings: Settings, fetcher: Fetcher | None) -> Any:
    from app.providers.remote.replicate_motion import ReplicateMotionProvider

    return ReplicateMotionProvider(settings, fetcher=fetcher)


def _replicate_music(settings: Settings, fetcher: Fetcher | None) -> Any:
    from app.providers.remote.replicate_music import ReplicateMusicProvider

    return ReplicateMusicProvider(settings, fetcher=fetcher)


def _openai_voice(settings: Settings, fetcher: Fetcher | None) -> Any:
    from app.providers.remote.openai_voice import OpenAIVoiceProvider

    return OpenAIVoiceProvider(settings.openai, settings.voice)


REMOTE_FACTORIES: dict[str, RemoteFactory] = {
    "director": _openai_director,
    "voice": _openai_voice,
    "images": _replicate_images,
    "motion": _replicate_motion,
    "music": _replicate_music,
}
"""capability → factory of its remote implementation."""


class ProviderConfigError(RuntimeError):
    pass


@dataclass(frozen=True)
class Providers:
    director: Director
    images: ImageProvider
    motion: MotionProvider
    music: MusicProvider
    voice: VoiceProvider = field(default_factory=lambda: _local_voice())
    """Defaults to the offline voices, so a caller that builds its own set need not name one."""

    def names(self) -> dict[str, str]:
        return {
            "director": self.director.name,
            "images": self.images.name,
            "motion": self.motion.name,
            "music": self.music.name,
            "voice": self.voice.name,
        }

    async def aclose(self) -> None:
        """Close the connections remote providers hold (local ones hold none)."""
        for provider in (self.director, self.images, self.motion, self.music, self.voice):
            close = getattr(provider, "aclose", None)
            if close is not None:
                await close()


def _local_voice(timeout_seconds: float = 120.0) -> VoiceProvider:
    from app.providers.local.voice import LocalVoiceProvider

    return LocalVoiceProvider(timeout_seconds)


_OPENAI_CAPABILITIES = ("director", "voice")


def _key_name(capability: str) -> str:
    return "OPENAI_API_KEY" if capability in _OPENAI_CAPABILITIES else "REPLICATE_API_TOKEN"


def _has_key(capability: str, settings: Settings) -> bool:
    if capability in _OPENAI_CAPABILITIES:
        return settings.openai.api_key is not None
    return settings.replicate.api_token is not None


def _choose(
    capability: str,
    choice: ProviderChoice,
    settings: Settings,
    local: Factory,
    fetcher: Fetcher | None = None,
) -> Any:
    remote = REMOTE_FACTORIES.get(capability)
    if choice is ProviderChoice.LOCAL:
        return local(settings)
    if choice is ProviderChoice.REMOTE:
        if remote is None:
            raise ProviderConfigError(f"No remote {capability} provider is available yet.")
        if not _has_key(capability, settings):
            raise ProviderConfigError(
                f"The {capability} provider is set to remote but {_key_name(capability)} is "
                "not set."
            )
        return remote(settings, fetcher)
    if _has_key(capability, settings):
        if remote is not None:
            return remote(settings, fetcher)
        logger.warning("a key is set but no remote %s provider exists; using local", capability)
    return local(settings)


def build_providers(settings: Settings, fetcher: Fetcher | None = None) -> Providers:
    # Imported here so that choosing remote providers never pays for loading local ones.
    from app.providers.local.director import LocalDirector
    from app.providers.local.images import LocalImageProvider
    from app.providers.local.motion import LocalMotionProvider
    from app.providers.local.music import LocalMusicProvider

    chosen = settings.providers
    return Providers(
        director=_choose("director", chosen.director, settings, lambda s: LocalDirector()),
        images=_choose("images", chosen.images, settings, lambda s: LocalImageProvider(), fetcher),
        motion=_choose(
            "motion", chosen.motion, settings, lambda s: LocalMotionProvider(s.ffmpeg), fetcher
        ),
        music=_choose("music", chosen.music, settings, lambda s: LocalMusicProvider(), fetcher),
        voice=_choose(
            "voice",
            chosen.voice,
            settings,
            lambda s: _local_voice(s.voice.timeout_seconds),
            fetcher,
        ),
    )
