"""The atlas's own map layers: the linked areas, coloured by stance or by goal.

Per linked source layer one *highlight* layer: the same data source filtered to
the linked keys, so it is saved with the project and the layout still draws after
the project is reopened (a memory source, which no project keeps, is copied).
Goal pages draw it with rules that look the feature's key up in the map item's
variables ``@tl_supports``, ``@tl_conflicts`` and ``@tl_neutral`` (set by the atlas
on every goal page's map, saved in the layout), so one layer serves every page and
stays editable in the layout designer. The overview map draws the same layer
through a style override coloured by goal.
"""

from __future__ import annotations

from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRuleBasedLabeling,
    QgsRuleBasedRenderer,
    QgsSimpleLineSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor, QFont

from ...compat import qgis_enum
from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.identity import is_numeric_key
from ...core.labels import goal_label
from ...core.model import Stance
from .data import AtlasData, AtlasLayer, GoalPage

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


#: map item variables holding ",<layer index>:<key>,…" of the page's linked areas per stance
STANCE_VARIABLES = {
    Stance.SUPPORTS.value: "tl_supports",
    Stance.CONFLICTS.value: "tl_conflicts",
    Stance.NEUTRAL.value: "tl_neutral",
}


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def area_key(layer_index: int, key: str) -> str:
    """An area as the variables list it: keys repeat across layers, so the layer's index goes first."""
    return f"{layer_index}:{key}"


def key_list(keys) -> str:
    return "," + ",".join(keys) + "," if keys else ""


def _key_expression(layer_index: int, key_field: str) -> str:
    return f"',{layer_index}:' || to_string({QgsExpression.quotedColumnRef(key_field)}) || ','"


def page_variables(page: GoalPage, data: AtlasData) -> dict[str, str]:
    """The goal page's map item variables: its linked areas per stance."""
    index = {layer.layer_uid: n for n, layer in enumerate(layer for layer in data.layers if layer.linked)}
    return {
        variable: key_list([area_key(index[r.layer_uid], r.feature_key) for r in page.rows if r.stance == stance])
        for stance, variable in STANCE_VARIABLES.items()
    }


def _linked_source(atlas_layer: AtlasLayer, keys: list[str], name: str, fids: list[int]) -> QgsVectorLayer:
    layer = atlas_layer.layer
    column = QgsExpression.quotedColumnRef(atlas_layer.key_field)
    if layer.providerType() == "memory":
        # a memory source cannot be opened twice: copy its linked features
        kind = QgsWkbTypes.displayString(layer.wkbType())
        copy = QgsVectorLayer(f"{kind}?crs={layer.crs().authid()}", name, "memory")
        copy.dataProvider().addAttributes(layer.fields().toList())
        copy.updateFields()
        # by feature id (read once in collect_atlas_data): no expression over every feature
        copy.dataProvider().addFeatures(list(layer.getFeatures(QgsFeatureRequest().setFilterFids(fids))))
        copy.updateExtents()
        return copy
    copy = QgsVectorLayer(layer.source(), name, layer.providerType())
    numeric = layer.fields().field(atlas_layer.key_field).isNumeric()
    items = ", ".join(k if numeric and is_numeric_key(k) else _quoted(k) for k in keys) or "NULL"
    subset = f"{column} IN ({items})"
    if layer.subsetString():
        subset = f"({layer.subsetString()}) AND {subset}"
    if not copy.isValid() or not copy.setSubsetString(subset):
        raise ExportError(
            tr("The linked areas of '{layer}' could not be selected for the atlas.").format(layer=layer.name())
        )
    return copy


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


def stance_symbol(geometry_type: int, stance: str, *, fill_alpha: int = 150):
    """How every map of the plugin draws an area by its stance: supports green, conflicts red
    with a broad dashed border, neutral grey (the goal pages, the stage comparison)."""
    color, hatch = {
        Stance.SUPPORTS.value: (SUPPORT_COLOR, False),
        Stance.CONFLICTS.value: (CONFLICT_COLOR, True),
    }.get(stance, (NEUTRAL_COLOR, False))
    return _symbol(geometry_type, color, hatch=hatch, fill_alpha=fill_alpha)


INK = QColor(33, 37, 41)


def text_format(size: float, bold: bool = False, color: QColor | None = None) -> QgsTextFormat:
    """DejaVu Sans at ``size`` points (already scaled for the page size)."""
    fmt = QgsTextFormat()
    font = QFont(FONT_FAMILY)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    fmt.setColor(color or INK)
    return fmt


def _label_settings(expression: str, size: float, color: QColor) -> QgsPalLayerSettings:
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    text = text_format(size, bold=True, color=color)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255))
    text.setBuffer(buffer)
    settings.setFormat(text)
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    settings.displayAll = False
    return settings


#: width and spacing (mm) of the overview's goal outlines
RING_WIDTH = 0.7
RING_STEP = 0.75


def _ring_symbol(color: QColor, rings: dict[int, str]) -> QgsFillSymbol:
    """A goal's outline on the overview: no fill; in an area with several goals, its n-th
    goal is drawn n rings inside the edge (``rings``: ring → filter of the areas)."""
    symbol = QgsFillSymbol.createSimple({"style": "no", "outline_style": "no"})
    symbol.deleteSymbolLayer(0)
    line = QgsSimpleLineSymbolLayer(color, RING_WIDTH)
    line.setWidthUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
    line.setOffsetUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
    line.setOffset(RING_WIDTH / 2)
    cases = [f"WHEN {test} THEN {ring * RING_STEP + RING_WIDTH / 2}" for ring, test in sorted(rings.items()) if ring]
    if cases:
        expression = f"CASE {' '.join(cases)} ELSE {RING_WIDTH / 2} END"
        offset = qgis_enum("QgsSymbolLayer.Property.Offset", "QgsSymbolLayer.Property.PropertyOffset")
        line.setDataDefinedProperty(offset, QgsProperty.fromExpression(expression))
    symbol.appendSymbolLayer(line)
    return symbol


