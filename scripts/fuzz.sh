#!/usr/bin/env bash
# Runs the ingest fuzz target for a bounded time (default 600 s), seeded with the samples and
# fixtures. Needs cargo-fuzz (`cargo install cargo-fuzz`); stable Rust works with
# RUSTC_BOOTSTRAP=1. Crashers land in fuzz/artifacts/ingest/: copy each into fuzz/regressions/
# (tests/fuzz_regressions.rs runs them all through the same path).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-600}
mkdir -p fuzz/corpus/ingest
cp -n samples/*.xlsx tests/fixtures/* fuzz/regressions/* fuzz/corpus/ingest/ 2>/dev/null || true
export RUSTC_BOOTSTRAP=1
cargo fuzz run ingest --sanitizer none -O -- -max_total_time="$SECS" -max_len=200000 -rss_limit_mb=4096 ${FUZZ_FORK:+-fork=$FUZZ_FORK}
