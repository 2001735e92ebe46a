"""The baseline of the atlas benchmark: the same atlas built by hand with stock QGIS.

What a skilled QGIS user builds once in the layout designer (see ``bench_export.py``'s
docstring for what it holds and what still differs from ours); only :func:`baseline_export`
is timed.
"""

from __future__ import annotations


def hand_built(state) -> None:
    """The equivalent atlas as a skilled QGIS user builds it once with stock QGIS (not timed)."""
    from qgis.core import QgsExpressionContextUtils

    from territorial_plugin.export.atlas.map_style import muted_style

    project, land_use = state["project"], state["land_use"]
    QgsExpressionContextUtils.setProjectVariable(project, "tl_municipality", "Benchkommun")
    goals_layer, linked, by_goal, chart_rows = _baseline_layers(state)
    if len(project.addMapLayers([goals_layer, linked, by_goal, land_use], False)) != 4:
        raise RuntimeError("layers not added to the benchmark project")
    # "Lock styles for layers" with the land use's pale style, as on our maps
    pale = {land_use.id(): muted_style(land_use)}
    overview = _overview_layout(state, by_goal, pale, chart_rows)
    goal_pages = _goal_layout(state, goals_layer, linked, pale)
    state["baseline_layouts"] = _as_saved(project, [overview, goal_pages])
    state["baseline_layers"] = [goals_layer, linked, by_goal]


def _as_saved(project, layouts: list) -> tuple:
    """The layouts as QGIS holds them once the user's project is saved and opened again.

    Built from Python, every item is a sip subclass whose virtual calls (paint, bounds,
    expression contexts…) first look for a Python override; a layout read from a project
    is plain C++, like ours (pasted from the template's XML). Going through the project's
    layout manager XML gives the baseline that plain, faster form.
    """
    from qgis.core import QgsLayoutItemLegend
    from qgis.PyQt.QtXml import QDomDocument

    manager = project.layoutManager()
    for layout in layouts:
        if not manager.addLayout(layout):
            raise RuntimeError(f"layout {layout.name()} not added")
    doc = QDomDocument()
    element = manager.writeXml(doc)
    names = [layout.name() for layout in layouts]
    if not manager.readXml(element, doc):  # replaces them with layouts read in C++
        raise RuntimeError("layouts not read back")
    read = tuple(manager.layoutByName(name) for name in names)
    for layout in read:  # what the layout designer does when it opens a layout
        layout.renderContext().setPredefinedScales(project.viewSettings().mapScales())
        for legend in [item for item in layout.items() if isinstance(item, QgsLayoutItemLegend)]:
            # a legend does not keep its map's locked styles in the project: the user restyles
            # its swatches once; here the same pale styles as the map's, as ours shows
            model = legend.model()
            model.setLayerStyleOverrides(legend.linkedMap().layerStyleOverrides())
            for node in model.rootGroup().findLayers():
                model.refreshLayerLegend(node)
            legend.updateLegend()
    return read


