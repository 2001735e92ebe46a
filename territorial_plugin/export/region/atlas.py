"""The regional atlas (PDF): an overview of every organisation's areas, then one page per goal.

A goal page shows every organisation's areas linked to the goal by stance, the
municipal borders when given, the intermunicipal conflict pairs as numbered lines,
a table organisation × (areas, ha, supports, conflicts) and the list of pairs; what
does not fit beside the map goes on to continuation pages (``side.SideColumn``).
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
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF
from qgis.PyQt.QtGui import QColor, QFont

from ...compat import set_legend_style_font
from ...core.i18n import plural, tr
from ...core.labels import goal_title_text
from ...core.model import Goal
from ..atlas.chart import format_ha
from ..atlas.furniture import fit_scalebar, page_extent
from ..atlas.layers import FONT_FAMILY, text_format
from ..layout_writer import export_sequence
from . import map_layers
from .data import RegionalData
from .side import PAGE, SIDE_X, SideColumn, label, text_height
from .tables import LinkCounts

MAP_RECT = QRectF(10.0, 30.0, 172.0, 170.0)
#: the organisation table's columns: name, areas, ha, supports, conflicts (shares of the side column)
TABLE_FRACTIONS = (0.37, 0.12, 0.15, 0.18, 0.18)
#: a legend of more organisations than this is set in two columns
LEGEND_ROWS = 8
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
        title = tr("The region's picture: {count} organisations").format(count=len(data.organisations))
        self._titles(layout, title, None)
        organisations = map_layers.organisations_layer(data)
        layers = [x for x in (self.borders, organisations) if x is not None]
        self._map(layout, layers)
        legend = self._legend(layout, [organisations] + ([self.borders] if self.borders else []), split=True)
        side = SideColumn(layout, MAP_RECT.y() + legend + 5, lambda page: self._titles(layout, title, None, page))
        side.table(tr("Linked areas of every goal in the report"), self._headers(), self._organisation_rows(None),
                   TABLE_FRACTIONS)  # fmt: skip
        note = tr(
            "{pairs} intermunicipal goal conflicts within {distance} m: areas of two organisations linked to the "
            "same goal, one supporting it and one in conflict with it. The goal pages mark and list them."
        ).format(pairs=len(data.pairs), distance=_metres(data.distance))
        side.skip(3)
        side.text(note, 7.5)
        self._problems(side)
        return layout

    def goal_page(self, goal: Goal) -> QgsPrintLayout:
        data = self.data
        layout = self._layout()
        title = f"{goal.code}  {goal_title_text(goal)}"  # an English-only title marked as such
        self._titles(layout, title, goal)
        linked = map_layers.goal_layer(data, goal.id)
        pairs = [p for p in data.pairs if p.goal_id == goal.id]
        pair_layer = map_layers.pairs_layer(pairs)
        layers = [pair_layer, self.borders, linked, self.context]
        self._map(layout, [x for x in layers if x is not None])
        legend_layers = [linked] + ([pair_layer] if pairs else []) + ([self.borders] if self.borders else [])
        legend = self._legend(layout, legend_layers)
        side = SideColumn(layout, MAP_RECT.y() + legend + 5, lambda page: self._titles(layout, title, goal, page))
        side.table(tr("Linked areas per organisation"), self._headers(), self._organisation_rows(goal.id),
                   TABLE_FRACTIONS)  # fmt: skip
        side.skip(3)
        self._pair_list(side, pairs)
        return layout

    # -- parts ------------------------------------------------------------------------------
    def _subtitle(self, goal: Goal | None = None) -> str:
        catalogues = {c.id: c.name for c in self.data.catalogues}
        parts = [catalogues.get(goal.catalogue_id, goal.catalogue_id)] if goal else []
        if self.data.deliveries:
            parts.append(tr("Regional report from the municipalities' deliveries, {date}").format(date=self.today))
        else:  # a shared store's own links, areas read from the registered layers
            parts.append(tr("Regional report from the shared link store, {date}").format(date=self.today))
        return "  ·  ".join(parts)

    def _titles(self, layout: QgsLayout, title: str, goal: Goal | None, page: int = 0) -> None:
        """The page's title and subtitle; a continuation page's title says so."""
        if page:
            title = tr("{goal} (continued)").format(goal=title)
        size = 15 if goal else 16
        while size > 10 and text_height(title, size, 277, True) > 13:  # a long title in two lines above the subtitle
            size -= 1
        label(layout, title, 10, 6, 277, 13, size, True, page)
        label(layout, self._subtitle(goal), 10, 19, 277, 8, 8.5, page=page)

    @staticmethod
    def _headers() -> list[str]:
        return [tr("Organisation"), tr("Areas"), tr("ha"), tr("Supports"), tr("Conflicts")]

    def _layout(self) -> QgsPrintLayout:
        layout = QgsPrintLayout(self.project)
        layout.initializeDefaults()
        page = layout.pageCollection().page(0)
        page.setPageSize(QgsLayoutSize(PAGE[0], PAGE[1], QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        self._keep.append(layout)
        return layout

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

    def _legend(self, layout: QgsLayout, layers: Sequence[QgsVectorLayer], split: bool = False) -> float:
        """The legend at the top of the side column; returns its height (mm). ``split``: a layer of many
        entries (one per organisation) may take two columns."""
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
        if split and len(self.data.organisations) > LEGEND_ROWS:  # fifteen municipalities: two columns
            legend.setColumnCount(2)
            legend.setSplitLayer(True)
            legend.setEqualColumnWidth(True)
        legend.setResizeToContents(True)
        layout.addLayoutItem(legend)
        legend.attemptMove(QgsLayoutPoint(SIDE_X, MAP_RECT.y(), QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        # the legend sizes itself when first painted; the table below it needs its height now
        context = QgsLayoutUtils.createRenderContextForLayout(layout, None)
        return QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context).height()

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

    def _problems(self, side: SideColumn) -> None:
        """What is missing from the maps and figures: layers that could not be opened, by name; areas
        repaired, without geometry or no longer in their layer, counted (the workbook lists them)."""
        layers = [problem for _, key, problem in self.data.problems if not key]
        areas = sum(1 for _, key, _ in self.data.problems if key)
        if not layers and not areas:
            return
        lines = list(layers)
        if areas:
            lines.append(
                plural(
                    areas,
                    tr("1 area has a problem (geometry repaired or missing, or the area is gone from its layer); "
                       "the workbook (.xlsx) lists it."),
                    tr("{n} areas have problems (geometry repaired or missing, or the area is gone from its "
                       "layer); the workbook (.xlsx) lists them."),
                ).format(n=areas)
            )  # fmt: skip
        side.skip(2)
        side.text(tr("Problems"), 8.5, True, keep=4.0)
        side.lines(lines, 7.0)

    def _pair_list(self, side: SideColumn, pairs) -> None:
        data = self.data
        if not pairs:
            text = tr("No intermunicipal conflicts within {distance} m for this goal.").format(
                distance=_metres(data.distance)
            )
            side.text(text, 7.5)
            return
        side.text(
            tr("Intermunicipal conflicts within {distance} m").format(distance=_metres(data.distance)), 8.5, True,
            keep=6.0,
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
        side.lines(lines, 6.5)


def _legend_style(name: str):
    from qgis.core import QgsLegendStyle

    return {
        "title": QgsLegendStyle.Style.Title,
        "subgroup": QgsLegendStyle.Style.Subgroup,
        "item": QgsLegendStyle.Style.SymbolLabel,
    }[name]


def _metres(value: float) -> str:
    return f"{value:,.0f}".replace(",", "\u202f")
