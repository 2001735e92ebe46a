"""The side column of a regional atlas page, which flows onto continuation pages.

Beside the map there is room for a legend, the table organisation × (areas, ha,
supports, conflicts) and the list of conflict pairs; a county of fifteen
municipalities fills it. :class:`SideColumn` places blocks one below the other,
and when the next one does not fit it goes on in a new column: continuation
pages added to the same layout, titled "… (continued)", with two columns each.
A table is split between whole rows (each part with its header), a text between
whole lines, so nothing is ever cut at the page's edge.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from qgis.core import (
    QgsLayout,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutItemPage,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsTableCell,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFont

from ...compat import set_label_style
from ..atlas.layers import CONFLICT_COLOR, FONT_FAMILY, INK, SUPPORT_COLOR
from ..atlas.table import apply_table_look

MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
PAGE = (297.0, 210.0)  # A4 landscape, mm
SIDE_X, SIDE_W = 188.0, 99.0
#: the columns of a continuation page (x, mm) and the content's top and bottom on every page
CONTINUATION_X = (10.0, 10.0 + SIDE_W + 12.0)
TOP, BOTTOM = 30.0, 200.0
#: the tables' type and a row's height estimate (mm); a part's frame is grown until its rows fit
TABLE_SIZE, ROW_H, HEADER_H = 7.0, 3.8, 4.4


def label(layout: QgsLayout, text: str, x, y, w, h, size: float, bold: bool = False, page: int = 0):
    """A text label at (``x``, ``y``) mm of page ``page``, set ragged right."""
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    # a layout label justifies by default: wide gaps between the words of a wrapped list line
    item.setHAlign(Qt.AlignmentFlag.AlignLeft)
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(size)
    font.setBold(bold)
    set_label_style(item, font, INK)
    item.setMarginX(0.0)
    item.setMarginY(0.0)
    layout.addLayoutItem(item)
    item.attemptMove(QgsLayoutPoint(x, y, MM), page=page)
    item.attemptResize(QgsLayoutSize(w, h, MM))
    return item


def text_height(text: str, size: float, width: float, bold: bool = False) -> float:
    """The height (mm) ``text`` takes when wrapped into ``width`` mm, line by line."""
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(size)
    font.setBold(bold)
    line = QgsLayoutUtils.fontHeightMM(font) * 1.2
    # words wrap before the edge: count a line as a little narrower than the column
    return (
        sum(max(1, math.ceil(QgsLayoutUtils.textWidthMM(font, part) / (width * 0.9))) for part in text.split("\n"))
        * line
    )


class SideColumn:
    """A cursor down the side column of page 0, then down the columns of continuation pages.

    ``continued(page)`` titles a continuation page when it is added."""

    def __init__(self, layout: QgsLayout, y: float, continued: Callable[[int], None]):
        self.layout = layout
        self.continued = continued
        self.page = 0
        self.column = 0
        self.y = y

    @property
    def x(self) -> float:
        return SIDE_X if self.page == 0 else CONTINUATION_X[self.column]

    @property
    def room(self) -> float:
        return BOTTOM - self.y

    @property
    def pages(self) -> int:
        return self.page + 1

    def next_column(self) -> None:
        if self.page > 0 and self.column + 1 < len(CONTINUATION_X):
            self.column += 1
        else:
            page = QgsLayoutItemPage(self.layout)
            page.setPageSize(QgsLayoutSize(PAGE[0], PAGE[1], MM))
            self.layout.pageCollection().addPage(page)
            self.page, self.column = self.layout.pageCollection().pageCount() - 1, 0
            self.continued(self.page)
        self.y = TOP

    def skip(self, height: float) -> None:
        self.y += height

    def text(self, text: str, size: float, bold: bool = False, *, keep: float = 0.0, gap: float = 1.0) -> None:
        """A label at the cursor, whole; in the next column when it (and ``keep`` mm after it) does not fit."""
        height = text_height(text, size, SIDE_W, bold) + 0.5
        if height + keep > self.room and self.y > TOP:
            self.next_column()
        label(self.layout, text, self.x, self.y, SIDE_W, height, size, bold, self.page)
        self.y += height + gap

    def lines(self, lines: Sequence[str], size: float) -> None:
        """Lines of one text, as many per column as fit, never a line split between columns."""
        rest = list(lines)
        while rest:
            heights = [text_height(line, size, SIDE_W) for line in rest]
            count, used = 0, 0.0
            while count < len(rest) and used + heights[count] <= self.room:
                used += heights[count]
                count += 1
            if count == 0:
                if self.y == TOP:  # a line taller than a whole column: place it anyway
                    count, used = 1, heights[0]
                else:
                    self.next_column()
                    continue
            label(self.layout, "\n".join(rest[:count]), self.x, self.y, SIDE_W, used + 0.5, size, False, self.page)
            self.y += used + 1.0
            rest = rest[count:]
            if rest:
                self.next_column()

    def table(self, caption: str, headers: Sequence[str], rows: Sequence[list], fractions: Sequence[float]) -> None:
        """``caption`` and a table of ``rows`` (columns 3 and 4: supports, conflicts, coloured when not 0),
        split between whole rows into parts, each with its header, as many columns as it takes."""
        self.text(caption, 8.5, True, keep=HEADER_H + ROW_H)
        widths = [SIDE_W * f - 2.0 for f in fractions]
        rest = list(rows)
        while True:
            if rest and self.room < HEADER_H + ROW_H and self.y > TOP:
                self.next_column()
                continue
            placed, height = self._table_part(headers, widths, rest)
            self.y += height + 1.0
            rest = rest[placed:]
            if not rest:
                return
            self.next_column()

    def _table_part(self, headers, widths, rows: Sequence[list]) -> tuple[int, float]:
        """As many of ``rows`` as fit below the cursor, as one table; (rows placed, its height in mm).

        The frame starts at an estimate and grows until QGIS lays out every row in it (a
        table needing more than its one frame says so in its total height); rows that do
        not fit in the column are taken off the end and go to the next part."""
        count = min(len(rows), max(1, int((self.room - HEADER_H) // ROW_H)))
        table = _manual_table(self.layout, headers, widths, rows[:count])
        frame = QgsLayoutFrame(self.layout, table)
        frame.attemptMove(QgsLayoutPoint(self.x, self.y, MM), page=self.page)
        table.addFrame(frame)
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
        limit = max(self.room, HEADER_H + ROW_H)
        while True:
            height = HEADER_H + ROW_H * count
            frame.attemptResize(QgsLayoutSize(SIDE_W, height, MM))
            while table.totalSize().height() > height + 0.01 and height <= limit:
                height += 0.25
                frame.attemptResize(QgsLayoutSize(SIDE_W, height, MM))
            if height <= limit or count == 1:
                return count, height
            count -= 1
            table.setTableContents(_cells(rows[:count]))


def _manual_table(layout: QgsLayout, headers: Sequence[str], widths: Sequence[float], rows: Sequence[list]):
    """A table with the atlas's table look (``atlas.table.apply_table_look``) and ``rows``."""
    table = QgsLayoutItemManualTable.create(layout)
    apply_table_look(table, headers, widths, TABLE_SIZE)
    table.setTableContents(_cells(rows))
    layout.addMultiFrame(table)
    return table


def _cells(rows: Sequence[list]) -> list[list[QgsTableCell]]:
    contents = []
    for row in rows:
        cells = [QgsTableCell(str(value)) for value in row]
        if row[3]:
            cells[3].setForegroundColor(SUPPORT_COLOR)
        if row[4]:
            cells[4].setForegroundColor(CONFLICT_COLOR)
        contents.append(cells)
    return contents
