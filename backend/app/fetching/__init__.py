"""Outbound fetching under one policy (see `fetcher.py`), built once from settings.

policy.py     which URLs may be fetched at all (pure)
addresses.py  which hosts and addresses are public (pure)
resolver.py   names to addresses
transport.py  a GET pinned to a checked address
kinds.py      what a fetch must bring back, and its decode check
fetcher.py    the whole transfer, hop by hop
"""

from __future__ import annotations

from app.config import Settings
from app.fetching.errors import FetchError, Reason, Refused
from app.fetching.fetcher import Fetcher
from app.fetching.kinds import AUDIO, IMAGE, VIDEO, MediaKind
from app.fetching.policy import FetchPolicy

__all__ = [
    "AUDIO",
    "IMAGE",
    "VIDEO",
    "FetchError",
    "FetchPolicy",
    "Fetcher",
    "MediaKind",
    "Reason",
    "Refused",
    "build_fetcher",
]


def build_fetcher(settings: Settings) -> Fetcher:
    return Fetcher(
        FetchPolicy(settings.fetch.allowed_hosts, settings.media.public_base_url),
        max_bytes=settings.media.max_download_bytes,
        deadline=settings.fetch.deadline_seconds,
        max_redirects=settings.fetch.max_redirects,
    )
