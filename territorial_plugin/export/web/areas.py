"""The land use as the web page draws it: every area's key, name, category and simplified outline.

Names and categories come from the plugin's one rule for each (``core.areas``: the
category field chosen at registration, else the first named like one). Outlines are
simplified in the layer's own units (metres for SWEREF 99) and sent as WGS 84.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...compat import is_null
from ...core.areas import area_records, category_field
from ...core.errors import CancelledError, ExportError
from ...core.i18n import tr
from .encode import encode_ring

WGS84 = "EPSG:4326"
_METRES_PER_DEGREE = 111_320.0


@dataclass(frozen=True)
class WebArea:
    """One area of the page: ``polygons`` is a list of polygons, each a list of encoded rings."""

    layer: int
    key: str
    name: str
    category: str
    polygons: list


def _categories(layer: QgsVectorLayer, field: str | None) -> dict[int, str]:
    if field is None:
        return {}
    index = layer.fields().lookupField(field)
    request = QgsFeatureRequest().setSubsetOfAttributes([index]).setFlags(QgsFeatureRequest.Flag.NoGeometry)
    return {
        feature.id(): "" if is_null(feature.attribute(index)) else str(feature.attribute(index))
        for feature in layer.getFeatures(request)
    }


def _polygons(geometry: QgsGeometry) -> list:
    if geometry.isMultipart():
        return [
            [encode_ring((p.x(), p.y()) for p in ring) for ring in polygon] for polygon in geometry.asMultiPolygon()
        ]
    return [[encode_ring((p.x(), p.y()) for p in ring) for ring in geometry.asPolygon()]]


def read_web_areas(
    layer: QgsVectorLayer,
    layer_number: int,
    key_field: str | None,
    tolerance_m: float,
    project: QgsProject | None = None,
    feedback=None,
) -> list[WebArea]:
    """Every polygon of ``layer``, simplified by ``tolerance_m`` metres, in WGS 84.

    A layer without a key field (not registered) is drawn as background: its areas get
    their feature id as key and carry no links.
    """
    if QgsWkbTypes.geometryType(layer.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise ExportError(
            tr("The web atlas draws areas; the layer '{layer}' has no polygons.").format(layer=layer.name())
        )
    project = project or QgsProject.instance()
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(WGS84), project.transformContext())
    tolerance = tolerance_m / _METRES_PER_DEGREE if layer.crs().isGeographic() else tolerance_m
    categories = _categories(layer, category_field(layer, key_field))
    if key_field:
        records = ((r.key, r.name, r.fid, r.geometry) for r in area_records(
            layer, key_field, project=project, geometry=True, feedback=feedback
        ))  # fmt: skip
    else:
        records = ((str(f.id()), "", f.id(), f.geometry()) for f in layer.getFeatures())
    areas = []
    for number, (key, name, fid, geometry) in enumerate(records):
        if feedback is not None and number % 1000 == 0 and feedback.isCanceled():
            raise CancelledError(tr("The export was cancelled; no file was written."))
        if geometry is None or geometry.isEmpty():
            continue
        simple = geometry.simplify(tolerance) if tolerance > 0 else QgsGeometry(geometry)
        if simple.isEmpty():  # an area smaller than the tolerance keeps its outline
            simple = QgsGeometry(geometry)
        if simple.transform(transform) != 0:
            raise ExportError(
                tr("The area '{key}' of '{layer}' cannot be shown in WGS 84.").format(key=key, layer=layer.name())
            )
        areas.append(WebArea(layer_number, key, name, categories.get(fid, ""), _polygons(simple)))
    return areas
