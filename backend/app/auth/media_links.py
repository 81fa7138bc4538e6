"""Media links signed for their owner: `/media/{key}?uid=…&exp=…&sig=…`.

With accounts on, `<img src>` and `<video src>` cannot send a bearer token, so a media URL
carries its own proof: an HMAC of the key, the owner and an expiry time, made with a key
derived from `AUTH_SECRET`. `/media/{key}` serves a file only for a valid, unexpired signature
(404 otherwise, as for a file that is not there). Links are minted for the user a request works
for (`app.auth.owner`) and signed afresh, with a new expiry, in every answer that shows one to
that same user (`app.auth.media_refresh`): a stored project keeps working after its links'
first expiry, and nobody can turn another user's link into one of their own.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from app.auth.owner import current_owner

if TYPE_CHECKING:
    from app.config import AuthSettings
    from app.storage.media_store import MediaStore

USER = "uid"
EXPIRES = "exp"
SIGNATURE = "sig"
SIGNATURE_PARAMETERS = frozenset({USER, EXPIRES, SIGNATURE})


def _derive(secret: str) -> bytes:
    # Its own key: a media signature can never pass for a token's, nor the other way round.
    return hmac.new(secret.encode("utf-8"), b"reelsmith media links", hashlib.sha256).digest()


class MediaLinks:
    def __init__(self, secret: str, seconds: int, clock: Callable[[], float] = time.time) -> None:
        self._key = _derive(secret)
        self.seconds = seconds
        self._clock = clock

    def signature(self, key: str, user_id: str, expires: int) -> str:
        message = f"{user_id}\n{expires}\n{key}".encode()
        digest = hmac.new(self._key, message, hashlib.sha256).digest()[:18]
        return base64.urlsafe_b64encode(digest).decode("ascii")

    def sign(self, url: str, key: str, user_id: str) -> str:
        """`url` (of `key`) with a signature for `user_id` that lasts `seconds` from now; any
        other query (`w`, `download`) is kept, any older signature replaced."""
        expires = int(self._clock()) + self.seconds
        parts = urlsplit(url)
        query = [
            (name, value)
            for name, value in parse_qsl(parts.query)
            if name not in SIGNATURE_PARAMETERS
        ]
        query += [
            (USER, user_id),
            (EXPIRES, str(expires)),
            (SIGNATURE, self.signature(key, user_id, expires)),
        ]
        return urlunsplit(parts._replace(query=urlencode(query)))

    def grants(self, key: str, user_id: str | None, expires: str | None, sig: str | None) -> bool:
        """Whether the signature was made by us for this key and user, expired or not."""
        if not (user_id and expires and sig) or not expires.isdigit() or len(expires) > 12:
            return False
        return hmac.compare_digest(self.signature(key, user_id, int(expires)), sig)

    def allows(self, key: str, user_id: str | None, expires: str | None, sig: str | None) -> bool:
        """Whether `/media/{key}` may serve this request: a grant that has not expired."""
        if not self.grants(key, user_id, expires, sig):
            return False
        return int(expires or 0) >= self._clock()

    def granted(self, url: str, key: str, user_id: str) -> bool:
        """Whether `url` (of `key`) carries a signature made for `user_id`, expired or not:
        whether that user may hand it to us as an input (a seed, a clip, a product photo)."""
        query = dict(parse_qsl(urlsplit(url).query))
        if query.get(USER) != user_id:
            return False
        return self.grants(key, user_id, query.get(EXPIRES), query.get(SIGNATURE))

    def refreshed(self, url: str, key: str, user_id: str) -> str | None:
        """`url` signed afresh when it carries a grant of `key` to `user_id`; None otherwise."""
        return self.sign(url, key, user_id) if self.granted(url, key, user_id) else None


def links_for(auth: AuthSettings) -> MediaLinks | None:
    """Signed media links with accounts on; plain ones (None) for the local studio."""
    if not auth.enabled or auth.secret is None:
        return None
    return MediaLinks(auth.secret.get_secret_value(), auth.media_url_seconds)


def bind_store(store: MediaStore, links: MediaLinks) -> None:
    """Sign the store's URLs for, and take as inputs only links signed for, whoever the work is
    for (`app.auth.owner`): the API's requests and jobs, and a worker's steps, alike."""
    store.signer = lambda url, key: links.sign(url, key, current_owner())
    store.guard = lambda url, key: links.granted(url, key, current_owner())
