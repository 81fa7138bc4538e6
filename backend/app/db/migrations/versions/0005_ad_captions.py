"""An ad's captions: the WebVTT and SubRip files composed with it, so that a project opened
later offers them beside the video, and deleting the project removes them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("videos") as videos:
        videos.add_column(sa.Column("captions_url", sa.Text(), nullable=True))
        videos.add_column(sa.Column("captions_srt_url", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("videos") as videos:
        videos.drop_column("captions_srt_url")
        videos.drop_column("captions_url")
