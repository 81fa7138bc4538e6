"""Issue 14: with `REDIS_URL` set, each user's requests per minute are counted in Redis, so
every API process spends from one allowance; and Redis going away never turns a request into
a 500 (the process limits on its own until Redis is back)."""

from __future__ import annotations

import logging
import uuid

import pytest
from pydantic import SecretStr
from redis.asyncio import Redis

from app.config import RateLimitSettings, Settings
from app.errors import RateLimited
from app.rate_limits_redis import KEY_PREFIX, RedisRateLimiter, connect
from tests.accounts.conftest import ServerFactory, sign_up
from tests.utils.api_process import free_port

pytestmark = [pytest.mark.anyio, pytest.mark.scale]


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def _user() -> str:
    return f"user-{uuid.uuid4()}"


async def test_two_processes_spend_from_one_bucket(redis_url: str) -> None:
    clock = Clock()
    first = RedisRateLimiter(6, connect(redis_url), clock=clock)  # one every 10 s
    second = RedisRateLimiter(6, connect(redis_url), clock=clock)
    ada, bob = _user(), _user()
    try:
        for _ in range(3):
            await first.acquire(ada)
            await second.acquire(ada)
        for limiter in (first, second):
            with pytest.raises(RateLimited) as refused:
                await limiter.acquire(ada)
            assert refused.value.retry_after == 10
        clock.now += 4
        with pytest.raises(RateLimited) as again:
            await second.acquire(ada)
        assert again.value.retry_after == 6
        clock.now += 6
        await first.acquire(ada)  # the token that came back is taken once, by either
        with pytest.raises(RateLimited):
            await second.acquire(ada)
        await second.acquire(bob)  # a bucket of his own
    finally:
        await first.aclose()
        await second.aclose()


async def test_a_bucket_expires_once_it_would_be_full_again(redis_url: str) -> None:
    limiter = RedisRateLimiter(30, connect(redis_url))
    ada = _user()
    try:
        await limiter.acquire(ada)
        async with Redis.from_url(redis_url) as redis:
            ttl = await redis.pttl(KEY_PREFIX + ada)
    finally:
        await limiter.aclose()
    assert 0 < ttl <= 60_000


async def test_two_api_processes_answer_429_from_one_allowance(
    server: ServerFactory, accounts_settings: Settings, redis_url: str
) -> None:
    limits = RateLimitSettings(per_minute=3, redis_url=SecretStr(redis_url))
    settings = accounts_settings.model_copy(update={"rate_limits": limits})
    async with server(settings=settings) as first, server(settings=settings) as second:
        ada = await sign_up(first.client, f"ada-{uuid.uuid4()}@example.com")
        bob = await sign_up(first.client, f"bob-{uuid.uuid4()}@example.com")
        answers = [
            await s.client.post("/api/director/brief", json={}, headers=ada)
            for s in (first, second, first, second)
        ]
        bobs = await second.client.post("/api/director/brief", json={}, headers=bob)

    assert [a.status_code for a in answers[:3]] == [422, 422, 422]
    limited = answers[3]
    assert limited.status_code == 429
    assert limited.json()["code"] == "rate_limited"
    assert 1 <= int(limited.headers["retry-after"]) <= 20
    assert f"wait {limited.headers['retry-after']} second" in limited.json()["message"]
    assert bobs.status_code == 422


async def test_with_redis_down_requests_are_answered_and_limited_per_process(
    server: ServerFactory,
    accounts_settings: Settings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    nowhere = f"redis://127.0.0.1:{free_port()}/0"
    limits = RateLimitSettings(per_minute=2, redis_url=SecretStr(nowhere))
    settings = accounts_settings.model_copy(update={"rate_limits": limits})
    with caplog.at_level(logging.WARNING, logger="app.rate_limits_redis"):
        async with server(settings=settings) as s:
            ada = await sign_up(s.client, "ada@example.com")
            answers = [
                await s.client.post("/api/director/brief", json={}, headers=ada) for _ in range(3)
            ]

    assert [a.status_code for a in answers] == [422, 422, 429]
    assert int(answers[2].headers["retry-after"]) >= 1
    warnings = [
        r.getMessage()
        for r in caplog.records
        if r.name == "app.rate_limits_redis" and r.levelno == logging.WARNING
    ]
    assert len(warnings) == 1  # once, not once a request
    assert "Redis cannot be reached" in warnings[0]
    assert "127.0.0.1" not in warnings[0]
