#!/usr/bin/env bash
# tests/e2e/screenshot-notification.sh — a screenshot of the real weekly reminder on a
# real notification server: Xvfb, a private D-Bus session and dunst (tests/e2e/dunstrc),
# then `trustnet --remind` on a temporary database with a few contacts, one of them
# overdue. Not part of the test suite: a developer runs it after `meson compile -C _build`
# and looks at _build/screenshots/notification.png.
#
# Usage: tests/e2e/screenshot-notification.sh [BUILD_DIR]
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$(cd "${1:-$source_dir/_build}" && pwd)

# Xvfb and the private session bus first; this script runs again inside them.
if [ "${TN_SCREENSHOT_INNER:-}" != "1" ]; then
  for tool in xvfb-run dbus-run-session dunst import gdbus; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is missing: bash build-aux/deps.sh --test" >&2; exit 1; }
  done
  export TN_SCREENSHOT_INNER=1
  exec xvfb-run -a -s "-screen 0 720x190x24" dbus-run-session -- bash "$0" "$build_dir"
fi

trustnet="$build_dir/src/trustnet"
output_dir="$build_dir/screenshots"
now="2026-11-23T10:00:00"   # a Monday after the default 09:00: the reminder is due
tmp=$(mktemp -d)
dunst_pid=""

cleanup () {
  [ -n "$dunst_pid" ] && kill "$dunst_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

export GSETTINGS_SCHEMA_DIR="$build_dir/data"
export GSETTINGS_BACKEND=memory
export LC_ALL=C.UTF-8
export TRUSTNET_NOW="$now"

sed "s|@ICON_PATH@|$source_dir/data/icons/hicolor/scalable/apps|" \
  "$source_dir/tests/e2e/dunstrc" >"$tmp/dunstrc"
dunst -config "$tmp/dunstrc" >"$tmp/dunst.log" 2>&1 &
dunst_pid=$!

# dunst owns org.freedesktop.Notifications once it is ready.
for _ in $(seq 50); do
  if gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
       --method org.freedesktop.DBus.NameHasOwner org.freedesktop.Notifications 2>/dev/null |
       grep -q true; then
    break
  fi
  sleep 0.1
done

db="$tmp/trustnet.db"
tn () {
  "$trustnet" --database "$db" "$@" >/dev/null
}
tn --add "Ada Lovelace" --email ada@example.org --org "Analytical Engines Ltd"
tn --with "Ada Lovelace" --rate 1
tn --with "Ada Lovelace" --log lunch --date 2026-09-21
tn --add "Grace Hopper" --org "US Navy"
tn --with "Grace Hopper" --rate 1
tn --with "Grace Hopper" --log coffee --date 2026-11-02
tn --add "Alan Turing"
tn --with "Alan Turing" --rate 2

"$trustnet" --database "$db" --remind
sleep 1.5

mkdir -p "$output_dir"
import -window root "$output_dir/notification.png"
echo "$output_dir/notification.png"
