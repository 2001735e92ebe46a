"""Generate the bundled goal-atlas templates in resources/templates/.

    .venv/bin/python tools/build_templates.py

Each template has three pages (overview, goal page, continuation page) whose items
carry the ids documented in ``territorial_plugin/export/templates.py``. A3 is
A4 scaled by √2 (with slightly larger type); the ``.qpt`` outputs are committed so
users can open and adapt them in the layout designer.
"""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_HASH_SEED"] = "0"  # Qt writes XML attributes in hash order: fix it for stable diffs

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsSymbolLayerUtils,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

# the atlas's own type (DejaVu Sans: on every Debian/Ubuntu desktop; QGIS substitutes elsewhere)
from territorial_plugin.export.atlas.layers import FONT_FAMILY as FONT  # noqa: E402
from territorial_plugin.export.atlas.layers import INK, text_format  # noqa: E402

OUT = ROOT / "resources" / "templates"
MUTED = QColor(96, 103, 112)
ACCENT = QColor(0, 84, 128)
RULE = QColor(190, 196, 202)

# Boxes in millimetres on an A4 page: (id, kind, x, y, w, h, options)
PORTRAIT = {
    "overview": [
        ("tl_municipality", "label", 15, 10, 120, 6, {"size": 9, "color": MUTED, "bold": True, "text": "Kommun"}),
        ("tl_date", "label", 135, 10, 60, 6, {"size": 9, "color": MUTED, "align": "right", "text": "Datum"}),
        ("tl_title", "label", 15, 17, 180, 11, {"size": 19, "bold": True, "color": INK, "text": "Målatlas"}),
        ("tl_subtitle", "label", 15, 28, 180, 6, {"size": 9.5, "color": MUTED, "text": "Katalog och version"}),
        (None, "rule", 15, 35.5, 180, 0.4, {}),
        ("tl_map", "map", 15, 39, 180, 118, {}),
        ("tl_north", "north", 183, 42, 9, 13, {}),
        ("tl_scalebar", "scalebar", 18, 148, 60, 7, {}),
        ("tl_legend", "legend", 15, 160, 180, 46, {"title": "Mål med kopplade områden"}),
        ("tl_chart", "area", 15, 209, 180, 62, {}),
        (None, "rule", 15, 277, 180, 0.3, {}),
        ("tl_credits", "label", 15, 279, 140, 8, {"size": 7, "color": MUTED, "text": "Underlag"}),
        ("tl_page", "label", 155, 279, 40, 6, {"size": 8, "color": MUTED, "align": "right", "text": "Sida"}),
    ],
    "goal": [
        ("tl_municipality", "label", 15, 10, 100, 6, {"size": 9, "color": MUTED, "bold": True, "text": "Kommun"}),
        ("tl_catalogue", "label", 95, 10, 100, 6, {"size": 9, "color": MUTED, "align": "right", "text": "Katalog"}),
        ("tl_goal_code", "label", 15, 17, 180, 8, {"size": 13, "bold": True, "color": ACCENT, "text": "Mål"}),
        ("tl_goal_title", "label", 15, 24, 180, 14, {"size": 15, "bold": True, "color": INK, "text": "Målets titel"}),
        ("tl_goal_description", "label", 15, 38.5, 180, 15, {"size": 8.5, "color": INK, "text": "Beskrivning"}),
        ("tl_goal_stats", "label", 15, 54, 180, 5.5, {"size": 8.5, "color": ACCENT, "bold": True, "text": "Areal"}),
        ("tl_map", "map", 15, 61, 130, 112, {}),
        ("tl_north", "north", 134, 64, 8, 12, {}),
        ("tl_scalebar", "scalebar", 18, 164, 55, 7, {}),
        ("tl_legend", "legend", 148, 61, 47, 112, {"title": "Teckenförklaring"}),
        ("tl_table", "area", 15, 178, 180, 96, {}),
        (None, "rule", 15, 277, 180, 0.3, {}),
        ("tl_credits", "label", 15, 279, 93, 8, {"size": 7, "color": MUTED, "text": "Underlag"}),
        ("tl_date", "label", 110, 279, 40, 6, {"size": 8, "color": MUTED, "align": "center", "text": "Datum"}),
        ("tl_page", "label", 155, 279, 40, 6, {"size": 8, "color": MUTED, "align": "right", "text": "Sida"}),
    ],
    "continuation": [
        ("tl_municipality", "label", 15, 10, 100, 6, {"size": 9, "color": MUTED, "bold": True, "text": "Kommun"}),
        ("tl_catalogue", "label", 95, 10, 100, 6, {"size": 9, "color": MUTED, "align": "right", "text": "Katalog"}),
        ("tl_goal_title", "label", 15, 17, 180, 9, {"size": 12, "bold": True, "color": INK, "text": "Mål (forts.)"}),
        ("tl_table", "area", 15, 29, 180, 245, {}),
        (None, "rule", 15, 277, 180, 0.3, {}),
        ("tl_credits", "label", 15, 279, 93, 8, {"size": 7, "color": MUTED, "text": "Underlag"}),
        ("tl_date", "label", 110, 279, 40, 6, {"size": 8, "color": MUTED, "align": "center", "text": "Datum"}),
        ("tl_page", "label", 155, 279, 40, 6, {"size": 8, "color": MUTED, "align": "right", "text": "Sida"}),
    ],
}

