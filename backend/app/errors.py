"""Domain errors, every code a client can see, and how each reaches a client.

    ReelsmithError                 500 internal_error
    ├── NotFoundError              404 not_found
    │   ├── JobNotFound            404 job_not_found
    │   ├── MediaNotFound          404 media_not_found
    │   ├── ProjectNotFound        404 project_not_found (no project with that id, or not a UUID)
    │   ├── AccountsOff            404 accounts_off      (an account endpoint, accounts being off)
    │   └── ApiTokenNotFound       404 api_token_not_found
    ├── NotSignedIn                401 not_signed_in     (no bearer token, or one not valid now)
    │   └── SignInFailed           401 sign_in_failed    (wrong email or password)
    ├── EmailTaken                 409 email_taken
    ├── RateLimited                429 rate_limited      (too many requests a minute; Retry-After)
    ├── MediaPathRefused           400 media_path_refused (a key that names no plain file)
    ├── PreviewUnavailable         400 preview_unavailable (a sized preview of no readable image)
    ├── StorageFull                507 storage_full      (disk full, quota reached, read-only)
    ├── StorageUnavailable         503 storage_unavailable (the media bucket cannot be reached)
    ├── DatabaseUnavailable        503 database_unavailable (busy past its wait, or unreachable)
    ├── BudgetExceeded             402 budget_exceeded   (paid work past the user's daily budget)
    ├── TooManyStreams             503 too_many_streams  (every progress-event stream is taken)
    ├── QueueUnavailable           503 queue_unavailable (workers' queue out of reach; Retry-After)
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
    ├── RenderError                500 render_failed     (FFmpeg could not produce the file)
    │   ├── RenderTimedOut         500 render_timed_out
    │   └── RenderInputRefused     500 render_input_refused  (argv reads what we did not mean)
    └── PipelineFailed                 pipeline_failed   (the CLI's render stopped at a step)

    Refusals made before any of our code runs (`app.error_handlers`, `app.request_limits`):
        400 bad_request            (a body that is not UTF-8 JSON, or not a multipart form)
        400 body_too_deep          (JSON nested deeper than any request needs)
        413 body_too_large         (a body over its endpoint's cap)
        404 not_found              (no endpoint at this address)
        405 method_not_allowed
        422 validation_error       (fields that do not match the schema, listed one by one)
            └── url_refused        (a field error's `type`: a link the fetch policy refuses)
        4xx/5xx http_error         (any other refusal the framework makes)

    Job and clip errors (`ErrorInfo` in a status answer) use the codes above, and:
        clips_failed               (some of a job's clips failed; each clip says why)
        job_cancelled              (stopped before it ended: its project was deleted)

Every error carries a stable `code` (one of `ErrorCode`, which the OpenAPI publishes so the
studio's union is generated from it) and a `message` written for people; HTTP bodies keep the
seed's `detail` beside it. Services raise these and never import FastAPI; `app.main` maps them
to responses in one handler. A link the fetch policy refuses from the URL alone is a 422 on its
field, raised by the router before any job starts; `app.fetching` keeps its own reasons for the
log and never shows them. `tests/unit/test_error_codes.py` fails on any code emitted but not
declared here.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Every code a client can see, in an HTTP body, a job's or clip's error, or the chat."""

    INTERNAL_ERROR = "internal_error"
    NOT_FOUND = "not_found"
    JOB_NOT_FOUND = "job_not_found"
    MEDIA_NOT_FOUND = "media_not_found"
    PROJECT_NOT_FOUND = "project_not_found"
    MEDIA_PATH_REFUSED = "media_path_refused"
    PREVIEW_UNAVAILABLE = "preview_unavailable"
    STORAGE_FULL = "storage_full"
    STORAGE_UNAVAILABLE = "storage_unavailable"
    DATABASE_UNAVAILABLE = "database_unavailable"
    INVALID_REQUEST = "invalid_request"
    BUDGET_EXCEEDED = "budget_exceeded"
    TOO_MANY_STREAMS = "too_many_streams"
    QUEUE_UNAVAILABLE = "queue_unavailable"
    UNSUPPORTED_MEDIA = "unsupported_media"
    UNREADABLE_IMAGE = "unreadable_image"
    IMAGE_TOO_LARGE = "image_too_large"
    UNSUPPORTED_IMAGE_TYPE = "unsupported_image_type"
    UPLOAD_TOO_LARGE = "upload_too_large"
    FETCH_FAILED = "fetch_failed"
    PROVIDER_ERROR = "provider_error"
    PROVIDER_RATE_LIMITED = "provider_rate_limited"
    PROVIDER_TIMED_OUT = "provider_timed_out"
    PROVIDER_BAD_OUTPUT = "provider_bad_output"
    PROVIDER_REFUSED = "provider_refused"
    RENDER_FAILED = "render_failed"
    RENDER_TIMED_OUT = "render_timed_out"
    RENDER_INPUT_REFUSED = "render_input_refused"
    PIPELINE_FAILED = "pipeline_failed"
    ACCOUNTS_OFF = "accounts_off"
    API_TOKEN_NOT_FOUND = "api_token_not_found"
    NOT_SIGNED_IN = "not_signed_in"
    SIGN_IN_FAILED = "sign_in_failed"
    EMAIL_TAKEN = "email_taken"
    RATE_LIMITED = "rate_limited"
    CLIPS_FAILED = "clips_failed"
    JOB_CANCELLED = "job_cancelled"
    BAD_REQUEST = "bad_request"
    BODY_TOO_DEEP = "body_too_deep"
    BODY_TOO_LARGE = "body_too_large"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    VALIDATION_ERROR = "validation_error"
    URL_REFUSED = "url_refused"
    HTTP_ERROR = "http_error"


