"""Every error a client sees is JSON `{detail, code}`: a sentence for people, a code for programs.

Domain errors (`app.errors`) carry both. Refusals made by the framework itself (no such route,
wrong method, a body that is not JSON) get a sentence of ours instead of Starlette's
two-word phrase. Nothing else ever leaves: an unexpected exception is logged whole and answered
with a fixed sentence, so no path, host, URL or trace reaches a client; and every sentence
passes `redact` on its way out, in case one quotes what it should not.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from app.errors import ReelsmithError
from app.redact import redact
from app.request_limits import RequestRefused

logger = logging.getLogger(__name__)

INTERNAL_ERROR = "Something unexpected went wrong; the details are in the server log."

_HTTP_ERRORS: dict[int, tuple[str, str]] = {
    400: (
        "bad_request",
        "The request body could not be read; send UTF-8 JSON as the API's schema describes.",
    ),
    404: ("not_found", "There is no endpoint at this address; /docs lists them all."),
    405: (
        "method_not_allowed",
        "This endpoint does not accept that method; the Allow header lists those it does.",
    ),
}
"""Status → (code, sentence) for the refusals Starlette and FastAPI raise themselves."""


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ReelsmithError, _domain_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected_error)


async def _domain_error(request: Request, exc: ReelsmithError) -> JSONResponse:
    return JSONResponse(
        status_code=exc.status_code, content={"detail": redact(exc.message), "code": exc.code}
    )


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    # Field-level detail, without echoing the (possibly huge) input back.
    errors = [
        {"loc": list(error["loc"]), "msg": redact(str(error["msg"])), "type": error["type"]}
        for error in exc.errors()
    ]
    return JSONResponse(
        status_code=422, content={"detail": jsonable_encoder(errors), "code": "validation_error"}
    )


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    if isinstance(exc, RequestRefused):
        code, detail = exc.code, exc.detail
    elif exc.status_code in _HTTP_ERRORS:
        code, detail = _HTTP_ERRORS[exc.status_code]
    else:
        code, detail = _phrase_code(exc.status_code), redact(str(exc.detail))
    return JSONResponse(
        status_code=exc.status_code, content={"detail": detail, "code": code}, headers=exc.headers
    )


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    logger.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(
        status_code=500, content={"detail": INTERNAL_ERROR, "code": "internal_error"}
    )


def _phrase_code(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return f"http_{status}"
