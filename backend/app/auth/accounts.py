"""Users and their API tokens in the database: register, sign in, list, revoke."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.auth.passwords import hash_password, verify_password
from app.auth.tokens import api_token_hash, new_api_token
from app.db.engine import Database
from app.db.models import ApiToken, User
from app.errors import ApiTokenNotFound, EmailTaken, SignInFailed
from app.models.auth import ApiTokenCreated, ApiTokenInfo, UserInfo

_PREFIX_CHARS = 8
_TOUCH_EVERY = timedelta(minutes=1)
"""`last_used_at` is written at most this often per token: not one write per request."""


def user_info(user: User) -> UserInfo:
    return UserInfo(user_id=user.id, email=user.email, name=user.name, created_at=user.created_at)


async def register(db: Database, email: str, password: str, name: str | None) -> User:
    hashed = await hash_password(password)
    user = User(email=email, name=name or email.split("@", 1)[0], password_hash=hashed)
    try:
        async with db.session() as session:
            if await session.scalar(select(User.id).where(User.email == email)):
                raise EmailTaken()
            session.add(user)
    except IntegrityError:  # registered by a concurrent request between the check and the add
        raise EmailTaken() from None
    return user


async def sign_in(db: Database, email: str, password: str) -> User:
    async with db.session() as session:
        user = await session.scalar(select(User).where(User.email == email))
    if not await verify_password(user.password_hash if user else None, password) or not user:
        raise SignInFailed()
    return user


async def user_exists(db: Database, user_id: str) -> bool:
    async with db.session() as session:
        return await session.scalar(select(User.id).where(User.id == user_id)) is not None


async def get_user(db: Database, user_id: str) -> User | None:
    async with db.session() as session:
        return await session.get(User, user_id)


def _info(row: ApiToken) -> ApiTokenInfo:
    return ApiTokenInfo(
        token_id=row.id,
        name=row.name,
        prefix=row.prefix,
        created_at=row.created_at,
        last_used_at=row.last_used_at,
    )


async def create_api_token(db: Database, user_id: str, name: str) -> ApiTokenCreated:
    token = new_api_token()
    row = ApiToken(
        user_id=user_id,
        name=name,
        token_hash=api_token_hash(token),
        prefix=token[:_PREFIX_CHARS],
    )
    async with db.session() as session:
        session.add(row)
        await session.flush()
    return ApiTokenCreated(**_info(row).model_dump(), token=token)


async def list_api_tokens(db: Database, user_id: str) -> list[ApiTokenInfo]:
    query = select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.created_at)
    async with db.session() as session:
        return [_info(row) for row in await session.scalars(query)]


async def revoke_api_token(db: Database, user_id: str, token_id: str) -> None:
    async with db.session() as session:
        row = await session.get(ApiToken, token_id)
        if row is None or row.user_id != user_id:  # another user's token is not found either
            raise ApiTokenNotFound()
        await session.delete(row)


async def user_of_api_token(db: Database, token: str) -> str | None:
    """The user an API token belongs to, or None for a token revoked or never made."""
    digest = api_token_hash(token)
    now = datetime.now(UTC)
    async with db.session() as session:
        row = await session.scalar(select(ApiToken).where(ApiToken.token_hash == digest))
        if row is None:
            return None
        if row.last_used_at is None or now - row.last_used_at > _TOUCH_EVERY:
            row.last_used_at = now
        return row.user_id
