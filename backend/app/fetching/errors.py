"""Why a fetch was refused or failed: for logs and tests, never shown to a client as such.

    FetchError        found while fetching (DNS, connection, status, content, deadline)
    └── Refused       known from the URL alone, before any connection

Callers turn these into the product's errors: a 422 at request time, `fetch_failed` on a clip
or job, `provider_bad_output` for a model's output. Each of those has one sentence per case that
names no host, address, status or path, so that a failure tells nobody what is on our network.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    # Known from the URL alone.
    MALFORMED = "malformed"
    SCHEME = "scheme"
    CREDENTIALS = "credentials"
    LOCAL_NAME = "local_name"
    LOCAL_ADDRESS = "local_address"
    OWN_ORIGIN = "own_origin"
    MISSING_MEDIA = "missing_media"
    # Found while fetching.
    DNS = "dns"
    UNREACHABLE = "unreachable"
    STATUS = "status"
    REDIRECTS = "redirects"
    CONTENT_TYPE = "content_type"
    TOO_LARGE = "too_large"
    EMPTY = "empty"
    NOT_MEDIA = "not_media"
    DEADLINE = "deadline"


class FetchError(Exception):
    def __init__(self, reason: Reason, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else str(reason))
        self.reason = reason
        self.detail = detail
        """For the server log only: it may name a host or an address."""


class Refused(FetchError):
    @property
    def sentence(self) -> str:
        """What a client is told at request time: the URL is theirs, so no secret is in it."""
        return _SENTENCES.get(self.reason, _SENTENCES[Reason.MALFORMED])


_SENTENCES = {
    Reason.MALFORMED: "the address is not a well-formed web address",
    Reason.SCHEME: "the address must be an http or https link",
    Reason.CREDENTIALS: "the address must not contain a user name or password",
    Reason.LOCAL_NAME: "the address names a private or local machine; only public addresses "
    "can be fetched",
    Reason.LOCAL_ADDRESS: "the address points to a private, local or reserved network; only "
    "public addresses can be fetched",
    Reason.OWN_ORIGIN: "the address points to this service; only its /media/ files can be used",
    Reason.MISSING_MEDIA: "no media file exists at this address",
}
