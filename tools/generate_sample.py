"""Generate the sample municipality "Exempelkommun" (invented, but shaped like a real ÖP).

    .venv/bin/python tools/generate_sample.py

Writes, deterministically (fixed seed, coordinates rounded to whole metres):

- ``resources/sample/markanvandning.geojson``: the comprehensive plan's land-use
  layer (EPSG:3006, SWEREF 99 TM) — 43 areas over 9 categories, a stable text key
  ``omr_id``, Swedish names and descriptions;
- ``resources/sample/vatten.geojson``: the lake Storsjön, as map background;
- ``resources/sample/exempelkommun.qgs``: a styled project with both layers and the
  project variable ``tl_municipality`` = "Exempelkommun";
- ``resources/sample/region/``: two neighbouring municipalities and the three
  municipal borders, for the region's report (``tools/sample_region.py``).

The GeoJSON files are the reviewable source; this script is how they were made.
Areas never overlap: the lake, the infrastructure corridors and the LIS areas are
cut out of the areas drawn after them.
"""

from __future__ import annotations

import json
import math
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_HASH_SEED"] = "0"  # Qt writes XML attributes in hash order: fix it for stable diffs

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsGeometry,
    QgsPalLayerSettings,
    QgsPointXY,
    QgsProject,
    QgsReferencedRectangle,
    QgsRendererCategory,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "sample"
CX, CY = 700_000, 7_100_000  # inland Västerbotten, SWEREF 99 TM

# code: (Swedish category as a Swedish ÖP names it, fill colour)
CATEGORIES = {
    "CENT": ("Blandad stadsbebyggelse, centrum", "#d6604d"),
    "BOST": ("Bostäder", "#f4a582"),
    "VERK": ("Verksamheter och industri", "#8073ac"),
    "UTV": ("Utvecklingsområde", "#fdb863"),
    "LIS": ("LIS-område (landsbygdsutveckling i strandnära läge)", "#f7e08a"),
    "GRON": ("Grönområde och rekreation", "#7fbf7b"),
    "NATUR": ("Natur- och rennäringsintressen", "#b8d9a9"),
    "INFRA": ("Infrastrukturkorridor", "#878787"),
    "VIND": ("Vindbruk", "#92c5de"),
}

# the same areas in Boverket's ÖP model (Mark- och vattenanvändning, version 2.1);
# the names are Boverket's, listed in resources/boverket/op_mark_och_vatten.json
BOVERKET = {
    "CENT": "Mångfunktionell bebyggelse",
    "BOST": "Sammanhängande bostadsbebyggelse",
    "VERK": "Verksamheter och industri",
    "UTV": "Mångfunktionell bebyggelse",
    "LIS": "Landsbygd",
    "GRON": "Grönområde och park",
    "NATUR": "Natur och friluftsliv",
    "INFRA": "Transportinfrastruktur",
    "VIND": "Teknisk anläggning",
}

STATUS = {"CENT": "Befintlig", "BOST": "Befintlig", "VERK": "Befintlig", "GRON": "Befintlig", "NATUR": "Befintlig"}


class Boundaries:
    """Smooth, shared ring boundaries: adjacent rings meet without gaps.

    Radius of ring boundary ``k`` at angle ``a`` is ``R_k`` times a smooth wave of
    a few random sinusoids; sector edges bend with the radius. Both neighbours of an
    edge evaluate the same function, so the areas tile the land.
    """

    def __init__(self, rng: random.Random):
        self.waves = {}
        self.rng = rng

    def _wave(self, key, amplitude):
        if key not in self.waves:
            self.waves[key] = [(self.rng.randint(2, 7), self.rng.uniform(0, 2 * math.pi)) for _ in range(3)]
        terms = self.waves[key]
        return lambda a: 1 + amplitude * sum(math.sin(k * a + ph) for k, ph in terms) / len(terms)

    def radius(self, r, a):
        if r <= 0:
            return 0.0
        amplitude = 0.16 if r >= 8000 else 0.07
        return r * self._wave(r, amplitude)(a)

    def bend(self, angle_deg, r):
        phase = self._wave(("bend", round(angle_deg % 360, 3)), 1.0)
        return math.radians(angle_deg) + math.radians(4) * (phase(r / 900) - 1)


