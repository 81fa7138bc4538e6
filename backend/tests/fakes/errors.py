"""The one shape of an HTTP error body, for tests that compare whole bodies."""

from __future__ import annotations


def error_body(code: str, sentence: str) -> dict[str, str]:
    """`detail` (the seed's field) and `message` carry the same sentence beside the code."""
    return {"detail": sentence, "code": code, "message": sentence}
