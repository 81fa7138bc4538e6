"""Whose request this is, from its `Authorization: Bearer` header (accounts on)."""

from __future__ import annotations

import logging

from app.auth import accounts
from app.auth.tokens import TokenRefused, bearer_token, is_api_token, read_access_token
from app.config import AuthSettings
from app.db.engine import Database
from app.errors import NotSignedIn

logger = logging.getLogger(__name__)

NO_TOKEN = (
    "Sign in first: this studio has accounts, and this request carried no token "
    "(send `Authorization: Bearer` with an access token or an API token)."
)
EXPIRED = "Your sign-in has expired; sign in again."
REFUSED = (
    "This token is not valid here (it may have been revoked, or be from another server); "
    "sign in again or use another API token."
)


async def identify(db: Database, auth: AuthSettings, authorization: str | None) -> str:
    """The signed-in user's id, or `NotSignedIn` saying what to do."""
    token = bearer_token(authorization)
    if token is None:
        raise NotSignedIn(NO_TOKEN)
    if is_api_token(token):
        user_id = await accounts.user_of_api_token(db, token)
        if user_id is None:
            raise NotSignedIn(REFUSED)
        return user_id
    secret = auth.secret.get_secret_value() if auth.secret else ""
    try:
        user_id = read_access_token(token, secret)
    except TokenRefused as refused:
        logger.info("bearer token refused: %s", refused)
        raise NotSignedIn(EXPIRED if refused.expired else REFUSED) from None
    # A token outlives nothing: an account removed since (or another database) signs in again.
    if not await accounts.user_exists(db, user_id):
        raise NotSignedIn(REFUSED)
    return user_id
