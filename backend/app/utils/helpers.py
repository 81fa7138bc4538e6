"""Small pure helpers shared across services and providers."""

from __future__ import annotations

import hashlib
import re

_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def stable_seed(*parts: object) -> int:
    """A 32-bit seed derived from the inputs, identical across processes and runs.

    Python's `hash()` is salted per process, so it cannot make local output reproducible.
    """
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:4], "big")


def is_hex_colour(value: str) -> bool:
    return bool(_HEX_COLOUR.match(value))


def hex_to_rgb(value: str) -> tuple[int, int, int]:
    """`#D4AF37` → (212, 175, 55)."""
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
