"""The stage comparison as a PDF for politicians: a summary page, then one page per goal that changed.

A goal page shows its map (areas newly linked to the goal, areas no longer linked drawn
dashed from the frozen geometry, areas whose link changed, reshaped areas), the goal's
balance before and after, and the table of its changes, flowed onto further pages
when long. Pages are built one layout at a time as the PDF is written
(``layout_writer.export_sequence``), with the atlas's fonts, scale and scale bar rules.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemScaleBar,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsRendererCategory,
    QgsTableCell,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QRectF
from qgis.PyQt.QtGui import QColor, QFont

from ...compat import set_label_style, set_legend_style_font
from ...core.i18n import tr
from ...core.stages.compare import ADDED, CHANGED, REMOVED, RESHAPED, Comparison
from ..atlas.chart import format_ha
from ..atlas.furniture import fill_legend, fit_scalebar, page_extent
from ..atlas.layers import CONFLICT_COLOR, FONT_FAMILY, INK, SUPPORT_COLOR, text_format
from ..atlas.table import configure_table
from ..layout_writer import export_sequence
from .rows import Context, link_change_label, orphan_label

PAGE_W, PAGE_H = 210.0, 297.0  # A4 portrait, mm
MAP_RECT = QRectF(12, 44, 136, 118)
LEGEND_RECT = QRectF(152, 44, 46, 118)
TABLE_RECT = QRectF(12, 176, 186, 106)
CONTINUED_RECT = QRectF(12, 30, 186, 252)
GREY = QColor(96, 103, 112)

# how each change is drawn on a goal's map: (geometry from "before" or "after", fill, outline, dashed)
NEW_LINK, GONE_LINK, CHANGED_LINK, NEW_SHAPE, OLD_SHAPE = "new_link", "gone_link", "changed_link", "new", "old"
KEPT_LINK = "kept"
_LOOK = {
    KEPT_LINK: (QColor(196, 222, 204), QColor(140, 180, 152), False),
    NEW_LINK: (SUPPORT_COLOR, SUPPORT_COLOR, False),
    GONE_LINK: (None, CONFLICT_COLOR, True),
    CHANGED_LINK: (QColor(235, 140, 20), QColor(190, 100, 0), False),
    NEW_SHAPE: (None, QColor(90, 60, 170), False),
    OLD_SHAPE: (None, GREY, True),
}


def _legend_titles() -> dict[str, str]:
    return {
        KEPT_LINK: tr("Linked to the goal, unchanged"),
        NEW_LINK: tr("Newly linked to the goal"),
        GONE_LINK: tr("No longer linked (as it was)"),
        CHANGED_LINK: tr("Link changed (stance, strength or motivation)"),
        NEW_SHAPE: tr("Reshaped area, new shape"),
        OLD_SHAPE: tr("Reshaped area, earlier shape"),
    }


def _label(layout: QgsPrintLayout, text: str, rect: QRectF, size: float, *, bold=False, color=INK, page=0):
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(size)
    font.setBold(bold)
    set_label_style(label, font, color)
    layout.addLayoutItem(label)
    top = layout.pageCollection().page(page).pos().y()
    label.attemptSetSceneRect(QRectF(rect.x(), rect.y() + top, rect.width(), rect.height()))
    return label


def _new_layout(project: QgsProject, name: str) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    layout.pageCollection().page(0).setPageSize(
        QgsLayoutSize(PAGE_W, PAGE_H, QgsUnitTypes.LayoutUnit.LayoutMillimeters)
    )
    return layout


def _add_page(layout: QgsPrintLayout) -> int:
    page = QgsLayoutItemPage(layout)
    page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    layout.pageCollection().addPage(page)
    return layout.pageCollection().pageCount() - 1


def _flowing_table(
    layout: QgsPrintLayout,
    headers: Sequence[str],
    shares: Sequence[float],
    rows: list[list[str]],
    first: QRectF,
    heading: str,
) -> None:
    """A table in ``first`` on page 1, continued on new pages (under ``heading``) while rows remain."""
    from qgis.core import QgsLayoutTableColumn

    table = QgsLayoutItemManualTable.create(layout)
    configure_table(table, first.width())  # the atlas's look; its columns are replaced below
    widths = [first.width() * share - 2.0 for share in shares]
    columns = []
    for title, width in zip(headers, widths):
        column = QgsLayoutTableColumn(title)
        column.setWidth(width)
        columns.append(column)
    table.setHeaders(columns)
    table.setColumnWidths(widths)
    table.setTableContents([[QgsTableCell(value) for value in row] for row in rows])
    layout.addMultiFrame(table)
    _frame(layout, table, first, 0)
    for _ in range(200):  # a runaway guard: a frame too small for a single row
        if table.frames()[-1].extent().bottom() >= table.totalSize().height() - 0.01:
            break
        index = _add_page(layout)
        _label(layout, heading, QRectF(12, 12, 186, 12), 12, bold=True, page=index)
        _frame(layout, table, CONTINUED_RECT, index)


def _frame(layout, table, rect: QRectF, page: int) -> None:
    top = layout.pageCollection().page(page).pos().y()
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(QRectF(rect.x(), rect.y() + top, rect.width(), rect.height()))
    table.addFrame(frame)


def _state_text(state) -> str:
    from ...core.labels import stance_label

    if not state:
        return "–"
    motivation = state[2] if len(state[2]) <= 160 else state[2][:157] + "…"
    text = tr("{stance}, strength {strength}").format(stance=stance_label(state[0]), strength=state[1])
    return f"{text}\n{motivation}" if motivation else text


def _balance_text(balance, before: str, after: str) -> str:
    def part(label: str, old: tuple[int, float], new: tuple[int, float]) -> str:
        return tr("{label}: {n0} areas, {ha0} ha → {n1} areas, {ha1} ha ({diff} ha)").format(
            label=label,
            n0=old[0],
            ha0=format_ha(old[1]),
            n1=new[0],
            ha1=format_ha(new[1]),
            diff=("+" if new[1] - old[1] >= 0 else "−") + format_ha(abs(new[1] - old[1])),
        )

    return "\n".join(
        (
            tr("From {before} to {after}").format(before=before, after=after),
            part(tr("Supporting"), balance.supports_before, balance.supports_after),
            part(tr("Conflicting"), balance.conflicts_before, balance.conflicts_after),
        )
    )


class ComparisonPages:
    """Builds the summary layout and one layout per changed goal, each only when it is printed."""

    def __init__(self, comparison: Comparison, context: Context, crs: QgsCoordinateReferenceSystem, project):
        self.comparison, self.context, self.crs, self.project = comparison, context, crs, project
        self.date = _dt.date.today().isoformat()
        self._keep: list = []  # layers of the page being printed (a layout does not own them)
        self.background = self._layer(
            tr("Land use ({stage})").format(stage=comparison.after),
            [("bg", wkb) for (_uid, _key), (_n, _ha, wkb) in context.after.areas.items()],
            background=True,
        )

    def steps(self):
        goals = self.comparison.changed_goals()
        return [self.summary] + [lambda goal=goal: self.goal_page(goal) for goal in goals]

    # -- map layers -------------------------------------------------------------------
    def _layer(self, name: str, shapes: list[tuple[str, bytes | None]], *, background=False) -> QgsVectorLayer | None:
        shapes = [(kind, wkb) for kind, wkb in shapes if wkb]
        if not shapes:
            return None
        first = QgsGeometry()
        first.fromWkb(shapes[0][1])
        kind_name = QgsWkbTypes.displayString(QgsWkbTypes.multiType(first.wkbType()))
        layer = QgsVectorLayer(f"{kind_name}?crs={self.crs.authid()}&field=change:string", name, "memory")
        if not self.crs.authid():
            layer.setCrs(self.crs)
        features = []
        for kind, wkb in shapes:
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            # one layer type for single and multi parts (a single part always converts)
            _ = geometry.convertToMultiType()
            feature = QgsFeature(layer.fields())
            feature.setAttributes([kind])
            feature.setGeometry(geometry)
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        layer.updateExtents()
        geometry_type = layer.geometryType()
        if background:
            symbol = _symbol(geometry_type, QColor(228, 231, 234), QColor(185, 190, 196), False)
            layer.renderer().setSymbol(symbol)
        else:
            titles = _legend_titles()
            present = [kind for kind in _LOOK if any(k == kind for k, _ in shapes)]
            categories = [
                QgsRendererCategory(kind, _symbol(geometry_type, *_LOOK[kind]), titles[kind]) for kind in present
            ]
            layer.setRenderer(QgsCategorizedSymbolRenderer("change", categories))
        self._keep.append(layer)
        return layer

    def _goal_shapes(self, goal_id: str) -> tuple[list[tuple[str, bytes | None]], list[list[str]]]:
        """What the goal's map draws and the rows of its table."""
        before, after, context = self.context.before, self.context.after, self.context
        shapes, rows = [], []

        def wkb(snapshot, uid, key):
            area = snapshot.areas.get((uid, key))
            return area[2] if area else None

        for change in self.comparison.links:
            if change.goal_id != goal_id:
                continue
            uid, key = change.layer_uid, change.key
            if change.kind == ADDED:
                shapes.append((NEW_LINK, wkb(after, uid, key)))
            elif change.kind == REMOVED:
                shapes.append((GONE_LINK, wkb(before, uid, key)))
            else:
                shapes.append((CHANGED_LINK, wkb(after, uid, key)))
            rows.append(
                [
                    key,
                    context.area_name(uid, key),
                    link_change_label(change.kind),
                    _state_text(change.before),
                    _state_text(change.after),
                ]
            )
        linked = {(k[0], k[1]) for k in (*before.links, *after.links) if k[2] == goal_id}
        changed = {(c.layer_uid, c.key) for c in self.comparison.links if c.goal_id == goal_id}
        # the goal's other areas, for the picture around the changes (drawn first, below them)
        kept = [
            (KEPT_LINK, wkb(after, k[0], k[1]))
            for k in after.links
            if k[2] == goal_id and (k[0], k[1]) not in changed and k in before.links
        ]
        for change in self.comparison.areas:
            if (change.layer_uid, change.key) not in linked or change.kind != RESHAPED:
                continue
            shapes.append((OLD_SHAPE, wkb(before, change.layer_uid, change.key)))
            shapes.append((NEW_SHAPE, wkb(after, change.layer_uid, change.key)))
            rows.append(
                [
                    change.key,
                    change.name,
                    tr("Area reshaped"),
                    tr("{ha} ha").format(ha=format_ha(change.hectares_before or 0.0)),
                    tr("{ha} ha").format(ha=format_ha(change.hectares_after or 0.0)),
                ]
            )
        for uid, key, goal in self.comparison.orphaned:
            if goal == goal_id:
                shapes.append((GONE_LINK, wkb(before, uid, key)))
                rows.append(
                    [
                        key,
                        context.area_name(uid, key),
                        orphan_label(),
                        tr("Area in the plan"),
                        tr("Area gone, link kept"),
                    ]
                )
        return kept + shapes, rows

    # -- pages -------------------------------------------------------------------------
    def summary(self) -> QgsPrintLayout:
        comparison, context = self.comparison, self.context
        layout = _new_layout(self.project, tr("Changes between plan stages"))
        _label(layout, tr("What the plan does differently"), QRectF(12, 12, 186, 12), 18, bold=True)
        counts = {kind: sum(1 for c in comparison.links if c.kind == kind) for kind in (ADDED, REMOVED, CHANGED)}
        areas = {kind: sum(1 for c in comparison.areas if c.kind == kind) for kind in (ADDED, REMOVED, RESHAPED)}
        if comparison.changed_goals():
            closing = tr("The following pages show, goal by goal, what changed.")
        else:
            closing = tr("Nothing changed between the two stages.")
        area_text = tr("Areas: {added} added, {removed} removed, {reshaped} reshaped; {orphans} links lost their area.")
        text = "\n".join(
            (
                tr("From {before} to {after}. Written {date}.").format(
                    before=comparison.before, after=comparison.after, date=self.date
                ),
                tr("Links: {added} added, {removed} removed, {changed} changed.").format(
                    added=counts[ADDED], removed=counts[REMOVED], changed=counts[CHANGED]
                ),
                area_text.format(
                    added=areas[ADDED],
                    removed=areas[REMOVED],
                    reshaped=areas[RESHAPED],
                    orphans=len(comparison.orphaned),
                ),
                closing,
            )
        )
        _label(layout, text, QRectF(12, 28, 186, 30), 10)
        headers = [
            tr("Code"),
            tr("Goal"),
            tr("Supporting ha before"),
            tr("Supporting ha after"),
            tr("Change (ha)"),
            tr("Conflicting ha before"),
            tr("Conflicting ha after"),
            tr("Change (ha)"),
        ]
        rows = []
        for balance in comparison.goals:
            if not balance.changed:
                continue
            s0, s1, c0, c1 = (
                balance.supports_before[1],
                balance.supports_after[1],
                balance.conflicts_before[1],
                balance.conflicts_after[1],
            )
            rows.append(
                [
                    context.goal_code(balance.goal_id),
                    context.goal_title(balance.goal_id),
                    format_ha(s0),
                    format_ha(s1),
                    _signed(s1 - s0),
                    format_ha(c0),
                    format_ha(c1),
                    _signed(c1 - c0),
                ]
            )
        if rows:
            shares = [0.07, 0.28, 0.1, 0.1, 0.1, 0.11, 0.11, 0.11]
            _flowing_table(
                layout, headers, shares, rows, QRectF(12, 62, 186, 220), tr("Goals that changed (continued)")
            )
        self._footer(layout)
        return layout

    def goal_page(self, goal_id: str) -> QgsPrintLayout:
        self._keep = [self.background] if self.background else []
        context = self.context
        goal = context.goals.get(goal_id)
        heading = f"{context.goal_code(goal_id)} {context.goal_title(goal_id)}".strip()
        layout = _new_layout(self.project, heading)
        _label(layout, heading, QRectF(12, 12, 186, 14), 15, bold=True)
        if goal is not None and goal.catalogue_id:
            _label(layout, goal_id, QRectF(12, 25, 186, 6), 8, color=GREY)
        balance = next(b for b in self.comparison.goals if b.goal_id == goal_id)
        _label(
            layout, _balance_text(balance, self.comparison.before, self.comparison.after), QRectF(12, 30, 186, 14), 8.5
        )
        shapes, rows = self._goal_shapes(goal_id)
        changes = self._layer(tr("Changes"), shapes)
        self._add_map(layout, changes)
        headers = [tr("Area id"), tr("Name"), tr("Change"), tr("Before"), tr("After")]
        shares = [0.12, 0.18, 0.16, 0.27, 0.27]
        _flowing_table(layout, headers, shares, rows, TABLE_RECT, tr("{goal} (continued)").format(goal=heading))
        self._footer(layout)
        return layout

    def _add_map(self, layout: QgsPrintLayout, changes: QgsVectorLayer | None) -> None:
        layers = [layer for layer in (changes, self.background) if layer is not None]
        extent = QgsRectangle(changes.extent()) if changes is not None else QgsRectangle()
        if extent.isEmpty() and self.background is not None:
            extent = QgsRectangle(self.background.extent())
        margin = max(extent.width(), extent.height(), 400.0) * 0.25
        extent.grow(margin)
        extent = page_extent(extent, QRectF(0, 0, MAP_RECT.width(), MAP_RECT.height()), self.crs)
        map_item = QgsLayoutItemMap(layout)
        map_item.attemptSetSceneRect(MAP_RECT)
        map_item.setFrameEnabled(True)
        map_item.setCrs(self.crs)
        map_item.setLayers(layers)
        map_item.setKeepLayerSet(True)
        map_item.setExtent(extent)
        layout.addLayoutItem(map_item)
        legend = QgsLayoutItemLegend(layout)
        legend.setTitle(tr("Legend"))
        legend.setSymbolWidth(5)
        legend.setSymbolHeight(3.5)
        # the sizes of the bundled atlas templates' legends (tools/build_templates.py)
        for style, points, bold in (
            (QgsLegendStyle.Style.Title, 9, True),
            (QgsLegendStyle.Style.Group, 8, True),
            (QgsLegendStyle.Style.Subgroup, 7.5, True),
            (QgsLegendStyle.Style.SymbolLabel, 7, False),
        ):
            font = QFont(FONT_FAMILY)
            font.setPointSizeF(points)
            font.setBold(bold)
            set_legend_style_font(legend, style, font)
        legend.setBackgroundEnabled(False)
        layout.addLayoutItem(legend)
        legend.setLinkedMap(map_item)
        fill_legend(legend, [(layer, "") for layer in layers], overview=False, goal_count=1)
        legend.attemptSetSceneRect(LEGEND_RECT)
        legend.setResizeToContents(False)
        legend.refresh()
        scalebar = QgsLayoutItemScaleBar(layout)
        scalebar.setStyle("Single Box")
        scalebar.setTextFormat(text_format(7))
        scalebar.setLinkedMap(map_item)
        fit_scalebar(scalebar, extent, MAP_RECT.width())
        layout.addLayoutItem(scalebar)
        scalebar.attemptSetSceneRect(QRectF(MAP_RECT.x(), MAP_RECT.bottom() + 2, 60, 8))
        scalebar.update()

    def _footer(self, layout: QgsPrintLayout) -> None:
        for index in range(layout.pageCollection().pageCount()):
            _label(
                layout,
                tr("Territorial Links · {before} → {after} · {date}").format(
                    before=self.comparison.before, after=self.comparison.after, date=self.date
                ),
                QRectF(12, 287, 186, 5),
                7,
                color=GREY,
                page=index,
            )


