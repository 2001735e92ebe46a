#!/usr/bin/env bash
# The main job, headless, on the bundled sample municipality (Exempelkommun).
# Every step is a plain qgis_process call, so GIS staff can copy them into their
# own scripts. Results go to out/. Run through `make demo` (which stages the plugin).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/out"
rm -rf "$OUT" && mkdir -p "$OUT"

# A throwaway QGIS profile so the demo never touches the user's own settings.
export HOME="$ROOT/build/demo-home" && rm -rf "$HOME" && mkdir -p -m 700 "$HOME"
export QGIS_PLUGINPATH="$ROOT/build/plugins" QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$HOME"
# qgis_process on Debian 12 prints two harmless start-up warnings; keep the rest of stderr.
QP() { "${QGIS_PROCESS:-/usr/bin/qgis_process.bin}" "$@" 2> >(grep -v -e "setapi() is deprecated" >&2); }
step() { echo; echo "== $*"; }

step "enable the plugin and list its Processing provider"
QP plugins enable territorial_plugin >/dev/null
QP list | awk '/^Territorial Links/{p=1} p&&/^$/{exit} p' | tee "$OUT/algorithms.txt"
grep -q "territorial:" "$OUT/algorithms.txt"

step "plugin information"
QP --json run territorial:plugininfo > "$OUT/plugininfo.json"
grep -o '"VERSION": *"[^"]*"' "$OUT/plugininfo.json"

step "import every bundled goal catalogue (Agenda 2030, miljömål, NRS, RUS Västerbotten, example)"
# importcatalogue creates the GeoPackage store when it does not exist yet; run again, it changes nothing
QP --json run territorial:importcatalogue -- INPUT=all STORE="$OUT/exempelkommun_links.gpkg" > "$OUT/catalogues.json"
grep -o '"CATALOGUES": *"[^"]*"' "$OUT/catalogues.json"
QP --json run territorial:exportcatalogue -- CATALOGUE=agenda2030 STORE="$OUT/exempelkommun_links.gpkg" \
  OUTPUT="$OUT/agenda2030.xlsx" > /dev/null

echo
echo "demo done: results in out/"
ls -1 "$OUT"
