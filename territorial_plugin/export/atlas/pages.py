"""Pages of the goal atlas: the overview, one page per goal, and table continuations.

Each page is a copy of the matching template page (``templates.py``); this
module fills the items it knows by id and flows the table of linked areas onto
continuation pages. The pages' maps come last (:meth:`PageBuilder.finish`): QGIS
measures scale bars, legends and tables with the layout's reference map, which is
costly once maps exist; each map is then put back at its template place in the
stacking order and linked to its page's legend, scale bar and north arrow.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    QgsExpressionContextUtils,
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsRectangle,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument, QDomElement

from ...compat import set_label_style
from ...core.i18n import tr
from ...core.labels import format_ha, goal_description_text, goal_label, goal_title_text
from ...core.model import Stance
from ..templates import CONTINUATION, GOAL, OVERVIEW, AtlasTemplate
from .chart import ChartRow, draw_bar_chart
from .data import AtlasData, GoalPage
from .furniture import fill_legend, fit_scalebar, page_extent
from .layers import CONFLICT_COLOR, FONT_FAMILY, SUPPORT_COLOR, page_variables
from .map_style import style_xml
from .table import configure_table, look_of, table_contents
from .text import FITTED_TEXTS, shrink_to_fit


@dataclass(frozen=True)
class PageTexts:
    """Texts repeated on every page."""

    title: str
    municipality: str
    catalogue: str
    date: str
    credits: str
    goal_catalogues: dict = field(default_factory=dict)  # catalogue id → its text, when catalogues mix


@dataclass
class _PendingMap:
    """A page's map, added after every other item (see ``furniture.py``)."""

    index: int
    kind: str
    items: dict
    extent: QgsRectangle
    variables: dict[str, str]
    style_overrides: dict[str, str]


#: "Page 3 of 12" as QGIS counts a layout's pages (the layout that holds the whole atlas)
LAYOUT_PAGE_NUMBERS = ("[%@layout_page%]", "[%@layout_numpages%]")


@dataclass
class GoalSheet:
    """A built goal page's items by template id (its map under ``tl_map`` once
    :meth:`PageBuilder.finish` has run) and its table, for refilling (``printer.py``)."""

    items: dict
    table: QgsLayoutItemManualTable | None = None


@dataclass(frozen=True)
class LegendStandIns:
    """Feature-less layers the legends show in place of the layers the maps draw with style
    overrides (see ``map_style.pale_layer``)."""

    background: list  # per layer of AtlasData.layers: its pale stand-in
    overview: list  # per goal layer: its stand-in in the overview's colours by goal


