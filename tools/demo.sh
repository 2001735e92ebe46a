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
# QGIS in Swedish, as the planners run it: the atlas, the tables and the messages come out in Swedish
# (DEMO_LOCALE=en for English).
mkdir -p "$HOME/.local/share/QGIS/QGIS3/profiles/default/QGIS"
printf '[locale]\noverrideFlag=true\nuserLocale=%s\n' "${DEMO_LOCALE:-sv_SE}" \
  > "$HOME/.local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini"
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

step "create the link store (a GeoPackage QGIS opens as ordinary tables)"
QP --json run territorial:createstore -- STORE="$OUT/exempelkommun_links.gpkg" > "$OUT/createstore.json"
grep -o '"SCHEMA_VERSION": *[0-9]*' "$OUT/createstore.json"

step "import every bundled goal catalogue (Agenda 2030, miljömål, NRS, RUS Västerbotten, example)"
# importcatalogue creates the GeoPackage store when it does not exist yet; run again, it changes nothing
QP --json run territorial:importcatalogue -- INPUT=all STORE="$OUT/exempelkommun_links.gpkg" > "$OUT/catalogues.json"
grep -o '"CATALOGUES": *"[^"]*"' "$OUT/catalogues.json"
QP --json run territorial:exportcatalogue -- CATALOGUE=agenda2030 STORE="$OUT/exempelkommun_links.gpkg" \
  OUTPUT="$OUT/agenda2030.xlsx" > /dev/null

step "link the sample areas to goals, with motivations (key field omr_id)"
# The land-use layer is registered with its key on the first call; later calls find it by its source.
LINK() {  # LINK <kategori_kod> <goals> <stance> <strength> <motivation>
  QP --json run territorial:linkfeatures -- STORE="$OUT/exempelkommun_links.gpkg" \
    LAYER="$ROOT/resources/sample/markanvandning.geojson" KEY_FIELD=omr_id \
    EXPRESSION="\"kategori_kod\" = '$1'" GOALS="$2" STANCE="$3" STRENGTH="$4" MOTIVATION="$5" \
    | grep -o '"INSERTED": *[0-9]*' | sed "s/^/$1 → $2: /"
}
LINK BOST "agenda2030:11,rus_ac_2030:M1" supports 3 \
  "Nya bostäder nära service och kollektivtrafik ger fler möjlighet att bo i kommunen och stärker en levande plats."
LINK CENT "agenda2030:11,rus_ac_2030:M1" supports 2 \
  "Ett tätare centrum kring resecentrum samlar handel, service och arbetsplatser och minskar behovet av bil."
LINK VIND "agenda2030:7,miljomal:1" supports 3 \
  "Vindbruksområdet ger förnybar el och bidrar till att minska utsläppen av växthusgaser."
LINK VIND "miljomal:16" conflicts 2 \
  "Vindkraftsparken kan störa renarnas vinterbete och flyttleder; samråd med samebyn krävs innan detaljplan och tillstånd."
LINK NATUR "miljomal:16,agenda2030:15" supports 3 \
  "Området skyddar värdefull natur och rennäringens betesmarker; ingen exploatering föreslås."
LINK GRON "agenda2030:11.7,miljomal:15" supports 2 \
  "Tätortsnära grönområden ger plats för rekreation, dagvatten och biologisk mångfald."

step "check the links: every key still found in the layer"
QP --json run territorial:checkintegrity -- STORE="$OUT/exempelkommun_links.gpkg" \
  LAYERS="$ROOT/resources/sample/markanvandning.geojson" > "$OUT/integrity.json"
grep -o '"PROBLEMS": *[0-9]*' "$OUT/integrity.json"
grep -q '"PROBLEMS": *0' "$OUT/integrity.json"

step "goal atlas for the plan description (PDF: overview + one page per goal) and the goal tables (XLSX)"
# PROJECT lends the sample project's styles and its variable tl_municipality (qgis_process 3.22
# itself crashes on exit when given --PROJECT_PATH, so the algorithm reads the project).
QP --json run territorial:exportatlas -- STORE="$OUT/exempelkommun_links.gpkg" \
  LAYERS="$ROOT/resources/sample/markanvandning.geojson" LAYERS="$ROOT/resources/sample/vatten.geojson" \
  PROJECT="$ROOT/resources/sample/exempelkommun.qgs" TEMPLATE=A4_portrait \
  OUTPUT="$OUT/exempelkommun_malatlas.pdf" > "$OUT/atlas.json"
grep -o '"PAGES": *[0-9]*' "$OUT/atlas.json"
QP --json run territorial:coveragereport -- STORE="$OUT/exempelkommun_links.gpkg" \
  LAYERS="$ROOT/resources/sample/markanvandning.geojson" OUTPUT="$OUT/exempelkommun_maltabell.xlsx" > /dev/null
