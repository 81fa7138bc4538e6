"""Per-user requests per minute on the endpoints that pay a model or render video."""

from __future__ import annotations

import pytest

from app.config import RateLimitSettings, Settings
from app.errors import RateLimited
from app.rate_limits import RateLimiter
from tests.accounts.conftest import ServerFactory, two_users
from tests.conftest import ClientFactory

pytestmark = pytest.mark.anyio


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_a_burst_then_the_steady_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(6, clock=clock)  # one every 10 s
    for _ in range(6):
        limiter.take("ada")
    with pytest.raises(RateLimited) as refused:
        limiter.take("ada")
    assert refused.value.retry_after == 10
    assert refused.value.headers == {"Retry-After": "10"}
    clock.now += 4
    with pytest.raises(RateLimited) as again:
        limiter.take("ada")
    assert again.value.retry_after == 6
    clock.now += 6
    limiter.take("ada")
    limiter.take("bob")  # a bucket of his own


def test_no_limit_when_set_to_zero() -> None:
    limiter = RateLimiter(0)
    for _ in range(1000):
        limiter.take("ada")


def test_old_buckets_are_forgotten_beyond_the_cap() -> None:
    limiter = RateLimiter(1, clock=Clock(), max_users=2)
    limiter.take("ada")
    limiter.take("bob")
    limiter.take("cyd")  # ada's bucket goes: she starts full again
    limiter.take("ada")


async def test_past_the_limit_a_user_gets_429_with_retry_after_and_others_do_not(
    server: ServerFactory, accounts_settings: Settings
) -> None:
    settings = accounts_settings.model_copy(update={"rate_limits": RateLimitSettings(per_minute=2)})
    async with server(settings=settings) as s:
        ada, bob = await two_users(s.client)
        answers = [
            await s.client.post("/api/director/brief", json={}, headers=ada) for _ in range(3)
        ]
        bobs = await s.client.post("/api/director/brief", json={}, headers=bob)
        reading = await s.client.get("/api/projects", headers=ada)  # not a paid endpoint
    assert [a.status_code for a in answers[:2]] == [422, 422]
    limited = answers[2]
    assert limited.status_code == 429
    assert limited.json()["code"] == "rate_limited"
    assert 1 <= int(limited.headers["retry-after"]) <= 30
    assert f"wait {limited.headers['retry-after']} second" in limited.json()["message"]
    assert bobs.status_code == 422
    assert reading.status_code == 200


async def test_the_local_user_is_not_limited_by_default(api: ClientFactory) -> None:
    async with api() as client:
        answers = [await client.post("/api/director/brief", json={}) for _ in range(40)]
    assert {a.status_code for a in answers} == {422}
