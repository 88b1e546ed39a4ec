#!/usr/bin/env bash
# The PDF benchmark with its anchor: installs headless Chromium where it is
# missing, then measures a 20-page offer's submission PDF made by Offerwright
# and the same content printed by Chromium, in one run, and prints the ratio
# (the goal: at least 40 times faster). The two PDFs are kept side by side
# in target/artefacts/pdf/ (bench-offerwright.pdf, bench-chromium.pdf).
# Usage: bash scripts/bench-pdf.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

apt_need "${CORE_PACKAGES[@]}" "${BENCH_PACKAGES[@]}"
cargo bench --locked --bench pdf
