"""`python -m app.db upgrade` (`make db-upgrade`): bring the configured database up to date."""

from __future__ import annotations

import argparse
import sys

from app.config import get_settings
from app.db.migrate import upgrade
from app.db.urls import data_dir_for, database_url, describe, sqlite_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.db")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("upgrade", help="apply every migration not yet applied")
    parser.parse_args(argv)
    settings = get_settings()
    url = database_url(
        settings.database.url, data_dir_for(settings.database.data_dir, settings.media.root)
    )
    file = sqlite_file(url)
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
    upgrade(url)
    print(f"{describe(url)} is up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
