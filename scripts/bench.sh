#!/usr/bin/env bash
# Benchmark: selaras check against the floor (a plain calamine read of every cell), on the same
# generated files, in one run. Prints a Markdown table: files/s, MB/s, peak RSS, ratio to floor.
#
#   scripts/bench.sh [N_OFFICES] [LARGE_SIZES...]
#   scripts/bench.sh 1000 1000 10000 100000     (the figures in README)
#
# Needs a release build (about 20 minutes the first time on 2 cores). Each figure is the median
# of 3 runs; peak memory from /usr/bin/time. NO_BUILD=1 uses the binaries already in
# $CARGO_TARGET_DIR/release (e.g. built with other profile flags for profiling).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}
shift || true
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)
T=${CARGO_TARGET_DIR:-target}
B=$T/bench
[ -n "${NO_BUILD:-}" ] || cargo build --release --bin selaras --example floor --example gen_bench >&2
SEL=$T/release/selaras
FLOOR=$T/release/examples/floor
rm -rf "$B/offices-$N" "$B/out" && mkdir -p "$B/offices-$N" "$B/large" "$B/out"
$T/release/examples/gen_bench offices "$B/offices-$N" "$N" >&2
$T/release/examples/gen_bench large "$B/large" "${SIZES[@]}" >&2

# median wall seconds and max peak KiB of 3 runs of a command
measure() {
  local t=() m=0
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$B/time.txt" "$@" >/dev/null 2>&1 || true
    read -r s k < "$B/time.txt"
    t+=("$s"); [ "$k" -gt "$m" ] && m=$k
  done
  local med
  med=$(printf '%s\n' "${t[@]}" | sort -g | sed -n 2p)
  echo "$med $m"
}

row() { # label files bytes seconds peakKiB floorSeconds
  python3 - "$@" <<'PY'
import sys
label, files, size, s, kib, floor = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
s = max(s, 0.001)
print(f"| {label} | {files} | {s:.2f} s | {files/s:.1f} | {size/1e6/s:.1f} | {kib/1024:.0f} MiB | {s/max(floor,0.001):.2f}× |")
PY
}

files=("$B/offices-$N"/*.xlsx)
bytes=$(du -cb "${files[@]}" | tail -1 | cut -f1)
echo "| run | files | median time | files/s | MB/s | peak memory | ratio to floor |"
echo "|---|---:|---:|---:|---:|---:|---:|"
read -r fs fk < <(measure "$FLOOR" "${files[@]}")
row "floor: calamine read, $N offices" "$N" "$bytes" "$fs" "$fk" "$fs"
read -r s k < <(measure "$SEL" check "$B/offices-$N" --no-annotate --format json --fail-on never)
row "check, reports only" "$N" "$bytes" "$s" "$k" "$fs"
read -r s k < <(measure "$SEL" check "$B/offices-$N" --out "$B/out" --format json --fail-on never)
row "check + annotated copies" "$N" "$bytes" "$s" "$k" "$fs"
per_row=()
for n in "${SIZES[@]}"; do
  f="$B/large/tc33-$n.xlsx"
  b=$(stat -c %s "$f")
  read -r lfs lfk < <(measure "$FLOOR" "$f")
  row "floor: T-C.33 with $n rows" 1 "$b" "$lfs" "$lfk" "$lfs"
  read -r s k < <(measure "$SEL" check "$f" --no-annotate --format json --fail-on never)
  row "check: T-C.33 with $n rows" 1 "$b" "$s" "$k" "$lfs"
  per_row+=("$n rows: $(( k * 1024 / n )) bytes of peak memory per row (issue 12's target: 2048)")
  read -r s k < <(measure "$SEL" check "$f" --out "$B/out" --format json --fail-on never)
  row "check + copy: T-C.33 with $n rows" 1 "$b" "$s" "$k" "$lfs"
done
echo
echo "Peak memory of a check divided by its T-C.33 rows (the ~30 MiB any run needs dominates small sizes):"
printf '%s\n' "${per_row[@]}"
