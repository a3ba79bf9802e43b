#!/usr/bin/env bash
# Do two selaras binaries give the same outputs? For a refactor that must change nothing.
#
#   scripts/same_outputs.sh OLD_BINARY NEW_BINARY
#   e.g. git stash; cargo build --release; cp target/release/selaras /tmp/old; git stash pop;
#        cargo build --release; scripts/same_outputs.sh /tmp/old target/release/selaras
#
# Both run over the same inputs: the samples (check in text, JSON and Markdown, Indonesian and
# English; --rkpd; reconcile; inspect; annotated copies, compared part by part once unzipped),
# the layout zoo (clean and planted), 40 generated offices and a 10,000-row T-C.33. Prints the
# differences (nothing when the outputs are the same) and exits 1 when there are any.
# Builds the gen_zoo and gen_bench examples (release) for the inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { sed -n 2,11p "$0"; exit 2; }
OLD=$(realpath "$1")
NEW=$(realpath "$2")
T=${CARGO_TARGET_DIR:-target}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cargo build --release --example gen_zoo --example gen_bench >&2
"$T/release/examples/gen_zoo" "$W/zoo" >/dev/null
"$T/release/examples/gen_bench" offices "$W/offices" 40 >/dev/null
"$T/release/examples/gen_bench" large "$W/large" 10000 >/dev/null
S=samples

run() { # BINARY OUTDIR
    local B=$1 O=$2
    mkdir -p "$O"
    for lang in id en; do
        for f in text json markdown; do
            "$B" check $S/*.xlsx --no-annotate --format $f --lang $lang >"$O/samples.$lang.$f" 2>&1 || true
        done
    done
    "$B" check "$W/zoo" --no-annotate --format json >"$O/zoo.json" 2>&1 || true
    "$B" check "$W/zoo" --no-annotate --format text --lang en >"$O/zoo.txt" 2>&1 || true
    "$B" check "$W/offices" --no-annotate --format json >"$O/offices.json" 2>&1 || true
    "$B" check "$W/large" --no-annotate --format json >"$O/large.json" 2>&1 || true
    for r in $S/rkpd/*.xlsx; do
        "$B" check $S/renja-dinsos-kukar-2026.xlsx --rkpd "$r" --no-annotate --format json \
            >"$O/rkpd.$(basename "$r").json" 2>&1 || true
    done
    "$B" reconcile $S/renja-dinsos-kukar-2026.xlsx $S/renja-dinsos-kukar-2026-format-b.xlsx \
        >"$O/reconcile.txt" 2>&1 || true
    "$B" inspect $S/*.xlsx >"$O/inspect.txt" 2>&1 || true
    "$B" inspect "$W/zoo" >"$O/inspect-zoo.txt" 2>&1 || true
    "$B" check $S/*.xlsx --out "$W/copies" --format json >/dev/null 2>&1 || true
    for x in "$W"/copies/*.xlsx; do
        mkdir -p "$O/copies/$(basename "$x")"
        (cd "$O/copies/$(basename "$x")" && unzip -q -o "$x")
    done
    rm -rf "$W/copies"
    # The batch summary's creation time differs from run to run.
    rm -f "$O"/copies/ringkasan.xlsx/docProps/core.xml
}

run "$OLD" "$W/old"
run "$NEW" "$W/new"
diff -r "$W/old" "$W/new"
