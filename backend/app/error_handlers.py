"""Every error a client sees is JSON `{detail, code, message}`: a code for programs (one of
`ErrorCode`) and a sentence for people (`message`; `detail` is the seed's name for it, or for a
validation failure the list of bad fields).

Domain errors (`app.errors`) carry both. Refusals made by the framework itself (no such route,
wrong method, a body that is not JSON) get a sentence of ours instead of Starlette's
two-word phrase. Nothing else ever leaves: an unexpected exception is logged whole and answered
with a fixed sentence, so no path, host, URL or trace reaches a client; and every sentence
passes `redact` on its way out, in case one quotes what it should not.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException

from app.errors import DatabaseUnavailable, ErrorCode, ReelsmithError
from app.redact import redact
from app.request_limits import RequestRefused

logger = logging.getLogger(__name__)

INTERNAL_ERROR = (
    "Something unexpected went wrong on the server. Try again; if it keeps happening, let the "
    "person who runs Reelsmith know."
)

_HTTP_ERRORS: dict[int, tuple[ErrorCode, str]] = {
    400: (
        ErrorCode.BAD_REQUEST,
        "The request body could not be read; send UTF-8 JSON as the API's schema describes.",
    ),
    404: (
        ErrorCode.NOT_FOUND,
        "This address is not part of the Reelsmith API; check it against the API's documentation.",
    ),
    405: (
        ErrorCode.METHOD_NOT_ALLOWED,
        "This endpoint does not accept that method; the Allow header lists those it does.",
    ),
}
"""Status → (code, sentence) for the refusals Starlette and FastAPI raise themselves."""


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ReelsmithError, _domain_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    # The database's own trouble (locked, gone, no free connection), not a bug of ours: a 503.
    app.add_exception_handler(OperationalError, _database_error)
    app.add_exception_handler(PoolTimeout, _database_error)
    app.add_exception_handler(Exception, _unexpected_error)


async def _domain_error(request: Request, exc: ReelsmithError) -> JSONResponse:
    return JSONResponse(
        status_code=exc.status_code,
        content=_body(exc.code, redact(exc.message)),
        headers=exc.headers or None,
    )


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    # Field-level detail, without echoing the (possibly huge) input back.
    errors = [
        {"loc": list(error["loc"]), "msg": redact(str(error["msg"])), "type": error["type"]}
        for error in exc.errors()
    ]
    content = {
        "detail": jsonable_encoder(errors),
        "code": ErrorCode.VALIDATION_ERROR,
        "message": _fields_sentence(errors),
    }
    return JSONResponse(status_code=422, content=content)


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    if isinstance(exc, RequestRefused):
        code, detail = exc.code, exc.detail
    elif exc.status_code in _HTTP_ERRORS:
        code, detail = _HTTP_ERRORS[exc.status_code]
    else:
        code, detail = ErrorCode.HTTP_ERROR, _phrase_sentence(exc.status_code)
    return JSONResponse(
        status_code=exc.status_code, content=_body(code, detail), headers=exc.headers
    )


async def _database_error(request: Request, exc: Exception) -> JSONResponse:
    logger.warning("database unavailable on %s %s: %s", request.method, request.url.path, exc)
    return await _domain_error(request, DatabaseUnavailable())


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    logger.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(status_code=500, content=_body(ErrorCode.INTERNAL_ERROR, INTERNAL_ERROR))


def _body(code: ErrorCode, sentence: str) -> dict[str, str]:
    return {"detail": sentence, "code": code, "message": sentence}


def _fields_sentence(errors: list[dict[str, Any]]) -> str:
    """One sentence naming every bad field: `creative_brief › product_name: Field required`."""
    parts = []
    for error in errors:
        where = " › ".join(str(part) for part in error["loc"] if part not in ("body", "query"))
        parts.append(f"{where}: {error['msg']}" if where else str(error["msg"]))
    return f"Some of the request does not fit the API's schema ({'; '.join(parts)})."


def _phrase_sentence(status: int) -> str:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = f"HTTP {status}"
    return f"The server refused the request ({phrase})."
