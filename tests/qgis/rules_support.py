"""A small plan in Boverket's categories and a store with rules, for the linking-rule tests."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsFeature, QgsVectorLayer

from territorial_plugin.core.identity import register_layer
from territorial_plugin.core.model import Catalogue, Goal
from territorial_plugin.core.rules.model import Rule
from territorial_plugin.core.store import open_store

from .store_layers import square, write

GOALS = ["t:1", "t:2", "t:3"]
#: two rules of the plan layer: housing near the station, and water
NEAR = Rule(
    "Bostäder nära station",
    '"kategori" = \'Sammanhängande bostadsbebyggelse\' AND "avst_station" < 1000',
    ("t:1", "t:2"),
    motivation='Området [% "namn" %] ligger [% "avst_station" %] m från stationen – "kollektivt" ÅÄÖ åäö',
)
WATER = Rule("Vatten", "\"kategori\" = 'Vatten'", ("t:3",), stance="neutral", strength=1, motivation="Vattenområde")
# (omr_id, namn, kategori, avst_station)
AREAS = [
    ("B1", "Östra Ängen", "Sammanhängande bostadsbebyggelse", 400),
    ("B2", 'Kvarteret "Åsen"', "Sammanhängande bostadsbebyggelse", 1500),
    ("B3", "Södra Hällen", "Sammanhängande bostadsbebyggelse", 800),
    ("N1", "Ölandsskogen", "Natur och friluftsliv", 3000),
    ("V1", "Sjön", "Vatten", 2000),
]


def plan_layer(path: Path, areas=AREAS) -> QgsVectorLayer:
    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:3006&field=omr_id:string&field=namn:string&field=kategori:string&field=avst_station:integer",
        "Markanvändning",
        "memory",
    )
    features = []
    for i, values in enumerate(areas):
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(values))
        feature.setGeometry(square(i))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    written = write(layer, path, "GPKG")
    written.setName("Markanvändning")
    return written


def rules_store(path: Path, layer: QgsVectorLayer | None = None):
    """A store with catalogue ``t`` (t:1–t:3) and, when given, ``layer`` registered by ``omr_id``."""
    store = open_store(str(path), create=True)
    store.save_catalogue(Catalogue(id="t", name="Test"), [Goal(g, "t", g.split(":")[1]) for g in GOALS])
    record = register_layer(store, layer, "omr_id") if layer is not None else None
    return store, record
