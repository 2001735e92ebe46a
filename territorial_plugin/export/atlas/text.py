"""Texts of unknown length in fixed template boxes: set in smaller type rather than cut off.

A template sizes the goal title and description boxes for usual texts; an Agenda 2030
target's title runs to three lines and QGIS clips what does not fit its box. Such a
text gets smaller type, down to :data:`SMALLEST` of the template's size.
"""

from __future__ import annotations

from qgis.core import QgsLayoutItemLabel
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF, QImage

from ...compat import set_label_style

#: label ids whose text varies in length from goal to goal
FITTED_TEXTS = ("tl_goal_title", "tl_goal_description")
SMALLEST = 0.6
_UNITS_PER_MM = 720.0 / 25.4


def label_font(label: QgsLayoutItemLabel) -> tuple[QFont, QColor]:
    """The label's font (size in points) and colour, on QGIS 3.22 and later."""
    if hasattr(label, "textFormat"):  # QGIS 3.24 and later
        text_format = label.textFormat()
        font = QFont(text_format.font())
        font.setPointSizeF(text_format.size())
        return font, text_format.color()
    return QFont(label.font()), label.fontColor()


def text_height_mm(text: str, font: QFont, width_mm: float) -> float:
    """Height of ``text`` wrapped at word boundaries to ``width_mm``, as a layout label draws it."""
    # measured on a 720 dpi device (one unit is a tenth of a point): at low resolutions
    # hinting rounds every glyph's advance up and the text wraps too early
    device = QImage(1, 1, QImage.Format.Format_ARGB32)
    dots_per_metre = round(_UNITS_PER_MM * 1000.0)
    device.setDotsPerMeterX(dots_per_metre)
    device.setDotsPerMeterY(dots_per_metre)
    metrics = QFontMetricsF(font, device)
    box = QRectF(0.0, 0.0, width_mm * _UNITS_PER_MM, 1.0e7)
    return metrics.boundingRect(box, int(Qt.TextFlag.TextWordWrap), text).height() / _UNITS_PER_MM


def fit_scale(text: str, font: QFont, width_mm: float, height_mm: float) -> float:
    """The largest scale of ``font`` (1.0 down to :data:`SMALLEST`, in steps of 0.05) at which
    ``text`` wrapped to ``width_mm`` fits ``height_mm``; :data:`SMALLEST` when none does."""
    size = font.pointSizeF()
    if not text or size <= 0 or width_mm <= 0 or height_mm <= 0:
        return 1.0
    scale = 1.0
    while scale > SMALLEST + 1e-9:
        trial = QFont(font)
        trial.setPointSizeF(size * scale)
        if text_height_mm(text, trial, width_mm) <= height_mm:
            return scale
        scale -= 0.05
    return SMALLEST


def shrink_to_fit(label: QgsLayoutItemLabel, text: str) -> float:
    """Smaller type for ``text`` when it does not fit the label's box; returns the scale used."""
    font, color = label_font(label)
    rect = label.rect()  # layout units: mm
    width = rect.width() - 2.0 * label.marginX()
    height = rect.height() - 2.0 * label.marginY()
    scale = fit_scale(text, font, width, height)
    if scale < 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
        set_label_style(label, font, color)
    return scale