LANDSCAPE = {
    "overview": [
        ("tl_municipality", "label", 15, 9, 150, 6, {"size": 9, "color": MUTED, "bold": True, "text": "Kommun"}),
        ("tl_date", "label", 222, 9, 60, 6, {"size": 9, "color": MUTED, "align": "right", "text": "Datum"}),
        ("tl_title", "label", 15, 15, 267, 11, {"size": 19, "bold": True, "color": INK, "text": "Målatlas"}),
        ("tl_subtitle", "label", 15, 26, 267, 6, {"size": 9.5, "color": MUTED, "text": "Katalog och version"}),
        (None, "rule", 15, 33.5, 267, 0.4, {}),
        ("tl_map", "map", 15, 37, 150, 153, {}),
        ("tl_north", "north", 153, 40, 9, 13, {}),
        ("tl_scalebar", "scalebar", 18, 181, 60, 7, {}),
        ("tl_legend", "legend", 170, 37, 112, 72, {"title": "Mål med kopplade områden"}),
        ("tl_chart", "area", 170, 112, 112, 78, {}),
        (None, "rule", 15, 194, 267, 0.3, {}),
        ("tl_credits", "label", 15, 196, 200, 8, {"size": 7, "color": MUTED, "text": "Underlag"}),
        ("tl_page", "label", 242, 196, 40, 6, {"size": 8, "color": MUTED, "align": "right", "text": "Sida"}),
    ],
    "goal": [
        ("tl_municipality", "label", 15, 9, 130, 6, {"size": 9, "color": MUTED, "bold": True, "text": "Kommun"}),
        ("tl_catalogue", "label", 152, 9, 130, 6, {"size": 9, "color": MUTED, "align": "right", "text": "Katalog"}),
        ("tl_goal_code", "label", 15, 15, 267, 8, {"size": 13, "bold": True, "color": ACCENT, "text": "Mål"}),
        ("tl_goal_title", "label", 15, 22, 267, 9, {"size": 15, "bold": True, "color": INK, "text": "Målets titel"}),
        ("tl_goal_description", "label", 15, 31.5, 267, 11, {"size": 8.5, "color": INK, "text": "Beskrivning"}),
        ("tl_goal_stats", "label", 15, 43, 267, 5.5, {"size": 8.5, "color": ACCENT, "bold": True, "text": "Areal"}),
        ("tl_map", "map", 15, 50, 130, 108, {}),
        ("tl_north", "north", 134, 53, 8, 12, {}),
        ("tl_scalebar", "scalebar", 18, 149, 55, 7, {}),
        ("tl_legend", "legend", 15, 160, 130, 31, {"title": "Teckenförklaring", "columns": 4}),
        ("tl_table", "area", 150, 50, 132, 141, {}),
        (None, "rule", 15, 194, 267, 0.3, {}),
        ("tl_credits", "label", 15, 196, 165, 8, {"size": 7, "color": MUTED, "text": "Underlag"}),
        ("tl_date", "label", 185, 196, 50, 6, {"size": 8, "color": MUTED, "align": "center", "text": "Datum"}),
        ("tl_page", "label", 242, 196, 40, 6, {"size": 8, "color": MUTED, "align": "right", "text": "Sida"}),
    ],
    "continuation": [
        ("tl_municipality", "label", 15, 9, 130, 6, {"size": 9, "color": MUTED, "bold": True, "text": "Kommun"}),
        ("tl_catalogue", "label", 152, 9, 130, 6, {"size": 9, "color": MUTED, "align": "right", "text": "Katalog"}),
        ("tl_goal_title", "label", 15, 15, 267, 9, {"size": 12, "bold": True, "color": INK, "text": "Mål (forts.)"}),
        ("tl_table", "area", 15, 27, 267, 164, {}),
        (None, "rule", 15, 194, 267, 0.3, {}),
        ("tl_credits", "label", 15, 196, 165, 8, {"size": 7, "color": MUTED, "text": "Underlag"}),
        ("tl_date", "label", 185, 196, 50, 6, {"size": 8, "color": MUTED, "align": "center", "text": "Datum"}),
        ("tl_page", "label", 242, 196, 40, 6, {"size": 8, "color": MUTED, "align": "right", "text": "Sida"}),
    ],
}


