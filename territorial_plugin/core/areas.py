"""What the plugin says of an area beside its key: its name and its hectares.

One pass reads a layer's features as the panel, the atlas and the tables report
them (:func:`area_records`), so the three never disagree on a name or a figure.
Area is measured as QGIS measures it (``QgsDistanceArea`` with the project's
ellipsoid, the figures of the Identify tool and ``$area``); with no ellipsoid
(``NONE``) it is planimetric in the layer's CRS.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from qgis.core import (
    QgsDistanceArea,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
    QgsWkbTypes,
)

from ..compat import is_null
from .errors import CancelledError, IdentityError
from .i18n import tr
from .identity import feature_key

#: field names that usually hold an area's name, tried in order
_NAME_FIELDS = ("namn", "name", "benamning", "benämning", "omradesnamn", "titel", "title")

#: field names that usually hold an area's land-use category, tried in order (Boverket's ÖP model first)
_CATEGORY_FIELDS = (
    "kategori_boverket",
    "kategori",
    "category",
    "markanvandning",
    "markanvändning",
    "anvandning",
    "användning",
    "kategori_kod",
    "landuse",
    "land_use",
    "typ",
    "type",
    "klass",
    "class",
)

#: a layer's custom property (saved with the project): the category field chosen at registration
CATEGORY_PROPERTY = "territorial_links/category_field"

#: features read between two looks at the feedback's cancel flag
_CANCEL_CHECK_EVERY = 1000


class AreaRecord(NamedTuple):
    """One feature as the plugin reports it; ``geometry`` only when asked for (else ``None``)."""

    key: str
    name: str  # "" for an area without a name
    hectares: float  # 0 for points, lines and a missing or empty geometry
    fid: int
    geometry: QgsGeometry | None


def name_field(layer: QgsVectorLayer, key_field: str) -> str | None:
    """The field holding an area's name (``namn``, ``name``… or the display expression's field)."""
    names = {f.name().lower(): f.name() for f in layer.fields()}
    for candidate in _NAME_FIELDS:
        if candidate in names and names[candidate] != key_field:
            return names[candidate]
    expression = QgsExpression(layer.displayExpression())
    columns = [c for c in expression.referencedColumns() if c in layer.fields().names() and c != key_field]
    return columns[0] if len(columns) == 1 and expression.isField() else None


def category_field(layer: QgsVectorLayer, key_field: str | None) -> str | None:
    """The field holding an area's land-use category, if the layer has one.

    The field chosen when the layer was registered (:func:`remember_category_field`),
    else the first named like one (``kategori_boverket``, ``kategori``…).
    """
    chosen = layer.customProperty(CATEGORY_PROPERTY)
    if chosen is not None:
        chosen = str(chosen)
        if not chosen:
            return None  # chosen: no category field
        if chosen != key_field and layer.fields().lookupField(chosen) >= 0:
            return chosen
    names = {f.name().lower(): f.name() for f in layer.fields()}
    skip = {key_field, name_field(layer, key_field) if key_field else None}
    for candidate in _CATEGORY_FIELDS:
        if candidate in names and names[candidate] not in skip:
            return names[candidate]
    return None


def remember_category_field(layer: QgsVectorLayer, field: str | None) -> None:
    """Keep the category field chosen for ``layer`` (``None``: none) with the layer in the project."""
    layer.setCustomProperty(CATEGORY_PROPERTY, field or "")


def _calculator(layer: QgsVectorLayer, project: QgsProject | None) -> QgsDistanceArea:
    # set up as QGIS measures features of ``layer`` in ``project`` (Identify, $area)
    project = project or QgsProject.instance()
    calculator = QgsDistanceArea()
    calculator.setSourceCrs(layer.crs(), project.transformContext())
    if not calculator.setEllipsoid(project.ellipsoid() or "NONE"):
        # an ellipsoid QGIS cannot resolve: planimetric, as QGIS falls back to itself
        _ = calculator.setEllipsoid("NONE")  # "NONE" always succeeds
    return calculator


def area_records(
    layer: QgsVectorLayer,
    key_field: str,
    *,
    project: QgsProject | None = None,
    names: bool = True,
    geometry: bool = False,
    keys: Iterable[str] | None = None,
    feedback=None,
) -> Iterator[AreaRecord]:
    """The features of ``layer`` with a key, one :class:`AreaRecord` each (a repeated key: one per feature).

    Call it on the thread that owns ``layer`` (the layer and the project are read
    here); the returned iterator reads a feature source and may run in a task.
    ``keys`` limits the records to those keys; ``names=False`` spares reading the
    name field. ``feedback`` (anything with ``isCanceled()``: a ``QgsFeedback``, a
    ``QgsTask``) stops the read with :class:`CancelledError`.
    """
    index = layer.fields().lookupField(key_field)
    if index < 0:
        raise IdentityError(
            tr("The layer '{layer}' has no key field '{field}'.").format(layer=layer.name(), field=key_field)
        )
    label = name_field(layer, key_field) if names else None
    label_index = layer.fields().lookupField(label) if label else -1
    polygons = QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry
    request = QgsFeatureRequest().setSubsetOfAttributes([index] + ([label_index] if label_index >= 0 else []))
    if not polygons and not geometry:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    calculator = _calculator(layer, project)
    to_ha = QgsUnitTypes.fromUnitToUnitFactor(calculator.areaUnits(), QgsUnitTypes.AreaUnit.AreaHectares)
    return _read(
        QgsVectorLayerFeatureSource(layer),
        request,
        index,
        label_index,
        calculator.measureArea if polygons else None,
        to_ha,
        geometry,
        set(keys) if keys is not None else None,
        feedback,
    )


def _read(source, request, index, label_index, measure, to_ha, with_geometry, wanted, feedback) -> Iterator[AreaRecord]:
    for number, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and number % _CANCEL_CHECK_EVERY == 0 and feedback.isCanceled():
            # worded for the exports, the only readers that show it (the panel's task just stops)
            raise CancelledError(tr("The export was cancelled; no file was written."))
        key = feature_key(feature.attribute(index))
        if key is None or (wanted is not None and key not in wanted):
            continue
        shape = feature.geometry()
        # one rule for a missing (NULL) and an empty geometry: no area
        hectares = measure(shape) * to_ha if measure is not None and not shape.isEmpty() else 0.0
        name = "" if label_index < 0 else area_name(feature.attribute(label_index))
        yield AreaRecord(key, name, hectares, feature.id(), shape if with_geometry else None)


def area_name(value) -> str:
    """An area's name as the plugin writes it, from the value of its :func:`name_field`."""
    # NULL is "", never the word "NULL" that str() of a null QVariant gives
    return "" if is_null(value) else str(value)
