"""A small municipality for the delivery tests: a registered layer with links, valid and invalid areas."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

from territorial_plugin.core.identity import register_layer
from territorial_plugin.core.model import Catalogue, Goal, LinkSpec
from territorial_plugin.core.store import open_store

GOALS = ["t:1", "t:1.1", "t:2"]
BOWTIE = "POLYGON((0 0, 100 100, 100 0, 0 100, 0 0))"  # self-intersecting: repaired
COLLAPSED = "POLYGON((0 0, 100 0, 0 0))"  # a ring of three points: nothing polygonal is left


def catalogue(version: str = "1") -> tuple[Catalogue, list[Goal]]:
    goals = [Goal("t:1", "t", "1", title_sv="Ett"), Goal("t:1.1", "t", "1.1", "t:1", "Ett ett"), Goal("t:2", "t", "2")]
    return Catalogue(id="t", name="Test", version=version), goals


def municipality_layer(name: str = "markanvandning", crs: str = "EPSG:3006", x0: float = 650000.0) -> QgsVectorLayer:
    """Five areas A0–A4 (A3 a bow tie, A4 collapsed), a name and a category."""
    layer = QgsVectorLayer(
        f"Polygon?crs={crs}&field=omr_id:string&field=namn:string&field=kategori:string&field=yta_note:integer",
        name,
        "memory",
    )
    features = []
    for i in range(5):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"A{i}", f"Område {i}", "Bostäder" if i % 2 else "Natur", i * 10])
        if i == 3:
            shape = QgsGeometry.fromWkt(BOWTIE)
            _ = shape.translate(x0 + 600, 6500000)
        elif i == 4:
            shape = QgsGeometry.fromWkt(COLLAPSED)
            _ = shape.translate(x0 + 800, 6500000)
        else:
            shape = QgsGeometry.fromWkt(
                f"POLYGON(({x0 + i * 200} 6500000, {x0 + i * 200 + 100} 6500000, {x0 + i * 200 + 100} 6500100, "
                f"{x0 + i * 200} 6500100, {x0 + i * 200} 6500000))"
            )
        feature.setGeometry(shape)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def municipality_store(path: Path, layer: QgsVectorLayer):
    """A store with catalogue ``t``, the layer registered and linked: A0–A4 to t:1.1, A1 also against t:2."""
    store = open_store(str(path), create=True)
    store.save_catalogue(*catalogue())
    record = register_layer(store, layer, "omr_id")
    store.link(record.layer_uid, ["A0", "A1", "A2", "A3", "A4"], ["t:1.1"], LinkSpec("supports", 3, "Bra läge"), "anna")
    store.link(record.layer_uid, ["A1"], ["t:2"], LinkSpec("conflicts", 1, "Stör renbete"), "anna")
    store.update_link(record.layer_uid, "A0", "t:1.1", "bertil", motivation="Nära skolan")
    return store, record


def rework(municipality: dict) -> None:
    """One link changed (A1 against t:2 becomes stronger, new motivation) and one area reshaped (A2 grows):
    what a second delivery of the municipality of :func:`municipality_store` differs by."""
    municipality["store"].update_link(
        municipality["uid"], "A1", "t:2", "anna", strength=3, motivation="Stör renbete året runt"
    )
    layer = municipality["layer"]
    a2 = next(f for f in layer.getFeatures() if f["omr_id"] == "A2")
    bigger = QgsGeometry.fromWkt(
        "POLYGON((650400 6500000, 650550 6500000, 650550 6500150, 650400 6500150, 650400 6500000))"
    )
    assert layer.dataProvider().changeGeometryValues({a2.id(): bigger})


def many_organisations(count: int = 15, goals: int = 2):
    """The region's picture of ``count`` invented municipalities side by side (``RegionalData``, no store):
    each links two areas to every goal, one supporting and one against; neighbours' areas are 150 m apart,
    so every goal has intermunicipal conflicts."""
    from qgis.core import QgsRectangle

    from territorial_plugin.core.region.conflicts import RegionArea, RegionLink, find_conflicts
    from territorial_plugin.export.region.data import RegionalData

    catalogue_record = Catalogue(id="rus", name="Regional utvecklingsstrategi")
    goal_list = [Goal(f"rus:{n}", "rus", str(n), title_sv=f"Mål {n} för hela länet") for n in range(1, goals + 1)]
    organisations = [f"kommun_{n:02d}" for n in range(1, count + 1)]
    names = {o: f"{_PLACE_NAMES[n % len(_PLACE_NAMES)]} {n + 1} kommun" for n, o in enumerate(organisations)}
    areas, links = [], []
    for number, organisation in enumerate(organisations):
        x = 700000 + number * 1000
        for part, stance in enumerate(("supports", "conflicts")):
            key = f"{organisation[-2:]}-{part + 1}"
            shape = QgsGeometry.fromRect(QgsRectangle(x + part * 500, 7100000, x + part * 500 + 350, 7100400))
            areas.append(RegionArea(organisation, f"{organisation}-op", key, f"Område {key}", 14.0, shape))
            links += [RegionLink(f"{organisation}-op", key, g.id, stance, organisation) for g in goal_list]
    pairs = find_conflicts(areas, links, 200.0)
    return RegionalData(
        goals=goal_list,
        catalogues=[catalogue_record],
        blind_spots=[],
        organisations=organisations,
        names=names,
        deliveries={},
        areas=areas,
        links=links,
        pairs=pairs,
        distance=200.0,
    )


_PLACE_NAMES = (
    "Umeå", "Skellefteå", "Lycksele", "Vilhelmina", "Storuman", "Sorsele", "Malå", "Norsjö", "Robertsfors",
    "Vindeln", "Vännäs", "Bjurholm", "Nordmaling", "Åsele", "Dorotea", "Örnsköldsvik", "Piteå", "Arvidsjaur",
    "Arjeplog", "Kiruna",
)  # fmt: skip
