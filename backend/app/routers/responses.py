"""The error responses each route declares in the OpenAPI, by what can go wrong in it.

Each route lists every status it really answers besides its success, with the body it gets:
`ErrorResponse` (`{detail, code}`), or for 422 the field list of `ValidationErrorResponse`. A
route that also refuses a request on a domain rule (a retry of a job still running) answers
422 in either shape.
"""

from __future__ import annotations

from typing import Any

from app.models.errors import ErrorResponse, ValidationErrorResponse
from app.request_limits import MAX_BODY_BYTES, MAX_JSON_DEPTH
from app.storage.media_types import MEDIA_TYPES, OPAQUE

Responses = dict[int | str, dict[str, Any]]


def _error(description: str, model: Any = ErrorResponse) -> dict[str, Any]:
    return {"model": model, "description": description}


SERVER: Responses = {
    500: _error("An unexpected fault (`internal_error`); the server logs the details."),
}
"""Every route."""

PARAMETERS: Responses = {
    422: _error("A path or query parameter does not match the schema.", ValidationErrorResponse),
}

BODY: Responses = {
    400: _error(
        "The body is not UTF-8 JSON (`bad_request`), or nests deeper than "
        f"{MAX_JSON_DEPTH} levels (`body_too_deep`)."
    ),
    413: _error(f"The body is larger than {MAX_BODY_BYTES // 2**20} MB (`body_too_large`)."),
    422: _error("A field of the body does not match the schema.", ValidationErrorResponse),
}
"""Every route that reads a JSON body."""

RULES: Responses = {
    422: _error(
        "A field does not match the schema (a list of fields), or the request breaks a rule "
        "the schema cannot express (`invalid_request`, with a sentence).",
        ValidationErrorResponse | ErrorResponse,
    ),
}

JOB: Responses = {404: _error("No job with this id (`job_not_found`); it may have expired.")}

PROJECT: Responses = {
    404: _error(
        "No project with this id, or an id that is not a UUID (`project_not_found`); "
        "it may have been deleted."
    )
}
"""Routes under `/api/projects/{project_id}`, and steps given `?project_id=`."""

JOB_OR_PROJECT: Responses = {
    404: _error(
        "No job with this id (`job_not_found`), or no project with the `project_id` given "
        "(`project_not_found`)."
    )
}

PROVIDERS: Responses = {
    422: _error(
        "A field does not match the schema (a list of fields), or the model declined to answer "
        "(`provider_refused`, with a sentence).",
        ValidationErrorResponse | ErrorResponse,
    ),
    502: _error("A model failed or answered nonsense (`provider_error`, `provider_bad_output`)."),
    503: _error("A model's service is rate limiting us (`provider_rate_limited`); try later."),
    504: _error("A model took too long (`provider_timed_out`)."),
}
"""Routes that wait for a model's answer."""

STORAGE: Responses = {
    507: _error("The media store is full (`storage_full`); nothing was written."),
}
"""Routes that write new files into the media store, or start work that will."""

UPLOAD: Responses = {
    400: _error("The body is not a multipart form (`bad_request`)."),
    413: _error("The file is larger than the upload limit (`body_too_large`, `upload_too_large`)."),
    415: _error("The file is not a PNG, JPEG or WebP image (`unsupported_image_type`)."),
    422: _error(
        "A form field is missing or wrong (a list of fields), or the image does not decode whole "
        "(`unreadable_image`) or has too many pixels (`image_too_large`), with a sentence.",
        ValidationErrorResponse | ErrorResponse,
    ),
}
"""Routes that take an uploaded image."""

MEDIA: Responses = {
    400: _error(
        "The key names no plain file inside the store (`media_path_refused`), or a preview "
        "(`w`) was asked of a file that is not a readable image (`preview_unavailable`)."
    ),
    404: _error("No stored file with this key (`media_not_found`)."),
    503: _error(
        "With `MEDIA_BACKEND=s3`, the bucket holding the file did not answer "
        "(`storage_unavailable`); try again in a moment."
    ),
}

_FILE = {"schema": {"type": "string", "format": "binary"}}
_HEADERS = {
    name: {"schema": {"type": "string"}, "description": description}
    for name, description in (
        ("X-Content-Type-Options", "Always `nosniff`: the type below is the only one."),
        ("Content-Security-Policy", "A sandbox: opened as a page, a file runs nothing."),
    )
}
_CONTENT = {media_type: _FILE for media_type in sorted({*MEDIA_TYPES.values(), OPAQUE})}
_CONTENT["application/json"] = {"schema": {}}  # a stored JSON file is JSON of any shape
FILE_RESPONSES: Responses = {
    200: {
        "description": "The file, typed by the kind we stored (never by `download`).",
        "content": _CONTENT,
        "headers": _HEADERS,
    },
    206: {"description": "The requested byte range of the file.", "content": _CONTENT},
}
"""A stored file and the byte ranges of one, in every type the store serves."""


def merge(*groups: Responses) -> Responses:
    """Groups in order; a later group's answer for a status replaces an earlier one's."""
    merged: Responses = {}
    for group in groups:
        merged.update(group)
    return merged


BUDGET: Responses = {
    402: _error(
        "Paid work whose estimate would go past the user's daily provider budget "
        "(`budget_exceeded`), with a sentence naming the budget, what is spent and when it "
        "resets; nothing was started."
    )
}
"""Routes that start paid provider work."""

QUEUED: Responses = {
    503: _error(
        "With `JOB_BACKEND=celery`, the workers' queue (Redis) could not be reached "
        "(`queue_unavailable`); nothing was started or charged. `Retry-After` says when to "
        "try again."
    )
}
"""Routes that start a clip or compose job (handed to the workers when they run it)."""

SIGNED_IN: Responses = {
    401: _error(
        "Accounts are on and the request has no valid bearer token (`not_signed_in`): none, "
        "expired, or revoked. Sign in again (`POST /api/auth/login`) or use an API token."
    ),
}
"""Every route but health, config, media, register and sign-in (accounts on)."""

LIMITED: Responses = {
    429: _error(
        "This user has made more requests per minute than allowed (`rate_limited`); "
        "`Retry-After` says how many seconds to wait."
    ),
}
"""Routes that pay a model or render video: each request spends the user's allowance."""

ACCOUNTS: Responses = {
    404: _error(
        "Accounts are off on this server (`accounts_off`), or no API token with this id "
        "(`api_token_not_found`)."
    ),
}
"""Routes under `/api/auth`."""

REGISTER: Responses = {409: _error("An account with this email exists (`email_taken`).")}
