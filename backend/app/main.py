"""The FastAPI application: routers, CORS, error mapping, and the shared runtime."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.config import Settings, get_settings
from app.db.engine import open_database
from app.error_handlers import install_error_handlers
from app.providers.registry import Providers
from app.request_limits import BodyLimits
from app.routers import (
    assets,
    config,
    director,
    health,
    media,
    moods,
    projects,
    scenes,
    status,
    video,
    voices,
)
from app.routers.responses import SERVER
from app.runtime import open_runtime

logger = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, providers: Providers | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database = settings.database
        async with (
            open_database(database.url, database.data_dir, settings.media.root) as db,
            open_runtime(settings, providers) as runtime,
        ):
            app.state.db = db
            app.state.runtime = runtime
            logger.info("providers: %s", runtime.providers.names())
            yield

    app = FastAPI(
        title="Reelsmith",
        summary="Turn a conversation about a product into a finished 30-second vertical video ad.",
        version="0.1.0",
        lifespan=lifespan,
        responses=SERVER,
    )
    app.add_middleware(BodyLimits)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
    )
    for module in (
        health,
        config,
        director,
        assets,
        moods,
        scenes,
        video,
        voices,
        status,
        projects,
        media,
    ):
        app.include_router(module.router)
    install_error_handlers(app)
    return app


app = create_app()
"""What `uvicorn app.main:app` serves, configured from the environment."""
