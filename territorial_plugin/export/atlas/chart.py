"""A vector bar chart drawn with layout items: linked area per goal, supports and conflicts apart.

Built from rectangles, lines and labels (not a raster), so it stays sharp in the
PDF, its texts are searchable, and a user can restyle it in the layout designer;
the items are grouped under the id ``tl_chart``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from qgis.core import (
    QgsFillSymbol,
    QgsLayout,
    QgsLayoutItemLabel,
    QgsLayoutItemShape,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ...compat import set_label_style
from ...core.i18n import tr
from ...core.labels import format_ha


@dataclass(frozen=True)
class ChartRow:
    code: str
    supports_ha: float
    conflicts_ha: float


def nice_step(maximum: float, ticks: int = 4) -> float:
    """A round tick step (1, 2, 2.5 or 5 × 10ⁿ) so that about ``ticks`` steps cover ``maximum``."""
    if maximum <= 0:
        return 1.0
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power


def nice_floor(value: float) -> float:
    """The largest 1, 2, 2.5 or 5 × 10ⁿ not above ``value``."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for factor in (5, 2.5, 2, 1):
        if factor * power <= value * 1.0001:
            return factor * power
    return power


def _tick_text(value: float) -> str:
    # axis ticks are round numbers: no decimals unless the step needs them
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u00a0").replace(".", ",")


class _Painter:
    def __init__(self, layout: QgsLayout, font_family: str, scale: float):
        self.layout = layout
        self.font_family = font_family
        self.scale = scale
        self.items = []

    def rect(self, x: float, y: float, w: float, h: float, color: QColor, outline: QColor | None = None):
        shape = QgsLayoutItemShape(self.layout)
        shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
        props = {"color": f"{color.red()},{color.green()},{color.blue()},{color.alpha()}"}
        if outline is None:
            props["outline_style"] = "no"
        else:
            props.update({"outline_color": outline.name(), "outline_width": "0.15"})
        shape.setSymbol(QgsFillSymbol.createSimple(props))
        self._place(shape, x, y, max(w, 0.01), max(h, 0.01))
        return shape

    def text(self, x, y, w, h, value: str, size: float, *, align=Qt.AlignmentFlag.AlignLeft, bold=False, color=None):
        label = QgsLayoutItemLabel(self.layout)
        label.setText(value)
        font = QFont(self.font_family)
        font.setPointSizeF(size * self.scale)
        font.setBold(bold)
        set_label_style(label, font, color or QColor(33, 37, 41))
        label.setHAlign(align)
        label.setVAlign(Qt.AlignmentFlag.AlignVCenter)
        label.setMarginX(0)
        label.setMarginY(0)
        self._place(label, x, y, w, h)
        return label

    def _place(self, item, x, y, w, h):
        self.layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters), useReferencePoint=False)
        item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        self.items.append(item)


def draw_bar_chart(
    layout: QgsLayout,
    area: QRectF,
    rows: Sequence[ChartRow],
    *,
    support_color: QColor,
    conflict_color: QColor,
    font_family: str = "DejaVu Sans",
    type_scale: float = 1.0,
):
    """Draw the chart into ``area`` (layout mm, absolute); returns the item group."""
    paint = _Painter(layout, font_family, type_scale)
    x0, y0, width, height = area.x(), area.y(), area.width(), area.height()
    title_h = 6.0 * type_scale
    paint.text(x0, y0, width * 0.6, title_h, tr("Linked area per goal (ha)"), 9, bold=True)
    # legend swatches, right-aligned on the title line
    swatch = 3.0 * type_scale
    legend_w = 26.0 * type_scale
    lx = x0 + width - 2 * legend_w
    for color, text in ((support_color, tr("Supports")), (conflict_color, tr("Conflicts"))):
        paint.rect(lx, y0 + (title_h - swatch) / 2, swatch, swatch, color)
        paint.text(lx + swatch + 1.2, y0, legend_w - swatch - 1.5, title_h, text, 7.5)
        lx += legend_w

    longest = max((len(r.code) for r in rows), default=2)
    code_w = min(max(8.0, 1.75 * longest) * type_scale, width * 0.3)
    value_w = 17.0 * type_scale
    axis_h = 5.0 * type_scale
    plot_x = x0 + code_w + 1.5
    plot_w = max(width - code_w - 1.5 - value_w, 10.0)
    plot_y = y0 + title_h + 2.0
    plot_h = max(height - title_h - 2.0 - axis_h, 5.0)
    if not rows:
        paint.text(x0, plot_y, width, plot_h, tr("No linked areas."), 8, align=Qt.AlignmentFlag.AlignHCenter)
        return _group(layout, paint.items)

    maximum = max(max(r.supports_ha, r.conflicts_ha) for r in rows)
    step = nice_step(maximum)
    top = step * math.ceil(maximum / step) if maximum > 0 else step
    band = plot_h / len(rows)
    bar_h = min(band * 0.36, 3.2 * type_scale)
    font = max(min(band / 0.55, 7.5), 4.5)  # points; shrinks with many goals
    grid = QColor(215, 219, 224)
    ticks = round(top / step)
    for tick in range(ticks + 1):
        tx = plot_x + plot_w * tick / ticks
        paint.rect(tx, plot_y, 0.12, plot_h, grid)
        paint.text(
            tx - 8, plot_y + plot_h + 0.8, 16, axis_h - 1, _tick_text(tick * step), 6.5,
            align=Qt.AlignmentFlag.AlignHCenter, color=QColor(96, 103, 112),
        )  # fmt: skip
    for index, row in enumerate(rows):
        by = plot_y + band * index
        paint.text(x0, by, code_w, band, row.code, font, bold=True, align=Qt.AlignmentFlag.AlignRight)
        centre = by + band / 2
        for offset, value, color in (
            (-bar_h - 0.15, row.supports_ha, support_color),
            (0.15, row.conflicts_ha, conflict_color),
        ):
            bar_w = plot_w * value / top if top else 0
            if value > 0:
                paint.rect(plot_x, centre + offset, bar_w, bar_h, color)
                paint.text(
                    plot_x + bar_w + 0.8, centre + offset - 0.6, value_w, bar_h + 1.2, format_ha(value),
                    max(font - 1.0, 4.0), color=QColor(60, 64, 70),
                )  # fmt: skip
    paint.rect(plot_x, plot_y, 0.25, plot_h, QColor(120, 126, 133))
    return _group(layout, paint.items)


def _group(layout: QgsLayout, items):
    group = layout.groupItems(items)
    if group is not None:
        group.setId("tl_chart")
    return group
