#!/usr/bin/env bash
# The browser for the end-to-end suite: Debian's Chromium, since browser downloads fail here.
# Prints the path of a usable Chromium; installs it with apt when there is none.
set -euo pipefail

for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [[ -n "$candidate" && -x "$candidate" ]]; then
    echo "$candidate"
    exit 0
  fi
done

if ! command -v apt-get >/dev/null; then
  echo "No Chromium found and no apt-get to install it: install Chromium and set CHROMIUM_PATH." >&2
  exit 1
fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "Installing Debian's chromium for the browser tests…" >&2
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
echo /usr/bin/chromium