def _signed(value: float) -> str:
    return ("+" if value >= 0 else "−") + format_ha(abs(value))


def _symbol(geometry_type, fill: QColor | None, outline: QColor, dashed: bool):
    if geometry_type == QgsWkbTypes.GeometryType.PointGeometry:
        return QgsMarkerSymbol.createSimple(
            {
                "name": "circle",
                "color": (fill or QColor(255, 255, 255, 0)).name(),
                "outline_color": outline.name(),
                "size": "3",
            }
        )
    if geometry_type == QgsWkbTypes.GeometryType.LineGeometry:
        return QgsLineSymbol.createSimple(
            {"color": outline.name(), "width": "1.0", "line_style": "dash" if dashed else "solid"}
        )
    properties = {
        "color": f"{fill.red()},{fill.green()},{fill.blue()},170" if fill is not None else "0,0,0,0",
        "style": "solid" if fill is not None else "no",
        "outline_color": outline.name(),
        "outline_width": "0.7" if fill is None else "0.4",
        "outline_style": "dash" if dashed else "solid",
    }
    return QgsFillSymbol.createSimple(properties)


def write_pdf(
    comparison: Comparison, context: Context, output: Path, *, crs: QgsCoordinateReferenceSystem, project, feedback=None
) -> int:
    """Write the PDF; returns its page count."""
    pages = ComparisonPages(comparison, context, crs, project)
    counted: list[int] = []

    def counting(step):
        def run():
            layout = step()
            counted.append(layout.pageCollection().pageCount())
            return layout

        return run

    export_sequence([counting(step) for step in pages.steps()], output, "pdf", dpi=300, feedback=feedback)
    return sum(counted)
