"""What a finished file was made from, so that pruning keeps whatever an ad still needs.

Beside a clip, `{key}.uses.json` names the seed image it animated; beside an ad, every clip,
seed and music track it was composed from (the clips' seeds read from their own records at
compose time, so pruning reads the ads' records alone). A record is written in the same batch
as its file and committed just before it: a crash can leave a record without its file (pruned
later), never a file without its record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

ADS = "ads"
INTERMEDIATES = ("moods", "seeds", "clips", "music")
"""Folders of work an ad is made from; what no ad uses may be pruned once old."""

RECORD_SUFFIX = ".uses.json"


def record_key(key: str) -> str:
    return f"{key}{RECORD_SUFFIX}"


def is_record(name: str) -> bool:
    return name.endswith(RECORD_SUFFIX)


def subject_of(record: str) -> str:
    """The key (or name) a record describes."""
    return record.removesuffix(RECORD_SUFFIX)


def encode(uses: Iterable[str]) -> bytes:
    return json.dumps({"uses": sorted(set(uses))}, indent=1).encode()


def decode(data: bytes) -> list[str] | None:
    """The keys a record lists, or None when it cannot be read."""
    try:
        value = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    uses = value.get("uses") if isinstance(value, dict) else None
    if not isinstance(uses, list) or not all(isinstance(key, str) for key in uses):
        return None
    return uses