class ReelsmithError(Exception):
    status_code = 500
    code: ErrorCode = ErrorCode.INTERNAL_ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    @property
    def headers(self) -> dict[str, str]:
        """Response headers the error needs (`WWW-Authenticate`, `Retry-After`)."""
        return {}


class NotFoundError(ReelsmithError):
    status_code = 404
    code = ErrorCode.NOT_FOUND


class JobNotFound(NotFoundError):
    code = ErrorCode.JOB_NOT_FOUND

    def __init__(self, job_id: str) -> None:
        super().__init__(f"No job with id {job_id!r}. It may have expired or never existed.")


class ProjectNotFound(NotFoundError):
    code = ErrorCode.PROJECT_NOT_FOUND

    def __init__(self) -> None:
        # The id is not repeated: it may be anything a client typed.
        super().__init__(
            "No project with this id; it may have been deleted. Open it again from your projects."
        )


class MediaNotFound(NotFoundError):
    code = ErrorCode.MEDIA_NOT_FOUND


class AccountsOff(NotFoundError):
    code = ErrorCode.ACCOUNTS_OFF

    def __init__(self) -> None:
        super().__init__(
            "This studio runs without accounts, so there is nothing to sign in to; use it as it is."
        )


class ApiTokenNotFound(NotFoundError):
    code = ErrorCode.API_TOKEN_NOT_FOUND

    def __init__(self) -> None:
        super().__init__("You have no API token with this id; it may have been revoked already.")


class NotSignedIn(ReelsmithError):
    """No bearer token, or one that is expired, revoked or not ours."""

    status_code = 401
    code = ErrorCode.NOT_SIGNED_IN

    @property
    def headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": "Bearer"}


class SignInFailed(NotSignedIn):
    code = ErrorCode.SIGN_IN_FAILED

    def __init__(self) -> None:
        # One sentence for both: which of the two was wrong would tell who has an account.
        super().__init__("The email or the password is wrong; check both and try again.")


class EmailTaken(ReelsmithError):
    status_code = 409
    code = ErrorCode.EMAIL_TAKEN

    def __init__(self) -> None:
        super().__init__("An account with this email already exists; sign in instead.")


class RateLimited(ReelsmithError):
    status_code = 429
    code = ErrorCode.RATE_LIMITED

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"You are making requests faster than this studio allows; wait {retry_after} "
            f"second{'s' if retry_after != 1 else ''} and try again."
        )
        self.retry_after = retry_after

    @property
    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class MediaPathRefused(ReelsmithError):
    status_code = 400
    code = ErrorCode.MEDIA_PATH_REFUSED


class PreviewUnavailable(ReelsmithError):
    """`/media/{key}?w=N` of a file that is not a readable PNG, JPEG or WebP image."""

    status_code = 400
    code = ErrorCode.PREVIEW_UNAVAILABLE


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
    code = ErrorCode.STORAGE_FULL

    def __init__(self, message: str = OUT_OF_SPACE) -> None:
        super().__init__(message)


class StorageUnavailable(ReelsmithError):
    """With `MEDIA_BACKEND=s3`, the bucket refused or did not answer. The cause (its endpoint,
    status and request id) goes to the log, never to the client."""

    status_code = 503
    code = ErrorCode.STORAGE_UNAVAILABLE

    def __init__(
        self,
        message: str = "The media storage could not be reached; try again in a moment, or ask "
        "the operator to check it.",
    ) -> None:
        super().__init__(message)


