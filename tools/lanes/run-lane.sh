#!/usr/bin/env bash
# Run the project's QGIS test suites on other QGIS versions, each in a Debian chroot.
#   tools/lanes/run-lane.sh [LANE ...]   LANE: 3.40 (Debian trixie) or 3.44 (Debian sid);
#                                        default: every lane; "none" runs nothing
# For each lane: build or reuse its chroot (build-chroot.sh), copy the working tree
# into it (a snapshot: the host's build/, .venv and artifacts stay untouched), then
# run tools/lanes/in-chroot.sh there with the chroot's own Python and QGIS: the
# pytest-qgis suites, the qgis_process suite and the desktop end-to-end scenarios,
# whichever exist. Each lane prints one result line with its time; the script fails
# when any lane fails. Artifacts (logs, e2e screenshots) are copied back to
# tests/artifacts/lanes/<lane>/. Mounts live in a private mount namespace, so they
# vanish with the process even if it is killed; a trap unmounts them on the way out.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=tools/lanes/common.sh
source "$HERE/common.sh"
WORK=/work/territorial   # where the tree is copied inside the chroot

if [ "${1:-}" = "--inside" ]; then
  root=$2 lane=$3
  trap 'lane_umount "$root"' EXIT
  lane_mount "$root"
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    LANE="$lane" LANE_VENV="$LANE_VENV" LANE_PYTEST_ARGS="${LANE_PYTEST_ARGS:-}" \
    bash "$WORK/tools/lanes/in-chroot.sh"
  exit $?
fi

[ "$(id -u)" -eq 0 ] || { echo "the QGIS lanes need root (chroot, mount)" >&2; exit 1; }

run_lane() {
  local lane=$1 root start rc secs art qgis_version
  start=$(date +%s)
  root=$(lane_dir "$lane")
  art=$ROOT/tests/artifacts/lanes/$lane
  if ! "$HERE/build-chroot.sh" "$lane"; then
    echo "lane $lane: FAILED — its chroot could not be built (see above) after $(( $(date +%s) - start )) s"
    return 1
  fi
  qgis_version=$(sed -n 's/^qgis=//p' "$root/.territorial-lane")
  # a fresh snapshot of the working tree, without the host's caches and builds
  rm -rf --one-file-system "${root:?}$WORK"
  mkdir -p "$root$WORK" "$art"
  tar -C "$ROOT" -cf - --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist \
    --exclude=./out --exclude=./tests/artifacts --exclude=./.qgis-settings --exclude=./.make \
    --exclude=__pycache__ --exclude=.pytest_cache --exclude=.ruff_cache --exclude='*.qm' . \
    | tar -C "$root$WORK" -xf -
  echo "lane $lane: QGIS $qgis_version (Debian $(lane_suite "$lane")), running the suites…"
  unshare --mount --propagation private "$0" --inside "$root" "$lane" 2>&1 | tee "$art/lane.log" \
    | sed "s/^/  [$lane] /"
  rc=${PIPESTATUS[0]}
  rm -rf "${art:?}/e2e"
  [ -d "$root$WORK/tests/artifacts" ] && cp -r "$root$WORK/tests/artifacts/." "$art/"
  secs=$(( $(date +%s) - start ))
  if [ "$rc" -eq 0 ]; then
    echo "lane $lane (QGIS $qgis_version): passed in ${secs} s"
  else
    echo "lane $lane (QGIS $qgis_version): FAILED in ${secs} s (log: tests/artifacts/lanes/$lane/lane.log)"
  fi
  return "$rc"
}

lanes=("$@")
[ ${#lanes[@]} -gt 0 ] || read -r -a lanes <<<"$LANES_ALL"
status=0
results=()
for lane in "${lanes[@]}"; do
  if [ "$lane" = none ]; then echo "QGIS lanes skipped (LANES=none)"; continue; fi
  if ! lane_suite "$lane" >/dev/null; then
    echo "unknown lane '$lane' (known: $LANES_ALL, or none)"; status=1; continue
  fi
  # one run per lane at a time: two `make test` runs share the chroot's work tree
  mkdir -p "$LANES_CACHE"
  exec {lock}>"$LANES_CACHE/.$lane.run.lock"
  flock "$lock"
  if run_lane "$lane"; then results+=("$lane passed"); else results+=("$lane FAILED"); status=1; fi
  flock -u "$lock"
done
[ ${#results[@]} -eq 0 ] || echo "QGIS lanes: ${results[*]}"
exit $status