def _baseline_layers(state):
    """Coverage layer of goals (one feature per goal, its fields precomputed with the field
    calculator), the linked areas (one feature per link) and a copy coloured by goal."""
    import textwrap

    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsConditionalStyle,
        QgsFeature,
        QgsFillSymbol,
        QgsGeometry,
        QgsRectangle,
        QgsRendererCategory,
        QgsRuleBasedLabeling,
        QgsRuleBasedRenderer,
        QgsVectorLayer,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor

    from territorial_plugin.compat import new_field
    from territorial_plugin.core.labels import stance_label
    from territorial_plugin.export.atlas.chart import ChartRow, format_ha
    from territorial_plugin.export.atlas.layers import CONFLICT_COLOR, SUPPORT_COLOR, goal_color

    geometries = {f["omr_id"]: (f["namn"], f.geometry()) for f in state["land_use"].getFeatures()}
    goals_layer = QgsVectorLayer("Polygon?crs=EPSG:3006", "Mål", "memory")
    goal_fields = ("goal_id", "code", "title", "description", "n", "ha", "supports", "conflicts")
    goals_layer.dataProvider().addAttributes([new_field(n, "string") for n in goal_fields])
    goals_layer.updateFields()
    linked = QgsVectorLayer("MultiPolygon?crs=EPSG:3006", "Kopplade områden", "memory")
    link_fields = ("key", "name", "goal_id", "goal_number", "stance", "stance_label", "strength", "ha", "motivation")
    linked.dataProvider().addAttributes([new_field(n, "string") for n in link_fields])
    linked.updateFields()
    order = {"supports": 0, "neutral": 1, "conflicts": 2}
    goal_rows, link_rows, chart_rows = [], [], []
    for number, goal in enumerate(state["goals"], start=1):
        links = sorted(
            (link for link in state["links"] if link.goal_id == goal.id),
            key=lambda link: (order[link.stance], link.feature_key),
        )
        box, hectares = None, {"supports": 0.0, "conflicts": 0.0, "neutral": 0.0}
        for link in links:  # table order: supports, then conflicts, by key
            name, geometry = geometries[link.feature_key]
            ha = geometry.area() / 10_000
            hectares[link.stance] += ha
            feature = QgsFeature(linked.fields())
            feature.setGeometry(geometry)
            values = (link.feature_key, name, goal.id, str(number), link.stance, stance_label(link.stance))
            feature.setAttributes([*values, str(link.strength), format_ha(ha), link.motivation])
            link_rows.append(feature)
            box = QgsRectangle(geometry.boundingBox()) if box is None else box
            box.combineExtentWith(geometry.boundingBox())
        feature = QgsFeature(goals_layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(box))
        count = {s: sum(1 for link in links if link.stance == s) for s in ("supports", "conflicts")}
        total = format_ha(sum(hectares.values()))
        values = [goal.id, goal.code, goal.title_sv, goal.description, str(len(links)), total]
        feature.setAttributes([*values, str(count["supports"]), str(count["conflicts"])])
        goal_rows.append(feature)
        chart_rows.append(ChartRow(goal.code, hectares["supports"], hectares["conflicts"]))
    goals_layer.dataProvider().addFeatures(goal_rows)
    linked.dataProvider().addFeatures(link_rows)

    # goal pages: the atlas goal's areas by stance (a rule-based renderer filtered by the atlas feature)
    this_goal = "\"goal_id\" = attribute(@atlas_feature, 'goal_id')"
    root = QgsRuleBasedRenderer.Rule(None)
    parent = QgsRuleBasedRenderer.Rule(None, 0, 0, this_goal)
    root.appendChild(parent)
    for stance, label, color, dashed in (
        ("supports", "Supports the goal", SUPPORT_COLOR, False),
        ("conflicts", "Conflicts with the goal", CONFLICT_COLOR, True),
        ("neutral", "Neutral to the goal", QColor(110, 110, 120), False),
    ):
        symbol = QgsFillSymbol.createSimple(
            {
                "color": f"{color.red()},{color.green()},{color.blue()},150",
                "outline_color": color.darker(130).name() if dashed else color.name(),
                "outline_width": "0.9" if dashed else "0.6",
                "outline_style": "dash" if dashed else "solid",
            }
        )
        parent.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, f"\"stance\" = '{stance}'", label))
    linked.setRenderer(QgsRuleBasedRenderer(root))
    label_root = QgsRuleBasedLabeling.Rule(None)
    label_rule = QgsRuleBasedLabeling.Rule(_label_settings('"key"', 7.0))
    label_rule.setFilterExpression(this_goal)
    label_root.appendChild(label_rule)
    linked.setLabeling(QgsRuleBasedLabeling(label_root))
    linked.setLabelsEnabled(True)
    # the table's stance column in the stance's colour (conditional styling)
    styles = []
    for stance, color in (("supports", SUPPORT_COLOR), ("conflicts", CONFLICT_COLOR)):
        style = QgsConditionalStyle(f"@value = '{stance_label(stance)}'")
        style.setTextColor(color)
        styles.append(style)
    linked.conditionalStyles().setFieldStyles("stance_label", styles)

    # the overview: a copy of the linked areas (Duplicate layer) coloured and labelled by goal
    by_goal = QgsVectorLayer("MultiPolygon?crs=EPSG:3006", "Mål med kopplade områden", "memory")
    by_goal.dataProvider().addAttributes(linked.fields().toList())
    by_goal.updateFields()
    by_goal.dataProvider().addFeatures(list(linked.getFeatures()))
    columns = 3 if len(goal_rows) > 16 else 2 if len(goal_rows) > 6 else 1
    categories = []
    for number, goal in enumerate(state["goals"], start=1):
        color = goal_color(number - 1)
        symbol = QgsFillSymbol.createSimple(
            {"color": f"{color.red()},{color.green()},{color.blue()},110", "outline_color": color.name()}
        )
        symbol.symbolLayer(0).setStrokeWidth(0.6)
        text = "\n".join(textwrap.wrap(f"{number} · {goal.code}  {goal.title_sv}", 60 // columns))
        categories.append(QgsRendererCategory(str(number), symbol, text))
    by_goal.setRenderer(QgsCategorizedSymbolRenderer("goal_number", categories))
    by_goal.setLabeling(QgsVectorLayerSimpleLabeling(_label_settings('"goal_number"', 6.5)))
    by_goal.setLabelsEnabled(True)
    return goals_layer, linked, by_goal, chart_rows


def _label_settings(expression: str, size: float):
    """Bold dark labels with a white buffer, as on our maps."""
    from qgis.core import QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat, QgsUnitTypes
    from qgis.PyQt.QtGui import QColor, QFont

    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    text = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(True)
    text.setFont(font)
    text.setSize(size)
    text.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    text.setColor(QColor(20, 20, 20))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255))
    text.setBuffer(buffer)
    settings.setFormat(text)
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    return settings


