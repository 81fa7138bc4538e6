"""Accounts: registering, signing in, who am I, API tokens, and what a missing or stale
token is told."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from app.auth.tokens import issue_access_token
from app.config import AuthSettings
from tests.accounts.conftest import PASSWORD, SECRET, ServerFactory, sign_up, two_users
from tests.conftest import ClientFactory

pytestmark = pytest.mark.anyio


async def test_register_sign_in_and_me(server: ServerFactory) -> None:
    async with server() as s:
        registered = await s.client.post(
            "/api/auth/register",
            json={"email": " Ada@Example.com ", "password": PASSWORD, "name": "Ada"},
        )
        assert registered.status_code == 201
        body = registered.json()
        assert body["token_type"] == "bearer"
        assert body["user"]["email"] == "ada@example.com"

        login = await s.client.post(
            "/api/auth/login", json={"email": "ADA@example.com", "password": PASSWORD}
        )
        assert login.status_code == 200
        token = login.json()["access_token"]
        me = await s.client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
    assert me.json()["name"] == "Ada"
    assert me.json()["user_id"] == body["user"]["user_id"]


async def test_a_wrong_password_or_unknown_email_gets_one_sentence(server: ServerFactory) -> None:
    async with server() as s:
        await sign_up(s.client, "ada@example.com")
        wrong = await s.client.post(
            "/api/auth/login", json={"email": "ada@example.com", "password": "not the one"}
        )
        unknown = await s.client.post(
            "/api/auth/login", json={"email": "bob@example.com", "password": PASSWORD}
        )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["code"] == unknown.json()["code"] == "sign_in_failed"
    assert wrong.json()["message"] == unknown.json()["message"]
    assert "password" in wrong.json()["message"]


async def test_an_email_registers_once(server: ServerFactory) -> None:
    async with server() as s:
        await sign_up(s.client, "ada@example.com")
        again = await s.client.post(
            "/api/auth/register", json={"email": "ADA@example.com", "password": PASSWORD}
        )
    assert again.status_code == 409
    assert again.json()["code"] == "email_taken"


async def test_a_short_password_is_refused(server: ServerFactory) -> None:
    async with server() as s:
        response = await s.client.post(
            "/api/auth/register", json={"email": "ada@example.com", "password": "short"}
        )
    assert response.status_code == 422


async def test_without_a_token_the_api_answers_401_with_a_sentence(server: ServerFactory) -> None:
    async with server() as s:
        projects = await s.client.get("/api/projects")
        garbage = await s.client.get("/api/projects", headers={"Authorization": "Bearer nonsense"})
        basic = await s.client.get("/api/projects", headers={"Authorization": "Basic YTpi"})
    for response in (projects, garbage, basic):
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.json()["code"] == "not_signed_in"
        assert "sign in" in response.json()["message"].lower()


async def test_an_expired_token_is_told_to_sign_in_again(server: ServerFactory) -> None:
    async with server() as s:
        headers = await sign_up(s.client, "ada@example.com")
        me = (await s.client.get("/api/auth/me", headers=headers)).json()
        old = issue_access_token(
            me["user_id"], SECRET, minutes=5, now=datetime.now(UTC) - timedelta(hours=1)
        )
        response = await s.client.get(
            "/api/projects", headers={"Authorization": f"Bearer {old.token}"}
        )
    assert response.status_code == 401
    assert response.json()["message"] == "Your sign-in has expired; sign in again."


async def test_a_token_signed_with_another_secret_is_refused(server: ServerFactory) -> None:
    async with server() as s:
        headers = await sign_up(s.client, "ada@example.com")
        me = (await s.client.get("/api/auth/me", headers=headers)).json()
        forged = issue_access_token(me["user_id"], "x" * 48, minutes=5)
        response = await s.client.get(
            "/api/projects", headers={"Authorization": f"Bearer {forged.token}"}
        )
    assert response.status_code == 401
    assert response.json()["code"] == "not_signed_in"


async def test_health_and_config_stay_public_and_config_says_accounts_are_on(
    server: ServerFactory,
) -> None:
    async with server() as s:
        health = await s.client.get("/health")
        config = await s.client.get("/api/config")
    assert health.status_code == 200
    assert config.status_code == 200
    assert config.json()["auth_enabled"] is True


async def test_api_tokens_are_shown_once_work_and_can_be_revoked(server: ServerFactory) -> None:
    async with server() as s:
        headers = await sign_up(s.client, "ada@example.com")
        made = await s.client.post("/api/auth/tokens", json={"name": "laptop"}, headers=headers)
        assert made.status_code == 201
        token = made.json()["token"]
        assert token.startswith(made.json()["prefix"])

        listed = (await s.client.get("/api/auth/tokens", headers=headers)).json()["tokens"]
        assert [t["name"] for t in listed] == ["laptop"]
        assert "token" not in listed[0]

        api_token = {"Authorization": f"Bearer {token}"}
        assert (await s.client.get("/api/projects", headers=api_token)).status_code == 200
        me = await s.client.get("/api/auth/me", headers=api_token)
        assert me.json()["email"] == "ada@example.com"

        gone = await s.client.delete(f"/api/auth/tokens/{made.json()['token_id']}", headers=headers)
        assert gone.status_code == 204
        refused = await s.client.get("/api/projects", headers=api_token)
    assert refused.status_code == 401
    assert "revoked" in refused.json()["message"]


async def test_another_users_api_token_cannot_be_revoked(server: ServerFactory) -> None:
    async with server() as s:
        ada, bob = await two_users(s.client)
        made = (await s.client.post("/api/auth/tokens", json={}, headers=ada)).json()
        response = await s.client.delete(f"/api/auth/tokens/{made['token_id']}", headers=bob)
        still = await s.client.get(
            "/api/auth/me", headers={"Authorization": f"Bearer {made['token']}"}
        )
    assert response.status_code == 404
    assert still.status_code == 200


async def test_with_accounts_off_the_account_endpoints_are_not_there(api: ClientFactory) -> None:
    async with api() as client:
        login = await client.post(
            "/api/auth/login", json={"email": "ada@example.com", "password": PASSWORD}
        )
        config = await client.get("/api/config")
        projects = await client.get("/api/projects")
    assert login.status_code == 404
    assert login.json()["code"] == "accounts_off"
    assert config.json()["auth_enabled"] is False
    assert projects.status_code == 200


@pytest.mark.parametrize("secret", [None, "", "too-short"])
def test_accounts_on_without_a_long_secret_refuse_to_start(secret: str | None) -> None:
    with pytest.raises(ValidationError, match="AUTH_SECRET"):
        AuthSettings(enabled=True, secret=secret)


async def test_a_token_for_an_account_this_server_does_not_have_is_refused(
    server: ServerFactory,
) -> None:
    stranger = issue_access_token("11111111-1111-4111-8111-111111111111", SECRET, minutes=5)
    async with server() as s:
        response = await s.client.post(
            "/api/projects", json={}, headers={"Authorization": f"Bearer {stranger.token}"}
        )
    assert response.status_code == 401
    assert response.json()["code"] == "not_signed_in"
