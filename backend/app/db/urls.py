"""Which database to open, as an async SQLAlchemy URL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url

DATABASE_FILE = "reelsmith.db"

_ASYNC_DRIVERS = {"sqlite": "aiosqlite", "postgresql": "asyncpg", "postgres": "asyncpg"}
"""The async driver for a URL that names none (`postgresql://...`, as hosts hand them out)."""


def data_dir_for(data_dir: Path | None, media_root: Path) -> Path:
    """`DATA_DIR`, or `data/` beside the media root."""
    return data_dir if data_dir is not None else media_root.resolve().parent / "data"


def database_url(configured: str | None, data_dir: Path) -> URL:
    """`DATABASE_URL` with an async driver, or the SQLite file in the data directory."""
    if configured is None:
        return URL.create("sqlite+aiosqlite", database=str(data_dir / DATABASE_FILE))
    url = make_url(configured)
    backend, _, driver = url.drivername.partition("+")
    if not driver and backend in _ASYNC_DRIVERS:
        backend = "postgresql" if backend == "postgres" else backend
        url = url.set(drivername=f"{backend}+{_ASYNC_DRIVERS[backend]}")
    return url


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL (None for memory or another database)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def describe(url: URL) -> str:
    """For the log: the kind of database and its name, never a password or host."""
    return f"{url.get_backend_name()} database {Path(url.database or '').name or '(memory)'}"