def _page_items(layout, kind: str) -> dict:
    """The bundled A4 portrait design's items for one page (the same boxes and type as ours)."""
    from tools.build_templates import PORTRAIT, add_item

    for spec in PORTRAIT[kind]:
        if spec[0] not in ("tl_table", "tl_chart"):  # areas only: the table and chart go there
            add_item(layout, 0.0, spec, 1.0, 1.0)
    return {item.id(): item for item in layout.items() if hasattr(item, "id") and item.id()}


def _new_layout(project, name: str):
    from qgis.core import QgsPrintLayout

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", page.Orientation.Portrait)
    layout.setName(name)
    return layout


def _furniture(items: dict, map_item, legend_layers, pale: dict) -> None:
    items["tl_north"].setLinkedMap(map_item)
    scalebar = items["tl_scalebar"]
    scalebar.setLinkedMap(map_item)
    # round segments that follow each page's scale
    from qgis.core import QgsScaleBarSettings, QgsUnitTypes

    if map_item.atlasDriven():  # scales vary per goal: segments fitted to a width
        scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)
        scalebar.setUnitLabel("m")
        scalebar.setMapUnitsPerScaleBarUnit(1.0)
        scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
        scalebar.setMinimumBarWidth(20)
        scalebar.setMaximumBarWidth(26)
    else:  # the template's km bar with two round segments
        scalebar.setMapUnitsPerScaleBarUnit(1.0)
        scalebar.setUnitsPerSegment(2.0)
    legend = items["tl_legend"]
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    legend.model().setLayerStyleOverrides(pale)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer, title in legend_layers:
        node = root.addLayer(layer)
        if title:
            node.setCustomProperty("legend/title-label", title)
    legend.updateLegend()


def _map(items: dict, layers, pale: dict):
    map_item = items["tl_map"]
    map_item.setLayers(layers)
    map_item.setKeepLayerSet(True)
    map_item.setLayerStyleOverrides(pale)
    map_item.setKeepLayerStyles(True)
    return map_item


def _footer(items: dict, state, page: str) -> None:
    items["tl_municipality"].setText("[% @tl_municipality %]")
    items["tl_date"].setText("2030-01-01")
    items["tl_page"].setText(page)
    items["tl_credits"].setText("Map data: Markanvändning. Goals: Benchmarkkatalog. Links: Territorial Links for QGIS.")


def _overview_layout(state, by_goal, pale: dict, chart_rows):
    """The overview: one page, map coloured by goal, legend by goal, the vector bar chart."""
    from qgis.core import QgsLegendRenderer, QgsLegendStyle
    from qgis.PyQt.QtCore import QRectF

    from territorial_plugin.export.atlas.chart import draw_bar_chart
    from territorial_plugin.export.atlas.layers import CONFLICT_COLOR, SUPPORT_COLOR
    from territorial_plugin.export.atlas.map_style import fit_aspect, nice_scale

    layout = _new_layout(state["project"], "Målatlas – översikt")
    items = _page_items(layout, "overview")
    goals = len(state["goals"])
    _footer(items, state, f"Page 1 of {goals + 1}")
    items["tl_title"].setText("Goal atlas – [% @tl_municipality %]")
    items["tl_subtitle"].setText(f"Benchmarkkatalog, version 1 · {goals} goals with linked areas")
    map_item = _map(items, [by_goal, state["land_use"]], pale)
    map_item.setExtent(fit_aspect(state["land_use"].extent(), map_item.rect()))
    map_item.setScale(nice_scale(map_item.scale()))  # a round scale, typed in by the user
    legend = items["tl_legend"]
    legend.setColumnCount(3 if goals > 16 else 2 if goals > 6 else 1)
    _furniture(items, map_item, [(by_goal, "")], pale)
    node = legend.model().rootGroup().findLayer(by_goal)
    QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
    legend.updateLegend()
    # the chart from stock rectangles and labels, placed once (the same items ours draws)
    rows = chart_rows
    draw_bar_chart(layout, QRectF(15, 209, 180, 62), rows, support_color=SUPPORT_COLOR, conflict_color=CONFLICT_COLOR)
    return layout


