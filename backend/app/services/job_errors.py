"""How a failure inside a background job is described to the client polling it.

Our own errors speak for themselves, through `redact` so none quotes a URL or a path; anything
else is logged whole and described in a fixed sentence.
"""

from __future__ import annotations

import logging

from app.errors import ErrorCode, ReelsmithError
from app.models.video import ErrorInfo
from app.redact import redact
from app.storage.faults import as_storage_full

logger = logging.getLogger(__name__)


def error_info(exc: BaseException, doing: str) -> ErrorInfo:
    """Our own errors speak for themselves; anything else is logged and described plainly.

    A full or read-only disk is `storage_full` however deep its OSError sits in the chain.
    """
    full = as_storage_full(exc)
    if full is not None:
        return ErrorInfo(code=full.code, message=full.message)
    if isinstance(exc, ReelsmithError):
        return ErrorInfo(code=exc.code, message=redact(exc.message))
    logger.error("unexpected failure while %s", doing, exc_info=exc)
    return ErrorInfo(
        code=ErrorCode.INTERNAL_ERROR,
        message=(
            f"Something unexpected went wrong while {doing}. Try again; if it keeps happening, "
            "let the person who runs Reelsmith know."
        ),
    )