class PageBuilder:
    """Adds the atlas pages to ``layout``; one instance per atlas."""

    def __init__(
        self,
        layout: QgsPrintLayout,
        template: AtlasTemplate,
        data: AtlasData,
        texts: PageTexts,
        goal_layers: list[QgsVectorLayer],
        stand_ins: LegendStandIns,
        page_numbers: tuple[str, str] = LAYOUT_PAGE_NUMBERS,
    ):
        self.layout = layout
        self.page_numbers = page_numbers  # expressions of the page's number and of the page count
        self.template = template
        self.data = data
        self.texts = texts
        self.goal_layers = goal_layers
        self.stand_ins = stand_ins
        self.background = [layer.layer for layer in data.layers]
        # the maps draw the same layers restyled: the land use pale, the goal layers by goal on the overview
        self.muted_styles = {
            layer.id(): style_xml(stand_in) for layer, stand_in in zip(self.background, stand_ins.background)
        }
        self.overview_styles = {
            layer.id(): style_xml(stand_in) for layer, stand_in in zip(goal_layers, stand_ins.overview)
        }
        width = template.page_size(GOAL)[0]
        self.type_scale = 1.2 if width > 290 and template.page_size(GOAL)[1] > 290 else 1.0
        self._table_xml_cache: dict[float, tuple[QDomDocument, QDomElement]] = {}
        self._pending: list[_PendingMap] = []
        self._next_page = 0  # the next page to fill (pages may be reserved in advance)
        self.goal_sheets: list[GoalSheet] = []  # per goal page added, in order

    # -- pages -----------------------------------------------------------------------
    def reserve_pages(self, kinds: list[str]) -> None:
        """Add the pages known in advance (overview, goal pages) while the layout is still empty.

        QGIS lays every page and item out again when a page is added, so a page added to a
        full layout costs several ms; continuation pages are inserted among these later.
        """
        for kind in kinds:
            self.layout.pageCollection().addPage(self._page_item(kind))
        self._next_page = 0

    def _page_item(self, kind: str) -> QgsLayoutItemPage:
        page = QgsLayoutItemPage(self.layout)
        width, height = self.template.page_size(kind)
        page.setPageSize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        return page

    def _new_page(self, kind: str) -> tuple[int, str, dict]:
        """A new page with the template's items except its map (added by :meth:`finish`)."""
        collection = self.layout.pageCollection()
        index = self._next_page
        if index >= collection.pageCount():
            collection.addPage(self._page_item(kind))
        elif kind == CONTINUATION:
            # before the reserved pages still to fill: they have no items yet to move along
            collection.insertPage(self._page_item(kind), index)
        self._next_page = index + 1
        kind = kind if self.template.has_page(kind) else GOAL
        items = self.template.instantiate(self.layout, kind, index, skip=("tl_map",))
        for item_id in ("tl_table", "tl_chart"):
            rect = self.template.placeholder_rect(self.layout, kind, index, item_id)
            if rect is not None:
                items[item_id] = rect  # an area, not an item
        return index, kind, items

    def _common(self, items: dict, catalogue_id: str = "") -> None:
        page_text = tr("Page {page} of {pages}").format(page=self.page_numbers[0], pages=self.page_numbers[1])
        for item_id, text in (
            ("tl_municipality", self.texts.municipality),
            ("tl_catalogue", self.texts.goal_catalogues.get(catalogue_id, self.texts.catalogue)),
            ("tl_date", self.texts.date),
            ("tl_credits", self.texts.credits),
            ("tl_page", page_text),
        ):
            item = items.get(item_id)
            if isinstance(item, QgsLayoutItemLabel):
                item.setText(text)

    def add_overview(self) -> None:
        index, kind, items = self._new_page(OVERVIEW)
        self._common(items)
        self._set_text(items, "tl_title", self.texts.title)
        goals = sum(1 for p in self.data.pages if p.rows)
        if len(self.texts.goal_catalogues) > 1:
            subtitle = tr("{count} goal catalogues · {goals} goals with linked areas").format(
                count=len(self.texts.goal_catalogues), goals=goals
            )
        else:
            subtitle = tr("{catalogue} · {goals} goals with linked areas").format(
                catalogue=self.texts.catalogue, goals=goals
            )
        self._set_text(items, "tl_subtitle", subtitle)
        self._prepare_map(index, kind, items, self.data.full_extent, {}, self.overview_styles, overview=True)
        rect = items.get("tl_chart")
        if rect is not None:
            rows = [
                ChartRow(p.code_label, p.area_ha_for(Stance.SUPPORTS.value), p.area_ha_for(Stance.CONFLICTS.value))
                for p in self.data.pages
            ]
            draw_bar_chart(
                self.layout,
                QRectF(rect.x(), rect.y(), rect.width(), rect.height()),
                rows,
                support_color=SUPPORT_COLOR,
                conflict_color=CONFLICT_COLOR,
                font_family=FONT_FAMILY,
                type_scale=self.type_scale,
            )

    def add_goal(self, page: GoalPage) -> int:
        """Add the goal's page (and continuation pages); returns the number of pages added."""
        index, kind, items = self._new_page(GOAL)
        sheet = GoalSheet(items)
        self.goal_sheets.append(sheet)
        self.fill_goal_texts(items, page)
        variables = page_variables(page, self.data)
        self._prepare_map(index, kind, items, self.goal_extent(page), variables, {}, overview=False)
        rect = items.get("tl_table")
        if rect is None:
            return 1
        added, sheet.table = self._add_table(page, rect)
        return 1 + added

    def fill_goal_texts(self, items: dict, page: GoalPage) -> None:
        """The goal page's texts: the goal, its figures and the texts every page repeats."""
        goal = page.goal
        catalogue = self.data.catalogues.get(goal.catalogue_id)
        self._common(items, goal.catalogue_id)
        self._set_text(items, "tl_goal_code", goal_label(goal, catalogue, title=False))
        self._set_text(items, "tl_goal_title", goal_title_text(goal))
        self._set_text(items, "tl_goal_description", goal_description_text(goal, catalogue))
        supports = page.count_for(Stance.SUPPORTS.value)
        conflicts = page.count_for(Stance.CONFLICTS.value)
        stats = tr("{n} linked areas · {ha} ha · {supports} support · {conflicts} conflict").format(
            n=len(page.rows), ha=format_ha(page.area_ha), supports=supports, conflicts=conflicts
        )
        self._set_text(items, "tl_goal_stats", stats)

    # -- items -----------------------------------------------------------------------
    @staticmethod
    def _set_text(items: dict, item_id: str, text: str) -> None:
        item = items.get(item_id)
        if isinstance(item, QgsLayoutItemLabel):
            item.setText(text)
            if item_id in FITTED_TEXTS:
                shrink_to_fit(item, text)

    def goal_extent(self, page: GoalPage) -> QgsRectangle:
        """What the goal page's map must show: the goal's areas with a margin, at least a quarter of the whole."""
        full = self.data.full_extent
        if page.extent is None or page.extent.isNull():
            return QgsRectangle(full)
        extent = QgsRectangle(page.extent)
        # never closer than a quarter of the municipality, so a single small area keeps its context
        minimum = max(full.width(), full.height()) / 4.0
        centre = extent.center()
        width = max(extent.width() * 1.15, minimum)
        height = max(extent.height() * 1.15, minimum)
        return QgsRectangle(
            centre.x() - width / 2, centre.y() - height / 2, centre.x() + width / 2, centre.y() + height / 2
        )

    def _prepare_map(
        self,
        index: int,
        kind: str,
        items: dict,
        extent: QgsRectangle,
        variables: dict[str, str],
        styles: dict[str, str],
        *,
        overview: bool,
    ) -> None:
        """Fill the page's scale bar and legend for its map-to-be (see ``furniture.py``)."""
        rect = self.template.placeholder_rect(self.layout, kind, index, "tl_map")
        if rect is None:
            return
        shown = page_extent(extent, rect, self.data.crs)
        # the land use in pale colours, so the linked areas stand out; the legend follows
        overrides = {**self.muted_styles, **styles}
        scalebar = items.get("tl_scalebar")
        if isinstance(scalebar, QgsLayoutItemScaleBar):
            fit_scalebar(scalebar, shown, rect.width())
        legend = items.get("tl_legend")
        if isinstance(legend, QgsLayoutItemLegend):
            if overview:
                entries = [(layer, "") for layer in self.stand_ins.overview]
            else:
                entries = [(layer, tr("Linked to this goal")) for layer in self.goal_layers]
                entries += [(pale, layer.name()) for layer, pale in zip(self.background, self.stand_ins.background)]
            fill_legend(legend, entries, overview=overview, goal_count=len(self.data.pages))
        self._pending.append(_PendingMap(index, kind, items, shown, variables, overrides))

    def finish(self) -> None:
        """Add every page's map and link its scale bar, north arrow and legend to it."""
        for number, pending in enumerate(self._pending):
            added = self.template.instantiate(self.layout, pending.kind, pending.index, only=("tl_map",))
            map_item = added.get("tl_map")
            if not isinstance(map_item, QgsLayoutItemMap):
                continue
            pending.items["tl_map"] = map_item
            if number == 0:
                # the first page's map georeferences the PDF; named, QGIS needn't look for the
                # largest map among all items every time it measures one (scale bars, tables)
                self.layout.setReferenceMap(map_item)
            items = pending.items
            self._restack(map_item, pending.kind, items)
            self._setup_map(map_item, pending)
            scalebar = items.get("tl_scalebar")
            if isinstance(scalebar, QgsLayoutItemScaleBar):
                scalebar.setLinkedMap(map_item)
                scalebar.update()
            north = items.get("tl_north")
            if isinstance(north, QgsLayoutItemPicture):
                north.setLinkedMap(map_item)
            legend = items.get("tl_legend")
            if isinstance(legend, QgsLayoutItemLegend):
                legend.setLinkedMap(map_item)
                legend.updateLegend()
        if self._pending:
            # QGIS re-reads the stacking order of all items when one is added: let it see the maps'
            # (its list feeds the designer's Items panel and its raise/lower)
            marker = QgsLayoutItemShape(self.layout)
            self.layout.addLayoutItem(marker)
            self.layout.removeLayoutItem(marker)
        self._pending.clear()

    def _restack(self, map_item: QgsLayoutItemMap, kind: str, items: dict) -> None:
        """Put a map added after its page's other items back at its place in the template's
        stacking order (under the scale bar, north arrow and legend drawn on it)."""
        map_z = self.template.z_value(kind, "tl_map")
        if map_z is None:
            return
        for item_id, item in items.items():
            template_z = self.template.z_value(kind, item_id) if isinstance(item, QgsLayoutItem) else None
            if template_z is not None:
                # QGIS pasted the page's items at their template order plus one offset
                map_item.setZValue(map_z + item.zValue() - template_z)
                return

    def _setup_map(self, map_item: QgsLayoutItemMap, pending: _PendingMap) -> None:
        map_item.setCrs(self.data.crs)
        map_item.setLayers(list(self.goal_layers) + self.background)
        map_item.setKeepLayerSet(True)
        map_item.setLayerStyleOverrides(pending.style_overrides)
        map_item.setKeepLayerStyles(True)
        # already at the item's aspect and a round scale: the item keeps its size
        map_item.setExtent(pending.extent)
        # the page's linked areas per stance: the goal layers' rules read them (saved with the layout)
        QgsExpressionContextUtils.setLayoutItemVariables(map_item, pending.variables)

    # -- table -----------------------------------------------------------------------
    def _add_table(self, page: GoalPage, rect: QRectF) -> tuple[int, QgsLayoutItemManualTable | None]:
        """The table of linked areas (a note when there are none); returns the continuation pages added."""
        if not page.rows:
            note = QgsLayoutItemLabel(self.layout)
            note.setText(tr("No areas are linked to this goal."))
            font = QFont(FONT_FAMILY)
            font.setPointSizeF(8.0 * self.type_scale)
            font.setItalic(True)
            set_label_style(note, font, QColor(96, 103, 112))
            self.layout.addLayoutItem(note)
            note.attemptSetSceneRect(QRectF(rect.x(), rect.y(), rect.width(), 8.0 * self.type_scale))
            return 0, None
        contents = table_contents(page.rows)
        # every setter lays a table out again (several ms each): configure one table per
        # width, then give each page's table all its settings at once from that XML
        table = QgsLayoutItemManualTable.create(self.layout)
        width = round(rect.width(), 3)
        cached = self._table_xml_cache.get(width)
        if cached is None:
            configure_table(table, rect.width(), self.type_scale)
            self._table_xml_cache[width] = look_of(table)
        else:
            doc, element = cached
            table.readXml(element, doc, QgsReadWriteContext())
        table.setTableContents(contents)
        self.layout.addMultiFrame(table)
        self._add_frame(table, rect)  # addFrame lays the frames out
        added = 0
        # Flow onto continuation pages while the last frame ends before the table does
        # (rows never split; QGIS lays the rows out, we only add frames).
        while page.rows:
            last = table.frames()[-1]
            if last.extent().bottom() >= table.totalSize().height() - 0.01:
                break
            index, _, items = self._new_page(CONTINUATION)
            self._common(items, page.goal.catalogue_id)
            self._set_text(
                items,
                "tl_goal_title",
                tr("{code} {title} (continued)").format(code=page.code_label, title=goal_title_text(page.goal)),
            )
            self._add_frame(table, items.get("tl_table") or self._content_rect(index))
            added += 1
            if added > 500:  # a runaway guard: a frame too small for a single row
                break
        return added, table

    def _add_frame(self, table: QgsLayoutItemManualTable, rect: QRectF) -> QgsLayoutFrame:
        frame = QgsLayoutFrame(self.layout, table)
        frame.attemptSetSceneRect(QRectF(rect))
        frame.setHideBackgroundIfEmpty(True)
        table.addFrame(frame)
        return frame

    def _content_rect(self, index: int) -> QRectF:
        page = self.layout.pageCollection().page(index)
        pos = page.pos()
        width, height = page.rect().width(), page.rect().height()
        return QRectF(pos.x() + 15, pos.y() + 30, width - 30, height - 50)