test -s "$OUT/exempelkommun_malatlas.pdf" && test -s "$OUT/exempelkommun_maltabell.xlsx"

step "the region (issue 14): the neighbours Björkå and Fjällmora link their own plans"
REGION="$ROOT/resources/sample/region"
LINKR() {  # LINKR <org> <kategori_kod list> <goals> <stance> <strength> <motivation>
  QP --json run territorial:linkfeatures -- STORE="$OUT/$1_links.gpkg" \
    LAYER="$REGION/$1_markanvandning.geojson" KEY_FIELD=omr_id \
    EXPRESSION="\"kategori_kod\" IN ($2)" GOALS="$3" STANCE="$4" STRENGTH="$5" MOTIVATION="$6" \
    | grep -o '"INSERTED": *[0-9]*' | sed "s/^/$1 $2 → $3: /"
}
for ORG in bjorka fjallmora; do
  QP --json run territorial:importcatalogue -- INPUT=all STORE="$OUT/${ORG}_links.gpkg" > /dev/null
  LINKR $ORG "'BOST','CENT'" "agenda2030:11,rus_ac_2030:M1" supports 3 \
    "Nya bostäder och service i tätorten ger fler möjlighet att bo och verka i kommunen."
  LINKR $ORG "'NATUR'" "miljomal:16,agenda2030:15" supports 3 \
    "Naturområdet och rennäringens marker skyddas; ingen exploatering föreslås."
  LINKR $ORG "'GRON'" "agenda2030:11.7,miljomal:15" supports 2 \
    "Tätortsnära natur för rekreation och biologisk mångfald."
done
LINKR bjorka "'VIND'" "agenda2030:7,miljomal:1,rus_ac_2030:M2" supports 3 \
  "Vindkraften ger förnybar el och stärker en cirkulär, fossilfri region."
LINKR bjorka "'VIND'" "miljomal:16" conflicts 2 \
  "Vindparken nära kommungränsen ligger i renarnas vinterbete och påverkar samebyns flyttled."
LINKR fjallmora "'VERK'" "agenda2030:8,rus_ac_2030:M1" supports 2 \
  "Gruvan, täkterna och industrin ger arbetstillfällen och stärker orten."
LINKR fjallmora "'VERK'" "agenda2030:15,miljomal:16,rus_ac_2030:M2" conflicts 2 \
  "Gruvan och sandmagasinet tar naturmark, skär av renarnas flyttled och ger stora mängder restprodukter."

step "deliveries: each municipality exports its links and linked areas for the region (GeoPackage)"
DELIVER() {  # DELIVER <org> <name> <store> <layer>
  QP --json run territorial:exportdelivery -- STORE="$3" LAYERS="$4" ORGANISATION="$1" ORGANISATION_NAME="$2" \
    STAGE="Samråd 2026" OUTPUT="$OUT/leverans_$1.gpkg" | grep -o '"LINKS": *[0-9]*' | sed "s/^/$1: /"
}
DELIVER exempelkommun Exempelkommun "$OUT/exempelkommun_links.gpkg" "$ROOT/resources/sample/markanvandning.geojson"
DELIVER bjorka "Björkå kommun" "$OUT/bjorka_links.gpkg" "$REGION/bjorka_markanvandning.geojson"
DELIVER fjallmora "Fjällmora kommun" "$OUT/fjallmora_links.gpkg" "$REGION/fjallmora_markanvandning.geojson"

step "the region imports the three deliveries into its own store (a second import changes nothing)"
QP --json run territorial:importcatalogue -- INPUT=all STORE="$OUT/region_links.gpkg" > /dev/null
for ORG in exempelkommun bjorka fjallmora; do
  QP --json run territorial:importdelivery -- INPUT="$OUT/leverans_$ORG.gpkg" STORE="$OUT/region_links.gpkg" \
    | grep -o '"LINKS": *[0-9]*' | sed "s/^/$ORG: /"
done
QP --json run territorial:importdelivery -- INPUT="$OUT/leverans_bjorka.gpkg" STORE="$OUT/region_links.gpkg" \
  | grep -q '"UNCHANGED": *1'

step "regional report: organisation × goal tables and intermunicipal conflicts (XLSX), regional atlas (PDF)"
QP --json run territorial:regionalreport -- STORE="$OUT/region_links.gpkg" DISTANCE=2000 \
  OUTPUT="$OUT/regionrapport.xlsx" | grep -o '"CONFLICTS": *[0-9]*'
QP --json run territorial:regionalreport -- STORE="$OUT/region_links.gpkg" DISTANCE=2000 \
  BOUNDARIES="$REGION/kommungranser.geojson" OUTPUT="$OUT/regional_atlas.pdf" > "$OUT/regional_atlas.json"
test -s "$OUT/regionrapport.xlsx" && test -s "$OUT/regional_atlas.pdf"

echo
echo "demo done: results in out/"
ls -1 "$OUT"
