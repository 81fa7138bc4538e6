"""Account passwords, hashed with argon2id (argon2-cffi's defaults, RFC 9106's second choice).

Hashing takes tens of milliseconds of CPU on purpose, so both calls run in a thread.
"""

from __future__ import annotations

import asyncio
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()

MIN_PASSWORD_CHARS = 8
MAX_PASSWORD_CHARS = 200
"""Long enough for any passphrase; short enough that hashing one is cheap."""


@cache
def _unusable() -> str:
    """Checked against when the email is unknown, so that a wrong email takes as long as a wrong
    password and the timing tells nobody who has an account. Made on first use, not at import:
    the CLI imports this module and never signs anyone in."""
    return _HASHER.hash("a password nobody has")


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_HASHER.hash, password)


async def verify_password(stored: str | None, password: str) -> bool:
    return await asyncio.to_thread(_verify, stored, password)


def _verify(stored: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored or _unusable(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False
