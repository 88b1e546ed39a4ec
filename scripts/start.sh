#!/usr/bin/env bash
# Builds and starts the Offerwright desktop app on its default store (in the
# OS data folder), with the sample plans and, on a first run, a demo offer to
# try. Installs what is missing first.
# Usage: bash scripts/start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

apt_need "${CORE_PACKAGES[@]}" "${APP_PACKAGES[@]}"
ui_build
echo "==> building the app (a few minutes the first time)"
cargo build --release --locked -p offerwright-app --features custom-protocol
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: run this from a desktop session (or under xvfb-run)." >&2
  exit 1
fi
exec "$(target_dir)/release/offerwright-app"
