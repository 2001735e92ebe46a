"""The atlas's own map layers: linked areas per goal, coloured by stance or by goal.

One memory layer per linked source layer holds one feature per link. Goal pages
draw it with a rule-based renderer whose rules compare ``tl_goal`` with the map
item's variable ``@tl_goal_id`` (set by the atlas on every goal page's map), so a
single layer serves every page and stays editable in the layout designer.
The overview draws a second layer coloured by goal.
"""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsRuleBasedLabeling,
    QgsRuleBasedRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..compat import new_field
from .atlas_data import AtlasData
from .i18n import tr
from .model import Stance

GOAL_VARIABLE = "tl_goal_id"
FONT_FAMILY = "DejaVu Sans"

SUPPORT_COLOR = QColor(26, 133, 72)
CONFLICT_COLOR = QColor(200, 40, 40)
NEUTRAL_COLOR = QColor(110, 110, 120)

#: qualitative palette for goals on the overview (Okabe–Ito inspired, print-safe)
GOAL_PALETTE = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#8c564b", "#6a3d9a",
    "#b15928", "#1b9e77", "#e7298a", "#66a61e", "#a6761d", "#1f78b4", "#33a02c", "#fb9a99",
]  # fmt: skip


def goal_color(index: int) -> QColor:
    return QColor(GOAL_PALETTE[index % len(GOAL_PALETTE)])


def _memory_layer(geometry_type: int, crs, name: str) -> QgsVectorLayer:
    kind = {
        QgsWkbTypes.GeometryType.PointGeometry: "MultiPoint",
        QgsWkbTypes.GeometryType.LineGeometry: "MultiLineString",
    }.get(geometry_type, "MultiPolygon")
    layer = QgsVectorLayer(f"{kind}?crs={crs.authid() or crs.toWkt()}", name, "memory")
    names = ("tl_key", "tl_name", "tl_goal", "tl_code", "tl_stance", "tl_label")
    layer.dataProvider().addAttributes([new_field(name, "string") for name in names])
    layer.updateFields()
    return layer


def _symbol(geometry_type: int, color: QColor, *, hatch: bool = False, fill_alpha: int = 150):
    if geometry_type == QgsWkbTypes.GeometryType.PointGeometry:
        return QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": color.name(), "size": "3", "outline_color": "white", "outline_width": "0.3"}
        )
    if geometry_type == QgsWkbTypes.GeometryType.LineGeometry:
        return QgsLineSymbol.createSimple({"color": color.name(), "width": "1.2"})
    fill = QColor(color)
    fill.setAlpha(fill_alpha)
    # conflicts get a broad dashed border instead of a hatch: Qt's PDF engine (QGIS 3.22)
    # rasterises hatch brushes and line-pattern fills, and the atlas must stay vector
    return QgsFillSymbol.createSimple(
        {
            "color": f"{fill.red()},{fill.green()},{fill.blue()},{fill.alpha()}",
            "outline_color": color.darker(130).name() if hatch else color.name(),
            "outline_width": "0.9" if hatch else "0.6",
            "outline_style": "dash" if hatch else "solid",
        }
    )


def _label_settings(field: str, size: float, color: QColor) -> QgsPalLayerSettings:
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.isExpression = False
    text = QgsTextFormat()
    font = QFont(FONT_FAMILY)
    font.setBold(True)
    text.setFont(font)
    text.setSize(size)
    text.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    text.setColor(color)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255))
    text.setBuffer(buffer)
    settings.setFormat(text)
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    settings.displayAll = False
    return settings


def build_goal_layer(data: AtlasData, layer_uid: str) -> QgsVectorLayer:
    """Linked areas of one source layer; drawn per goal page through ``@tl_goal_id``."""
    geometry_type = data.geometry_types[layer_uid]
    layer = _memory_layer(geometry_type, data.crs, tr("Linked areas"))
    codes = {page.goal.id: page.code_label for page in data.pages}
    features = []
    for linked in data.features.get(layer_uid, []):
        for link in linked.links:
            if link.goal_id not in codes:
                continue
            feature = QgsFeature(layer.fields())
            feature.setGeometry(linked.geometry)
            feature.setAttributes(
                [linked.feature_key, linked.name, link.goal_id, codes[link.goal_id], link.stance, linked.feature_key]
            )
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()

    root = QgsRuleBasedRenderer.Rule(None)
    for stance, label, color, hatch in (
        (Stance.SUPPORTS.value, tr("Supports the goal"), SUPPORT_COLOR, False),
        (Stance.CONFLICTS.value, tr("Conflicts with the goal"), CONFLICT_COLOR, True),
        (Stance.NEUTRAL.value, tr("Neutral to the goal"), NEUTRAL_COLOR, False),
    ):
        rule = QgsRuleBasedRenderer.Rule(
            _symbol(geometry_type, color, hatch=hatch, fill_alpha=150),
            0,
            0,
            f'"tl_goal" = @{GOAL_VARIABLE} AND "tl_stance" = \'{stance}\'',
            label,
        )
        root.appendChild(rule)
    layer.setRenderer(QgsRuleBasedRenderer(root))

    label_root = QgsRuleBasedLabeling.Rule(None)
    label_rule = QgsRuleBasedLabeling.Rule(_label_settings("tl_label", 7.0, QColor(20, 20, 20)))
    label_rule.setFilterExpression(f'"tl_goal" = @{GOAL_VARIABLE}')
    label_root.appendChild(label_rule)
    layer.setLabeling(QgsRuleBasedLabeling(label_root))
    layer.setLabelsEnabled(True)
    return layer


def build_overview_layer(data: AtlasData, layer_uid: str) -> QgsVectorLayer:
    """All linked areas of one source layer, coloured by goal, labelled with their goal codes."""
    geometry_type = data.geometry_types[layer_uid]
    layer = _memory_layer(geometry_type, data.crs, tr("Goals"))
    order = {page.goal.id: index for index, page in enumerate(data.pages)}
    codes = {page.goal.id: page.code_label for page in data.pages}
    features = []
    for linked in data.features.get(layer_uid, []):
        goal_links = sorted((link for link in linked.links if link.goal_id in order), key=lambda x: order[x.goal_id])
        label = ", ".join(codes[link.goal_id] for link in goal_links)
        for number, link in enumerate(goal_links):
            feature = QgsFeature(layer.fields())
            feature.setGeometry(linked.geometry)
            feature.setAttributes(
                [
                    linked.feature_key,
                    linked.name,
                    link.goal_id,
                    codes[link.goal_id],
                    link.stance,
                    label if number == 0 else "",
                ]
            )
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    categories = []
    for index, page in enumerate(data.pages):
        goal = page.goal
        title = goal.title()
        text = f"{page.code_label}  {title}" if len(title) <= 70 else f"{page.code_label}  {title[:68].rstrip()}…"
        symbol = _symbol(geometry_type, goal_color(index), fill_alpha=110)
        categories.append(QgsRendererCategory(goal.id, symbol, text))
    layer.setRenderer(QgsCategorizedSymbolRenderer("tl_goal", categories))
    settings = _label_settings("tl_label", 6.5, QColor(20, 20, 20))
    label_root = QgsRuleBasedLabeling.Rule(None)
    rule = QgsRuleBasedLabeling.Rule(settings)
    rule.setFilterExpression("\"tl_label\" <> ''")
    label_root.appendChild(rule)
    layer.setLabeling(QgsRuleBasedLabeling(label_root))
    layer.setLabelsEnabled(True)
    return layer
