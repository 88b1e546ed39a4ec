#!/usr/bin/env bash
# Runs every test of Offerwright, installing what is missing first.
# Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

apt_need "${CORE_PACKAGES[@]}" ${TEST_PACKAGES[@]+"${TEST_PACKAGES[@]}"}

echo "==> format"
cargo fmt --all -- --check
echo "==> lints"
cargo clippy --all-targets --locked -- -D warnings
echo "==> core tests"
cargo test --locked
