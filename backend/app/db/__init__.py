"""Persistence: projects, their videos and brand assets, users, and (next) jobs and their steps.

SQLAlchemy 2 with async drivers: `aiosqlite` for the embedded SQLite file (the default, so a
fresh checkout needs nothing more), `asyncpg` when `DATABASE_URL` names PostgreSQL. The schema
is Alembic's (`migrations/`), upgraded at start-up and by `make db-upgrade`.

This package imports nothing from the routers or services: they call its repositories.
"""
