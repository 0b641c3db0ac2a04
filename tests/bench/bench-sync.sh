#!/usr/bin/env bash
# tests/bench/bench-sync.sh — issue 18's sync figures against a local Radicale:
#  1. the first sync of N contacts (default 10,000) from the server into an empty database,
#     against the floor of fetching the same cards with one bare addressbook-multiget (curl);
#     goal: a ratio of at most 2;
#  2. a sync with nothing changed: how many requests it makes (goal: 1: a PROPFIND of the
#     book's last-modified where the account trusts it, else its CTag, where the server has
#     one) and its time (goal: at most 100 ms), beside the CPU time of `trustnet --version`:
#     what starting the process costs before any work. The last-modified is trusted once a
#     sync saw it move with the CTag: the script adds a card by curl and syncs twice first.
# Medians of RUNS runs, measured in the same run. Prints figures; asserts nothing. Radicale's
# own time for each request (from its log) is printed too: on a busy machine the whole
# process time says little about where it went. So is this machine's share without any
# server (bench-sync-receive: the same cards read, merged and written, in CPU time).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: [SERVER=radicale|xandikos] tests/bench/bench-sync.sh [BUILD_DIR] [CARDS] [RUNS]
# Needs radicale (or xandikos and git) and curl (build-aux/deps.sh --test installs them).
# xandikos logs no time per request: its own time is not printed.
# TRUSTNET_BENCH_SYNC_BASELINE=PATH: another trustnet binary (say, main's) whose first and
# quiet syncs alternate with this build's in the same run, each on a database of its own:
# on a shared machine only a comparison made at the same time says anything. CPU times
# (user + system) are printed beside the wall-clock ones.
# TRUSTNET_BENCH_SYNC_BOOK=DIR keeps the address book Radicale has read (and cached) in DIR
# for the next run: Radicale's first reading of 10,000 cards takes minutes on a busy machine.
set -eu

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$(cd "${1:-$source_dir/_build}" && pwd)
cards=${2:-10000}
runs=${3:-3}
gen_vcards=${TRUSTNET_GEN_VCARDS:-$source_dir/tests/tools/gen-vcards}
trustnet="$build_dir/src/trustnet"
baseline=${TRUSTNET_BENCH_SYNC_BASELINE:-}
receive_bench="$build_dir/tests/bench/bench-sync-receive"
python=/usr/bin/python3
server=${SERVER:-radicale}
case "$server" in
  radicale|xandikos) ;;
  *) echo "bench-sync: SERVER is radicale or xandikos, not $server" >&2; exit 1 ;;
esac

for tool in "$trustnet" "$receive_bench" "$server" curl "$python" $baseline; do
  if ! command -v "$tool" > /dev/null; then
    echo "bench-sync: $tool is missing" >&2
    exit 1
  fi
done

