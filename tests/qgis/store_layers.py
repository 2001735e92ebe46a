"""Layers and stores for the identity, link and integrity tests (shapefile, GeoPackage, CSV, memory)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from territorial_plugin.core.model import Catalogue, Goal
from territorial_plugin.core.store import open_store

GOALS = ["t:1", "t:2", "t:3"]


def memory_layer(n: int = 5, *, key: bool = True, name: str = "areas") -> QgsVectorLayer:
    """Squares 10 m apart; ``omr_id`` = A0, A1, … when ``key``."""
    fields = "&field=omr_id:string&field=use:string" if key else "&field=use:string"
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:3006{fields}", name, "memory")
    features = []
    for i in range(n):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"A{i}", "BOST"] if key else ["BOST"])
        feature.setGeometry(square(i))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def square(i: int, size: float = 100.0) -> QgsGeometry:
    x = 650000 + i * 200.0
    return QgsGeometry.fromRect(QgsRectangle(x, 6500000, x + size, 6500000 + size))


def write(layer: QgsVectorLayer, path: Path, driver: str) -> QgsVectorLayer:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsProject.instance().transformContext(), options
    )
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    written = QgsVectorLayer(str(path), path.stem, "ogr")
    assert written.isValid()
    return written


def seeded_store(path: Path):
    store = open_store(str(path), create=True)
    store.save_catalogue(Catalogue(id="t", name="Test"), [Goal(g, "t", g.split(":")[1]) for g in GOALS])
    return store


def geometry_of(layer: QgsVectorLayer, field: str, value: str) -> QgsGeometry:
    return next(f.geometry() for f in layer.getFeatures() if f[field] == value)
