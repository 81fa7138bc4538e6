"""`python -m app.workers [--hostname NAME] [--concurrency N]`: a worker that runs clip, music and
compose steps from Redis until SIGTERM (warm shutdown: the steps running finish first) or
SIGINT. Configured by the same environment as the API (`REDIS_URL`, `DATABASE_URL`,
`MEDIA_BACKEND`, `S3_*`, the providers' settings)."""

from __future__ import annotations

import argparse
import logging
import sys

from app.config import get_settings
from app.db.migrate import upgrade
from app.db.urls import data_dir_for, database_url, sqlite_file


def worker_argv(hostname: str | None, concurrency: int) -> list[str]:
    """Celery's own command line for our worker: prefork children, one queue, no extras."""
    argv = ["worker", "--pool=prefork", f"--concurrency={concurrency}", "--loglevel=INFO"]
    argv += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    if hostname:
        argv.append(f"--hostname={hostname}")
    return argv


def main(args: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m app.workers", description=__doc__)
    parser.add_argument("--hostname", help="this worker's name, e.g. worker1@%%h")
    parser.add_argument("--concurrency", type=int, help="steps at once (WORKER_CONCURRENCY)")
    options = parser.parse_args(args)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    settings = get_settings()
    if settings.jobs.redis_url is None:
        sys.exit("A worker needs REDIS_URL, the Redis the API sends its steps to.")
    database = settings.database
    # Migrated once here, before any step opens the database (the API does the same).
    url = database_url(database.url, data_dir_for(database.data_dir, settings.media.root))
    file = sqlite_file(url)
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
    upgrade(url)

    from app.workers.tasks import celery_app

    celery_app.worker_main(
        worker_argv(options.hostname, options.concurrency or settings.jobs.worker_concurrency)
    )


if __name__ == "__main__":
    main()
