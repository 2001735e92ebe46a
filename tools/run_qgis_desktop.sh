#!/usr/bin/env bash
# Open the QGIS desktop with the staged plugin enabled and the given project, in a
# profile of its own under build/ (your normal QGIS profile is left alone).
# Without a display (no $DISPLAY) it runs on Xvfb so the command still works.
set -euo pipefail
cd "$(dirname "$0")/.."
project=${1:-resources/sample/exempelkommun.qgs}
profiles="$PWD/build/qgis-profile"
ini="$profiles/profiles/default/QGIS/QGIS3.ini"
if [ ! -f "$ini" ]; then
  mkdir -p "$(dirname "$ini")"
  printf '[PythonPlugins]\nterritorial_plugin=true\n\n[qgis]\ncheckVersion=false\nshowTips=false\n' > "$ini"
fi
export QGIS_PLUGINPATH="$PWD/build/plugins"
unset QT_QPA_PLATFORM
if [ -z "${DISPLAY:-}" ]; then
  echo "no display: starting QGIS on Xvfb (use a desktop session to see it)"
  exec xvfb-run -a -s "-screen 0 1600x1000x24" qgis --nologo --noversioncheck --profiles-path "$profiles" "$project"
fi
exec qgis --nologo --noversioncheck --profiles-path "$profiles" "$project"
