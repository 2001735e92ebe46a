"""The table of linked areas on a goal page: its look, configured once, and its rows.

Every setter of a QGIS layout table lays the table out again (several ms each), so
the look is set setter by setter on the first page's table of each width
(:func:`configure_table`) and kept as XML (:func:`look_of`); every later page's
table reads it in one go and then gets its rows (:func:`table_contents`).
"""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import (
    QgsLayoutItemManualTable,
    QgsLayoutMultiFrame,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsReadWriteContext,
    QgsTableCell,
)
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument, QDomElement

from ...core.i18n import tr
from ...core.labels import format_ha, stance_label
from ...core.model import Stance
from .data import AreaRow
from .layers import CONFLICT_COLOR, INK, NEUTRAL_COLOR, SUPPORT_COLOR, text_format

#: what an empty cell shows (never "NULL")
EMPTY = "–"


def configure_table(table: QgsLayoutItemManualTable, width: float, type_scale: float = 1.0) -> None:
    """Give ``table`` (``width`` mm wide) the look of the atlas's tables, setter by setter."""
    # key, name, stance, strength, ha, motivation (the rest of the width)
    fixed = [0.10, 0.18, 0.155, 0.075, 0.09]  # stance wide enough for "Ställningstagande"
    widths = [width * f for f in fixed]
    widths.append(max(width - sum(widths) - 6 * 2.0 - 1.0, 20.0))
    headers = [tr("Area id"), tr("Name"), tr("Stance"), tr("Strength"), tr("Area (ha)"), tr("Motivation")]
    apply_table_look(table, headers, widths, 7.0 * type_scale)
    table.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.ShowMessage)
    table.setEmptyTableMessage(tr("No areas are linked to this goal."))
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)


def apply_table_look(table: QgsLayoutItemManualTable, headers: Sequence[str], widths: Sequence[float], size: float):
    """The plugin's table look (headers on every frame, wrapped text, banded rows), setter by setter."""
    columns = []
    for heading, column_width in zip(headers, widths):
        column = QgsLayoutTableColumn(heading)
        column.setWidth(column_width)
        columns.append(column)
    table.setHeaders(columns)
    table.setColumnWidths(widths)
    table.setIncludeTableHeader(True)
    table.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames)
    table.setContentTextFormat(text_format(size))
    table.setHeaderTextFormat(text_format(size, bold=True, color=QColor(255, 255, 255)))
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setCellMargin(1.0)
    table.setShowGrid(True)
    table.setHorizontalGrid(True)
    table.setVerticalGrid(False)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor(205, 210, 215))
    header_style = QgsLayoutTableStyle()
    header_style.enabled = True
    header_style.cellBackgroundColor = QColor(0, 84, 128)
    table.setCellStyle(QgsLayoutTable.CellStyleGroup.HeaderRow, header_style)
    odd = QgsLayoutTableStyle()
    odd.enabled = True
    odd.cellBackgroundColor = QColor(244, 246, 248)
    table.setCellStyle(QgsLayoutTable.CellStyleGroup.EvenRows, odd)


def look_of(table: QgsLayoutItemManualTable) -> tuple[QDomDocument, QDomElement]:
    """The settings of a configured ``table`` as ``LayoutMultiFrame`` XML for other tables to read.

    Taken from the first page's real table, before it has rows or frames: no table
    is made only to be thrown away (a deleted scratch table's address, reused by
    the next table while Python still held the old wrapper, made that next table
    look deleted now and then — seen in the export task's thread).
    """
    doc = QDomDocument()
    parent = doc.createElement("Tables")
    doc.appendChild(parent)
    table.writeXml(parent, doc, QgsReadWriteContext())
    element = parent.firstChildElement("LayoutMultiFrame")
    element.removeAttribute("uuid")  # each page's table gets its own
    for name in ("childFrame", "contents"):  # no frames or rows of the first page
        child = element.firstChildElement(name)
        while not child.isNull():
            following = child.nextSiblingElement(name)
            element.removeChild(child)
            child = following
    return doc, element


def motivation_text(row: AreaRow) -> str:
    """The motivation, with "(regel: <name>)" after it for a rule-made link."""
    if not row.rule:
        return row.motivation
    rule = tr("(rule: {name})").format(name=row.rule)
    return f"{row.motivation} {rule}" if row.motivation else rule


def table_contents(rows: Sequence[AreaRow]) -> list[list[QgsTableCell]]:
    """One row per linked area: key, name, stance (in its colour), strength, ha, motivation.

    A link a rule made says so after its motivation, so the reader can tell the plan's
    reasoning from a planner's judgement.
    """
    colors = {
        Stance.SUPPORTS.value: SUPPORT_COLOR,
        Stance.CONFLICTS.value: CONFLICT_COLOR,
        Stance.NEUTRAL.value: NEUTRAL_COLOR,
    }
    contents = []
    for row in rows:
        stance = QgsTableCell(stance_label(row.stance))
        stance.setForegroundColor(colors.get(row.stance, INK))
        contents.append(
            [
                QgsTableCell(row.feature_key),
                QgsTableCell(row.name or EMPTY),
                stance,
                QgsTableCell(str(row.strength)),
                QgsTableCell(format_ha(row.area_ha)),
                QgsTableCell(motivation_text(row)),
            ]
        )
    return contents
