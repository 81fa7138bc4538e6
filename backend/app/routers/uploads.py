"""A 422 for brief links to uploads that are not ours or no longer exist, before any work."""

from __future__ import annotations

import asyncio

from fastapi.exceptions import RequestValidationError

from app.errors import ErrorCode
from app.models.creative_brief import BriefFields
from app.services.brief_assets import missing_links
from app.storage.media_store import MediaStore

MISSING = "names no upload of this studio; upload the file again"


async def refuse_missing_uploads(
    store: MediaStore, brief: BriefFields | None, field: str = "creative_brief"
) -> None:
    missing = await asyncio.to_thread(missing_links, store, brief)
    if missing:
        raise RequestValidationError(
            [
                {"loc": ["body", field, *loc], "msg": MISSING, "type": ErrorCode.URL_REFUSED.value}
                for loc in missing
            ]
        )
