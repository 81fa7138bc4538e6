"""Named dependencies, reused by every router."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.auth.identify import identify
from app.auth.owner import set_owner
from app.config import Settings
from app.db.engine import Database
from app.db.models import LOCAL_USER_ID
from app.providers.registry import Providers
from app.rate_limits import Limiter
from app.runtime import Runtime
from app.services.clip_service import ClipJobDeps
from app.services.composition_service import ComposeJobDeps
from app.services.job_runner import JobRunner
from app.storage.media_store import MediaStore
from app.utils.background import BackgroundTasks
from app.utils.job_tracker import JobTracker
from app.utils.spend import DailySpend


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def get_db(request: Request) -> Database:
    database: Database = request.app.state.db
    return database


DbDep = Annotated[Database, Depends(get_db)]


def get_settings_dep(runtime: RuntimeDep) -> Settings:
    return runtime.settings


def get_store(runtime: RuntimeDep) -> MediaStore:
    return runtime.store


def get_jobs(runtime: RuntimeDep) -> JobTracker:
    return runtime.jobs


def get_providers(runtime: RuntimeDep) -> Providers:
    return runtime.providers


def get_background(runtime: RuntimeDep) -> BackgroundTasks:
    return runtime.background


def get_spend(request: Request) -> DailySpend:
    spend: DailySpend = request.app.state.spend
    return spend


def get_runner(runtime: RuntimeDep) -> JobRunner:
    assert runtime.runner is not None, "the API's lifespan opens a runner"
    return runtime.runner


def get_clip_job_deps(runtime: RuntimeDep) -> ClipJobDeps:
    return runtime.clip_job_deps()


def get_compose_job_deps(runtime: RuntimeDep) -> ComposeJobDeps:
    return runtime.compose_job_deps()


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
StoreDep = Annotated[MediaStore, Depends(get_store)]
JobsDep = Annotated[JobTracker, Depends(get_jobs)]
ProvidersDep = Annotated[Providers, Depends(get_providers)]
BackgroundDep = Annotated[BackgroundTasks, Depends(get_background)]
ClipJobDepsDep = Annotated[ClipJobDeps, Depends(get_clip_job_deps)]
ComposeJobDepsDep = Annotated[ComposeJobDeps, Depends(get_compose_job_deps)]
SpendDep = Annotated[DailySpend, Depends(get_spend)]
RunnerDep = Annotated[JobRunner, Depends(get_runner)]


async def current_user_id(request: Request) -> str:
    """Whose request this is. Without accounts every request is the studio's one local user;
    with accounts (`AUTH_ENABLED=true`) the user its bearer token names, or a 401. Every owner
    check, rate limit and budget takes the user from here, never from the request body.

    The user is also left where the response's media links (`app.auth.media_refresh`) and the
    jobs the request starts (`app.auth.owner`) find it."""
    settings: Settings = request.app.state.runtime.settings
    if settings.auth.enabled:
        authorization = request.headers.get("authorization")
        user_id = await identify(request.app.state.db, settings.auth, authorization)
    else:
        user_id = LOCAL_USER_ID
    request.state.user_id = user_id
    set_owner(user_id)
    return user_id


CurrentUserId = Annotated[str, Depends(current_user_id)]


async def rate_limited(request: Request, user_id: CurrentUserId) -> None:
    """Spend one of the user's requests per minute (`app.rate_limits`), or answer 429."""
    limiter: Limiter = request.app.state.rate_limiter
    await limiter.acquire(user_id)


RateLimit = Depends(rate_limited)
"""For `dependencies=[RateLimit]` on the routes that pay a model or render video."""
