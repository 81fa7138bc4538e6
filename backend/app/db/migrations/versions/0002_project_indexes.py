"""Indexes for the gallery (a user's projects, newest first) and for a project's rows.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEXES = (
    ("ix_projects_user_id_created_at", "projects", ["user_id", "created_at"]),
    ("ix_videos_project_id", "videos", ["project_id"]),
    ("ix_brand_assets_project_id", "brand_assets", ["project_id"]),
    ("ix_jobs_project_id", "jobs", ["project_id"]),
)


def upgrade() -> None:
    for name, table, columns in _INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(_INDEXES):
        op.drop_index(name, table_name=table)
