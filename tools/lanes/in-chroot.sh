#!/usr/bin/env bash
# Runs INSIDE a lane's chroot (started by run-lane.sh), in the copied working tree.
# Runs every QGIS suite that exists, with the chroot's Python, QGIS and Debian
# libraries, and reports each one; exits non-zero when any of them failed.
#   pytest-qgis suites: tests/unit tests/qgis tests/store_contract (those present)
#   PostgreSQL store:   tests/postgres + the contract's postgres variant, own server
#   qgis_process suite: tests/cli, after a smoke check that the provider is listed
#   desktop end-to-end: tests/e2e/run.sh (real QGIS under Xvfb)
# In lane 3.44 a DeprecationWarning raised from territorial_plugin code is an error
# (tools/lanes/lane_warnings.py), so APIs QGIS 4 may drop are caught a release early.
set -uo pipefail
cd "$(dirname "$0")/../.."
: "${LANE:?}" "${LANE_VENV:?}"
export QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE=1 QGIS_PROCESS=/usr/bin/qgis_process.bin
export HOME=/root/lane-home XDG_RUNTIME_DIR=/root/lane-home
rm -rf "$HOME" && mkdir -p "$HOME" && chmod 700 "$HOME"
PY=$LANE_VENV/bin/python
failed=()

suite() {  # suite NAME COMMAND... : run, time and report one suite
  local name=$1 start rc
  shift
  start=$(date +%s)
  "$@"
  rc=$?
  if [ $rc -eq 0 ]; then echo "suite $name: passed ($(( $(date +%s) - start )) s)"
  else echo "suite $name: FAILED (exit $rc, $(( $(date +%s) - start )) s)"; failed+=("$name"); fi
}

echo "QGIS $(dpkg-query -W -f='${Version}' qgis), $($PY --version), pandas $($PY -c 'import pandas; print(pandas.__version__)'), pytest $($PY -m pytest --version 2>&1 | awk '{print $2}')"

# compile the translations with whichever lrelease the release ships
LRELEASE=$(command -v lrelease || ls /usr/lib/qt6/bin/lrelease /usr/lib/qt5/bin/lrelease 2>/dev/null | head -1)
build_stage() {
  local ts
  for ts in i18n/*.ts; do
    [ -e "$ts" ] || continue
    "$LRELEASE" -silent "$ts" -qm "${ts%.ts}.qm" || return 1
  done
  $PY tools/package.py stage build/plugins
}
suite stage build_stage
# the Qt6 check again, introspecting this QGIS: finds 3.22 spellings it no longer has
suite qt6-check "$PY" tools/check_qt6.py

# lane_warnings: a Qt slot exception fails its test instead of aborting the run; in
# lane 3.44 also deprecation warnings raised by the plugin's code are errors
pytest_args=(-q -p no:cacheprovider -o console_output_style=classic -p lane_warnings)
export PYTHONPATH=$PWD/tools/lanes${PYTHONPATH:+:$PYTHONPATH}
[ "$LANE" = 3.44 ] && export LANE_STRICT_DEPRECATIONS=1
# shellcheck disable=SC2206  # LANE_PYTEST_ARGS is a developer's extra words, e.g. "-x -k atlas"
pytest_args+=(${LANE_PYTEST_ARGS:-})

qgis_dirs=()
# pytest exits 5 when it collects no test: a pass only in a run narrowed by LANE_PYTEST_ARGS
# (e.g. "-k atlas" selects nothing in tests/postgres), a failure in a full run
pytest_some() {
  local rc=0
  "$PY" -m pytest "$@" || rc=$?
  if [ "$rc" -eq 5 ] && [ -n "${LANE_PYTEST_ARGS:-}" ]; then
    rc=0
  fi
  return "$rc"
}
for d in tests/unit tests/qgis tests/store_contract; do [ -d "$d" ] && qgis_dirs+=("$d"); done
if [ ${#qgis_dirs[@]} -gt 0 ]; then
  suite pytest-qgis pytest_some "${pytest_args[@]}" "${qgis_dirs[@]}"
fi

# The shared PostgreSQL store, as `make pg-tests` runs it on the host: a throwaway
# cluster (tools/pg-test-server.sh) with the lane's own PostgreSQL/PostGIS, stopped on
# every way out; TL_PG_REQUIRED makes a missing server a failure, never a skip.
pg_suite() {
  tools/pg-test-server.sh start >/dev/null || return 1
  trap 'tools/pg-test-server.sh stop' EXIT
  local rc=0
  (
    eval "$(tools/pg-test-server.sh env)"
    export TL_PG_REQUIRED=1
    pytest_some "${pytest_args[@]}" tests/postgres || exit 1
    pytest_some "${pytest_args[@]}" tests/store_contract -k postgres || exit 1
  ) || rc=1
  tools/pg-test-server.sh stop
  trap - EXIT
  return $rc
}
if [ -x tools/pg-test-server.sh ] && [ -d tests/postgres ]; then
  suite postgres pg_suite
fi

provider_listed() {
  export QGIS_PLUGINPATH=$PWD/build/plugins
  "$QGIS_PROCESS" plugins enable territorial_plugin >/dev/null 2>&1
  local out
  out=$("$QGIS_PROCESS" list 2>&1)
  if ! grep -q "territorial:" <<<"$out"; then
    echo "qgis_process does not list the territorial provider:"; tail -20 <<<"$out"; return 1
  fi
  echo "qgis_process lists $(grep -c 'territorial:' <<<"$out") territorial algorithms"
}
suite qgis_process-provider provider_listed
unset QGIS_PLUGINPATH

if [ -d tests/cli ]; then
  suite qgis_process pytest_some "${pytest_args[@]}" tests/cli
fi

if [ -x tests/e2e/run.sh ] && command -v qgis >/dev/null; then
  suite e2e tests/e2e/run.sh
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "lane $LANE: failed suites: ${failed[*]}"
  exit 1
fi
exit 0
