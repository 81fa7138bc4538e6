#!/usr/bin/env bash
# Redis for `JOB_BACKEND=celery` (the scale-out topology: `make dev-scale`, `make test-scale`):
# Debian's redis-server (BSD-3-Clause), installed with apt when it is missing. Prints its path.
# Start a throwaway server with `backend/.venv/bin/python scripts/redis.py`.
set -euo pipefail

if ! command -v redis-server >/dev/null; then
  if ! command -v apt-get >/dev/null; then
    echo "No redis-server and no apt-get to install it: install Redis 6 or newer and put redis-server on PATH." >&2
    exit 1
  fi
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  echo "Installing Debian's redis-server for the scale-out topology…" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends redis-server >&2
  # Debian starts the system's own Redis on :6379; ours are throwaway servers on free ports.
fi
command -v redis-server
