"""The bodies of error responses, as the OpenAPI declares them.

Every error a client sees, an HTTP body, a job's or a clip's `ErrorInfo` or the chat stream's
`data-error` part, has the same two fields: `code` (one of `ErrorCode`) and `message`, a
sentence for people. HTTP bodies also keep the seed's `detail`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from app.errors import ErrorCode


class ErrorResponse(BaseModel):
    """Every error response but a field-by-field validation failure."""

    detail: str
    """The seed's field: the same sentence as `message`."""
    code: ErrorCode
    """Stable, for programs: `job_not_found`, `body_too_large`, `provider_timed_out`, ..."""
    message: str
    """For people: what happened and what to do, in a sentence."""


class FieldError(BaseModel):
    loc: list[str | int]
    """Where the bad value is: `["body", "creative_brief", "product_name"]`."""
    msg: str
    type: str
    """Pydantic's error type, such as `missing` or `string_too_long`, or `url_refused`."""


class ValidationErrorResponse(BaseModel):
    """A request whose fields do not match the schema; every bad field is listed."""

    detail: list[FieldError]
    code: Literal[ErrorCode.VALIDATION_ERROR]
    message: str
    """For people: which fields are wrong, in a sentence."""
