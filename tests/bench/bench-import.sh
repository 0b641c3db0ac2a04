#!/usr/bin/env bash
# tests/bench/bench-import.sh — issue 3's import figures: the same 100,000-card file read by
# EVCard alone (bench-parse) and imported by `trustnet --import`, in one run. Prints wall
# times, their ratio (goal: at most 1.3), peak RSS (goal: at most 150 MB) and the time of a
# second import of the same file into the same database. Prints figures; asserts nothing.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/bench-import.sh [BUILD_DIR] [CARDS] [RUNS]
# Needs /usr/bin/time (Debian package "time"; build-aux/deps.sh --test installs it).
set -eu

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$(cd "${1:-$source_dir/_build}" && pwd)
cards=${2:-100000}
runs=${3:-3}
gen_vcards=${TRUSTNET_GEN_VCARDS:-$source_dir/tests/tools/gen-vcards}
trustnet="$build_dir/src/trustnet"
bench_parse="$build_dir/tests/bench/bench-parse"

for tool in "$trustnet" "$bench_parse" /usr/bin/time; do
  if [ ! -x "$tool" ]; then
    echo "bench-import: $tool is missing; build first (and install the package \"time\")" >&2
    exit 1
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
vcf="$work/cards.vcf"

"$gen_vcards" "$cards" --dup-rate 0.05 > "$vcf"
echo "file: $cards cards, $(( $(stat -c %s "$vcf") / 1024 / 1024 )) MiB, --dup-rate 0.05"

export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build_dir/data"

# Runs "$@" under /usr/bin/time; sets $wall_ms and $rss_kb, keeps the output in $log.
measure () {
  log="$work/out.log"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$log" 2>&1
  read -r seconds rss_kb < "$work/time"
  wall_ms=$(awk -v s="$seconds" 'BEGIN { printf "%d", s * 1000 }')
}

# Wall times to the millisecond: /usr/bin/time gives only 10 ms steps.
measure_precise () {
  local start end
  start=$(date +%s%N)
  measure "$@"
  end=$(date +%s%N)
  wall_ms=$(( (end - start) / 1000000 ))
}

# Reads the file once so that both programs find it in the page cache.
cat "$vcf" > /dev/null

parse_total=0 import_total=0 import_rss_max=0
for run in $(seq 1 "$runs"); do
  measure_precise "$bench_parse" "$vcf"
  parse_ms=$wall_ms
  parse_rss=$rss_kb

  rm -f "$work/new.db" "$work/new.db-wal" "$work/new.db-shm"
  measure_precise "$trustnet" --database "$work/new.db" --import "$vcf"
  import_ms=$wall_ms
  import_rss=$rss_kb
  summary=$(head -n 1 "$log")

  parse_total=$(( parse_total + parse_ms ))
  import_total=$(( import_total + import_ms ))
  [ "$import_rss" -gt "$import_rss_max" ] && import_rss_max=$import_rss
  echo "run $run: (a) bench-parse $parse_ms ms, peak RSS $(( parse_rss / 1024 )) MiB;" \
       "(b) trustnet --import $import_ms ms, peak RSS $(( import_rss / 1024 )) MiB" \
       "— ratio $(awk -v b="$import_ms" -v a="$parse_ms" 'BEGIN { printf "%.2f", b / a }')"
done
echo "import said: $summary"

echo "mean: (a) $(( parse_total / runs )) ms, (b) $(( import_total / runs )) ms," \
     "ratio (b)/(a) $(awk -v b="$import_total" -v a="$parse_total" 'BEGIN { printf "%.2f", b / a }') (goal <= 1.3);" \
     "peak RSS of (b) $(( import_rss_max / 1024 )) MiB (goal <= 150)"

# The same file again into the database the last run made: every card is already there.
measure_precise "$trustnet" --database "$work/new.db" --import "$vcf"
echo "second import into the same database: $wall_ms ms, peak RSS $(( rss_kb / 1024 )) MiB"
echo "import said: $(head -n 1 "$log")"
