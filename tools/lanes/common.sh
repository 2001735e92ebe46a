# shellcheck shell=bash
# Shared definitions for the QGIS test lanes (sourced by build-chroot.sh and run-lane.sh).
#
# A lane is a Debian release whose own QGIS packages we test on:
#   3.40  Debian trixie  (QGIS 3.40 LTR, Python 3.13)
#   3.44  Debian sid     (QGIS 3.44, Python 3.14; deprecation warnings are errors)
# Each lane lives in a debootstrap chroot cached outside the repository, in
# $LANES_CACHE/<lane> (default /var/cache/territorial-lanes). Variables:
#   LANES_CACHE          where the chroots live
#   LANES_MIRROR         Debian mirror for debootstrap/apt (default deb.debian.org)
#   LANES_MAX_AGE_DAYS   rebuild a chroot older than this (default 14; sid moves)
#   LANES_REBUILD=1      force a rebuild

LANES_ALL="3.40 3.44"
LANES_CACHE=${LANES_CACHE:-/var/cache/territorial-lanes}
LANES_MIRROR=${LANES_MIRROR:-http://deb.debian.org/debian}
LANES_MAX_AGE_DAYS=${LANES_MAX_AGE_DAYS:-14}
LANE_VENV=/opt/lane-venv

# Debian packages installed in every lane. Run-time libraries come from Debian, as
# QGIS users there have them; only pytest-qgis comes from PyPI (into a venv that
# sees the system site-packages). Alternatives separated by "|" pick the first one
# the release has (Qt 5 tools were dropped from sid's future, Qt 6 ones replace them).
LANE_PACKAGES=(qgis python3-qgis qgis-providers python3-pandas python3-openpyxl python3-pytest
  python3-psycopg2 python3-venv ca-certificates xvfb xauth poppler-utils sqlite3
  "qttools5-dev-tools|qt6-l10n-tools" postgresql
  "postgresql-18-postgis-3|postgresql-17-postgis-3|postgresql-16-postgis-3")
# pytest-qgis 5.0.2 is what the host uses; checked to work with trixie's pytest 8.3
# on Python 3.13 and sid's pytest 8.x on Python 3.14.
LANE_PIP=("pytest-qgis==5.0.2")

die() { echo "lane ${LANE:-?}: FAILED — $*" >&2; exit 1; }

# lane_suite LANE -> Debian suite
lane_suite() {
  case "$1" in
    3.40) echo trixie ;;
    3.44) echo sid ;;
    *) return 1 ;;
  esac
}

lane_dir() { echo "$LANES_CACHE/$1"; }

# What a chroot is built from; a change to any of it makes the chroot stale.
lane_recipe() {
  local lane=$1
  echo "suite=$(lane_suite "$lane")"
  echo "mirror=$LANES_MIRROR"
  echo "packages=${LANE_PACKAGES[*]}"
  echo "pip=${LANE_PIP[*]}"
  echo "recipe-version=1"
}

# Mount what a chroot needs. Callers run inside `unshare -m` so the kernel drops
# every mount when the process ends, however it ends; lane_umount is the tidy path.
lane_mount() {
  local root=$1
  mount --bind /proc "$root/proc"
  mount --bind /dev "$root/dev"
  mount --bind /dev/pts "$root/dev/pts" 2>/dev/null || true
  mount -t sysfs sysfs "$root/sys" 2>/dev/null || mount --bind /sys "$root/sys" 2>/dev/null || true
  mount -t tmpfs -o size=2g tmpfs "$root/dev/shm" 2>/dev/null || true
  cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
}

lane_umount() {
  local root=$1 m
  # reverse order of mounting; lazy as a last resort so a busy mount never survives
  for m in dev/shm sys dev/pts dev proc; do
    if mountpoint -q "$root/$m" 2>/dev/null; then
      umount "$root/$m" 2>/dev/null || umount -l "$root/$m" 2>/dev/null || true
    fi
  done
}
