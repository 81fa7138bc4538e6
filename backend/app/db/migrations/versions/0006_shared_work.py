"""Work shared by several processes: the daily budget in the database (each paid job's
reservation, then its real cost, so that every API process and worker counts the same spend
and a restart forgets none of it), and each job's lease (which API process runs it, until
when), so that two processes never both resume one job.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _time() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "spend",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("job_id", sa.String(length=64), nullable=True),
        sa.Column("estimate_usd", sa.Float(), nullable=False),
        sa.Column("cost_usd", sa.Float(), nullable=True),
        sa.Column("reserved_at", _time(), nullable=False),
        sa.Column("settled_at", _time(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_spend_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spend")),
        sa.UniqueConstraint("job_id", name=op.f("uq_spend_job_id")),
    )
    op.create_index(op.f("ix_spend_user_id_settled_at"), "spend", ["user_id", "settled_at"])
    with op.batch_alter_table("jobs") as jobs:
        jobs.add_column(sa.Column("lease_owner", sa.String(length=120), nullable=True))
        jobs.add_column(sa.Column("lease_expires_at", _time(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("jobs") as jobs:
        jobs.drop_column("lease_expires_at")
        jobs.drop_column("lease_owner")
    op.drop_index(op.f("ix_spend_user_id_settled_at"), table_name="spend")
    op.drop_table("spend")
