"""Two invented neighbours of Exempelkommun for the region's sample (issue 14).

Called by ``generate_sample.py`` with Exempelkommun's areas; writes, deterministically:

- ``resources/sample/region/bjorka_markanvandning.geojson``: Björkå kommun, east of it;
- ``resources/sample/region/fjallmora_markanvandning.geojson``: Fjällmora kommun, west of it;
- ``resources/sample/region/kommungranser.geojson``: the three municipal borders.

Each neighbour's land tiles its territory (a box minus Exempelkommun) with Voronoi
cells, smaller along the shared border. The cells on that border get the uses
that meet Exempelkommun's outer ring of nature and wind areas: wind power and
nature in Björkå, a mine and nature in Fjällmora — so the demo's links support
and conflict with the same goals across the borders.
"""

from __future__ import annotations

import random

from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle, QgsWkbTypes

# (org id, Swedish name, key prefix, x range relative to the centre, seed)
NEIGHBOURS = (
    ("bjorka", "Björkå kommun", "BK", (0, 26000), 14001),
    ("fjallmora", "Fjällmora kommun", "FM", (-26000, 0), 14002),
)
HALF_HEIGHT = 15000

# category codes as Exempelkommun's (same style); names per neighbour, used in turn
INNER = {
    "bjorka": [
        ("CENT", "Björkå centrum", "Centrum med handel, service och resecentrum."),
        ("BOST", "Bostäder Älvbacken", "Nya bostäder nära skola och kollektivtrafik."),
        ("BOST", "Bostäder Lövnäset", "Villor och radhus i etapper."),
        ("VERK", "Verksamhetsområde Sågen", "Träindustri och logistik vid järnvägen."),
        ("GRON", "Friluftsområde Björkåberget", "Motionsspår och skidbacke nära tätorten."),
        ("UTV", "Utvecklingsområde Kvarnbäcken", "Blandad bebyggelse med förskola."),
        ("NATUR", "Naturområde Stormyren", "Myrmark med höga naturvärden."),
        ("NATUR", "Rennäringens betesland Björkå", "Året-runt-betesmarker för renar."),
    ],
    "fjallmora": [
        ("CENT", "Fjällmora centrum", "Centrum med service, skola och vårdcentral."),
        ("BOST", "Bostäder Mohed", "Nya bostäder nära centrum."),
        ("BOST", "Bostäder Sjövik", "Bostäder i strandnära läge."),
        ("VERK", "Verksamhetsområde Fjällmora industri", "Industri och återvinning."),
        ("GRON", "Friluftsområde Fjällmoraskogen", "Tätortsnära skog för rekreation."),
        ("UTV", "Utvecklingsområde Gamla flygfältet", "Solpark och verksamheter."),
        ("NATUR", "Naturreservat Trollberget", "Gammal skog och värdefulla bergbranter."),
        ("NATUR", "Älvdalens ängar", "Odlingslandskap med slåtterängar."),
    ],
}
BORDER = {
    "bjorka": [
        ("VIND", "Vindbruksområde Gränsberget", "Stor vindpark nära kommungränsen; påverkar renbete och flyttleder."),
        ("NATUR", "Naturområde Gränsmyren", "Myrkomplex som fortsätter in i Exempelkommun; skyddsvärt."),
        ("VIND", "Vindbruksområde Östra höjden", "Utredningsområde för vindkraft."),
    ],
    "fjallmora": [
        ("VERK", "Gruvområde Kopparberget", "Planerad gruva och sandmagasin nära kommungränsen."),
        ("NATUR", "Rennäringens flyttled Västra", "Flyttled av riksintresse som fortsätter in i Exempelkommun."),
        ("VERK", "Täktområde Grusåsen", "Grus- och bergtäkt."),
    ],
}


def _seeds(rng: random.Random, box: QgsRectangle, outline: QgsGeometry, inner: int, border: int):
    points = []
    while len(points) < inner:
        p = QgsPointXY(rng.uniform(box.xMinimum(), box.xMaximum()), rng.uniform(box.yMinimum(), box.yMaximum()))
        if not outline.buffer(2500, 8).contains(QgsGeometry.fromPointXY(p)):
            points.append(p)
    grown = outline.buffer(1400, 8)  # kept in a name: constGet() points into it
    boundary = QgsGeometry(grown.constGet().boundary())
    step = boundary.length() / 36
    for i in range(36):
        p = boundary.interpolate(i * step)
        if not p.isNull() and box.contains(p.asPoint()):
            points.append(p.asPoint())
    return points[: inner + border]


def build_neighbours(exempel: list[QgsGeometry], centre: tuple[float, float]) -> tuple[dict, list[dict]]:
    """(org id → land-use rows, rows of the municipal borders) around Exempelkommun's areas."""
    cx, cy = centre
    # the published sample rounds to whole metres, which leaves some areas invalid: repair before the union
    union = QgsGeometry.unaryUnion([g if g.isGeosValid() else g.makeValid() for g in exempel])
    # the outline without holes: slivers between Exempelkommun's areas belong to it, not to a neighbour
    rings = [
        QgsGeometry.fromPolygonXY([polygon[0]])
        for part in union.asGeometryCollection()
        if part.type() == QgsWkbTypes.GeometryType.PolygonGeometry
        for polygon in (part.asMultiPolygon() if part.isMultipart() else [part.asPolygon()])
    ]
    outline = QgsGeometry.unaryUnion(rings)
    result = {}
    borders = [{"kommun": "Exempelkommun", "org_id": "exempelkommun", "geometry": outline}]
    for org, name, prefix, (x0, x1), seed in NEIGHBOURS:
        rng = random.Random(seed)
        box = QgsRectangle(cx + x0, cy - HALF_HEIGHT, cx + x1, cy + HALF_HEIGHT)
        territory = QgsGeometry.fromRect(box).difference(outline)
        points = _seeds(rng, box, outline, inner=10, border=14)
        cells = QgsGeometry.fromMultiPointXY(points).voronoiDiagram(QgsGeometry.fromRect(box), 0.0)
        rows, inner, border = [], 0, 0
        near = outline.buffer(50, 8)
        for cell in sorted(
            cells.asGeometryCollection(),
            key=lambda g: (round(g.centroid().asPoint().y()), round(g.centroid().asPoint().x())),
        ):
            piece = cell.intersection(territory)
            if piece.isEmpty() or piece.area() < 200_000:
                continue
            pieces = piece.asGeometryCollection() if piece.isMultipart() else [piece]
            piece = QgsGeometry.collectGeometry([p for p in pieces if p.area() > 1000])
            if piece.intersects(near):
                code, area_name, description = BORDER[org][border % len(BORDER[org])]
                border += 1
            else:
                code, area_name, description = INNER[org][inner % len(INNER[org])]
                inner += 1
            rows.append((code, area_name, description, piece))
        features = []
        seen: dict[str, int] = {}
        for number, (code, area_name, description, piece) in enumerate(rows, 1):
            seen[area_name] = seen.get(area_name, 0) + 1
            label = area_name if seen[area_name] == 1 else f"{area_name} {_roman(seen[area_name])}"
            features.append(
                {
                    "omr_id": f"{prefix}-{number:03d}",
                    "namn": label,
                    "kategori_kod": code,
                    "beskrivning": description,
                    "geometry": piece if piece.isGeosValid() else piece.makeValid(),
                }
            )
        result[org] = features
        borders.append({"kommun": name, "org_id": org, "geometry": territory})
    return result, borders


def _roman(n: int) -> str:
    return {2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX"}.get(n, str(n))
