"""Configuration: one settings object, read from the environment and `.env`.

Environment names follow the seed (`CORS_ORIGINS`, `OPENAI_API_KEY`, `REPLICATE_API_TOKEN`) and
the official clients' own variables (`OPENAI_BASE_URL`, `REPLICATE_BASE_URL`), so one `.env`
serves both us and the SDKs. Each concern is a sub-model that reads its own prefix.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AliasChoices,
    BeforeValidator,
    Field,
    SecretStr,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from app.config_models import ImageModel, MotionModel, MusicModel, ReferenceImageModel

BACKEND_DIR = Path(__file__).resolve().parent.parent
_ENV_FILE = BACKEND_DIR / ".env"


def _config(prefix: str = "") -> SettingsConfigDict:
    return SettingsConfigDict(
        env_prefix=prefix,
        env_file=_ENV_FILE,
        # `OPENAI_API_KEY=` as templates and compose files leave it means "not set", for every
        # variable: the default applies, and `auto` does not pick a provider with no key.
        env_ignore_empty=True,
        extra="ignore",
        populate_by_name=True,
    )


def _blank_is_none(value: object) -> object:
    # A key or URL of only blanks is as unset as an empty one; a pasted key loses its newline.
    if isinstance(value, str):
        return value.strip() or None
    return value


OptionalSecret = Annotated[SecretStr | None, BeforeValidator(_blank_is_none)]
"""An API key: unset when missing, empty or blank."""
OptionalURL = Annotated[str | None, BeforeValidator(_blank_is_none)]
"""A base URL that falls back to the SDK's own when missing, empty or blank."""


class ProviderChoice(StrEnum):
    """Which implementation serves a capability."""

    AUTO = "auto"  # remote when its key is set, local otherwise
    LOCAL = "local"
    REMOTE = "remote"


MediaBackend = Literal["local", "s3"]


class S3Settings(BaseSettings):
    """The bucket that holds the media with `MEDIA_BACKEND=s3` (AWS or any compatible server)."""

    model_config = _config("S3_")

    endpoint_url: OptionalURL = None
    """An S3-compatible server (SeaweedFS, MinIO, R2...); unset: AWS."""
    bucket: str = "reelsmith-media"
    prefix: str = ""
    """A folder of the bucket the media lives under (`reelsmith/`); empty: its top."""
    region: str = "us-east-1"
    access_key_id: OptionalSecret = None
    """Unset: boto3's own lookup (the environment, `~/.aws`, an instance role)."""
    secret_access_key: OptionalSecret = None
    create_bucket: bool = False
    """Create the bucket at start-up when it is missing (a development server's)."""


class MediaSettings(BaseSettings):
    model_config = _config()

    root: Path = Field(
        default=BACKEND_DIR / "media", validation_alias=AliasChoices("MEDIA_ROOT", "root")
    )
    """Directory that holds every asset the API hands out."""
    public_base_url: str = Field(
        default="http://localhost:8000",
        validation_alias=AliasChoices("PUBLIC_BASE_URL", "public_base_url"),
    )
    """Origin the browser reaches the backend at; media URLs are built from it."""
    max_download_bytes: int = Field(
        default=200 * 1024 * 1024,
        gt=0,
        validation_alias=AliasChoices("MEDIA_MAX_DOWNLOAD_BYTES", "max_download_bytes"),
    )
    """Largest foreign file we fetch into the store (a clip URL handed to compose, say)."""
    max_bytes: int = Field(
        default=20 * 1024**3,
        ge=0,
        validation_alias=AliasChoices("MEDIA_MAX_BYTES", "max_bytes"),
    )
    """Quota of the media store: once it holds this much, new work is refused (507); 0: none."""
    backend: MediaBackend = Field(
        default="local", validation_alias=AliasChoices("MEDIA_BACKEND", "backend")
    )
    """`local`: the media root is the store. `s3`: a bucket is, and the root a working cache."""
    cache_max_bytes: int = Field(
        default=2 * 1024**3,
        ge=0,
        validation_alias=AliasChoices("MEDIA_CACHE_MAX_BYTES", "cache_max_bytes"),
    )
    """With `s3`: how much the local cache keeps before it drops what was used longest ago."""


class DatabaseSettings(BaseSettings):
    """Where projects (and, later, jobs) are kept: a SQLite file by default, or PostgreSQL."""

    model_config = _config()

    data_dir: Path | None = Field(
        default=None, validation_alias=AliasChoices("DATA_DIR", "data_dir")
    )
    """Directory of the embedded database; unset: `data/` beside the media root, so that a
    media root of its own (a test's, a deployment's) brings a database of its own."""
    url: OptionalURL = Field(default=None, validation_alias=AliasChoices("DATABASE_URL", "url"))
    """`postgresql://user:password@host/db` (or any SQLAlchemy URL with an async driver);
    unset: `reelsmith.db` in `data_dir`. It may hold a password: it is never logged."""


