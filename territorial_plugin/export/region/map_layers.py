"""The regional atlas's map layers: every organisation's areas, one goal's areas by stance,
the conflict pairs and the municipal borders — memory layers in EPSG:3006 built from
:class:`RegionalData`, styled here so the pages only place them."""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsRectangle,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from ...compat import null_extent, qgis_enum
from ...core.i18n import tr
from ...core.labels import stance_label
from ...core.model import Stance
from ...core.region.conflicts import ConflictPair, RegionArea
from ..atlas.layers import CONFLICT_COLOR, NEUTRAL_COLOR, SUPPORT_COLOR, goal_color, text_format
from .data import RegionalData

CRS = "EPSG:3006"
PAIR_COLOR = QColor(120, 40, 140)
_BORDER_NAME_FIELDS = ("kommun", "kommunnamn", "namn", "name", "kn_namn")


def _layer(kind: str, name: str, fields: str) -> QgsVectorLayer:
    return QgsVectorLayer(f"{kind}?crs={CRS}{fields}", name, "memory")


def _fill(color: QColor, outline: QColor, width: float = 0.2, alpha: int = 255, style: str = "solid") -> QgsFillSymbol:
    return QgsFillSymbol.createSimple(
        {
            "color": f"{color.red()},{color.green()},{color.blue()},{alpha}",
            "outline_color": outline.name(),
            "outline_width": str(width),
            "outline_style": style,
        }
    )


def _add(layer: QgsVectorLayer, rows: Sequence[tuple[list, QgsGeometry]]) -> QgsVectorLayer:
    features = []
    for attributes, geometry in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(attributes)
        feature.setGeometry(geometry)
        features.append(feature)
    _ = layer.dataProvider().addFeatures(features)  # a memory layer takes every valid feature
    layer.updateExtents()
    return layer


def organisation_colors(data: RegionalData) -> dict[str, QColor]:
    return {organisation: goal_color(index) for index, organisation in enumerate(data.organisations)}


def organisations_layer(data: RegionalData) -> QgsVectorLayer:
    """Every delivered area, coloured by its organisation (the overview)."""
    layer = _layer("MultiPolygon", tr("Linked areas"), "&field=organisation:string")
    _add(layer, [([a.organisation], a.geometry) for a in data.areas if a.geometry is not None])
    categories = [
        QgsRendererCategory(organisation, _fill(color, color.darker(140), 0.2, 200), data.names[organisation])
        for organisation, color in organisation_colors(data).items()
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("organisation", categories))
    return layer


def context_layer(data: RegionalData) -> QgsVectorLayer:
    """Every delivered area in pale grey: where the goal's areas lie among the rest."""
    layer = _layer("MultiPolygon", tr("Other linked areas"), "")
    _add(layer, [([], a.geometry) for a in data.areas if a.geometry is not None])
    layer.setRenderer(QgsSingleSymbolRenderer(_fill(QColor(232, 232, 228), QColor(200, 200, 196), 0.1)))
    return layer


def goal_layer(data: RegionalData, goal_id: str) -> QgsVectorLayer:
    """The areas linked to ``goal_id``, coloured by stance (conflicts with a dashed border, as in the goal atlas)."""
    layer = _layer("MultiPolygon", tr("Areas linked to the goal"), "&field=stance:string&field=organisation:string")
    rows = []
    for link in data.links:
        if link.goal_id != goal_id:
            continue
        area = data.area_of(link)
        if area is not None and area.geometry is not None:
            rows.append(([link.stance, area.organisation], area.geometry))
    _add(layer, rows)
    categories = [
        QgsRendererCategory(
            Stance.SUPPORTS.value, _fill(SUPPORT_COLOR, SUPPORT_COLOR.darker(130), 0.4, 170), stance_label("supports")
        ),
        QgsRendererCategory(
            Stance.CONFLICTS.value,
            _fill(CONFLICT_COLOR, CONFLICT_COLOR.darker(130), 0.8, 170, "dash"),
            stance_label("conflicts"),
        ),
        QgsRendererCategory(
            Stance.NEUTRAL.value, _fill(NEUTRAL_COLOR, NEUTRAL_COLOR.darker(130), 0.3, 150), stance_label("neutral")
        ),
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("stance", categories))
    return layer


def pairs_layer(pairs: Sequence[ConflictPair]) -> QgsVectorLayer:
    """One numbered mark per conflict pair, halfway between the two areas' nearest points."""
    layer = _layer("Point", tr("Intermunicipal conflicts"), "&field=number:integer")
    rows = []
    for number, pair in enumerate(pairs, 1):
        line = pair.supporting.geometry.shortestLine(pair.conflicting.geometry)
        mark = line.interpolate(line.length() / 2) if not line.isNull() else QgsGeometry()
        if mark.isNull():
            mark = pair.supporting.geometry.nearestPoint(pair.conflicting.geometry)
        rows.append(([number], mark))
    _add(layer, rows)
    symbol = QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": PAIR_COLOR.name(), "size": "4.2", "outline_color": "white", "outline_width": "0.4"}
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    settings = QgsPalLayerSettings()
    settings.fieldName = "number"
    settings.setFormat(text_format(6.5, bold=True, color=QColor(255, 255, 255)))
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    settings.displayAll = True  # every pair keeps its number, even where marks crowd
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


def borders_layer(boundaries: QgsVectorLayer | None, project: QgsProject | None) -> QgsVectorLayer | None:
    """The municipal borders as dark outlines named by their municipality, in EPSG:3006."""
    if boundaries is None or not boundaries.isValid():
        return None
    names = {f.name().lower(): f.name() for f in boundaries.fields()}
    name_field = next((names[n] for n in _BORDER_NAME_FIELDS if n in names), None)
    layer = _layer("MultiPolygon", tr("Municipal borders"), "&field=name:string")
    context = (project or QgsProject.instance()).transformContext()
    transform = QgsCoordinateTransform(boundaries.crs(), QgsCoordinateReferenceSystem(CRS), context)
    rows = []
    for feature in boundaries.getFeatures():
        shape = QgsGeometry(feature.geometry())
        if shape.isNull() or shape.transform(transform) != 0:
            continue
        rows.append(([str(feature[name_field]) if name_field else ""], shape))
    _add(layer, rows)
    layer.setRenderer(QgsSingleSymbolRenderer(_fill(QColor(0, 0, 0), QColor(40, 40, 40), 0.6, 0)))
    if name_field:
        settings = QgsPalLayerSettings()
        settings.fieldName = "name"
        label = text_format(9.0, bold=True, color=QColor(60, 60, 60))
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setSize(1.0)
        buffer.setColor(QColor(255, 255, 255))
        label.setBuffer(buffer)
        settings.setFormat(label)
        # a name over its municipality's centre point lands on the border where a neighbour wraps around
        # it (the sample region's two halves around Exempelkommun): horizontal candidates inside the
        # polygon only, so each name sits in its own municipality and labels never overlap
        settings.placement = qgis_enum("Qgis.LabelPlacement.Horizontal", "QgsPalLayerSettings.Placement.Horizontal")
        settings.fitInPolygonOnly = True
        settings.centroidInside = True
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)
    return layer


def extent_of(areas: Sequence[RegionArea], borders: QgsVectorLayer | None) -> QgsRectangle:
    extent = null_extent()
    for area in areas:
        if area.geometry is not None:
            extent.combineExtentWith(area.geometry.boundingBox())
    if borders is not None and borders.featureCount():
        extent.combineExtentWith(borders.extent())
    return extent
