"""The user a request works for, carried with it where no argument reaches.

`app.deps.current_user_id` sets it for each request; tasks a request spawns (its clip and
compose jobs) copy it with their context, so that a job's media links are signed for, and the
job recorded as belonging to, the user who started it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from app.db.models import LOCAL_USER_ID

_owner: ContextVar[str] = ContextVar("reelsmith_owner", default=LOCAL_USER_ID)


def current_owner() -> str:
    """Whose work this is: the request's user, or the local user outside any request."""
    return _owner.get()


def set_owner(user_id: str) -> None:
    _owner.set(user_id)


@contextmanager
def working_for(user_id: str) -> Iterator[None]:
    """Run a block as `user_id` (a job resumed after a restart, a worker's task)."""
    token = _owner.set(user_id)
    try:
        yield
    finally:
        _owner.reset(token)
