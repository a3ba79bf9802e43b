#!/usr/bin/env bash
# Runs one fuzz target for a bounded time.
#
#   scripts/fuzz.sh [TARGET] [SECONDS]      e.g. scripts/fuzz.sh plan 3600
#   scripts/fuzz.sh 600                     (a number alone: the ingest target for that long)
#
# TARGET (default ingest):
#   ingest  raw bytes → selaras::fuzz_one (read, locate, plan, every check, annotated copy);
#           seeded with the samples, fixtures and fuzz/regressions/. Mostly exercises the zip and
#           XML readers: random bytes rarely make a workbook.
#   plan    structure-aware: the bytes choose a plan (codes, names, budgets, targets, …) and a
#           layout (T-C.33, T-C.31, T-C.29, E.81, RKPD; merged headers, number rows, totals,
#           missing columns …), tests/support/fuzzgen.rs writes them as .xlsx, and the workbooks
#           go through check, inspect, reconcile and the RKPD comparison. Seeded with
#           fuzz/regressions-plan/.
# SECONDS defaults to 600. One job; FUZZ_FORK=N runs N forked jobs instead. On a shared machine
# run it as `nice -n 19 scripts/fuzz.sh …`.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`); stable Rust works with RUSTC_BOOTSTRAP=1.
# Crashers land in fuzz/artifacts/TARGET/; minimise with `cargo fuzz tmin TARGET FILE`
# (--sanitizer none -O, as below). Keep each as a regression test: an ingest crasher in
# fuzz/regressions/, a plan crasher in fuzz/regressions-plan/ (tests/fuzz_regressions.rs replays
# both). A crasher whose bug is not fixed yet waits in fuzz/crashers-open/ with a note, so the
# regression test stays green.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=ingest
if [[ $# -gt 0 && ! $1 =~ ^[0-9]+$ ]]; then
    TARGET=$1
    shift
fi
SECS=${1:-600}
export RUSTC_BOOTSTRAP=1
mkdir -p "fuzz/corpus/$TARGET"
case "$TARGET" in
ingest)
    cp -n samples/*.xlsx tests/fixtures/* fuzz/regressions/* fuzz/corpus/ingest/ 2>/dev/null || true
    ARGS=(-max_len=200000)
    ;;
plan)
    cp -n fuzz/regressions-plan/* fuzz/corpus/plan/ 2>/dev/null || true
    # Inputs are plan descriptions, not files: a few KB say a lot, and the length limit need
    # not grow slowly from 4 bytes.
    ARGS=(-max_len=4096 -len_control=0 -timeout=120)
    ;;
*)
    echo "fuzz.sh: unknown target '$TARGET' (ingest, plan)" >&2
    exit 2
    ;;
esac
cargo fuzz run "$TARGET" --sanitizer none -O -- -max_total_time="$SECS" -rss_limit_mb=4096 \
    -print_final_stats=1 "${ARGS[@]}" ${FUZZ_FORK:+-fork=$FUZZ_FORK}
