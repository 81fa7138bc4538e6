"""Pick the implementation of each capability from settings.

`auto` means remote when its key is set, local otherwise. Remote implementations register in
`REMOTE_FACTORIES`; until one exists for a capability, `auto` stays local and an explicit
`remote` is a configuration error reported at start-up, not a surprise mid-job.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.config import ProviderChoice, Settings
from app.providers.base import Director, ImageProvider, MotionProvider, MusicProvider

logger = logging.getLogger(__name__)

Factory = Callable[[Settings], Any]

REMOTE_FACTORIES: dict[str, Factory] = {}
"""capability → factory of its remote implementation (filled in by the remote providers)."""


class ProviderConfigError(RuntimeError):
    pass


@dataclass(frozen=True)
class Providers:
    director: Director
    images: ImageProvider
    motion: MotionProvider
    music: MusicProvider

    def names(self) -> dict[str, str]:
        return {
            "director": self.director.name,
            "images": self.images.name,
            "motion": self.motion.name,
            "music": self.music.name,
        }


def _has_key(capability: str, settings: Settings) -> bool:
    if capability == "director":
        return settings.openai.api_key is not None
    return settings.replicate.api_token is not None


def _choose(capability: str, choice: ProviderChoice, settings: Settings, local: Factory) -> Any:
    remote = REMOTE_FACTORIES.get(capability)
    if choice is ProviderChoice.LOCAL:
        return local(settings)
    if choice is ProviderChoice.REMOTE:
        if remote is None:
            raise ProviderConfigError(f"No remote {capability} provider is available yet.")
        return remote(settings)
    if _has_key(capability, settings):
        if remote is not None:
            return remote(settings)
        logger.warning("a key is set but no remote %s provider exists; using local", capability)
    return local(settings)


def build_providers(settings: Settings) -> Providers:
    # Imported here so that choosing remote providers never pays for loading local ones.
    from app.providers.local.director import LocalDirector
    from app.providers.local.images import LocalImageProvider
    from app.providers.local.motion import LocalMotionProvider
    from app.providers.local.music import LocalMusicProvider

    chosen = settings.providers
    return Providers(
        director=_choose("director", chosen.director, settings, lambda s: LocalDirector()),
        images=_choose("images", chosen.images, settings, lambda s: LocalImageProvider()),
        motion=_choose("motion", chosen.motion, settings, lambda s: LocalMotionProvider(s.ffmpeg)),
        music=_choose("music", chosen.music, settings, lambda s: LocalMusicProvider()),
    )
