from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, UploadFile, status

from app.assets.intake import MAX_UPLOAD_BYTES
from app.deps import StoreDep
from app.models.assets import AssetKind, AssetResponse
from app.request_limits import BODY_LIMIT_KEY
from app.routers.responses import STORAGE, UPLOAD, merge
from app.services import asset_service

router = APIRouter(prefix="/api/assets", tags=["assets"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses=merge(UPLOAD, STORAGE),
    openapi_extra={BODY_LIMIT_KEY: MAX_UPLOAD_BYTES + 64 * 1024},
)
async def upload_asset(
    file: UploadFile, kind: Annotated[AssetKind, Form()], store: StoreDep
) -> AssetResponse:
    """Upload a product photo (cut out from its background) or a logo: PNG, JPEG or WebP."""
    data = await file.read(MAX_UPLOAD_BYTES + 1)
    return await asset_service.store_upload(store, data, kind)