def add_item(layout, page_top: float, spec, scale: float, type_scale: float) -> None:
    item_id, kind, x, y, w, h, opts = spec
    pos = QgsLayoutPoint(x * scale, page_top + y * scale, QgsUnitTypes.LayoutUnit.LayoutMillimeters)
    size = QgsLayoutSize(w * scale, h * scale, QgsUnitTypes.LayoutUnit.LayoutMillimeters)
    if kind == "label":
        item = QgsLayoutItemLabel(layout)
        item.setText(opts.get("text", ""))
        font = QFont(FONT)
        font.setPointSizeF(opts.get("size", 9) * type_scale)
        font.setBold(opts.get("bold", False))
        item.setFont(font)
        item.setFontColor(opts.get("color", INK))
        align = {"right": Qt.AlignmentFlag.AlignRight, "center": Qt.AlignmentFlag.AlignHCenter}
        item.setHAlign(align.get(opts.get("align"), Qt.AlignmentFlag.AlignLeft))
        item.setVAlign(Qt.AlignmentFlag.AlignTop)
        item.setMarginX(0)
        item.setMarginY(0)
    elif kind == "rule":
        item = QgsLayoutItemShape(layout)
        item.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
        item.setSymbol(QgsFillSymbol.createSimple({"color": RULE.name(), "outline_style": "no"}))
    elif kind == "area":
        # a placeholder the atlas replaces (chart, table): a faint frame in the designer
        item = QgsLayoutItemShape(layout)
        item.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
        item.setSymbol(
            QgsFillSymbol.createSimple(
                {"color": "255,255,255,0", "outline_color": "200,200,200", "outline_style": "dash"}
            )
        )
    elif kind == "map":
        item = QgsLayoutItemMap(layout)
        item.setFrameEnabled(True)
        item.setFrameStrokeColor(RULE)
        item.setFrameStrokeWidth(QgsLayoutMeasurement(0.25, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        item.setBackgroundColor(QColor(250, 250, 248))
        item.setCrs(QgsCoordinateReferenceSystem("EPSG:3006"))
    elif kind == "north":
        item = QgsLayoutItemPicture(layout)
        item.setPicturePath(
            QgsSymbolLayerUtils.svgSymbolNameToPath("arrows/NorthArrow_02.svg", QgsProject().pathResolver())
        )
        item.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        item.setBackgroundEnabled(False)
        item.setSvgFillColor(INK)
    elif kind == "scalebar":
        item = QgsLayoutItemScaleBar(layout)
        item.setStyle("Single Box")
        item.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
        item.setUnitLabel("km")
        item.setMapUnitsPerScaleBarUnit(1000.0)
        item.setNumberOfSegments(2)
        item.setNumberOfSegmentsLeft(0)
        item.setHeight(1.6 * type_scale)
        item.setTextFormat(text_format(7 * type_scale, color=INK))
        item.setBackgroundEnabled(True)
        item.setBackgroundColor(QColor(255, 255, 255, 210))
    elif kind == "legend":
        item = QgsLayoutItemLegend(layout)
        item.setTitle(opts.get("title", ""))
        item.setColumnCount(opts.get("columns", 1))
        item.setSplitLayer(True)
        item.setEqualColumnWidth(False)
        item.setResizeToContents(False)
        item.setSymbolWidth(5 * type_scale)
        item.setSymbolHeight(3.5 * type_scale)
        item.setWrapString("")
        for style, points, bold in (
            (QgsLegendStyle.Style.Title, 9, True),
            (QgsLegendStyle.Style.Group, 8, True),
            (QgsLegendStyle.Style.Subgroup, 7.5, True),
            (QgsLegendStyle.Style.SymbolLabel, 7, False),
        ):
            font = QFont(FONT)
            font.setPointSizeF(points * type_scale)
            font.setBold(bold)
            item.rstyle(style).setFont(font)
        item.setFontColor(INK)
        item.setBackgroundEnabled(False)
    else:
        raise ValueError(kind)
    if item_id:
        item.setId(item_id)
    layout.addLayoutItem(item)
    item.attemptMove(pos)
    item.attemptResize(size)
    if kind == "map":  # after sizing: an extent set on a zero-sized map makes its height NaN
        item.setExtent(QgsRectangle(690000, 7090000, 690000 + 100 * w * scale, 7090000 + 100 * h * scale))


def build(size_name: str, orientation: str) -> QgsPrintLayout:
    scale = 1.0 if size_name == "A4" else math.sqrt(2.0)
    type_scale = 1.0 if size_name == "A4" else 1.2
    width, height = (210, 297) if orientation == "portrait" else (297, 210)
    specs = PORTRAIT if orientation == "portrait" else LANDSCAPE
    layout = QgsPrintLayout(QgsProject.instance())
    layout.setName(f"Målatlas {size_name} {'stående' if orientation == 'portrait' else 'liggande'}")
    collection = layout.pageCollection()
    for kind in ("overview", "goal", "continuation"):
        page = QgsLayoutItemPage(layout)
        page.setPageSize(QgsLayoutSize(width * scale, height * scale, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        collection.addPage(page)
        top = page.pos().y()
        for spec in specs[kind]:
            add_item(layout, top, spec, scale, type_scale)
    return layout


def stabilise_uuids(path: Path) -> None:
    """Replace QGIS's random item uuids by ones derived from their order, so a rebuild diffs clean.

    Every occurrence of one uuid gets the same replacement, so the references between
    items (a legend's or scale bar's map) stay intact.
    """
    import re
    import uuid

    text = path.read_text(encoding="utf-8")
    mapping: dict[str, str] = {}

    def stable(match: re.Match) -> str:
        found = match.group(0)
        if found not in mapping:
            mapping[found] = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{path.name}#{len(mapping)}")) + "}"
        return mapping[found]

    path.write_text(
        re.sub(r"\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}", stable, text), encoding="utf-8"
    )


def main() -> int:
    app = QgsApplication([], False)
    app.initQgis()
    OUT.mkdir(parents=True, exist_ok=True)
    for size_name in ("A4", "A3"):
        for orientation in ("portrait", "landscape"):
            layout = build(size_name, orientation)
            path = OUT / f"goal_page_{size_name}_{orientation}.qpt"
            layout.saveAsTemplate(str(path), QgsReadWriteContext())
            stabilise_uuids(path)
            print("wrote", path)
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
