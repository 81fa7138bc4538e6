"""The declarative base and the column types every table shares."""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, MetaData, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Named constraints, so that a later migration can drop one on SQLite and PostgreSQL alike."""


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp that is always aware and in UTC: SQLite keeps none of the zone, PostgreSQL
    keeps it; both come back as UTC here."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be aware")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


_NUL_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u0000")
"""A `\\u0000` escape in JSON text (an even run of backslashes before it, so not `\\\\u0000`)."""


def dump_json(value: object) -> str:
    """JSON for a document column, without NUL characters: PostgreSQL's JSONB and text refuse
    them, and no chat, brief or storyboard means one, so they are dropped on every database."""
    return _NUL_ESCAPE.sub(r"\1", json.dumps(value))


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return str(uuid.uuid4())


ID = String(36)
"""A UUID in its 36-character text form: the same on SQLite and PostgreSQL, and in URLs."""
Document = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")
"""A JSON document whose shape is one of the API's own models (validated on the way in)."""


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}
