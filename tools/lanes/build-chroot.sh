#!/usr/bin/env bash
# Build (or confirm fresh) the chroot of one or more QGIS test lanes.
#   tools/lanes/build-chroot.sh [LANE ...]     default: every lane (3.40 3.44)
#   tools/lanes/build-chroot.sh --status [LANE ...]   fresh, or why it would rebuild
# A chroot is rebuilt from scratch when it is missing, when its recipe (suite,
# mirror, package set, pip pins — see common.sh) changed, when it is older than
# LANES_MAX_AGE_DAYS, when it no longer imports QGIS, or with LANES_REBUILD=1.
# A new chroot is built beside the old one and swapped in only when complete, so a
# failed build never leaves a half-built lane behind. Needs root and debootstrap.
# The build log is $LANES_CACHE/<lane>.build.log; on failure its tail is printed.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tools/lanes/common.sh
source "$HERE/common.sh"

# The inner half runs inside a private mount namespace (see build_lane).
if [ "${1:-}" = "--inside" ]; then
  root=$2 lane=$3
  trap 'lane_umount "$root"' EXIT
  lane_mount "$root"
  # no daemon may start inside the chroot (postgresql's postinst tries)
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"; }
  # sid's Release file is valid for a week only; a mirror or snapshot a little behind
  # (or a clock ahead) must not make the lane unbuildable. Signatures are still checked.
  echo 'Acquire::Check-Valid-Until "false";' >"$root/etc/apt/apt.conf.d/99lane-valid-until"
  in_root apt-get update -q
  wanted=()
  for alt in "${LANE_PACKAGES[@]}"; do
    pick=""
    IFS='|' read -r -a choices <<<"$alt"
    for c in "${choices[@]}"; do
      if in_root apt-cache show --no-all-versions "$c" >/dev/null 2>&1; then pick=$c; break; fi
    done
    [ -n "$pick" ] || { echo "no package in $(lane_suite "$lane") provides any of: $alt"; exit 1; }
    wanted+=("$pick")
  done
  echo "installing: ${wanted[*]}"
  in_root apt-get install -y -q --no-install-recommends "${wanted[@]}"
  in_root apt-get clean
  in_root python3 -m venv --system-site-packages "$LANE_VENV"
  # pip trusts what the host trusts (a site proxy's CA included), not just Debian's bundle
  cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/lane-host-ca.crt"
  in_root "$LANE_VENV/bin/python" -m pip install -q --disable-pip-version-check \
    --cert /etc/ssl/lane-host-ca.crt "${LANE_PIP[@]}"
  exit 0
fi

[ "$(id -u)" -eq 0 ] || { echo "building QGIS lanes needs root (chroot, mount)" >&2; exit 1; }
if ! command -v debootstrap >/dev/null; then  # a fresh machine: it is one Debian package
  echo "installing debootstrap"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap; } >/dev/null \
    || { echo "debootstrap is missing and could not be installed (apt-get install debootstrap)" >&2; exit 1; }
fi

# Is the chroot in DIR usable as is? Prints why not.
stale_reason() {
  local lane=$1 dir=$2 stamp=$2/.territorial-lane
  [ -d "$dir" ] || { echo "not built yet"; return; }
  [ -f "$stamp" ] || { echo "no stamp (an earlier build did not finish)"; return; }
  [ "${LANES_REBUILD:-0}" = 1 ] && { echo "LANES_REBUILD=1"; return; }
  if [ "$(grep -v -E '^(built|qgis)=' "$stamp")" != "$(lane_recipe "$lane")" ]; then
    echo "recipe changed (packages, pins or mirror)"; return
  fi
  local built age
  built=$(sed -n 's/^built=//p' "$stamp")
  age=$(( ($(date +%s) - ${built:-0}) / 86400 ))
  [ "$age" -lt "$LANES_MAX_AGE_DAYS" ] || { echo "${age} days old (LANES_MAX_AGE_DAYS=$LANES_MAX_AGE_DAYS)"; return; }
  chroot "$dir" /usr/bin/env -i PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen \
    "$LANE_VENV/bin/python" -c "import qgis.core, pytest_qgis, pandas, openpyxl" >/dev/null 2>&1 \
    || { echo "broken (QGIS, pytest-qgis, pandas or openpyxl no longer import)"; return; }
}

# rm -rf that can never follow a leftover bind mount into the host's /dev or /proc
remove_tree() {
  local dir=$1
  [ -e "$dir" ] || return 0
  if grep -q " $dir/" /proc/self/mountinfo; then
    echo "refusing to delete $dir: something is still mounted inside it" >&2; return 1
  fi
  rm -rf --one-file-system "$dir"
}

build_lane() {
  local lane=$1 suite dir tmp log start reason
  suite=$(lane_suite "$lane") || { echo "unknown lane '$lane' (known: $LANES_ALL)" >&2; return 1; }
  dir=$(lane_dir "$lane")
  reason=$(stale_reason "$lane" "$dir")
  if [ -z "$reason" ]; then
    echo "lane $lane: chroot $dir is fresh ($(sed -n 's/^qgis=//p' "$dir/.territorial-lane"))"
    return 0
  fi
  tmp=$dir.building
  log=$LANES_CACHE/$lane.build.log
  start=$(date +%s)
  echo "lane $lane: building Debian $suite chroot in $dir ($reason); log: $log"
  remove_tree "$tmp"
  if ! {
    debootstrap --variant=minbase "$suite" "$tmp" "$LANES_MIRROR" &&
      unshare --mount --propagation private "$0" --inside "$tmp" "$lane"
  } >"$log" 2>&1; then
    echo "lane $lane: FAILED to build the Debian $suite chroot; last lines of $log:" >&2
    tail -25 "$log" >&2
    return 1
  fi
  local qgis_version
  qgis_version=$(chroot "$tmp" dpkg-query -W -f='${Version}' qgis 2>/dev/null || echo unknown)
  # sid moves on: a lane named 3.44 must not quietly start testing another QGIS
  if [[ "$qgis_version" != "$lane".* ]]; then
    echo "lane $lane: FAILED — Debian $suite now has QGIS $qgis_version, not $lane.x;" \
      "add a lane for it in tools/lanes/common.sh (lane_suite) and the Makefile's help" >&2
    return 1
  fi
  { lane_recipe "$lane"; echo "built=$(date +%s)"; echo "qgis=$qgis_version"; } >"$tmp/.territorial-lane"
  remove_tree "$dir"
  mv "$tmp" "$dir"
  echo "lane $lane: built QGIS $qgis_version in $(( $(date +%s) - start )) s"
}

if [ "${1:-}" = "--status" ]; then  # say what a build would do, build nothing
  shift
  lanes=("$@")
  [ ${#lanes[@]} -gt 0 ] || read -r -a lanes <<<"$LANES_ALL"
  for lane in "${lanes[@]}"; do
    reason=$(stale_reason "$lane" "$(lane_dir "$lane")")
    echo "lane $lane: ${reason:-fresh ($(sed -n 's/^qgis=//p' "$(lane_dir "$lane")/.territorial-lane"))}"
  done
  exit 0
fi

lanes=("$@")
[ ${#lanes[@]} -gt 0 ] || read -r -a lanes <<<"$LANES_ALL"
mkdir -p "$LANES_CACHE"
status=0
for lane in "${lanes[@]}"; do
  # one builder per lane at a time (two `make test` runs, or make -j)
  exec {lock}>"$LANES_CACHE/.$lane.lock"
  flock "$lock"
  build_lane "$lane" || status=1
  flock -u "$lock"
done
exit $status
