"""Accounts: registering, signing in, who is signed in, and API tokens."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.auth.passwords import MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS

ANSWER = ConfigDict(json_schema_serialization_defaults_required=True)

Email = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        to_lower=True,
        max_length=320,
        pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
    ),
]
"""An address to sign in with, compared without regard to case; nothing is ever sent to it."""
Password = Annotated[str, Field(min_length=MIN_PASSWORD_CHARS, max_length=MAX_PASSWORD_CHARS)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class RegisterRequest(BaseModel):
    email: Email
    password: Password
    name: Name | None = None
    """How the studio greets you; the part of the email before `@` when left out."""


class LoginRequest(BaseModel):
    email: Email
    password: Annotated[str, Field(min_length=1, max_length=MAX_PASSWORD_CHARS)]


class UserInfo(BaseModel):
    model_config = ANSWER

    user_id: str
    email: str | None
    name: str
    created_at: datetime


class SignedIn(BaseModel):
    """An access token: send it as `Authorization: Bearer <access_token>`."""

    model_config = ANSWER

    access_token: str
    token_type: str = "bearer"
    expires_at: datetime
    user: UserInfo


class ApiTokenCreate(BaseModel):
    name: Name = "API token"
    """What the token is for (`laptop CLI`, `nightly script`), to tell tokens apart."""


class ApiTokenInfo(BaseModel):
    model_config = ANSWER

    token_id: str
    name: str
    prefix: str
    """The token's first characters, as shown when it was made."""
    created_at: datetime
    last_used_at: datetime | None


class ApiTokenCreated(ApiTokenInfo):
    token: str
    """The token itself, shown this once: only its hash is kept."""


class ApiTokenList(BaseModel):
    model_config = ANSWER

    tokens: list[ApiTokenInfo]
