"""A land-use layer as a stage keeps it, and back: areas with WKB and attributes; a memory layer of them.

Areas are read through the one key → name/hectares pass (:func:`..areas.area_records`),
so a stage states the same hectares the panel, the atlas and the tables state.
Attributes are kept too (as a JSON list in field order), so styles and labels that
use them draw the frozen layer as they drew the real one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from qgis.core import QgsFeature, QgsFeatureRequest, QgsGeometry, QgsProject, QgsVectorLayer

from ...compat import field_type, is_null, new_field, wkb_type
from ..areas import area_records
from .model import StageArea, StageLayer

#: field kinds a memory layer can hold again (compat.new_field); anything else is kept as text
_KINDS = ("int", "longlong", "double", "bool", "date", "datetime", "string")


def _kind(field) -> str:
    for kind in _KINDS:
        if field.type() == field_type(kind):
            return kind
    return "string"


def stage_layer(layer: QgsVectorLayer, layer_uid: str, key_field: str) -> StageLayer:
    """What a stage keeps of ``layer`` itself: name, key field, geometry type, CRS and fields."""
    fields = [[f.name(), _kind(f), f.length(), f.precision()] for f in layer.fields()]
    return StageLayer(
        layer_uid,
        layer.name(),
        key_field,
        int(layer.wkbType()),
        layer.crs().toWkt(),
        json.dumps(fields, ensure_ascii=False),
    )


def _plain(value):
    """A JSON value for an attribute (dates as ISO text, which a date field reads back)."""
    if is_null(value):
        return None
    if isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "toString") and hasattr(value, "isValid"):  # QDate, QDateTime, QTime
        from qgis.PyQt.QtCore import Qt

        return value.toString(Qt.DateFormat.ISODate)
    return str(value)


def wkb_of(geometry: QgsGeometry | None) -> bytes | None:
    return None if geometry is None or geometry.isNull() else bytes(geometry.asWkb())


def read_areas(
    layer: QgsVectorLayer,
    layer_uid: str,
    key_field: str,
    *,
    project: QgsProject | None = None,
    attributes: bool = True,
    feedback=None,
) -> list[StageArea]:
    """Every keyed area of ``layer`` with its geometry (WKB) and, if asked, its attributes."""
    values: dict[int, str] = {}
    if attributes:
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        values = {
            feature.id(): json.dumps([_plain(v) for v in feature.attributes()], ensure_ascii=False)
            for feature in layer.getFeatures(request)
        }
    return [
        StageArea(
            layer_uid, record.key, record.name, record.hectares, wkb_of(record.geometry), values.get(record.fid, "[]")
        )
        for record in area_records(layer, key_field, project=project, geometry=True, feedback=feedback)
    ]


def memory_layer(frozen: StageLayer, areas: Iterable[StageArea], name: str | None = None) -> QgsVectorLayer:
    """The frozen areas as a memory layer with the layer's fields, geometry type and CRS."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsWkbTypes

    kind = QgsWkbTypes.displayString(wkb_type(frozen.wkb_type)) or "Polygon"
    crs = QgsCoordinateReferenceSystem.fromWkt(frozen.crs)
    # an authority id in the URI gives the provider the CRS too; a custom CRS is set on the layer
    layer = QgsVectorLayer(f"{kind}?crs={crs.authid()}" if crs.authid() else kind, name or frozen.name, "memory")
    if not crs.authid():
        layer.setCrs(crs)
    provider = layer.dataProvider()
    provider.addAttributes(
        [new_field(n, k, length, precision) for n, k, length, precision in json.loads(frozen.fields)]
    )
    layer.updateFields()
    fields = layer.fields()
    features = []
    for area in areas:
        feature = QgsFeature(fields)
        values = json.loads(area.attributes or "[]")
        if len(values) == fields.count():
            feature.setAttributes(values)
        else:  # attributes not kept: the key is what the plugin needs
            feature.setAttribute(frozen.key_field, area.key)
        if area.wkb is not None:
            geometry = QgsGeometry()
            geometry.fromWkb(area.wkb)
            feature.setGeometry(geometry)
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    return layer
