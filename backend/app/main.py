"""The FastAPI application: routers, CORS, error mapping, and the shared runtime."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from app.config import Settings, get_settings
from app.errors import ReelsmithError
from app.providers.registry import Providers
from app.routers import director, health, media, moods, scenes, status, video
from app.runtime import open_runtime

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 2 * 1024 * 1024
"""No request the studio sends comes near this; anything larger is refused before parsing."""


def create_app(settings: Settings | None = None, providers: Providers | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with open_runtime(settings, providers) as runtime:
            app.state.runtime = runtime
            logger.info("providers: %s", runtime.providers.names())
            yield

    app = FastAPI(
        title="Reelsmith",
        summary="Turn a conversation about a product into a finished 30-second vertical video ad.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
    )
    for module in (health, director, moods, scenes, video, status, media):
        app.include_router(module.router)
    _install_error_handlers(app)

    @app.middleware("http")
    async def limit_body_size(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_BODY_BYTES:
            return JSONResponse(
                status_code=413,
                content={
                    "detail": f"Request body is larger than {MAX_BODY_BYTES // 1024} KB.",
                    "code": "body_too_large",
                },
            )
        return await call_next(request)

    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ReelsmithError)
    async def domain_error(request: Request, exc: ReelsmithError) -> JSONResponse:
        return JSONResponse(
            status_code=exc.status_code, content={"detail": exc.message, "code": exc.code}
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        # Field-level detail, without echoing the (possibly huge) input back.
        errors = [
            {"loc": list(error["loc"]), "msg": error["msg"], "type": error["type"]}
            for error in exc.errors()
        ]
        return JSONResponse(
            status_code=422,
            content={"detail": jsonable_encoder(errors), "code": "validation_error"},
        )

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        logger.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse(
            status_code=500,
            content={
                "detail": "Something unexpected went wrong; the details are in the server log.",
                "code": "internal_error",
            },
        )


app = create_app()
"""What `uvicorn app.main:app` serves, configured from the environment."""
