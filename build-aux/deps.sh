#!/usr/bin/env bash
# build-aux/deps.sh — install the Debian 12 packages TrustNet needs to build, run and test.
# SPDX-License-Identifier: GPL-3.0-or-later
# Idempotent: installs only what is missing, so it is cheap to call before every build.
set -eu

build_packages="gcc meson ninja-build pkg-config gettext itstool
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev
  libnotify-dev libebook-contacts1.2-dev libjson-glib-dev libcsv-dev
  libedataserver1.2-dev libsecret-1-dev"
run_packages="adwaita-icon-theme fonts-cantarell fonts-noto-color-emoji dbus dbus-user-session libglib2.0-bin"
test_packages="xvfb xauth xdotool imagemagick sqlite3 desktop-file-utils appstream
  python3-dbusmock python3-gi at-spi2-core time dunst locales fonts-wqy-microhei
  radicale xandikos gnome-keyring"

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

if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd="sudo"
else
  sudo_cmd=""
fi

if [ -n "$missing" ]; then
  echo "Installing:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -q
  # shellcheck disable=SC2086
  $sudo_cmd apt-get install -y -q --no-install-recommends $missing
fi

# The test machine runs TrustNet in German too (LC_ALL=de_DE.UTF-8): generate that
# locale once, only if `locale -a` lacks it (it lists it as de_DE.utf8).
if [ "${1:-}" = "--test" ] && ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  echo "Generating the de_DE.UTF-8 locale" >&2
  $sudo_cmd sed -i 's/^# *\(de_DE\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  if ! grep -q '^de_DE\.UTF-8 UTF-8' /etc/locale.gen; then
    echo "de_DE.UTF-8 UTF-8" | $sudo_cmd tee -a /etc/locale.gen >/dev/null
  fi
  $sudo_cmd locale-gen
fi
