#!/usr/bin/env bash
# Starts Offerwright on its default store, with the sample plans and a demo
# offer to try. Usage: bash scripts/start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

apt_need "${CORE_PACKAGES[@]}"
cargo build --release --locked --bin offerwright
ow=target/release/offerwright

# First run: a demo offer to open, score and export.
if [ "$($ow --json offer list)" = "[]" ]; then
  $ow demo
fi
echo
echo "Your store: $($ow where)"
echo
$ow plan list
echo
$ow offer list
echo
id=$($ow --json offer list | sed -n 's/^ *"id": \([0-9]*\),*$/\1/p' | head -n 1)
$ow offer show "$id"
