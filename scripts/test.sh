#!/usr/bin/env bash
# Runs every test of Offerwright, installing what is missing first: the
# core's tests, the desktop shell's command tests, the UI's component tests,
# and the real app end to end under a virtual display.
# Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

apt_need "${CORE_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${APP_PACKAGES[@]}" "${E2E_PACKAGES[@]}"
# The shell embeds the built UI, so it is built before anything compiles the shell.
ui_build

echo "==> format"
cargo fmt --all -- --check
echo "==> lints"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "==> core tests (no WebKit)"
# The library, the CLI and testkit; with the kill harness (testkit/tests/crash.rs):
# 300 kills of a writer, nothing lost.
cargo test --locked
echo "==> desktop shell: commands on Tauri's mock runtime, lockdown"
cargo test --locked -p offerwright-app

echo "==> UI: format (Prettier), lints (ESLint), types, and component tests against the real core"
# The component tests call the core through testkit's test server.
cargo build --locked -p offerwright-testkit --bin ui-server
ui_server="$(target_dir)/debug/ui-server"
(cd ui && npm run lint && npm run check && OFFERWRIGHT_UI_SERVER="$ui_server" npm test)

echo "==> end to end: the real app under Xvfb"
# The e2e-dialogs feature lets the tests answer the native dialogs; the app
# scripts/start.sh builds has no such door (src-tauri/tests/lockdown.rs).
cargo build --locked -p offerwright-app --features custom-protocol,e2e-dialogs
driver="${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver"
if [ ! -x "$driver" ]; then
  cargo install --locked tauri-driver --version 2.1.0
fi
OFFERWRIGHT_APP="$(target_dir)/debug/offerwright-app" OFFERWRIGHT_CLI="$(target_dir)/debug/offerwright" TAURI_DRIVER="$driver" \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1 ui/e2e/