def ring_sector(bounds: Boundaries, r0, r1, a0, a1, steps_per_deg=0.5, radial_steps=8) -> QgsGeometry:
    """An organic ring sector between boundary rings r0..r1 and sector edges a0..a1."""
    n = max(4, int((a1 - a0) * steps_per_deg))

    def point(r_nominal, a_deg, edge=None):
        a = bounds.bend(edge, r_nominal) if edge is not None else math.radians(a_deg)
        rr = bounds.radius(r_nominal, a)
        return QgsPointXY(CX + rr * math.cos(a), CY + rr * math.sin(a))

    pts = []
    for j in range(radial_steps + 1):  # edge a0, inside → out
        pts.append(point(r0 + (r1 - r0) * j / radial_steps, a0, edge=a0))
    for i in range(1, n):  # outer boundary
        pts.append(point(r1, a0 + (a1 - a0) * i / n))
    for j in range(radial_steps, -1, -1):  # edge a1, outside → in
        pts.append(point(r0 + (r1 - r0) * j / radial_steps, a1, edge=a1))
    if r0 > 0:
        for i in range(n - 1, 0, -1):  # inner boundary
            pts.append(point(r0, a0 + (a1 - a0) * i / n))
    geom = QgsGeometry.fromPolygonXY([[*pts, pts[0]]])
    return geom if geom.isGeosValid() else geom.makeValid()


def ellipse(cx, cy, rx, ry, rng, steps=48, jitter=0.06) -> QgsGeometry:
    pts = []
    for i in range(steps):
        a = 2 * math.pi * i / steps
        k = 1 + rng.uniform(-jitter, jitter)
        pts.append(QgsPointXY(cx + rx * k * math.cos(a), cy + ry * k * math.sin(a)))
    return QgsGeometry.fromPolygonXY([[*pts, pts[0]]])


def corridor(points, width) -> QgsGeometry:
    line = QgsGeometry.fromPolylineXY([QgsPointXY(CX + x, CY + y) for x, y in points])
    return line.buffer(width / 2, 8)


