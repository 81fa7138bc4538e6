"""Access tokens (JWT) and API tokens, as pure functions of a secret and a clock.

An access token is what signing in gives the studio: a JWT signed with HS256 and `AUTH_SECRET`,
naming its user (`sub`) and expiring after `AUTH_ACCESS_TOKEN_MINUTES`. An API token is for the
CLI and scripts: a random string that lasts until revoked; the database keeps only its SHA-256.
The two are told apart by the API token's prefix.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

ALGORITHM = "HS256"
API_TOKEN_PREFIX = "rs_"
_AUDIENCE = "reelsmith-api"


@dataclass(frozen=True)
class AccessToken:
    token: str
    expires_at: datetime


class TokenRefused(Exception):
    """A token we did not sign, one for another use, or one past its time; the reason is for
    the log, the client only hears that it must sign in again."""

    def __init__(self, reason: str, *, expired: bool = False) -> None:
        super().__init__(reason)
        self.expired = expired


def issue_access_token(
    user_id: str, secret: str, minutes: int, now: datetime | None = None
) -> AccessToken:
    issued = now or datetime.now(UTC)
    expires = issued + timedelta(minutes=minutes)
    claims = {"sub": user_id, "iat": issued, "exp": expires, "aud": _AUDIENCE}
    return AccessToken(jwt.encode(claims, secret, algorithm=ALGORITHM), expires)


def read_access_token(token: str, secret: str) -> str:
    """The user id an access token names, or `TokenRefused`."""
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            audience=_AUDIENCE,
            options={"require": ["sub", "exp", "iat", "aud"]},
        )
    except jwt.ExpiredSignatureError:
        raise TokenRefused("access token expired", expired=True) from None
    except jwt.InvalidTokenError as exc:
        raise TokenRefused(f"access token refused: {type(exc).__name__}") from None
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject:
        raise TokenRefused("access token names no user")
    return subject


def new_api_token() -> str:
    return API_TOKEN_PREFIX + secrets.token_urlsafe(32)


def is_api_token(token: str) -> bool:
    return token.startswith(API_TOKEN_PREFIX)


def api_token_hash(token: str) -> str:
    # 256 random bits need no salt and no slow hash: nothing shorter than the token finds it.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer …` header, or None for any other header."""
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or " " in token:
        return None
    return token