def build_goal_layer(data: AtlasData, atlas_layer: AtlasLayer, layer_index: int) -> QgsVectorLayer:
    """The linked areas of one source layer; each goal page's map shows its goal's areas by stance."""
    linked_features = data.features.get(atlas_layer.layer_uid, [])
    keys = sorted({linked.feature_key for linked in linked_features})
    fids = sorted({linked.fid for linked in linked_features})
    layer = _linked_source(atlas_layer, keys, tr("Linked areas"), fids)
    geometry_type = QgsWkbTypes.geometryType(layer.wkbType())
    me = _key_expression(layer_index, atlas_layer.key_field)
    root = QgsRuleBasedRenderer.Rule(None)
    tests = []
    for stance, label in (
        (Stance.SUPPORTS.value, tr("Supports the goal")),
        (Stance.CONFLICTS.value, tr("Conflicts with the goal")),
        (Stance.NEUTRAL.value, tr("Neutral to the goal")),
    ):
        test = f"strpos(@{STANCE_VARIABLES[stance]}, {me}) > 0"
        tests.append(test)
        rule = QgsRuleBasedRenderer.Rule(stance_symbol(geometry_type, stance), 0, 0, test, label)
        root.appendChild(rule)
    layer.setRenderer(QgsRuleBasedRenderer(root))

    label_root = QgsRuleBasedLabeling.Rule(None)
    key = f"to_string({QgsExpression.quotedColumnRef(atlas_layer.key_field)})"
    label_rule = QgsRuleBasedLabeling.Rule(_label_settings(key, 7.0, QColor(20, 20, 20)))
    label_rule.setFilterExpression(" OR ".join(tests))
    label_root.appendChild(label_rule)
    layer.setLabeling(QgsRuleBasedLabeling(label_root))
    layer.setLabelsEnabled(True)
    return layer


def overview_layer(
    data: AtlasData, atlas_layer: AtlasLayer, layer_index: int, layer: QgsVectorLayer, name: str
) -> QgsVectorLayer:
    """A memory layer without features in the overview's style of a goal layer: areas coloured
    by goal, labelled with legend numbers. Its style overrides the goal layer's on the overview
    map (:func:`~.map_style.style_xml`); it stands in for it in the overview's legend."""
    geometry_type = QgsWkbTypes.geometryType(layer.wkbType())
    me = _key_expression(layer_index, atlas_layer.key_field)
    codes: dict[str, list[str]] = {}
    for index, page in enumerate(data.pages):
        for row in page.rows:
            if row.layer_uid == atlas_layer.layer_uid:
                codes.setdefault(area_key(layer_index, row.feature_key), []).append(str(index + 1))
    root = QgsRuleBasedRenderer.Rule(None)
    polygons = geometry_type == QgsWkbTypes.GeometryType.PolygonGeometry
    for index, page in enumerate(data.pages):
        keys = sorted({area_key(layer_index, r.feature_key) for r in page.rows if r.layer_uid == atlas_layer.layer_uid})
        if not keys:
            continue
        # areas are labelled with the goals' numbers in the legend: full goal ids on a
        # municipality-wide map pile up into unreadable strings
        number = str(index + 1)
        text = f"{number} · {goal_label(page.goal, data.catalogues.get(page.goal.catalogue_id), longest=70)}"
        if not polygons:
            symbol = _symbol(geometry_type, goal_color(index), fill_alpha=110)
            rule = QgsRuleBasedRenderer.Rule(symbol, 0, 0, f"strpos({_quoted(key_list(keys))}, {me}) > 0", text)
            root.appendChild(rule)
            continue
        # overlapping goals as nested outlines, one ring per goal of the area (its n-th goal
        # n rings inside): translucent fills stacked on each other mix into one brown
        rings: dict[int, list[str]] = {}
        for key in keys:
            rings.setdefault(list(dict.fromkeys(codes[key])).index(number), []).append(key)
        rings = {ring: f"strpos({_quoted(key_list(members))}, {me}) > 0" for ring, members in rings.items()}
        symbol = _ring_symbol(goal_color(index), rings)
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, f"strpos({_quoted(key_list(keys))}, {me}) > 0", text))
    # a scratch memory layer carries the style: cloning the real layer would open its data source again
    kind = QgsWkbTypes.displayString(layer.wkbType())
    scratch = QgsVectorLayer(f"{kind}?crs={layer.crs().authid()}", name, "memory")
    scratch.dataProvider().addAttributes(layer.fields().toList())
    scratch.updateFields()
    scratch.setRenderer(QgsRuleBasedRenderer(root))
    if codes:
        pairs = ", ".join(f"{_quoted(key)}, {_quoted(', '.join(dict.fromkeys(c)))}" for key, c in codes.items())
        expression = f"map_get(map({pairs}), substr({me}, 2, length({me}) - 2))"
        label_root = QgsRuleBasedLabeling.Rule(None)
        label_root.appendChild(QgsRuleBasedLabeling.Rule(_label_settings(expression, 6.5, QColor(20, 20, 20))))
        scratch.setLabeling(QgsRuleBasedLabeling(label_root))
        scratch.setLabelsEnabled(True)
    return scratch