def build(rng: random.Random) -> tuple[list[dict], QgsGeometry]:
    lake = ellipse(CX + 300, CY - 3600, 2600, 1200, rng)
    corridors = [
        (
            "E12-korridoren",
            "Väg E12 genom tätorten med reservat för ombyggnad och gång- och cykelväg.",
            corridor([(-9000, 600), (-3000, 300), (0, 150), (3500, 500), (9000, 900)], 120),
        ),
        (
            "Tvärbanan, järnvägskorridor",
            "Reserverat utrymme för ny järnväg och resecentrum vid stationen.",
            corridor([(-1200, 9000), (-600, 2500), (-200, 300), (600, -1500)], 90),
        ),
        (
            "Förbifart norr",
            "Utredningskorridor för en förbifart norr om tätorten för tung trafik.",
            corridor([(-4500, 1200), (-2500, 2600), (1500, 2900), (4200, 1400)], 100),
        ),
    ]
    lis_specs = [
        ("LIS Sjöudden", 200, 228),
        ("LIS Björknäset", 245, 268),
        ("LIS Kvarnviken", 290, 312),
        ("LIS Östra stranden", 330, 352),
        ("LIS Nybodarna", 160, 185),
    ]
    shore = lake.buffer(300, 12).difference(lake)
    lis = []
    for name, a0, a1 in lis_specs:
        wedge = QgsGeometry.fromPolygonXY(
            [
                [
                    QgsPointXY(CX + 300, CY - 3600),
                    *[
                        QgsPointXY(
                            CX + 300 + 6000 * math.cos(math.radians(a)), CY - 3600 + 3000 * math.sin(math.radians(a))
                        )
                        for a in range(a0, a1 + 1, 4)
                    ],
                    QgsPointXY(CX + 300, CY - 3600),
                ]
            ]
        )
        lis.append((name, shore.intersection(wedge)))

    b = Boundaries(rng)
    areas = []  # (code, name, description, geometry, status)

    def add(code, name, description, geometry, status=None):
        areas.append((code, name, description, geometry, status or STATUS.get(code, "Ny")))

    add(
        "CENT",
        "Centrum Torget",
        "Tätortens handels- och mötesplats; förtätning med bostäder över butiker.",
        ring_sector(b, 0, 700, 20, 140),
    )
    add(
        "CENT",
        "Centrum Stationsområdet",
        "Blandad bebyggelse kring resecentrum med kontor, service och bostäder.",
        ring_sector(b, 0, 700, 140, 260),
    )
    add(
        "CENT",
        "Centrum Älvkajen",
        "Omvandling av äldre verksamhetsmark vid älven till stadsdel med kajpromenad.",
        ring_sector(b, 0, 700, 260, 380),
    )

    housing = ["Norrbacka", "Björkliden", "Tallmon", "Solbacken", "Västra Åsen", "Östra Åsen", "Kyrkbacken", "Älvudden"]
    green = [
        "Gröna kilen Norrbacka",
        "Skidbacken och elljusspåret",
        "Stadsparken",
        "Tallmons strövområde",
        "Koloniområdet Solängen",
        "Älvstråket",
    ]
    sector = 360 / 14
    hi = gi = 0
    for i in range(14):
        a0, a1 = 15 + i * sector, 15 + (i + 1) * sector
        geom = ring_sector(b, 700, 2200, a0, a1)
        if i % 7 in (2, 5) and gi < len(green):
            add("GRON", green[gi], "Tätortsnära natur för rekreation, lek och dagvattenhantering.", geom)
            gi += 1
        elif hi < len(housing):
            add(
                "BOST",
                f"Bostäder {housing[hi]}",
                "Befintligt bostadsområde med möjlighet till varsam förtätning.",
                geom,
            )
            hi += 1
        else:
            add("GRON", green[gi % len(green)], "Tätortsnära natur för rekreation, lek och dagvattenhantering.", geom)
            gi += 1

    outer = [
        (
            "VERK",
            "Verksamhetsområde Västra industrin",
            "Befintlig industri och logistik längs E12; plats för utbyggnad.",
        ),
        ("UTV", "Utvecklingsområde Kvarnforsen", "Ny blandad stadsdel med 400 bostäder, skola och förskola."),
        ("VERK", "Verksamhetsområde Norra Moen", "Mark för nya etableringar inom förnybar energi och återvinning."),
        ("UTV", "Utvecklingsområde Sjöslätten", "Bostäder och service nära sjön med goda kollektivtrafikförbindelser."),
        ("GRON", "Friluftsområdet Lillberget", "Motionsspår, skidanläggning och utsiktsplats nära tätorten."),
        ("VERK", "Verksamhetsområde Östra Moen", "Handel och småindustri vid den nya trafikplatsen."),
        ("UTV", "Utvecklingsområde Flygfältet", "Omvandling av nedlagt flygfält till verksamheter och solpark."),
        ("VERK", "Verksamhetsområde Hamnen", "Bränsleterminal och omlastning mellan väg och järnväg."),
        ("UTV", "Utvecklingsområde Skogsbrynet", "Villabebyggelse i etapper; kräver ny förskola."),
        ("UTV", "Utvecklingsområde Stationsnära norr", "Tät bebyggelse inom gångavstånd från resecentrum."),
    ]
    step = 360 / len(outer)
    for i, (code, name, description) in enumerate(outer):
        add(code, name, description, ring_sector(b, 2200, 3800, 10 + i * step, 10 + (i + 1) * step))

    nature = [
        ("Natura 2000-området Storkölen", "Myrkomplex av riksintresse för naturvården och Natura 2000-område."),
        ("Rennäringens flyttled vid Lappmyran", "Riksintresse för rennäringen: flyttled och viktigt betesområde."),
        ("Fjällbrännans urskogsrest", "Nyckelbiotoper med gammal skog; ska skyddas som naturreservat."),
        ("Vinterbetesområde Åsmarken", "Vinterbete för renar; hänsyn vid skogsbruk och ny bebyggelse."),
        ("Älvdalens odlingslandskap", "Ett rikt odlingslandskap med hävdade slåtterängar och kulturmiljö."),
    ]
    wind = [
        ("Vindbruksområde Hästberget", "Lämpligt för storskalig vindkraft; samråd med rennäringen krävs."),
        ("Vindbruksområde Granliden", "Utredningsområde för vindkraft med hänsyn till örn och friluftsliv."),
        ("Vindbruksområde Rödhöjden", "Utbyggd vindpark med möjlighet till utökning."),
    ]
    outer_ring = [*nature[:2], wind[0], *nature[2:4], wind[1], *nature[4:], wind[2]]
    step = 360 / len(outer_ring)
    for i, (name, description) in enumerate(outer_ring):
        code = "VIND" if name.startswith("Vindbruk") else "NATUR"
        add(code, name, description, ring_sector(b, 3800, 8500, 5 + i * step, 5 + (i + 1) * step))

    # cut, in priority order: lake > corridors > LIS > everything else
    municipality = QgsGeometry.unaryUnion([a[3] for a in areas] + [lake])
    cut = QgsGeometry(lake)
    features = []
    for name, description, geom in corridors:
        geom = geom.intersection(municipality).difference(lake)
        features.append(("INFRA", name, description, geom, "Planerad"))
        cut = cut.combine(geom)
    for name, geom in lis:
        geom = geom.difference(cut)
        features.append(
            ("LIS", name, "Landsbygdsutveckling i strandnära läge: fritidshus, turism och service.", geom, "Ny")
        )
        cut = cut.combine(geom)
    for code, name, description, geom, status in areas:
        features.append((code, name, description, geom.difference(cut), status))

    rows = []
    order = list(CATEGORIES)
    features.sort(key=lambda f: (order.index(f[0]), f[1]))
    for i, (code, name, description, geom, status) in enumerate(features, 1):
        geom = geom.makeValid() if not geom.isGeosValid() else geom
        rows.append(
            {
                "omr_id": f"EK-{i:03d}",
                "namn": name,
                "kategori_kod": code,
                "kategori": CATEGORIES[code][0],
                "kategori_boverket": BOVERKET[code],
                "beskrivning": description,
                "status": status,
                "geometry": geom,
            }
        )
    return rows, lake


