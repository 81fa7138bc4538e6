#!/usr/bin/env bash
# The studio's contract, generated from the backend: its API types and the golden vectors of the
# storyboard and script rules. `scripts/contract.sh` rewrites them; `scripts/contract.sh --check` fails
# when rewriting would change any (run by `make test`).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
python=${CONTRACT_PYTHON:-$root/backend/.venv/bin/python}
types=frontend/types/api.generated.ts
golden=frontend/tests/unit/golden/storyboard_rules.json
script=frontend/tests/unit/golden/script_rules.json

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root/backend" && "$python" -m app.contract openapi) >"$tmp/openapi.json"
(cd "$root/backend" && "$python" -m app.contract golden) >"$tmp/golden.json"
(cd "$root/backend" && "$python" -m app.contract golden-script) >"$tmp/script.json"
(cd "$root/frontend" && node scripts/generate-contract.mjs "$tmp/openapi.json") >"$tmp/types.ts"

if [[ "${1:-}" == "--check" ]]; then
  stale=()
  diff -u "$root/$types" "$tmp/types.ts" >&2 || stale+=("$types")
  diff -u "$root/$golden" "$tmp/golden.json" >&2 || stale+=("$golden")
  diff -u "$root/$script" "$tmp/script.json" >&2 || stale+=("$script")
  if ((${#stale[@]})); then
    echo "The studio's contract no longer matches the backend (${stale[*]}):" \
      "run \`make contract\` to regenerate it, then commit the result." >&2
    exit 1
  fi
  echo "The studio's contract matches the backend."
else
  mkdir -p "$root/$(dirname "$golden")"
  cp "$tmp/types.ts" "$root/$types"
  cp "$tmp/golden.json" "$root/$golden"
  cp "$tmp/script.json" "$root/$script"
  echo "Wrote $types, $golden and $script."
fi
