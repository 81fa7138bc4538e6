"""The FastAPI application: routers, CORS, error mapping, and the shared runtime."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.auth.media_links import bind_store, links_for
from app.auth.media_refresh import MediaLinkRefresh
from app.config import Settings, get_settings
from app.db.engine import open_database
from app.deps import current_user_id
from app.error_handlers import install_error_handlers
from app.providers.registry import Providers
from app.rate_limits import Limiter, RateLimiter
from app.rate_limits_redis import RedisRateLimiter, connect
from app.request_limits import BodyLimits
from app.routers import (
    assets,
    auth,
    config,
    director,
    estimates,
    health,
    jobs,
    media,
    moods,
    projects,
    scenes,
    status,
    video,
    voices,
)
from app.routers.responses import SERVER, SIGNED_IN
from app.runtime import open_runner, open_runtime
from app.services.checkpoints import open_checkpoints
from app.services.durable_jobs import resume_unfinished
from app.services.job_leases import open_leases
from app.utils.spend import DailySpend

logger = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, providers: Providers | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database = settings.database
        async with (
            open_database(database.url, database.data_dir, settings.media.root) as db,
            open_leases(db) as leases,
            open_checkpoints(db, leases.columns) as checkpoints,
            open_runtime(settings, providers, checkpoints) as runtime,
            open_runner(runtime, db, checkpoints) as runner,
        ):
            app.state.db = db
            app.state.runtime = runtime
            app.state.spend = DailySpend(
                db, settings.budget.daily_usd, caught_up=checkpoints.caught_up
            )
            if links is not None:
                bind_store(runtime.store, links)
            logger.info("providers: %s", runtime.providers.names())

            def resume() -> Awaitable[int]:
                return resume_unfinished(
                    db,
                    runtime.clip_job_deps(),
                    runtime.compose_job_deps(),
                    runtime.background,
                    leases,
                )

            if runner.resumes_at_start:  # with workers, Redis hands their steps out again
                await resume()
                leases.keep(resume)  # and the jobs of a process that dies meanwhile
            try:
                yield
            finally:
                await leases.stop()  # before the runtime stops its jobs
                await app.state.rate_limiter.aclose()

    links = links_for(settings.auth)

    app = FastAPI(
        title="Reelsmith",
        summary="Turn a conversation about a product into a finished 30-second vertical video ad.",
        version="0.1.0",
        lifespan=lifespan,
        responses=SERVER,
    )
    app.state.media_links = links
    app.state.rate_limiter = _rate_limiter(settings)
    if links is not None:
        app.add_middleware(MediaLinkRefresh)
    app.add_middleware(BodyLimits)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
    )
    for module in (health, config, auth, media):
        app.include_router(module.router)
    # Whose request it is, asked before anything else runs: with accounts on, a 401 here.
    signed_in = [Depends(current_user_id)]
    for module in (
        director,
        assets,
        moods,
        scenes,
        video,
        estimates,
        voices,
        status,
        jobs,
        projects,
    ):
        app.include_router(module.router, dependencies=signed_in, responses=SIGNED_IN)
    install_error_handlers(app)
    return app


def _rate_limiter(settings: Settings) -> Limiter:
    """Buckets in Redis when there is one (shared by every API process), else in this one."""
    limits = settings.rate_limits
    per_minute = limits.per_minute if settings.auth.enabled else limits.local_per_minute
    if limits.redis_url is None or per_minute <= 0:
        return RateLimiter(per_minute)
    return RedisRateLimiter(per_minute, connect(limits.redis_url.get_secret_value()))


app = create_app()
"""What `uvicorn app.main:app` serves, configured from the environment."""
