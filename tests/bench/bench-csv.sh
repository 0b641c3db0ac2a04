#!/usr/bin/env bash
# tests/bench/bench-csv.sh — issue 16's import figure: a generated LinkedIn Connections.csv of
# 30,000 rows imported by `trustnet --import`, against the same people as a vCard file (the
# floor, measured in the same run), then a newer export where a tenth changed jobs imported
# into that database. Prints wall times (median of RUNS) and ratios; asserts nothing.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/bench-csv.sh [BUILD_DIR] [ROWS] [RUNS]
set -eu

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$(cd "${1:-$source_dir/_build}" && pwd)
rows=${2:-30000}
runs=${3:-5}
trustnet="$build_dir/src/trustnet"

if [ ! -x "$trustnet" ]; then
  echo "bench-csv: $trustnet is missing; build first" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same people three ways: LinkedIn's CSV (with its note before the header), a vCard
# file, and a later CSV where every tenth person has another company and position.
awk -v rows="$rows" -v csv="$work/Connections.csv" -v vcf="$work/people.vcf" -v later="$work/later/Connections.csv" '
BEGIN {
  split("Ada Grace Alan Hedy Linus Margaret Barbara Donald Edsger Frances", given, " ")
  split("Lovelace Hopper Turing Lamarr Torvalds Hamilton Liskov Knuth Dijkstra Allen", family, " ")
  split("Initech Globex Umbrella Hooli Acme Stark Wayne Tyrell Cyberdyne Soylent", company, " ")
  split("Engineer CTO Designer Analyst Manager Director Researcher Consultant Architect Founder", position, " ")
  split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", month, " ")
  system("mkdir -p \"$(dirname " later ")\"")
  note = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n"
  header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
  printf "%s%s\n", note, header > csv
  printf "%s%s\n", note, header > later
  for (i = 0; i < rows; i++) {
    g = given[i % 10 + 1]; f = family[int(i / 10) % 10 + 1] "-" i
    c = company[int(i / 100) % 10 + 1]; p = position[int(i / 7) % 10 + 1]
    url = "https://www.linkedin.com/in/" tolower(g) "-" tolower(f)
    mail = (i % 5 == 0) ? tolower(g) "." i "@example.org" : ""
    day = sprintf("%02d %s %d", i % 28 + 1, month[i % 12 + 1], 2010 + i % 15)
    printf "%s,%s,%s,%s,%s,%s,%s\n", g, f, url, mail, c, p, day > csv
    if (i % 10 == 3) { c2 = company[(int(i / 100) + 3) % 10 + 1]; p2 = position[(int(i / 7) + 1) % 10 + 1] }
    else { c2 = c; p2 = p }
    printf "%s,%s,%s,%s,%s,%s,%s\n", g, f, url, mail, c2, p2, day > later
    printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:%s %s\r\nN:%s;%s;;;\r\nORG:%s\r\nTITLE:%s\r\nURL:%s\r\n", g, f, f, g, c, p, url > vcf
    if (mail != "") printf "EMAIL:%s\r\n", mail > vcf
    printf "END:VCARD\r\n" > vcf
  }
}'
echo "files: $rows rows, Connections.csv $(( $(stat -c %s "$work/Connections.csv") / 1024 )) KiB," \
     "people.vcf $(( $(stat -c %s "$work/people.vcf") / 1024 )) KiB"

export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build_dir/data"

# Milliseconds of one run of "$@", its output in $work/out.log.
time_ms () {
  local start end
  start=$(date +%s%N)
  "$@" > "$work/out.log" 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median () {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

fresh () {
  rm -f "$work/db" "$work/db-wal" "$work/db-shm"
}

cat "$work"/Connections.csv "$work"/people.vcf "$work"/later/Connections.csv > /dev/null
vcf_times="" csv_times="" later_times=""
for run in $(seq 1 "$runs"); do
  fresh
  vcf_ms=$(time_ms "$trustnet" --database "$work/db" --import "$work/people.vcf")
  fresh
  csv_ms=$(time_ms "$trustnet" --database "$work/db" --import "$work/Connections.csv")
  csv_said=$(head -n 1 "$work/out.log")
  later_ms=$(time_ms "$trustnet" --database "$work/db" --import "$work/later/Connections.csv")
  later_said=$(head -n 1 "$work/out.log")
  echo "run $run: (a) vCard $vcf_ms ms, (b) CSV $csv_ms ms, (c) newer CSV into it $later_ms ms"
  vcf_times="$vcf_times $vcf_ms" csv_times="$csv_times $csv_ms" later_times="$later_times $later_ms"
done

vcf_median=$(echo $vcf_times | tr ' ' '\n' | median)
csv_median=$(echo $csv_times | tr ' ' '\n' | median)
later_median=$(echo $later_times | tr ' ' '\n' | median)
changes=$("$trustnet" --database "$work/db" --job-changes --json | grep -c '"noticed_on"' || true)

echo "CSV import said: $csv_said"
echo "newer CSV said: $later_said; job changes recorded: $changes"
echo "median: (a) vCard of the same people $vcf_median ms, (b) CSV $csv_median ms," \
     "ratio (b)/(a) $(awk -v b="$csv_median" -v a="$vcf_median" 'BEGIN { printf "%.2f", b / a }');" \
     "(c) newer export with job changes $later_median ms"
