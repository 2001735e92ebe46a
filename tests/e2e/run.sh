#!/usr/bin/env bash
# End-to-end tests in the real QGIS desktop under Xvfb.
#   tests/e2e/run.sh            run every tests/e2e/scenario_*.py
#   tests/e2e/run.sh NAME ...   run the named scenarios (e.g. smoke)
# Each scenario runs in a fresh QGIS profile with the staged plugin enabled and QGIS
# in Swedish, opens the sample project, and writes tests/artifacts/e2e/<name>.json
# (plus screenshots). A scenario fails when its JSON says so, when it wrote none,
# or when a Python traceback reached QGIS's stderr.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
ART="$ROOT/tests/artifacts/e2e"
mkdir -p "$ART"
if [ $# -gt 0 ]; then names=("$@"); else
  names=(); for f in tests/e2e/scenario_*.py; do n=$(basename "$f" .py); names+=("${n#scenario_}"); done
fi
failed=0
for name in "${names[@]}"; do
  profiles=$(mktemp -d)
  mkdir -p "$profiles/profiles/default/QGIS"
  cat > "$profiles/profiles/default/QGIS/QGIS3.ini" <<INI
[PythonPlugins]
territorial_plugin=true

[locale]
overrideFlag=true
userLocale=sv
globalLocale=sv_SE

[qgis]
showTips=false
checkVersion=false
INI
  rm -f "$ART/$name.json"
  start=$(date +%s)
  E2E_ARTIFACTS="$ART" E2E_NAME="$name" E2E_ROOT="$ROOT" QGIS_PLUGINPATH="$ROOT/build/plugins" \
    QT_QPA_PLATFORM=xcb HOME="$profiles" \
    timeout 240 xvfb-run -a -s "-screen 0 1600x1000x24" \
    qgis --nologo --noversioncheck --profiles-path "$profiles" \
      --code "$ROOT/tests/e2e/scenario_$name.py" "$ROOT/resources/sample/exempelkommun.qgs" \
      >"$ART/$name.stdout" 2>"$ART/$name.stderr"
  rc=$?
  secs=$(( $(date +%s) - start ))
  if [ ! -f "$ART/$name.json" ]; then
    echo "e2e $name: FAILED (no result written, qgis exit $rc, ${secs} s); stderr tail:"; tail -20 "$ART/$name.stderr"
    failed=1
  elif [ "$rc" -ne 0 ]; then
    echo "e2e $name: FAILED (QGIS exited with $rc, ${secs} s); stderr tail:"; tail -20 "$ART/$name.stderr"
    failed=1
  elif grep -q "Traceback" "$ART/$name.stderr"; then
    echo "e2e $name: FAILED (Python traceback on QGIS stderr):"; grep -A15 "Traceback" "$ART/$name.stderr" | head -40
    failed=1
  elif ! /usr/bin/python3 -c "import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if r['ok'] else 1)" "$ART/$name.json"; then
    echo "e2e $name: FAILED"; cat "$ART/$name.json"; echo
    failed=1
  else
    echo "e2e $name: passed in ${secs} s (artifacts in tests/artifacts/e2e/)"
  fi
  rm -rf "$profiles"
done
exit $failed
