"""The per-user token bucket of `app.rate_limits`, kept in Redis (`REDIS_URL`), so that every
API process spends from the same allowance.

Why a token bucket still, rather than a fixed or sliding window: it answers exactly as the
in-process limiter does (a burst of `per_minute`, then one every `60 / per_minute` seconds, and
a `Retry-After` of when the next token arrives), with a constant two fields per user where a
sliding log would keep a timestamp per request and a fixed window would allow twice the burst
across a window's edge. The whole take is one Lua script, atomic in Redis: read the bucket,
refill it for the time passed, take a token or say how long until one. The time is Redis's own
(`TIME`), so API hosts whose clocks disagree still share one bucket fairly. Each bucket expires
after a minute unused, when it would be full again anyway.

Redis unreachable: the request is not refused for it (a rate limit guards against abuse; a
Redis outage must not take every paid endpoint down with it). This process limits on its own,
as it would without Redis, logs a warning (at most once a minute), and tries Redis again after
`RETRY_AFTER_SECONDS`.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import cast

from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.errors import RateLimited
from app.rate_limits import RateLimiter

logger = logging.getLogger(__name__)

KEY_PREFIX = "reelsmith:rate:"
RETRY_AFTER_SECONDS = 5.0
"""After Redis failed, how long this process limits on its own before asking Redis again."""
TIMEOUT_SECONDS = 0.5
"""Connecting to, or an answer from, Redis: a limit check must never hold a request up long."""
WARN_EVERY_SECONDS = 60.0

TAKE = """
local capacity = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
if now < 0 then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1])
local at = tonumber(bucket[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
end
if now > at then
  tokens = math.min(capacity, tokens + (now - at) * capacity / period)
  at = now
end
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.ceil((1 - tokens) * period / capacity)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
redis.call('PEXPIRE', KEYS[1], period)
return wait
"""
"""KEYS[1] the user's bucket; ARGV: capacity, ms to refill it whole, now in ms (-1: Redis's
clock). Returns 0 when a token was taken, else the ms until one is there."""

PERIOD_MS = 60_000


class RedisRateLimiter:
    def __init__(
        self,
        per_minute: int,
        redis: Redis,
        clock: Callable[[], float] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """`per_minute` 0: no limit. `clock` (seconds) stands in for Redis's in tests."""
        self.per_minute = per_minute
        self._redis = redis
        self._take = redis.register_script(TAKE)
        self._clock = clock
        self._monotonic = monotonic
        self._local = RateLimiter(per_minute)
        """While Redis cannot be reached."""
        self._redis_again_at = 0.0
        self._warned_at: float | None = None

    async def acquire(self, user_id: str) -> None:
        """Spend one request of `user_id`'s allowance, or raise `RateLimited`."""
        if self.per_minute <= 0:
            return
        if self._monotonic() < self._redis_again_at:
            self._local.take(user_id)
            return
        now_ms = -1 if self._clock is None else round(self._clock() * 1000)
        try:
            wait_ms = cast(
                int,
                await self._take(
                    keys=[KEY_PREFIX + user_id], args=[self.per_minute, PERIOD_MS, now_ms]
                ),
            )
        except RedisError as exc:
            self._redis_failed(exc)
            self._local.take(user_id)
            return
        if wait_ms > 0:
            raise RateLimited(retry_after=max(1, math.ceil(int(wait_ms) / 1000)))

    def _redis_failed(self, exc: RedisError) -> None:
        now = self._monotonic()
        self._redis_again_at = now + RETRY_AFTER_SECONDS
        if self._warned_at is None or now - self._warned_at >= WARN_EVERY_SECONDS:
            self._warned_at = now
            logger.warning(
                "rate limits: Redis cannot be reached (%s); this process limits on its own "
                "until it can",
                type(exc).__name__,
            )

    async def aclose(self) -> None:
        await self._redis.aclose()


def connect(url: str) -> Redis:
    """A client for `REDIS_URL`; it connects on first use, within `TIMEOUT_SECONDS`."""
    return Redis.from_url(
        url, socket_connect_timeout=TIMEOUT_SECONDS, socket_timeout=TIMEOUT_SECONDS
    )
