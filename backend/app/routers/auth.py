"""Accounts: register, sign in, who am I, and API tokens for the CLI and scripts.

Only with `AUTH_ENABLED=true`; otherwise every endpoint here answers 404 `accounts_off`.
Registering and signing in are the only routes besides health, config and media that need no
bearer token.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response, status

from app.auth import accounts
from app.auth.tokens import issue_access_token
from app.config import Settings
from app.db.models import User
from app.deps import CurrentUserId, DbDep, SettingsDep
from app.errors import AccountsOff, NotSignedIn
from app.models.auth import (
    ApiTokenCreate,
    ApiTokenCreated,
    ApiTokenList,
    LoginRequest,
    RegisterRequest,
    SignedIn,
    UserInfo,
)
from app.routers.responses import ACCOUNTS, BODY, PARAMETERS, REGISTER, SIGNED_IN, merge

router = APIRouter(prefix="/api/auth", tags=["auth"], responses=ACCOUNTS)


async def accounts_on(settings: SettingsDep) -> None:
    if not settings.auth.enabled:
        raise AccountsOff()


AccountsOn = Depends(accounts_on)


def _signed_in(user: User, settings: Settings) -> SignedIn:
    auth = settings.auth
    secret = auth.secret.get_secret_value() if auth.secret else ""
    access = issue_access_token(user.id, secret, auth.access_token_minutes)
    return SignedIn(
        access_token=access.token, expires_at=access.expires_at, user=accounts.user_info(user)
    )


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    dependencies=[AccountsOn],
    responses=merge(BODY, REGISTER),
)
async def register(body: RegisterRequest, db: DbDep, settings: SettingsDep) -> SignedIn:
    """A new account, signed in at once."""
    user = await accounts.register(db, body.email, body.password, body.name)
    return _signed_in(user, settings)


@router.post("/login", dependencies=[AccountsOn], responses=merge(BODY, SIGNED_IN))
async def login(body: LoginRequest, db: DbDep, settings: SettingsDep) -> SignedIn:
    """An access token for an email and password (401 `sign_in_failed` for either wrong)."""
    user = await accounts.sign_in(db, body.email, body.password)
    return _signed_in(user, settings)


@router.get("/me", dependencies=[AccountsOn], responses=SIGNED_IN)
async def me(user_id: CurrentUserId, db: DbDep) -> UserInfo:
    """Who the bearer token belongs to."""
    user = await accounts.get_user(db, user_id)
    if user is None:  # a token that outlived its account
        raise NotSignedIn("This account no longer exists; register again.")
    return accounts.user_info(user)


@router.post(
    "/tokens",
    status_code=status.HTTP_201_CREATED,
    dependencies=[AccountsOn],
    responses=merge(BODY, SIGNED_IN),
)
async def create_token(body: ApiTokenCreate, user_id: CurrentUserId, db: DbDep) -> ApiTokenCreated:
    """A new API token (`reelsmith --token`, `REELSMITH_TOKEN`), shown this once."""
    return await accounts.create_api_token(db, user_id, body.name)


@router.get("/tokens", dependencies=[AccountsOn], responses=SIGNED_IN)
async def list_tokens(user_id: CurrentUserId, db: DbDep) -> ApiTokenList:
    """Your API tokens, oldest first, without the tokens themselves."""
    return ApiTokenList(tokens=await accounts.list_api_tokens(db, user_id))


@router.delete(
    "/tokens/{token_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    dependencies=[AccountsOn],
    responses=merge(SIGNED_IN, PARAMETERS),
)
async def revoke_token(
    token_id: Annotated[str, Path(max_length=64)], user_id: CurrentUserId, db: DbDep
) -> Response:
    """Revoke an API token: requests made with it are refused from now on."""
    await accounts.revoke_api_token(db, user_id, token_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
