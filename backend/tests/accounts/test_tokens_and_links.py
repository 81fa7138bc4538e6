"""The pure parts: access tokens, bearer headers, media link signatures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest

from app.auth.media_links import MediaLinks
from app.auth.tokens import (
    TokenRefused,
    bearer_token,
    is_api_token,
    issue_access_token,
    new_api_token,
    read_access_token,
)
from app.models.assets import asset_key

SECRET = "k" * 40
URL = "http://testserver/media/images/abc.png"
KEY = "images/abc.png"


def test_an_access_token_names_its_user_until_it_expires() -> None:
    now = datetime.now(UTC)
    token = issue_access_token("user-1", SECRET, minutes=10, now=now)
    assert read_access_token(token.token, SECRET) == "user-1"
    assert token.expires_at == now + timedelta(minutes=10)
    old = issue_access_token("user-1", SECRET, minutes=10, now=now - timedelta(minutes=11))
    with pytest.raises(TokenRefused) as refused:
        read_access_token(old.token, SECRET)
    assert refused.value.expired


@pytest.mark.parametrize(
    "token",
    [
        jwt.encode({"sub": "user-1"}, SECRET, algorithm="HS256"),  # no expiry
        jwt.encode(
            {"sub": "user-1", "exp": 2**40, "iat": 0, "aud": "reelsmith-api"},
            "another secret of enough length to sign",
            algorithm="HS256",
        ),
        jwt.encode(
            {"sub": "user-1", "exp": 2**40, "iat": 0, "aud": "elsewhere"},
            SECRET,
            algorithm="HS256",
        ),
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyLTEifQ.",  # alg none
        "not a token",
    ],
)
def test_tokens_we_did_not_issue_are_refused(token: str) -> None:
    with pytest.raises(TokenRefused) as refused:
        read_access_token(token, SECRET)
    assert not refused.value.expired


@pytest.mark.parametrize(
    ("header", "token"),
    [
        ("Bearer abc", "abc"),
        ("bearer   abc ", "abc"),
        ("Basic abc", None),
        ("Bearer", None),
        ("Bearer a b", None),
        (None, None),
    ],
)
def test_bearer_header(header: str | None, token: str | None) -> None:
    assert bearer_token(header) == token


def test_api_tokens_are_random_and_told_apart_from_access_tokens() -> None:
    first, second = new_api_token(), new_api_token()
    assert first != second and is_api_token(first) and len(first) > 40
    assert not is_api_token(issue_access_token("u", SECRET, 1).token)


def test_a_media_link_is_valid_for_its_key_owner_and_time_only() -> None:
    clock = [1_000.0]
    links = MediaLinks(SECRET, 60, clock=lambda: clock[0])
    signed = links.sign(URL + "?w=160", KEY, "ada")
    query = dict(part.split("=") for part in signed.split("?")[1].split("&"))
    assert query["w"] == "160" and query["uid"] == "ada" and query["exp"] == "1060"
    assert links.allows(KEY, "ada", query["exp"], query["sig"])
    assert not links.allows("images/other.png", "ada", query["exp"], query["sig"])
    assert not links.allows(KEY, "bob", query["exp"], query["sig"])
    assert not links.allows(KEY, "ada", "1061", query["sig"])
    assert not links.allows(KEY, "ada", None, None)
    assert not MediaLinks("z" * 40, 60, clock=lambda: 1_000).allows(
        KEY, "ada", query["exp"], query["sig"]
    )
    clock[0] = 1_061
    assert not links.allows(KEY, "ada", query["exp"], query["sig"])
    fresh = links.refreshed(signed, KEY, "ada")
    assert fresh is not None and "exp=1121" in fresh and fresh.count("sig=") == 1
    assert links.refreshed(signed, KEY, "bob") is None
    assert links.refreshed(URL, KEY, "ada") is None


def test_an_upload_link_may_carry_its_owners_signature_and_nothing_else() -> None:
    base = "http://testserver/media/assets/abc/photo.png"
    assert asset_key(f"{base}?uid=ada&exp=1060&sig=abc") == "assets/abc/photo.png"
    assert asset_key(base) == "assets/abc/photo.png"
    assert asset_key(f"{base}?w=160") is None
    assert asset_key(f"{base}?uid=ada&download=x.png") is None
