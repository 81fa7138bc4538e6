#!/usr/bin/env bash
# `make dev`: the API on :8000 and the studio on :3000, together; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

API_PORT="${API_PORT:-8000}"
WEB_PORT="${WEB_PORT:-3000}"
export NEXT_PUBLIC_API_URL="${NEXT_PUBLIC_API_URL:-http://localhost:${API_PORT}}"
export NEXT_TELEMETRY_DISABLED=1

# Job control puts each server in its own process group, so one signal stops a server and
# everything it started (uvicorn's reloader, Next's workers).
set -m
pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

# An open progress stream would hold a reload or a Ctrl-C until its job ends: give them 5 s.
(cd backend && exec .venv/bin/uvicorn app.main:app --reload --timeout-graceful-shutdown 5 --port "$API_PORT") &
pids+=($!)
(cd frontend && exec node_modules/.bin/next dev --port "$WEB_PORT") &
pids+=($!)

echo "Reelsmith: studio on http://localhost:${WEB_PORT}, API on http://localhost:${API_PORT} (Ctrl-C stops both)"
# When either server exits, take the other one down too.
wait -n