class FetchSettings(BaseSettings):
    """How we fetch a URL we did not mint: a client's clip or image link, a model's output."""

    model_config = _config("FETCH_")

    allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    """Hosts (names or addresses, as written in URLs) fetched even when they are private or
    local, e.g. `FETCH_ALLOWED_HOSTS=127.0.0.1,media.lan`; comma-separated. Empty by default:
    only public addresses are fetched."""
    deadline_seconds: float = Field(default=120.0, gt=0)
    """For a whole download, redirects included: a source that trickles fails at this point."""
    max_redirects: int = Field(default=3, ge=0, le=10)
    """Redirects followed per download, each checked like the first URL."""

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: object) -> object:
        if isinstance(value, str):
            return [host.strip() for host in value.split(",") if host.strip()]
        return value


class FFmpegSettings(BaseSettings):
    model_config = _config("FFMPEG_")

    binary: str | None = None
    """Explicit ffmpeg path; otherwise `ffmpeg` on PATH, otherwise the imageio-ffmpeg binary."""
    preset: str = "ultrafast"
    """x264 preset of the final ad, and of every clip: clips are encoded in the ad's settings
    so that the composer copies them instead of encoding them again. With `x264_params` below,
    `ultrafast` keeps `veryfast`'s PSNR and SSIM at the same CRF on our clips for a third of its
    CPU, in files about twice the size (measured; see the README's benchmark section)."""
    crf: int = 20
    x264_params: Annotated[
        str, Field(pattern=r"^([a-z0-9-]+=[0-9.,-]+(:[a-z0-9-]+=[0-9.,-]+)*)?$")
    ] = "cabac=1:deblock=0,0"
    """x264 options on top of `preset` for the ad and its clips: CABAC (a sixth smaller files)
    and the deblocking filter (no block edges in gradients), both of which `ultrafast` turns
    off. Numeric values only, so no option can name a file."""
    formats_preset: str = "ultrafast"
    """x264 preset of the extra formats (1:1, 4:5, 16:9), reframed from the 9:16 ad at compose
    time: together 2.3 times its pixels, which `veryfast` encodes in about 2.3 plain encodes and
    `ultrafast` in about one, at the same CRF (measured; see the README's benchmark table)."""
    timeout_seconds: float = 600.0
    max_concurrent: int = 2
    """FFmpeg processes allowed at once; each already uses every core."""


class OpenAISettings(BaseSettings):
    model_config = _config("OPENAI_")

    api_key: OptionalSecret = None
    base_url: OptionalURL = None
    """Any server that speaks the OpenAI API (a proxy, a gateway, a fake); unset: OpenAI's."""
    model: str = "gpt-4o"
    timeout_seconds: float = Field(default=60.0, gt=0)
    """Per request; the client itself retries timeouts."""
    max_retries: int = Field(default=3, ge=0)
    """Set on the client, which retries 408/409/429/5xx and timeouts honouring `Retry-After`;
    we never add a retry loop of our own on top."""
    max_concurrent: int = Field(default=4, ge=1)
    """Requests to OpenAI at once, across every chat and plan."""
    structured_attempts: int = Field(default=3, ge=1)
    """How many times a brief, moods or plan is asked for before an invalid answer is
    reported; each new ask carries the validation error of the last answer."""
    temperature: float = Field(default=0.7, ge=0, le=2)
    price_input_per_mtok: float = Field(default=2.50, ge=0)
    """USD per million prompt tokens (GPT-4o's list price)."""
    price_output_per_mtok: float = Field(default=10.00, ge=0)
    """USD per million completion tokens."""


