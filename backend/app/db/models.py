"""The tables, after the seed's post-MVP plan (`users`, `projects`, `videos`, `brand_assets`)
plus `jobs` and `job_steps`, where clip and compose jobs are checkpointed step by step.

A project's work (the chat, the brief, every mood set shown, the chosen mood, the plan, the
seeds, the clips) is kept as JSON documents in the API's own shapes, validated by the API's
models on the way in; each composed ad is a row of `videos`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import ID, Base, Document, new_id, utcnow

LOCAL_USER_ID = "00000000-0000-4000-8000-000000000001"
"""The one user of a studio without accounts; the initial migration creates its row."""


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    """Lower-cased; how an account signs in. The local user has none."""
    password_hash: Mapped[str | None] = mapped_column(String(200))
    """argon2id, in its own encoded form (salt and parameters included); None: cannot sign in."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ApiToken(Base):
    """A long-lived token for the CLI and scripts; only its hash is kept (shown once, when made)."""

    __tablename__ = "api_tokens"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ID, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    """SHA-256 of the token, hex: tokens are random 256-bit strings, so no salt or slow hash."""
    prefix: Mapped[str] = mapped_column(String(16))
    """The token's first characters, to tell tokens apart in a list."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column()


class Project(Base):
    __tablename__ = "projects"
    __table_args__ = (Index(None, "user_id", "created_at"),)
    """The gallery: one user's projects, newest first."""

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ID, ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    chat: Mapped[list[Any]] = mapped_column(Document, default=list)
    """The conversation with the director, as the studio's chat holds it (UI messages)."""
    brief: Mapped[dict[str, Any] | None] = mapped_column(Document)
    mood_sets: Mapped[list[Any]] = mapped_column(Document, default=list)
    """Every set of moods shown, oldest first; each is a list of moods."""
    selected_mood: Mapped[dict[str, Any] | None] = mapped_column(Document)
    plan: Mapped[dict[str, Any] | None] = mapped_column(Document)
    seeds: Mapped[list[Any]] = mapped_column(Document, default=list)
    """The storyboard's scenes with their seed images."""
    clips: Mapped[list[Any]] = mapped_column(Document, default=list)
    clip_job_id: Mapped[str | None] = mapped_column(String(64))
    """The clip job whose clips `clips` holds (a retry is a new job)."""

    videos: Mapped[list[Video]] = relationship(
        back_populates="project",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Video.created_at",
    )


class Video(Base):
    """One composed ad of a project: every format made, and its soundtrack."""

    __tablename__ = "videos"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    project_id: Mapped[str] = mapped_column(
        ID, ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    job_id: Mapped[str | None] = mapped_column(String(64))
    final_video_url: Mapped[str] = mapped_column(Text)
    final_videos: Mapped[dict[str, str]] = mapped_column(Document, default=dict)
    audio_url: Mapped[str | None] = mapped_column(Text)
    captions_url: Mapped[str | None] = mapped_column(Text)
    """The captions burned into the ad, as WebVTT; None without voice or captions."""
    captions_srt_url: Mapped[str | None] = mapped_column(Text)
    poster_url: Mapped[str | None] = mapped_column(Text)
    duration: Mapped[float | None] = mapped_column(Float)
    cost_usd: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    project: Mapped[Project] = relationship(back_populates="videos")


class BrandAsset(Base):
    """A product photo or logo a user uploaded (`POST /api/assets`)."""

    __tablename__ = "brand_assets"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ID, ForeignKey("users.id", ondelete="CASCADE"))
    project_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("projects.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    """`product` or `logo`."""
    storage_key: Mapped[str] = mapped_column(Text)
    cutout_key: Mapped[str | None] = mapped_column(Text)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Job(Base):
    """A clip or compose job: what it was asked, where it stands, what it made."""

    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    project_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("projects.id", ondelete="SET NULL"), index=True
    )
    user_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    """Whose job this is: another user's job id answers 404."""
    kind: Mapped[str] = mapped_column(String(20))
    """`clips` or `compose`."""
    status: Mapped[str] = mapped_column(String(20), index=True)
    """`processing` until it ends: what a start-up resumes."""
    progress: Mapped[int] = mapped_column(Integer, default=0)
    request: Mapped[dict[str, Any]] = mapped_column(Document, default=dict)
    """What the job was asked to do, enough to start it again after a restart."""
    result: Mapped[dict[str, Any] | None] = mapped_column(Document)
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    cost_usd: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    lease_owner: Mapped[str | None] = mapped_column(String(120))
    """The API process running the job (`app.services.job_leases`); None: nobody yet."""
    lease_expires_at: Mapped[datetime | None] = mapped_column()
    """Renewed while the job runs; once past, another process may take the job up."""

    steps: Mapped[list[JobStep]] = relationship(
        back_populates="job", cascade="all, delete-orphan", passive_deletes=True
    )


class JobStep(Base):
    """One checkpointed step of a job: a clip, the music, the compose itself."""

    __tablename__ = "job_steps"
    __table_args__ = (UniqueConstraint("job_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_id: Mapped[str] = mapped_column(String(64), ForeignKey("jobs.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(40))
    """`clip-3`, `music`, `compose`: unique within its job."""
    kind: Mapped[str] = mapped_column(String(20))
    """`clip`, `music` or `compose`."""
    scene_number: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    prediction_id: Mapped[str | None] = mapped_column(String(128))
    """The provider's id of a remote prediction in flight, to re-attach to after a restart."""
    output_key: Mapped[str | None] = mapped_column(Text)
    """Where the step's output lives in the media store."""
    cost_usd: Mapped[float] = mapped_column(Float, default=0.0)
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    job: Mapped[Job] = relationship(back_populates="steps")


class Spend(Base):
    """One paid job's share of its owner's daily budget: its estimate, held while it runs, then
    what it really cost. Kept apart from `jobs` (no foreign key to it): money spent stays spent
    when a job's project is deleted with its jobs."""

    __tablename__ = "spend"
    __table_args__ = (Index(None, "user_id", "settled_at"),)
    """A user's day: what settled since midnight, and what is still held."""

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ID, ForeignKey("users.id", ondelete="CASCADE"))
    job_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    """None for the moment between the reservation and the job's start."""
    estimate_usd: Mapped[float] = mapped_column(Float, default=0.0)
    cost_usd: Mapped[float | None] = mapped_column(Float)
    """What the job really cost, once it has ended; None while it runs."""
    reserved_at: Mapped[datetime] = mapped_column(default=utcnow)
    settled_at: Mapped[datetime | None] = mapped_column()
    """When the job ended: the day its cost counts against."""
