"""Domain errors, and how each reaches a client.

    ReelsmithError                 500 internal_error
    ├── NotFoundError              404 not_found
    │   ├── JobNotFound            404 job_not_found
    │   ├── MediaNotFound          404 media_not_found
    │   └── ProjectNotFound        404 project_not_found (no project with that id, or not a UUID)
    ├── MediaPathRefused           400 media_path_refused (a key that names no plain file)
    ├── PreviewUnavailable         400 preview_unavailable (a sized preview of no readable image)
    ├── StorageFull                507 storage_full      (disk full, quota reached, read-only)
    ├── InvalidRequest             422 invalid_request   (domain rules pydantic cannot see)
    │   ├── UnsupportedMedia       422 unsupported_media (not one plain video, image or audio file)
    │   ├── UnreadableImage        422 unreadable_image  (an upload that does not decode whole)
    │   └── ImageTooLarge          422 image_too_large   (an upload with too many pixels)
    ├── UnsupportedImageType       415 unsupported_image_type (an upload not PNG, JPEG or WebP)
    ├── UploadTooLarge             413 upload_too_large  (an upload over its byte cap)
    ├── FetchFailed                502 fetch_failed      (a client's link could not be fetched)
    ├── ProviderError              502 provider_error    (a model or service failed us)
    │   ├── ProviderRateLimited    503 provider_rate_limited
    │   ├── ProviderTimedOut       504 provider_timed_out
    │   ├── ProviderBadOutput      502 provider_bad_output
    │   └── ProviderRefused        422 provider_refused  (the model declined what was asked)
    └── RenderError                500 render_failed     (FFmpeg could not produce the file)
        ├── RenderTimedOut         500 render_timed_out
        └── RenderInputRefused     500 render_input_refused  (argv reads what we did not mean)

A link the fetch policy refuses from the URL alone is a 422 validation error on its field
(`type: url_refused`), raised by the router before any job starts; `app.fetching` keeps its own
reasons for the log and never shows them.

Every error carries a stable `code` for programs and a `message` written for people. Services
raise these and never import FastAPI; `app.main` maps them to responses in one handler.
"""

from __future__ import annotations


class ReelsmithError(Exception):
    status_code = 500
    code = "internal_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(ReelsmithError):
    status_code = 404
    code = "not_found"


class JobNotFound(NotFoundError):
    code = "job_not_found"

    def __init__(self, job_id: str) -> None:
        super().__init__(f"No job with id {job_id!r}. It may have expired or never existed.")


class ProjectNotFound(NotFoundError):
    code = "project_not_found"

    def __init__(self) -> None:
        # The id is not repeated: it may be anything a client typed.
        super().__init__(
            "No project with this id; it may have been deleted. GET /api/projects lists them."
        )


class MediaNotFound(NotFoundError):
    code = "media_not_found"


class MediaPathRefused(ReelsmithError):
    status_code = 400
    code = "media_path_refused"


class PreviewUnavailable(ReelsmithError):
    """`/media/{key}?w=N` of a file that is not a readable PNG, JPEG or WebP image."""

    status_code = 400
    code = "preview_unavailable"


OUT_OF_SPACE = (
    "The server has run out of space for new media; delete old projects or ask the operator "
    "to free space."
)
QUOTA_REACHED = (
    "The server has used all the space it may take for media; delete old projects or ask the "
    "operator to free space."
)


class StorageFull(ReelsmithError):
    """The media store cannot take new files: the disk is full or read-only, or our quota is
    used up. The cause (an OSError with its path) goes to the log, never to the client."""

    status_code = 507
    code = "storage_full"

    def __init__(self, message: str = OUT_OF_SPACE) -> None:
        super().__init__(message)


class InvalidRequest(ReelsmithError):
    status_code = 422
    code = "invalid_request"


class FetchFailed(ReelsmithError):
    """A link a client gave us could not be brought in; the same sentence whatever the cause,
    so that no answer tells what is on the network (a refused address, a 404, a TLS error)."""

    status_code = 502
    code = "fetch_failed"


class UnsupportedMedia(InvalidRequest):
    """A file handed to FFmpeg is not one plain video, image or audio file we can read.

    Checked before FFmpeg ever opens it: a manifest or playlist posing as a clip would make
    FFmpeg fetch what it names, local files included.
    """

    code = "unsupported_media"


class UnreadableImage(InvalidRequest):
    """An uploaded file that says it is an image but does not decode whole (truncated, corrupt)."""

    code = "unreadable_image"


class ImageTooLarge(InvalidRequest):
    """An uploaded image whose header declares more pixels than we decode."""

    code = "image_too_large"


class UnsupportedImageType(ReelsmithError):
    """An upload that is not a PNG, JPEG or WebP photo (a PDF, an SVG, a video...)."""

    status_code = 415
    code = "unsupported_image_type"


class UploadTooLarge(ReelsmithError):
    """An uploaded file over the upload cap (the route's body cap refuses most of them first)."""

    status_code = 413
    code = "upload_too_large"


class ProviderError(ReelsmithError):
    status_code = 502
    code = "provider_error"


class ProviderRateLimited(ProviderError):
    status_code = 503
    code = "provider_rate_limited"


class ProviderTimedOut(ProviderError):
    status_code = 504
    code = "provider_timed_out"


class ProviderBadOutput(ProviderError):
    code = "provider_bad_output"


class ProviderRefused(ProviderError):
    """The model declined the request on its content: asking again differently may help,
    retrying the same may not."""

    status_code = 422
    code = "provider_refused"


class RenderError(ReelsmithError):
    code = "render_failed"


class RenderTimedOut(RenderError):
    code = "render_timed_out"


class RenderInputRefused(RenderError):
    code = "render_input_refused"
