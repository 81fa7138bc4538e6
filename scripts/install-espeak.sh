#!/usr/bin/env bash
# The offline voice's fallback: Debian's espeak-ng (GPL-3.0, run only as a separate process).
# Piper, the neural voice, comes from requirements.lock; espeak-ng speaks when Piper cannot.
# Installs it with apt when it is missing; without apt it says so and carries on.
set -euo pipefail

if command -v espeak-ng >/dev/null; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "No espeak-ng and no apt-get to install it: the voice falls back to nothing if Piper fails." >&2
  exit 0
fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "Installing Debian's espeak-ng for the offline voice…" >&2
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq espeak-ng >&2