class ReplicateSettings(BaseSettings):
    model_config = SettingsConfigDict(**_config("REPLICATE_"), env_nested_delimiter="__")

    api_token: OptionalSecret = None
    base_url: OptionalURL = None
    """The API origin, e.g. `https://api.replicate.com` (a trailing `/v1` is tolerated)."""
    image: ImageModel = Field(default_factory=ImageModel)
    """`REPLICATE_IMAGE` (JSON) or `REPLICATE_IMAGE__MODEL`, `REPLICATE_IMAGE__EXTRA`, ..."""
    reference_image: ReferenceImageModel = Field(default_factory=ReferenceImageModel)
    """Seed and mood images when the brief has product photos: a model that takes one as a
    reference (`REPLICATE_REFERENCE_IMAGE__MODEL`, ...)."""
    motion: MotionModel = Field(default_factory=MotionModel)
    music: MusicModel = Field(default_factory=MusicModel)
    poll_interval: float = Field(default=1.0, gt=0)
    """Seconds between status checks of a running prediction (the client's own variable)."""
    timeout_seconds: float = Field(default=30.0, gt=0)
    """Per HTTP request to the API."""
    create_attempts: int = Field(default=5, ge=1)
    """Tries at creating a prediction on 429, 5xx and timeouts (the client never retries a
    POST, so this is the only retry loop on it)."""
    backoff_base_seconds: float = Field(default=1.0, ge=0)
    """First wait between those tries, doubled each time, with jitter."""
    backoff_max_seconds: float = Field(default=30.0, ge=0)
    """Longest wait between tries, `Retry-After` included."""
    download_timeout_seconds: float = Field(default=120.0, gt=0)
    """For fetching one output file into the media store."""


class VoiceSettings(BaseSettings):
    """Who speaks the voiceover (the provider is `VOICE_PROVIDER`, with the others)."""

    model_config = _config("VOICE_")

    name: str = Field(default="", max_length=60)
    """The voice used when a compose request names none: one of the provider's voices (local:
    `joe`, `espeak`; OpenAI: `coral`, `alloy`, ...), `none` for music only, or empty for the
    provider's default."""
    timeout_seconds: float = Field(default=120.0, gt=0)
    """For one line from a local engine (Piper or espeak-ng), start-up included: a few seconds
    on an idle machine, far more on one busy rendering."""
    openai_model: str = "gpt-4o-mini-tts"
    """OpenAI's speech model (`VOICE_OPENAI_MODEL`)."""
    openai_price_per_mchar: float = Field(default=15.0, ge=0)
    """USD per million characters spoken, for the cost estimate."""


class EventsSettings(BaseSettings):
    """Progress pushed as Server-Sent Events (`GET /api/jobs/{job_id}/events`)."""

    model_config = _config("EVENTS_")

    max_streams: int = Field(default=100, ge=0)
    """Event streams open at once in this process; past it a new one is refused (503) and the
    studio polls instead. 0: no streams, polling only."""
    min_interval_seconds: float = Field(default=0.25, ge=0)
    """Least time between two events of one stream: changes in between are sent as one."""


class BudgetSettings(BaseSettings):
    """Money: how much paid provider work one user may start in a day."""

    model_config = _config()

    daily_usd: float = Field(
        default=0.0, ge=0, validation_alias=AliasChoices("DAILY_BUDGET_USD", "daily_usd")
    )
    """USD of estimated provider spend per user per day (UTC); paid work whose estimate would
    go past it is refused with 402. 0: unlimited (the default, for local use)."""


class ProviderSettings(BaseSettings):
    """Per-capability selection: `auto`, `local` or `remote`."""

    model_config = _config()

    director: ProviderChoice = Field(
        default=ProviderChoice.AUTO,
        validation_alias=AliasChoices("DIRECTOR_PROVIDER", "director"),
    )
    images: ProviderChoice = Field(
        default=ProviderChoice.AUTO, validation_alias=AliasChoices("IMAGE_PROVIDER", "images")
    )
    motion: ProviderChoice = Field(
        default=ProviderChoice.AUTO, validation_alias=AliasChoices("MOTION_PROVIDER", "motion")
    )
    music: ProviderChoice = Field(
        default=ProviderChoice.AUTO, validation_alias=AliasChoices("MUSIC_PROVIDER", "music")
    )
    voice: ProviderChoice = Field(
        default=ProviderChoice.AUTO, validation_alias=AliasChoices("VOICE_PROVIDER", "voice")
    )


MIN_SECRET_CHARS = 32
"""Shortest `AUTH_SECRET` taken: HS256 keys shorter than the hash are guessable offline."""