class DatabaseUnavailable(ReelsmithError):
    """The database did not answer in time: SQLite's file locked past its busy wait by other
    writers under load, or PostgreSQL unreachable. A moment later usually works; the cause goes
    to the log (`app.error_handlers`), never to the client."""

    status_code = 503
    code = ErrorCode.DATABASE_UNAVAILABLE
    RETRY_AFTER_SECONDS = 2

    def __init__(
        self,
        message: str = "The server's database is busy or could not be reached; try again in a "
        "moment.",
    ) -> None:
        super().__init__(message)

    @property
    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.RETRY_AFTER_SECONDS)}


class BudgetExceeded(ReelsmithError):
    """Paid work whose estimate would take the user past the daily budget; nothing started."""

    status_code = 402
    code = ErrorCode.BUDGET_EXCEEDED


class TooManyStreams(ReelsmithError):
    status_code = 503
    code = ErrorCode.TOO_MANY_STREAMS

    def __init__(self) -> None:
        super().__init__(
            "The server is sending progress to as many screens as it can; this one asks for "
            "progress every few seconds instead."
        )


class QueueUnavailable(ReelsmithError):
    """With `JOB_BACKEND=celery`, the job's steps could not be handed to the workers (Redis
    refused or did not answer). The job was withdrawn before anyone saw it: no row, no spend
    held, nothing in its project. The cause goes to the log, never to the client."""

    status_code = 503
    code = ErrorCode.QUEUE_UNAVAILABLE
    RETRY_AFTER_SECONDS = 5

    def __init__(
        self,
        message: str = "The server could not hand this work to its workers just now; nothing "
        "was started and nothing was charged. Try again in a moment.",
    ) -> None:
        super().__init__(message)

    @property
    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.RETRY_AFTER_SECONDS)}


class InvalidRequest(ReelsmithError):
    status_code = 422
    code = ErrorCode.INVALID_REQUEST


class FetchFailed(ReelsmithError):
    """A link a client gave us could not be brought in; the same sentence whatever the cause,
    so that no answer tells what is on the network (a refused address, a 404, a TLS error)."""

    status_code = 502
    code = ErrorCode.FETCH_FAILED


class UnsupportedMedia(InvalidRequest):
    """A file handed to FFmpeg is not one plain video, image or audio file we can read.

    Checked before FFmpeg ever opens it: a manifest or playlist posing as a clip would make
    FFmpeg fetch what it names, local files included.
    """

    code = ErrorCode.UNSUPPORTED_MEDIA


class UnreadableImage(InvalidRequest):
    """An uploaded file that says it is an image but does not decode whole (truncated, corrupt)."""

    code = ErrorCode.UNREADABLE_IMAGE


class ImageTooLarge(InvalidRequest):
    """An uploaded image whose header declares more pixels than we decode."""

    code = ErrorCode.IMAGE_TOO_LARGE


class UnsupportedImageType(ReelsmithError):
    """An upload that is not a PNG, JPEG or WebP photo (a PDF, an SVG, a video...)."""

    status_code = 415
    code = ErrorCode.UNSUPPORTED_IMAGE_TYPE


class UploadTooLarge(ReelsmithError):
    """An uploaded file over the upload cap (the route's body cap refuses most of them first)."""

    status_code = 413
    code = ErrorCode.UPLOAD_TOO_LARGE


class ProviderError(ReelsmithError):
    status_code = 502
    code = ErrorCode.PROVIDER_ERROR


class ProviderRateLimited(ProviderError):
    status_code = 503
    code = ErrorCode.PROVIDER_RATE_LIMITED


class ProviderTimedOut(ProviderError):
    status_code = 504
    code = ErrorCode.PROVIDER_TIMED_OUT


class ProviderBadOutput(ProviderError):
    code = ErrorCode.PROVIDER_BAD_OUTPUT


class ProviderRefused(ProviderError):
    """The model declined the request on its content: asking again differently may help,
    retrying the same may not."""

    status_code = 422
    code = ErrorCode.PROVIDER_REFUSED


class RenderError(ReelsmithError):
    code = ErrorCode.RENDER_FAILED


class RenderTimedOut(RenderError):
    code = ErrorCode.RENDER_TIMED_OUT


class RenderInputRefused(RenderError):
    code = ErrorCode.RENDER_INPUT_REFUSED
