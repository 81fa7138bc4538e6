"""Requests per minute per user on the endpoints that pay a model or render video.

One token bucket per user, shared by every such endpoint: it holds `per_minute` requests and
refills evenly, one every `60 / per_minute` seconds, so a user may burst a minute's worth and
then goes at the steady rate. A refusal is a 429 saying how long to wait (`Retry-After`).

Here the buckets live in this process: each API process counts on its own. With `REDIS_URL`
set they live in Redis instead (`app.rate_limits_redis`), shared by every API process; both
answer to `Limiter`.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from app.errors import RateLimited

MAX_USERS = 10_000
"""Buckets kept; the least recently used is dropped first (a full bucket, most likely)."""


class Limiter(Protocol):
    per_minute: int

    async def acquire(self, user_id: str) -> None:
        """Spend one request of `user_id`'s allowance, or raise `RateLimited`."""

    async def aclose(self) -> None: ...


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimiter:
    def __init__(
        self,
        per_minute: int,
        clock: Callable[[], float] = time.monotonic,
        max_users: int = MAX_USERS,
    ) -> None:
        """`per_minute` 0: no limit."""
        self.per_minute = per_minute
        self._clock = clock
        self._max_users = max_users
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def take(self, user_id: str) -> None:
        """Spend one request of `user_id`'s allowance, or raise `RateLimited`."""
        if self.per_minute <= 0:
            return
        now = self._clock()
        rate = self.per_minute / 60.0
        bucket = self._buckets.pop(user_id, None) or _Bucket(float(self.per_minute), now)
        bucket.tokens = min(float(self.per_minute), bucket.tokens + (now - bucket.at) * rate)
        bucket.at = now
        self._buckets[user_id] = bucket
        while len(self._buckets) > self._max_users:
            self._buckets.popitem(last=False)
        if bucket.tokens < 1.0:
            raise RateLimited(retry_after=max(1, math.ceil((1.0 - bucket.tokens) / rate)))
        bucket.tokens -= 1.0

    async def acquire(self, user_id: str) -> None:
        self.take(user_id)

    async def aclose(self) -> None:
        return None
