"""Named dependencies, reused by every router."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.config import Settings
from app.providers.registry import Providers
from app.runtime import Runtime
from app.services.clip_service import ClipJobDeps
from app.services.composition_service import ComposeJobDeps
from app.storage.media_store import MediaStore
from app.utils.background import BackgroundTasks
from app.utils.job_tracker import JobTracker


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


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
