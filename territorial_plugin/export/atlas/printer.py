"""Printing the goal atlas page by page, as QGIS prints its own atlas.

An export needs no layout holding every page (that one is for the project and the
layout designer: ``Atlas.layout``). The overview is a layout of its own, and one goal
page is filled again for each goal whose table fits on it, so its items are made once
instead of once per goal: QGIS 3.22 pays ~1–3 ms to make a label, scale bar or north
arrow, and more the fuller the layout is. A goal whose table continues onto further
pages, or that has no linked areas, gets a layout of its own from the same page
builder. The pages are the same as the full layout's: the same builder fills them,
and ``test_atlas_print.py`` compares the two.

Page numbers run across the layouts through the layout variables ``tl_page_offset``
(pages before this layout) and ``tl_page_total``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qgis.core import (
    QgsExpressionContextUtils,
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsPrintLayout,
)

from ...compat import set_label_style
from ...core.errors import CancelledError
from ...core.i18n import tr
from ..templates import GOAL, OVERVIEW
from .data import GoalPage
from .furniture import fit_scalebar, page_extent
from .layers import page_variables
from .pages import GoalSheet, PageBuilder
from .table import table_contents
from .text import FITTED_TEXTS, label_font

#: the page number and count of a page printed from one of several layouts
SEQUENCE_PAGE_NUMBERS = ("[%@layout_page + to_int(@tl_page_offset)%]", "[%@tl_page_total%]")


@dataclass
class _Sheet:
    """A layout to print: as built (``goal`` None) or the shared goal page refilled with ``goal``."""

    layout: QgsPrintLayout
    pages: int
    goal: GoalPage | None = None


class _SharedGoalPage:
    """One goal page, refilled for each goal whose table fits on it."""

    def __init__(self, builder: PageBuilder, sheet: GoalSheet):
        self.builder = builder
        self.layout = builder.layout
        self.items = sheet.items
        self.table: QgsLayoutItemManualTable = sheet.table
        # the fitted texts' type as the template sets it: a long text of one goal set it smaller
        self.fonts = {
            item_id: label_font(label)
            for item_id in FITTED_TEXTS
            if isinstance(label := self.items.get(item_id), QgsLayoutItemLabel)
        }
        self.filled: GoalPage | None = None

    def fits(self, page: GoalPage) -> bool:
        """Whether ``page``'s table fits in the page's one table frame (rows never split)."""
        if self.table is None:  # a template without a table
            return True
        if not page.rows:  # a note in place of the table: a page of its own
            return False
        self._set_rows(page)
        frames = self.table.frames()
        return len(frames) == 1 and frames[0].extent().bottom() >= self.table.totalSize().height() - 0.01

    def _set_rows(self, page: GoalPage) -> None:
        if self.table is not None and self.filled is not page:
            self.table.setTableContents(table_contents(page.rows))
            self.filled = page

    def fill(self, page: GoalPage) -> None:
        """The goal's texts, map view, scale bar and table, as :meth:`PageBuilder.add_goal` sets them."""
        for item_id, (font, color) in self.fonts.items():
            label = self.items[item_id]
            if label_font(label)[0].pointSizeF() != font.pointSizeF():
                set_label_style(label, font, color)
        self.builder.fill_goal_texts(self.items, page)
        map_item = self.items.get("tl_map")
        if isinstance(map_item, QgsLayoutItemMap):
            rect = self.builder.template.placeholder_rect(self.layout, GOAL, 0, "tl_map")
            shown = page_extent(self.builder.goal_extent(page), rect, self.builder.data.crs)
            scalebar = self.items.get("tl_scalebar")
            if isinstance(scalebar, QgsLayoutItemScaleBar):
                fit_scalebar(scalebar, shown, rect.width())
            map_item.setExtent(shown)
            QgsExpressionContextUtils.setLayoutItemVariables(map_item, page_variables(page, self.builder.data))
        self._set_rows(page)


class AtlasPrinter:
    """The atlas's pages as a sequence of layouts to print (see the module docstring).

    ``atlas`` is an ``atlas.Atlas`` (not imported: it imports this module).
    """

    def __init__(self, atlas):
        self.atlas = atlas
        self.sheets: list[_Sheet] | None = None
        self._shared: _SharedGoalPage | None = None

    @property
    def page_count(self) -> int:
        self.prepare()
        return sum(sheet.pages for sheet in self.sheets)

    def _builder(self) -> PageBuilder:
        return self.atlas.page_builder(self.atlas.new_layout(), SEQUENCE_PAGE_NUMBERS)

    def prepare(self, feedback=None) -> None:
        """Build the overview and the goal layouts, and count every layout's pages."""
        if self.sheets is not None:
            return
        sheets: list[_Sheet] = []
        if self.atlas.include_overview:
            builder = self._builder()
            builder.reserve_pages([OVERVIEW])
            builder.add_overview()
            builder.finish()
            sheets.append(_Sheet(builder.layout, 1))
        for page in self.atlas.data.pages:
            if feedback is not None and feedback.isCanceled():
                raise CancelledError(tr("The export was cancelled; no file was written."))
            if self._shared is not None and self._shared.fits(page):
                sheets.append(_Sheet(self._shared.layout, 1, page))
                continue
            builder = self._builder()
            builder.reserve_pages([GOAL])
            count = builder.add_goal(page)
            builder.finish()
            sheet = builder.goal_sheets[0]
            if self._shared is None and count == 1 and (sheet.table is not None or "tl_table" not in sheet.items):
                # the first goal page that fits: it becomes the page every later goal refills
                self._shared = _SharedGoalPage(builder, sheet)
                self._shared.filled = page
                sheets.append(_Sheet(builder.layout, 1, page))
            else:
                sheets.append(_Sheet(builder.layout, count))
        self.sheets = sheets

    def first_pages(self) -> dict[str, int]:
        """Goal id → the number of the goal's first page in the printed atlas (links into the PDF)."""
        self.prepare()
        skip = 1 if self.atlas.include_overview else 0
        number = 1 + sum(sheet.pages for sheet in self.sheets[:skip])
        pages = {}
        for goal_page, sheet in zip(self.atlas.data.pages, self.sheets[skip:]):
            pages[goal_page.goal.id] = number
            number += sheet.pages
        return pages

    def steps(self) -> list[Callable[[], QgsPrintLayout]]:
        """One step per sheet: readies its layout (refilled, page numbers set) and returns it."""
        self.prepare()
        total = sum(sheet.pages for sheet in self.sheets)
        steps = []
        offset = 0
        for sheet in self.sheets:
            steps.append(lambda sheet=sheet, offset=offset: self._ready(sheet, offset, total))
            offset += sheet.pages
        return steps

    def _ready(self, sheet: _Sheet, offset: int, total: int) -> QgsPrintLayout:
        if sheet.goal is not None:
            self._shared.fill(sheet.goal)
        QgsExpressionContextUtils.setLayoutVariable(sheet.layout, "tl_page_offset", offset)
        QgsExpressionContextUtils.setLayoutVariable(sheet.layout, "tl_page_total", total)
        return sheet.layout