def round_geojson(geom: QgsGeometry) -> dict:
    data = json.loads(geom.asJson(0))
    return data


def write_geojson(path: Path, rows: list[dict], name: str) -> None:
    features = []
    for row in rows:
        props = {k: v for k, v in row.items() if k != "geometry"}
        features.append({"type": "Feature", "properties": props, "geometry": round_geojson(row["geometry"])})
    collection = {
        "type": "FeatureCollection",
        "name": name,
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}},
        "features": features,
    }
    text = json.dumps(collection, ensure_ascii=False, indent=None, separators=(",", ":"))
    # one feature per line keeps diffs reviewable
    text = text.replace('},{"type":"Feature"', '},\n{"type":"Feature"')
    path.write_text(text + "\n", encoding="utf-8")


def style_landuse(layer: QgsVectorLayer) -> None:
    categories = []
    for code, (label, colour) in CATEGORIES.items():
        symbol = QgsFillSymbol.createSimple(
            {"color": colour, "outline_color": "#4d4d4d", "outline_width": "0.2", "outline_width_unit": "MM"}
        )
        categories.append(QgsRendererCategory(code, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("kategori_kod", categories))
    settings = QgsPalLayerSettings()
    settings.fieldName = "namn"
    text = QgsTextFormat()
    text.setFont(QFont("DejaVu Sans"))
    text.setSize(7)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("white"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(False)  # the atlas labels goal codes; names on demand


def stabilise(path: Path, ids: dict[str, str]) -> None:
    """Make the written project reproducible: fixed layer ids, no save time stamp."""
    import re

    text = path.read_text(encoding="utf-8")
    for generated, stable in ids.items():
        text = text.replace(generated, stable)
    text = re.sub(r' saveDateTime="[^"]*"', "", text)
    text = re.sub(r"<id>Annotations_[0-9a-f_]+</id>", "<id>Annotations</id>", text)
    text = re.sub(r"<creation>[^<]*</creation>", "<creation>2026-11-26T00:00:00</creation>", text)
    path.write_text(text, encoding="utf-8")


def main() -> int:
    app = QgsApplication([], False)
    app.initQgis()
    rng = random.Random(20261126)
    rows, lake = build(rng)
    OUT.mkdir(parents=True, exist_ok=True)
    write_geojson(OUT / "markanvandning.geojson", rows, "markanvandning")
    write_geojson(OUT / "vatten.geojson", [{"namn": "Storsjön", "geometry": lake}], "vatten")

    project = QgsProject.instance()
    project.clear()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:3006"))
    project.setTitle("Exempelkommun – översiktsplan")
    water = QgsVectorLayer(str(OUT / "vatten.geojson"), "Vatten", "ogr")
    water.setRenderer(water.renderer().clone())
    water.renderer().setSymbol(
        QgsFillSymbol.createSimple({"color": "#a6cee3", "outline_color": "#5b8fb0", "outline_width": "0.2"})
    )
    landuse = QgsVectorLayer(str(OUT / "markanvandning.geojson"), "Markanvändning (ÖP)", "ogr")
    if not landuse.isValid() or not water.isValid():
        print("sample layers did not load", file=sys.stderr)
        return 1
    style_landuse(landuse)
    landuse.saveNamedStyle(str(ROOT / "resources" / "styles" / "markanvandning.qml"))
    if project.addMapLayer(water) is None or project.addMapLayer(landuse) is None:
        print("could not add the sample layers to the project", file=sys.stderr)
        return 1
    from qgis.core import QgsExpressionContextUtils

    QgsExpressionContextUtils.setProjectVariable(project, "tl_municipality", "Exempelkommun")
    extent = landuse.extent()
    extent.scale(1.05)
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, project.crs()))
    project.writeEntryBool("Paths", "/Absolute", False)
    path = OUT / "exempelkommun.qgs"
    if not project.write(str(path)):
        print(f"could not write the project: {project.error()}", file=sys.stderr)
        return 1
    # ids longer than ten characters: QGIS 3.44 replaces shorter ones with a new id on
    # read, and the layer tree then no longer finds the layer (the lake was not drawn)
    stabilise(path, {landuse.id(): "markanvandning", water.id(): "vatten_storsjon"})
    path.with_name(path.name + "~").unlink(missing_ok=True)
    print(f"{len(rows)} land-use areas in {len({r['kategori_kod'] for r in rows})} categories → {OUT}")
    write_region(rows)
    app.exitQgis()
    return 0


def write_region(rows: list[dict]) -> None:
    """The region's sample (issue 14): two neighbours and the three borders, in ``sample/region/``."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from sample_region import build_neighbours

    neighbours, borders = build_neighbours([r["geometry"] for r in rows], (CX, CY))
    folder = OUT / "region"
    folder.mkdir(exist_ok=True)
    for org, features in neighbours.items():
        ordered = [
            {
                "omr_id": f["omr_id"],
                "namn": f["namn"],
                "kategori_kod": f["kategori_kod"],
                "kategori": CATEGORIES[f["kategori_kod"]][0],
                "beskrivning": f["beskrivning"],
                "geometry": f["geometry"],
            }
            for f in features
        ]
        write_geojson(folder / f"{org}_markanvandning.geojson", ordered, f"{org}_markanvandning")
        print(f"{len(ordered)} land-use areas of {org} → {folder}")
    write_geojson(folder / "kommungranser.geojson", borders, "kommungranser")


if __name__ == "__main__":
    sys.exit(main())