class AuthSettings(BaseSettings):
    """Accounts: off for one person's local studio, on for a server several people share."""

    model_config = _config("AUTH_")

    enabled: bool = False
    """`AUTH_ENABLED=true`: every request but health and config needs a bearer token, and each
    user sees only their own projects, jobs and media."""
    secret: OptionalSecret = None
    """Signs access tokens (HS256) and media links; at least 32 characters, e.g.
    `python -c "import secrets; print(secrets.token_urlsafe(48))"`. Required with accounts."""
    access_token_minutes: int = Field(default=720, ge=1, le=60 * 24 * 30)
    """How long a login lasts before the studio asks for the password again."""
    media_url_seconds: int = Field(default=4 * 3600, ge=60, le=7 * 24 * 3600)
    """How long a signed media link (an `<img>` or `<video>` source) works; every answer that
    shows one signs it afresh."""

    @model_validator(mode="after")
    def _secret_with_accounts(self) -> AuthSettings:
        secret = self.secret.get_secret_value() if self.secret else ""
        if self.enabled and len(secret) < MIN_SECRET_CHARS:
            # Refusing to start beats signing tokens anyone can forge.
            raise ValueError(
                f"AUTH_ENABLED=true needs AUTH_SECRET of at least {MIN_SECRET_CHARS} characters"
            )
        return self


class RateLimitSettings(BaseSettings):
    """Requests per minute per user on the endpoints that pay a model or render video."""

    model_config = _config("RATE_LIMIT_")

    per_minute: int = Field(default=30, ge=0)
    """Each signed-in user's allowance, as a token bucket that refills evenly over a minute
    (a burst of this many, then one every 60/N seconds); 0: none."""
    local_per_minute: int = Field(default=0, ge=0)
    """The same for the one local user when accounts are off; 0 (the default): none, since a
    studio on your own machine spends your own keys."""
    redis_url: OptionalSecret = Field(
        default=None, validation_alias=AliasChoices("REDIS_URL", "redis_url")
    )
    """`redis://host:6379/0`: the buckets live there, shared by every API process (and a
    restart keeps them); unset, each process keeps its own. Celery's broker too, with
    `JOB_BACKEND=celery`."""


JobBackend = Literal["inprocess", "celery"]


class JobSettings(BaseSettings):
    """Where clip and compose steps run: in the API process, or on Celery workers via Redis."""

    model_config = _config()

    backend: JobBackend = Field(
        default="inprocess", validation_alias=AliasChoices("JOB_BACKEND", "backend")
    )
    """`inprocess`: the API runs its jobs itself (one process, nothing else to start).
    `celery`: it only enqueues them; `python -m app.workers` processes run them."""
    redis_url: OptionalSecret = Field(
        default=None, validation_alias=AliasChoices("REDIS_URL", "redis_url")
    )
    """`redis://[:password@]host:port/db`: the broker, and where progress travels back. It may
    hold a password: it is never logged."""
    visibility_timeout_seconds: int = Field(
        default=3600,
        ge=1,
        validation_alias=AliasChoices(
            "CELERY_VISIBILITY_TIMEOUT_SECONDS", "visibility_timeout_seconds"
        ),
    )
    """How long a step taken by a worker stays invisible to the others before Redis hands it
    out again (its worker is presumed dead): longer than the longest step."""
    worker_concurrency: int = Field(
        default=2, ge=1, validation_alias=AliasChoices("WORKER_CONCURRENCY", "worker_concurrency")
    )
    """Steps one worker process runs at once (prefork children)."""

    @model_validator(mode="after")
    def _redis_with_celery(self) -> JobSettings:
        if self.backend == "celery" and self.redis_url is None:
            raise ValueError("JOB_BACKEND=celery needs REDIS_URL, the Redis the workers share")
        return self

    @property
    def redis(self) -> str:
        """The Redis URL, for the clients that connect (never for a log line)."""
        return self.redis_url.get_secret_value() if self.redis_url else ""


class Settings(BaseSettings):
    model_config = _config()

    cors_origins: Annotated[list[str], NoDecode] = Field(
        default=["http://localhost:3000", "http://127.0.0.1:3000"],
        validation_alias=AliasChoices("CORS_ORIGINS", "cors_origins"),
    )
    """Origins allowed to call the API from a browser (comma-separated in the environment)."""

    media: MediaSettings = Field(default_factory=MediaSettings)
    s3: S3Settings = Field(default_factory=S3Settings)
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    fetch: FetchSettings = Field(default_factory=FetchSettings)
    ffmpeg: FFmpegSettings = Field(default_factory=FFmpegSettings)
    openai: OpenAISettings = Field(default_factory=OpenAISettings)
    replicate: ReplicateSettings = Field(default_factory=ReplicateSettings)
    providers: ProviderSettings = Field(default_factory=ProviderSettings)
    voice: VoiceSettings = Field(default_factory=VoiceSettings)
    events: EventsSettings = Field(default_factory=EventsSettings)
    budget: BudgetSettings = Field(default_factory=BudgetSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    rate_limits: RateLimitSettings = Field(default_factory=RateLimitSettings)
    jobs: JobSettings = Field(default_factory=JobSettings)

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings; tests override this dependency."""
    return Settings()
