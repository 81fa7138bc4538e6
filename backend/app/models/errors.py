"""The bodies of error responses, as the OpenAPI declares them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class ErrorResponse(BaseModel):
    """Every error response but a field-by-field validation failure."""

    detail: str
    """For people: what happened and what to do, in a sentence."""
    code: str
    """Stable, for programs: `job_not_found`, `body_too_large`, `provider_timed_out`, ..."""


class FieldError(BaseModel):
    loc: list[str | int]
    """Where the bad value is: `["body", "creative_brief", "product_name"]`."""
    msg: str
    type: str
    """Pydantic's error type, such as `missing` or `string_too_long`."""


class ValidationErrorResponse(BaseModel):
    """A request whose fields do not match the schema; every bad field is listed."""

    detail: list[FieldError]
    code: Literal["validation_error"]