work=$(mktemp -d)
kept=${TRUSTNET_BENCH_SYNC_BOOK:-}
server_pid=
# KILL: a server still answering a request the sync gave up on ignores TERM for minutes.
cleanup () {
  if [ -n "$server_pid" ]; then kill -KILL "$server_pid" 2> /dev/null || true; wait "$server_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
user=bench
password=bench-password
# xandikos serves anyone (no password asked, none sent) and keeps each book in git.
if [ "$server" = xandikos ]; then
  book_path=/user/contacts/addressbook/
  storage="$work/data/user/contacts/addressbook"
  kept=
else
  book_path=/$user/book/
  storage="$work/collections/collection-root/$user/book"
fi
book_url="http://127.0.0.1:$port$book_path"

start_server () {
  if [ "$server" = xandikos ]; then
    HOME="$work" xandikos --defaults -d "$work/data" -l 127.0.0.1 -p "$port" > "$work/server.log" 2>&1 &
  else
    radicale --config "$work/config" > "$work/server.log" 2>&1 &
  fi
  server_pid=$!
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && break
    sleep 0.1
  done
}
stop_server () {
  kill "$server_pid" 2> /dev/null || true
  wait "$server_pid" 2> /dev/null || true
  server_pid=
}

# The book is written straight into the server's storage (one file per card, as both keep
# them): PUTting 10,000 cards would take the server longer than everything measured here.
if [ "$server" = xandikos ]; then
  # xandikos makes its address book (a git repository) on its first start.
  start_server
  stop_server
fi
mkdir -p "$storage"
if [ -n "$kept" ] && [ -f "$kept/$cards/.Radicale.props" ]; then
  cp -a "$kept/$cards/." "$storage/"
else
[ "$server" = radicale ] && echo '{"tag": "VADDRESSBOOK", "D:displayname": "Bench"}' > "$storage/.Radicale.props"
"$gen_vcards" "$cards" --seed 18 | "$python" -c '
import re, sys
folder = sys.argv[1]
for number, card in enumerate(re.findall(r"BEGIN:VCARD.*?END:VCARD\r?\n", sys.stdin.read(), re.S)):
    with open("%s/card-%05d.vcf" % (folder, number), "w", newline="") as out:
        out.write(card)
' "$storage"
fi
if [ "$server" = xandikos ]; then
  git -C "$storage" add -A > /dev/null
  git -C "$storage" -c user.name=bench -c user.email=bench@localhost commit -q -m cards
fi
echo "server: $server; book: $cards cards, $(du -sm --exclude=.git "$storage" | cut -f1) MiB; load: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "$user:$password" > "$work/users"
cat > "$work/config" <<CONFIG
[server]
hosts = 127.0.0.1:$port
[auth]
type = htpasswd
htpasswd_filename = $work/users
htpasswd_encryption = plain
delay = 0
[rights]
type = owner_only
[storage]
filesystem_folder = $work/collections
[web]
type = none
[logging]
level = info
CONFIG
start_server

# Radicale reads and caches every card on its first listing, and builds its sync history
# on the first sync-collection: both once, before any timing (the history is the server's,
# kept for every client, not a cost of one client's first sync).
curl -s -o /dev/null -u "$user:$password" -X PROPFIND -H 'Depth: 1' "$book_url"
curl -s -o /dev/null -u "$user:$password" -X REPORT -H 'Depth: 0' -H 'Content-Type: application/xml' \
     --data '<sync-collection xmlns="DAV:"><sync-token/><sync-level>1</sync-level><prop><getetag/></prop></sync-collection>' \
     "$book_url"
# xandikos may read each card's text from git the first time it is asked for it: once, too
# (without this, a first sync of 10,000 cards at load 14 once waited past TrustNet's 60 s).
if [ "$server" = xandikos ]; then
  curl -s -o /dev/null -X REPORT -H 'Depth: 0' -H 'Content-Type: application/xml' \
       --data '<sync-collection xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><sync-token/><sync-level>1</sync-level><prop><getetag/><C:address-data/></prop></sync-collection>' \
       "$book_url"
fi
if [ -n "$kept" ] && [ ! -f "$kept/$cards/.Radicale.props" ]; then
  mkdir -p "$kept/$cards" && cp -a "$storage/." "$kept/$cards/"
fi

# The floor: every card in one addressbook-multiget, as bare as a client can ask.
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<C:addressbook-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">'
  echo '<D:prop><D:getetag/><C:address-data/></D:prop>'
  for file in "$storage"/*.vcf; do echo "<D:href>$book_path$(basename "$file")</D:href>"; done
  echo '</C:addressbook-multiget>'
} > "$work/multiget.xml"

now_ms () { date +%s%3N; }
# Radicale's own seconds for the requests logged after line $1, summed; xandikos logs none.
server_ms () {
  if [ "$server" = xandikos ]; then echo n/a; return; fi
  tail -n +"$(( $1 + 1 ))" "$work/server.log" | sed -n 's/.* in \([0-9.]*\) seconds.*/\1/p' | awk '{ s += $1 } END { printf "%d\n", s * 1000 }'
}
# Radicale's requests after line $1, each as METHOD:depth seconds ("PROPFIND:0 1.37 REPORT:1 1.69").
server_requests () {
  if [ "$server" = xandikos ]; then echo n/a; return; fi
  tail -n +"$(( $1 + 1 ))" "$work/server.log" | sed -n "s/.*\] \([A-Z]*\) response status for .* with depth '\([0-9a-z]*\)' in \([0-9.]*\) seconds.*/\1:\2 \3/p" | tr '\n' ' ' | sed 's/ $//'
}
# The requests the server logged after line $1.
requests_since () {
  if [ "$server" = xandikos ]; then
    tail -n +"$(( $1 + 1 ))" "$work/server.log" | grep -c 'aiohttp.access' || true
  else
    tail -n +"$(( $1 + 1 ))" "$work/server.log" | grep -c ' request for ' || true
  fi
}
log_lines () { wc -l < "$work/server.log"; }
median () { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# Runs a command (output dropped) and prints its wall-clock and CPU (user + system)
# milliseconds, measured around the command alone.
run_timed () {
  "$python" -c '
import resource, subprocess, sys, time
start = time.monotonic()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%d %d" % (wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000))' "$@"
}

export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build_dir/data"
export TRUSTNET_SYNC_PASSWORD="$password"

: > "$work/floor"
: > "$work/first"
: > "$work/first-server"
: > "$work/first-requests"
: > "$work/first-old"
: > "$work/first-server-old"
: > "$work/first-requests-old"
# xandikos 0.2 took over four minutes for the multiget of 10,000 cards (its sync-collection
# with the cards' text, what a first sync asks, takes seconds): the floor is Radicale's.
for run in $(seq "$runs"); do
  if [ "$server" = radicale ]; then
    start=$(now_ms)
    curl -s -o "$work/multiget.out" -u "$user:$password" -X REPORT -H 'Depth: 1' \
         -H 'Content-Type: application/xml' --data-binary @"$work/multiget.xml" "$book_url"
    echo $(( $(now_ms) - start )) >> "$work/floor"
  fi

  db="$work/db-$run/trustnet.db"
  "$trustnet" --database "$db" --sync-setup "$book_url" --user "$user" > /dev/null 2>&1
  before=$(log_lines)
  start=$(now_ms)
  "$trustnet" --database "$db" --sync > "$work/sync.out"
  echo $(( $(now_ms) - start )) >> "$work/first"
  server_ms "$before" >> "$work/first-server"
  requests_since "$before" >> "$work/first-requests"
  first_requests=$(server_requests "$before")

  # The baseline's first sync, right after, on a database of its own.
  if [ -n "$baseline" ]; then
    old_db="$work/db-old-$run/trustnet.db"
    "$baseline" --database "$old_db" --sync-setup "$book_url" --user "$user" > /dev/null 2>&1
    before=$(log_lines)
    start=$(now_ms)
    "$baseline" --database "$old_db" --sync > /dev/null
    echo $(( $(now_ms) - start )) >> "$work/first-old"
    server_ms "$before" >> "$work/first-server-old"
    requests_since "$before" >> "$work/first-requests-old"
    first_requests_old=$(server_requests "$before")
  fi
done
first_ms=$(median < "$work/first")
if [ "$server" = radicale ]; then
  floor_ms=$(median < "$work/floor")
  echo "floor: one addressbook-multiget of $cards cards with curl: $floor_ms ms (median of $runs)"
fi
echo "first sync into an empty database: $first_ms ms (median of $runs; the server's own time $(median < "$work/first-server") ms, $(median < "$work/first-requests") request(s)); $(cat "$work/sync.out")"
echo "  the server's requests of the last first sync (method:depth seconds): $first_requests"
echo "contacts in the database: $("$trustnet" --database "$db" --list --json | "$python" -c 'import json, sys; print(len(json.load(sys.stdin)))')"
if [ "$server" = radicale ]; then
  awk -v a="$first_ms" -v b="$floor_ms" 'BEGIN { printf "ratio first sync / multiget floor: %.2f (goal: at most 2)\n", a / b }'
fi
if [ -n "$baseline" ]; then
  first_old_ms=$(median < "$work/first-old")
  echo "first sync, baseline $baseline (alternating with this build's): $first_old_ms ms (the server's own time $(median < "$work/first-server-old") ms, $(median < "$work/first-requests-old") request(s): $first_requests_old)"
  if [ "$server" = radicale ]; then
    awk -v a="$first_old_ms" -v b="$floor_ms" 'BEGIN { printf "  its ratio to the multiget floor: %.2f\n", a / b }'
  fi
fi
echo "  this machine's share without a server: $("$receive_bench" "$storage" "$runs" | sed 's/^receive //')"

# Nothing changed: the requests the server logs for one sync, its time and CPU time, for
# this build and (TRUSTNET_BENCH_SYNC_BASELINE) another, alternating.
# The sync after the first learns the book's CTag (the first does not ask it) and leaves
# Radicale one more token to write: not timed. Then a card from another client (curl) moves
# the CTag and the last-modified together: the next sync trusts the last-modified, and one
# a few seconds later (the Date rule, tn-carddav-book.c) keeps one that can tell.
"$trustnet" --database "$db" --sync > /dev/null
curl -s -o /dev/null -u "$user:$password" -X PUT -H 'Content-Type: text/vcard' -H 'If-None-Match: *' \
     --data-binary $'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:bench-phone\r\nFN:Bench Phone\r\nN:Phone;Bench;;;\r\nEND:VCARD\r\n' \
     "${book_url}bench-phone.vcf"
"$trustnet" --database "$db" --sync > /dev/null
sleep 2
"$trustnet" --database "$db" --sync > /dev/null
trust=$("$python" -c 'import sqlite3, sys; row = sqlite3.connect(sys.argv[1]).execute("SELECT value FROM meta WHERE key = '"'"'sync_modified_trust'"'"'").fetchone(); print(row[0] if row else "unknown")' "$db")
echo "the book's last-modified trusted by this build: $trust"
names=new
if [ -n "$baseline" ]; then
  names="new old"
  # The baseline's own database from its last first sync: a copy of this build's may be of a
  # schema the baseline cannot open.
  old_db="$work/db-old-$runs/trustnet.db"
  "$baseline" --database "$old_db" --sync > /dev/null
fi
for name in $names; do : > "$work/quiet-$name"; : > "$work/quiet-cpu-$name"; : > "$work/quiet-server-$name"; done
: > "$work/start-cpu"
for run in $(seq 5); do
  run_timed "$trustnet" --version | cut -d' ' -f2 >> "$work/start-cpu"
  for name in $names; do
    if [ "$name" = new ]; then binary=$trustnet; database=$db; else binary=$baseline; database=$old_db; fi
    before=$(log_lines)
    read -r wall cpu <<< "$(run_timed "$binary" --database "$database" --sync)"
    [ -n "$cpu" ] || { echo "bench-sync: a sync with nothing changed failed ($binary)" >&2; exit 1; }
    echo "$wall" >> "$work/quiet-$name"
    echo "$cpu" >> "$work/quiet-cpu-$name"
    server_ms "$before" >> "$work/quiet-server-$name"
    echo "$(requests_since "$before") $(server_requests "$before")" > "$work/quiet-requests-$name"
  done
done
cp "$work/server.log" "${TMPDIR:-/tmp}/bench-sync-server.log"
echo "starting the process (trustnet --version, this build): CPU $(median < "$work/start-cpu") ms (median of 5)"
for name in $names; do
  label="this build"
  [ "$name" = old ] && label="baseline $baseline"
  read -r quiet_requests quiet_kinds < "$work/quiet-requests-$name"
  quiet_ms=$(median < "$work/quiet-$name")
  echo "sync with nothing changed ($label): $quiet_requests request(s) ($quiet_kinds), $quiet_ms ms, CPU $(median < "$work/quiet-cpu-$name") ms (medians of 5, whole process; goals: 1 request, at most 100 ms)"
  if [ "$server" = radicale ]; then
    quiet_server_ms=$(median < "$work/quiet-server-$name")
    echo "  of which Radicale answering: $quiet_server_ms ms; TrustNet's own (start, database, the rest): $(( quiet_ms - quiet_server_ms )) ms"
  fi
done
# The questions a quiet sync can ask, by curl (the token from the database), alternating:
# the server's share seen from outside, for xandikos too. The last-modified alone is what a
# sync asks first where the account trusts it, else the CTag (CS:getctag) alone.
token=$("$python" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT token FROM sync_account").fetchone()[0])' "$db")
propfind () { echo "<propfind xmlns=\"DAV:\" xmlns:CS=\"http://calendarserver.org/ns/\"><prop>$1</prop></propfind>"; }
questions="sync-collection getctag sync-token getlastmodified"
for question in $questions; do : > "$work/curl-$question"; done
for run in $(seq 5); do
  for question in $questions; do
    case $question in
      sync-collection)
        method=REPORT
        body="<sync-collection xmlns=\"DAV:\"><sync-token>$token</sync-token><sync-level>1</sync-level><prop><getetag/></prop></sync-collection>" ;;
      getctag) method=PROPFIND; body=$(propfind '<CS:getctag/>') ;;
      sync-token) method=PROPFIND; body=$(propfind '<sync-token/>') ;;
      getlastmodified) method=PROPFIND; body=$(propfind '<getlastmodified/>') ;;
    esac
    curl -s -o /dev/null -w '%{time_total}\n' -u "$user:$password" -X "$method" -H 'Depth: 0' \
         -H 'Content-Type: application/xml' --data "$body" "$book_url" |
      awk '{ printf "%d\n", $1 * 1000 }' >> "$work/curl-$question"
  done
done
echo "  the same questions by curl (medians of 5): REPORT sync-collection $(median < "$work/curl-sync-collection") ms; PROPFIND depth 0 CS:getctag $(median < "$work/curl-getctag") ms, DAV:sync-token $(median < "$work/curl-sync-token") ms, DAV:getlastmodified $(median < "$work/curl-getlastmodified") ms"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
