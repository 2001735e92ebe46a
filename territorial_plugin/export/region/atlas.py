"""The regional atlas (PDF): an overview of every organisation's areas, then one page per goal.

A goal page shows every organisation's areas linked to the goal by stance, the
municipal borders when given, the intermunicipal conflict pairs as numbered lines,
a table organisation × (areas, ha, supports, conflicts) and the list of pairs.
Pages are A4 landscape layouts built in code, printed one after another through
``layout_writer.export_sequence`` as the goal atlas is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayerTreeLayer,
    QgsLayout,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsTableCell,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF
from qgis.PyQt.QtGui import QColor, QFont

from ...compat import set_label_style, set_legend_style_font
from ...core.i18n import tr
from ...core.model import Goal
from ..atlas.chart import format_ha
from ..atlas.furniture import fit_scalebar, page_extent
from ..atlas.layers import CONFLICT_COLOR, FONT_FAMILY, INK, SUPPORT_COLOR, text_format
from ..layout_writer import export_sequence
from . import map_layers
from .data import RegionalData
from .tables import LinkCounts

PAGE = (297.0, 210.0)  # A4 landscape, mm
MAP_RECT = QRectF(10.0, 30.0, 172.0, 170.0)
SIDE_X, SIDE_W = 188.0, 99.0
#: pairs listed on a page; the workbook lists them all
MAX_LISTED_PAIRS = 12


def export_regional_atlas(
    data: RegionalData,
    output: str | Path,
    *,
    boundaries: QgsVectorLayer | None = None,
    project: QgsProject | None = None,
    feedback=None,
) -> Path:
    """Write the regional atlas of ``data`` to ``output`` (.pdf); one overview page, one page per goal."""
    pages = RegionalPages(data, map_layers.borders_layer(boundaries, project))
    steps = [pages.overview] + [lambda goal=goal: pages.goal_page(goal) for goal in data.goals]
    return export_sequence(steps, output, "pdf", dpi=200, feedback=feedback)[0]


class RegionalPages:
    """Builds each page's layout on demand; holds the layers the maps draw while printing."""

    def __init__(self, data: RegionalData, borders: QgsVectorLayer | None):
        self.data = data
        self.borders = borders
        self.project = QgsProject()  # the layouts' owner; nothing is added to the user's project
        self.context = map_layers.context_layer(data)
        self.extent = map_layers.extent_of(data.areas, borders)
        self._keep: list = []  # layers and layouts alive until the PDF is written
        self.today = date.today().isoformat()
        self.counts = LinkCounts(data)

    # -- pages -----------------------------------------------------------------------------
    def overview(self) -> QgsPrintLayout:
        data = self.data
        layout = self._layout()
        self._label(
            layout,
            tr("The region's picture: {count} organisations").format(count=len(data.organisations)),
            10,
            8,
            277,
            10,
            16,
            True,
        )
        self._label(layout, self._subtitle(), 10, 19, 277, 8, 8.5)
        organisations = map_layers.organisations_layer(data)
        layers = [x for x in (self.borders, organisations) if x is not None]
        self._map(layout, layers)
        self._legend(layout, [organisations] + ([self.borders] if self.borders else []), 30)
        rows = self._organisation_rows(None)
        self._table(
            layout,
            [tr("Organisation"), tr("Areas"), tr("ha"), tr("Supports"), tr("Conflicts")],
            rows,
            95,
            [0.42, 0.13, 0.17, 0.14, 0.14],
            tr("Linked areas of every goal in the report"),
        )
        pairs = len(data.pairs)
        note = tr(
            "{pairs} intermunicipal goal conflicts within {distance} m: areas of two organisations linked to the "
            "same goal, one supporting it and one in conflict with it. The goal pages mark and list them."
        ).format(pairs=pairs, distance=_metres(data.distance))
        self._label(layout, note, SIDE_X, 170, SIDE_W, 28, 7.5)
        return layout

    def goal_page(self, goal: Goal) -> QgsPrintLayout:
        data = self.data
        layout = self._layout()
        self._label(layout, f"{goal.code}  {goal.title()}", 10, 6, 277, 13, 15, True)
        self._label(layout, self._subtitle(goal), 10, 19, 277, 8, 8.5)
        linked = map_layers.goal_layer(data, goal.id)
        pairs = [p for p in data.pairs if p.goal_id == goal.id]
        pair_layer = map_layers.pairs_layer(pairs)
        layers = [pair_layer, self.borders, linked, self.context]
        self._map(layout, [x for x in layers if x is not None])
        legend_layers = [linked] + ([pair_layer] if pairs else []) + ([self.borders] if self.borders else [])
        self._legend(layout, legend_layers, 32)
        rows = self._organisation_rows(goal.id)
        bottom = self._table(
            layout,
            [tr("Organisation"), tr("Areas"), tr("ha"), tr("Supports"), tr("Conflicts")],
            rows,
            84,
            [0.42, 0.13, 0.17, 0.14, 0.14],
            tr("Linked areas per organisation"),
        )
        self._pair_list(layout, pairs, bottom + 4)
        return layout

    # -- parts ------------------------------------------------------------------------------
    def _subtitle(self, goal: Goal | None = None) -> str:
        catalogues = {c.id: c.name for c in self.data.catalogues}
        parts = [catalogues.get(goal.catalogue_id, goal.catalogue_id)] if goal else []
        parts.append(tr("Regional report from the municipalities' deliveries, {date}").format(date=self.today))
        return "  ·  ".join(parts)

    def _layout(self) -> QgsPrintLayout:
        layout = QgsPrintLayout(self.project)
        layout.initializeDefaults()
        page = layout.pageCollection().page(0)
        page.setPageSize(QgsLayoutSize(PAGE[0], PAGE[1], QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        self._keep.append(layout)
        return layout

    def _label(self, layout: QgsLayout, text: str, x, y, w, h, size: float, bold: bool = False) -> QgsLayoutItemLabel:
        label = QgsLayoutItemLabel(layout)
        label.setText(text)
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(size)
        font.setBold(bold)
        set_label_style(label, font, INK)
        label.setMarginX(0.0)
        label.setMarginY(0.0)
        layout.addLayoutItem(label)
        label.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        label.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        return label

    def _map(self, layout: QgsLayout, layers: Sequence[QgsVectorLayer]) -> QgsLayoutItemMap:
        self._keep.extend(layers)
        item = QgsLayoutItemMap(layout)
        item.attemptSetSceneRect(MAP_RECT)
        item.setCrs(QgsCoordinateReferenceSystem(map_layers.CRS))
        item.setLayers(list(layers))
        item.setKeepLayerSet(True)
        extent = page_extent(self._grown(), MAP_RECT, QgsCoordinateReferenceSystem(map_layers.CRS))
        item.setExtent(extent)
        item.setFrameEnabled(True)
        item.setFrameStrokeColor(QColor(120, 120, 120))
        layout.addLayoutItem(item)
        bar = QgsLayoutItemScaleBar(layout)
        bar.setStyle("Single Box")
        bar.setLinkedMap(item)
        bar.setTextFormat(text_format(7.0))
        fit_scalebar(bar, extent, MAP_RECT.width())
        layout.addLayoutItem(bar)
        bar.attemptMove(
            QgsLayoutPoint(MAP_RECT.x() + 3, MAP_RECT.bottom() - 12, QgsUnitTypes.LayoutUnit.LayoutMillimeters)
        )
        return item

    def _grown(self):
        extent = QgsRectangle(self.extent)
        extent.scale(1.04)
        return extent

    def _legend(self, layout: QgsLayout, layers: Sequence[QgsVectorLayer], height: float) -> None:
        legend = QgsLayoutItemLegend(layout)
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        for layer in layers:
            root.addChildNode(QgsLayerTreeLayer(layer))
        legend.setTitle("")
        set_legend_style_font(legend, _legend_style("title"), QFont(FONT_FAMILY, 9, QFont.Weight.Bold))
        set_legend_style_font(legend, _legend_style("subgroup"), QFont(FONT_FAMILY, 8, QFont.Weight.Bold))
        set_legend_style_font(legend, _legend_style("item"), QFont(FONT_FAMILY, 7))
        legend.setSymbolHeight(3.5)
        legend.setSymbolWidth(6.0)
        legend.setResizeToContents(True)
        layout.addLayoutItem(legend)
        legend.attemptMove(QgsLayoutPoint(SIDE_X, MAP_RECT.y(), QgsUnitTypes.LayoutUnit.LayoutMillimeters))

    def _organisation_rows(self, goal_id: str | None) -> list[list]:
        """Per organisation: areas, ha, supports, conflicts — of one goal, or of all (``None``)."""
        data, counts = self.data, self.counts
        rows = []
        for organisation in data.organisations:
            name = data.names.get(organisation, organisation)
            if goal_id is None:
                keys = counts.organisation_areas[organisation]
                hectares = sum(counts.area_hectares.get(key, 0.0) for key in keys)
                rows.append(
                    [name, len(keys), format_ha(hectares), len(counts.organisation_supports[organisation]),
                     len(counts.organisation_conflicts[organisation])]
                )  # fmt: skip
            else:
                cell = (organisation, goal_id)
                rows.append(
                    [name, counts.areas.get(cell, 0), format_ha(counts.hectares.get(cell, 0.0)),
                     counts.supports.get(cell, 0), counts.conflicts.get(cell, 0)]
                )  # fmt: skip
        return rows

    def _table(self, layout, headers, rows, y: float, fractions, caption: str) -> float:
        """A table at ``y`` on the side column with a caption above; returns its bottom (mm)."""
        self._label(layout, caption, SIDE_X, y, SIDE_W, 5, 8.5, True)
        table = QgsLayoutItemManualTable.create(layout)
        widths = [SIDE_W * f - 2.2 for f in fractions]
        columns = []
        for heading, width in zip(headers, widths):
            column = QgsLayoutTableColumn(heading)
            column.setWidth(width)
            columns.append(column)
        table.setHeaders(columns)
        table.setColumnWidths(widths)
        table.setIncludeTableHeader(True)
        table.setContentTextFormat(text_format(7.0))
        table.setHeaderTextFormat(text_format(7.0, bold=True, color=QColor(255, 255, 255)))
        table.setCellMargin(1.0)
        table.setGridStrokeWidth(0.15)
        table.setGridColor(QColor(205, 210, 215))
        table.setVerticalGrid(False)
        header = QgsLayoutTableStyle()
        header.enabled = True
        header.cellBackgroundColor = QColor(0, 84, 128)
        table.setCellStyle(QgsLayoutTable.CellStyleGroup.HeaderRow, header)
        contents = []
        for row in rows:
            cells = [QgsTableCell(str(value)) for value in row]
            if row[3]:
                cells[3].setForegroundColor(SUPPORT_COLOR)
            if row[4]:
                cells[4].setForegroundColor(CONFLICT_COLOR)
            contents.append(cells)
        table.setTableContents(contents)
        layout.addMultiFrame(table)
        height = 6.0 + 5.2 * max(len(rows), 1)
        frame = QgsLayoutFrame(layout, table)
        frame.attemptSetSceneRect(QRectF(SIDE_X, y + 6, SIDE_W, height))
        table.addFrame(frame)
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
        return y + 6 + height

    def _pair_list(self, layout, pairs, y: float) -> None:
        data = self.data
        if not pairs:
            text = tr("No intermunicipal conflicts within {distance} m for this goal.").format(
                distance=_metres(data.distance)
            )
            self._label(layout, text, SIDE_X, y, SIDE_W, 10, 7.5)
            return
        self._label(
            layout,
            tr("Intermunicipal conflicts within {distance} m").format(distance=_metres(data.distance)),
            SIDE_X, y, SIDE_W, 5, 8.5, True,
        )  # fmt: skip
        lines = []
        for number, pair in enumerate(pairs[:MAX_LISTED_PAIRS], 1):
            lines.append(
                tr("{number}. {supporting} {key} {name} supports — {conflicting} {other} {other_name} conflicts "
                   "({distance} m)").format(
                    number=number,
                    supporting=data.names.get(pair.supporting.organisation, pair.supporting.organisation),
                    key=pair.supporting.feature_key,
                    name=pair.supporting.name,
                    conflicting=data.names.get(pair.conflicting.organisation, pair.conflicting.organisation),
                    other=pair.conflicting.feature_key,
                    other_name=pair.conflicting.name,
                    distance=_metres(pair.distance),
                )
            )  # fmt: skip
        if len(pairs) > MAX_LISTED_PAIRS:
            lines.append(
                tr("… and {count} more; the workbook (.xlsx) lists every pair.").format(
                    count=len(pairs) - MAX_LISTED_PAIRS
                )
            )
        self._label(layout, "\n".join(lines), SIDE_X, y + 6, SIDE_W, 200 - (y + 6), 6.5)


def _legend_style(name: str):
    from qgis.core import QgsLegendStyle

    return {
        "title": QgsLegendStyle.Style.Title,
        "subgroup": QgsLegendStyle.Style.Subgroup,
        "item": QgsLegendStyle.Style.SymbolLabel,
    }[name]


def _metres(value: float) -> str:
    return f"{value:,.0f}".replace(",", "\u202f")