def _goal_layout(state, goals_layer, linked, pale: dict):
    """One page per goal: a QgsLayoutAtlas over the goals layer, items driven by its feature."""
    from qgis.core import (
        QgsLayoutFrame,
        QgsLayoutItemAttributeTable,
        QgsLayoutItemMap,
        QgsLayoutMultiFrame,
        QgsLayoutTable,
        QgsLayoutTableColumn,
        QgsLayoutTableStyle,
        QgsTextFormat,
        QgsUnitTypes,
    )
    from qgis.PyQt.QtCore import QRectF
    from qgis.PyQt.QtGui import QColor, QFont

    from territorial_plugin.export.atlas.map_style import nice_scale

    layout = _new_layout(state["project"], "Målatlas – målsidor")
    items = _page_items(layout, "goal")
    _footer(items, state, "Page [% @atlas_featurenumber + 1 %] of [% @atlas_totalfeatures + 1 %]")
    items["tl_catalogue"].setText("Benchmarkkatalog, version 1")
    items["tl_goal_code"].setText('Goal [% "code" %]')
    items["tl_goal_title"].setText('[% "title" %]')
    items["tl_goal_description"].setText('[% "description" %]')
    items["tl_goal_stats"].setText(
        '[% "n" %] linked areas · [% "ha" %] ha · [% "supports" %] support · [% "conflicts" %] conflict'
    )
    map_item = _map(items, [linked, state["land_use"]], pale)
    map_item.setAtlasDriven(True)
    # round scales, never closer than a quarter of the municipality (the project's scales list)
    extent = state["land_use"].extent()
    closest = max(extent.width(), extent.height()) / 4 * 1.16 / (map_item.rect().width() / 1000)
    scales, scale = [], nice_scale(closest)
    while scale < 10_000_000:
        scales.append(scale)
        scale = nice_scale(scale * 1.01)
    # the project's scales (Project Properties → View settings), as the designer hands them to the layout
    state["project"].viewSettings().setMapScales(scales)
    state["project"].viewSettings().setUseProjectScales(True)
    layout.renderContext().setPredefinedScales(scales)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Predefined)
    map_item.setAtlasMargin(0.075)
    _furniture(items, map_item, [(linked, "Linked to this goal"), (state["land_use"], "")], pale)

    table = QgsLayoutItemAttributeTable.create(layout)
    table.setVectorLayer(linked)
    table.setDisplayOnlyVisibleFeatures(False)
    table.setFilterFeatures(True)
    table.setFeatureFilter("\"goal_id\" = attribute(@atlas_feature, 'goal_id')")
    table.setMaximumNumberOfFeatures(10_000)
    widths = [180 * f for f in (0.10, 0.18, 0.155, 0.075, 0.09)]
    widths.append(180 - sum(widths) - 13.0)
    columns = []
    for field, heading, width in zip(
        ("key", "name", "stance_label", "strength", "ha", "motivation"),
        ("Area id", "Name", "Stance", "Strength", "Area (ha)", "Motivation"),
        widths,
    ):
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(field)
        column.setWidth(width)
        columns.append(column)
    table.setColumns(columns)
    table.setUseConditionalStyling(True)

    def text_format(bold: bool, color: QColor) -> QgsTextFormat:
        fmt = QgsTextFormat()
        font = QFont("DejaVu Sans")
        font.setBold(bold)
        fmt.setFont(font)
        fmt.setSize(7.0)
        fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
        fmt.setColor(color)
        return fmt

    table.setContentTextFormat(text_format(False, QColor(33, 37, 41)))
    table.setHeaderTextFormat(text_format(True, QColor(255, 255, 255)))
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setCellMargin(1.0)
    table.setHorizontalGrid(True)
    table.setVerticalGrid(False)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor(205, 210, 215))
    for group, color in (
        (QgsLayoutTable.CellStyleGroup.HeaderRow, QColor(0, 84, 128)),
        (QgsLayoutTable.CellStyleGroup.EvenRows, QColor(244, 246, 248)),
    ):
        style = QgsLayoutTableStyle()
        style.enabled = True
        style.cellBackgroundColor = color
        table.setCellStyle(group, style)
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.ExtendToNextPage)  # long tables continue, as ours do
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(QRectF(15, 178, 180, 96))
    table.addFrame(frame)

    atlas = layout.atlas()
    atlas.setCoverageLayer(goals_layer)
    atlas.setPageNameExpression('"code"')
    atlas.setEnabled(True)
    return layout


def baseline_export(state) -> None:
    """Only the export is timed: QGIS's own exporter, the same PDF settings as ours."""
    from qgis.core import QgsLayoutExporter

    from territorial_plugin.export.layout_writer import pdf_settings

    overview, goal_pages = state["baseline_layouts"]
    result = QgsLayoutExporter(overview).exportToPdf(str(state["folder"] / "qgis_overview.pdf"), pdf_settings())
    if result != QgsLayoutExporter.ExportResult.Success:
        raise RuntimeError("overview export failed")
    result, error = QgsLayoutExporter.exportToPdf(
        goal_pages.atlas(), str(state["folder"] / "qgis_goals.pdf"), pdf_settings()
    )
    if result != QgsLayoutExporter.ExportResult.Success:
        raise RuntimeError(error)
