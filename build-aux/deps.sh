#!/usr/bin/env bash
# build-aux/deps.sh — install the Debian 12 packages TrustNet needs to build, run and test.
# SPDX-License-Identifier: GPL-3.0-or-later
# Idempotent: installs only what is missing, so it is cheap to call before every build.
set -eu

build_packages="gcc meson ninja-build pkg-config gettext itstool
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev
  libnotify-dev libebook-contacts1.2-dev libjson-glib-dev"
run_packages="adwaita-icon-theme fonts-cantarell fonts-noto-color-emoji dbus dbus-user-session libglib2.0-bin"
test_packages="xvfb xauth xdotool imagemagick sqlite3 desktop-file-utils appstream
  python3-dbusmock python3-gi at-spi2-core time dunst"

wanted="$build_packages $run_packages"
if [ "${1:-}" = "--test" ]; then
  wanted="$wanted $test_packages"
fi

missing=""
for package in $wanted; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $package"
  fi
done

if [ -z "$missing" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd="sudo"
else
  sudo_cmd=""
fi

echo "Installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -q
# shellcheck disable=SC2086
$sudo_cmd apt-get install -y -q --no-install-recommends $missing
