"""Map furniture of the atlas pages: each map's extent, its scale bar and its legend.

Everything here is prepared *before* the page's map exists: QGIS measures a scale
bar, legend or table with the layout's reference map (its expression context, its
CRS), so every setter on such an item costs far more once maps are in the layout.
The page builder therefore fills these items first and adds the maps at the end,
linking the furniture to them (``atlas_pages.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayerTreeLayer,
    QgsLayoutItemLegend,
    QgsLayoutItemScaleBar,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsScaleCalculator,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF

from ...compat import legend_style_font, set_legend_style_font
from .chart import nice_floor
from .map_style import fit_aspect, nice_scale, wrap_legend_labels


def page_extent(extent: QgsRectangle, rect: QRectF, crs: QgsCoordinateReferenceSystem) -> QgsRectangle:
    """``extent`` grown to the map item's aspect and to a round scale, as the map will show it.

    The same as ``setExtent(fit_aspect(...))`` then ``setScale(nice_scale(scale()))`` on the
    item (QGIS measures a layout map's scale at 25.4 dpi over its width in mm), computed
    without the item.
    """
    fitted = fit_aspect(extent, rect)
    calculator = QgsScaleCalculator()
    calculator.setMapUnits(crs.mapUnits())
    calculator.setDpi(25.4)  # layout units are mm
    scale = calculator.calculate(fitted, rect.width())
    if scale <= 0:
        return fitted
    factor = nice_scale(scale) / scale
    centre = fitted.center()
    half_width, half_height = fitted.width() * factor / 2, fitted.height() * factor / 2
    return QgsRectangle(
        centre.x() - half_width, centre.y() - half_height, centre.x() + half_width, centre.y() + half_height
    )


def fit_scalebar(scalebar: QgsLayoutItemScaleBar, extent: QgsRectangle, map_width_mm: float) -> None:
    """About 40 % of the map's width in two round segments, in m or km."""
    map_units_per_mm = extent.width() / max(map_width_mm, 1.0)
    target = map_units_per_mm * map_width_mm * 0.2
    use_km = target >= 1000
    unit = 1000.0 if use_km else 1.0  # only to choose a round segment length
    segment = nice_floor(target / unit / 2.0)
    units = QgsUnitTypes.DistanceUnit.DistanceKilometers if use_km else QgsUnitTypes.DistanceUnit.DistanceMeters
    # every setter lays the bar out again: set only what the template has otherwise
    for getter, setter, value in (
        (scalebar.units, scalebar.setUnits, units),
        (scalebar.unitLabel, scalebar.setUnitLabel, "km" if use_km else "m"),
        (scalebar.mapUnitsPerScaleBarUnit, scalebar.setMapUnitsPerScaleBarUnit, 1.0),  # QGIS converts units
        (
            scalebar.segmentSizeMode,
            scalebar.setSegmentSizeMode,
            QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFixed,
        ),
        (scalebar.unitsPerSegment, scalebar.setUnitsPerSegment, segment),
        (scalebar.numberOfSegments, scalebar.setNumberOfSegments, 2),
        (scalebar.numberOfSegmentsLeft, scalebar.setNumberOfSegmentsLeft, 0),
    ):
        if getter() != value:
            setter(value)


def fill_legend(
    legend: QgsLayoutItemLegend,
    layers: Sequence[tuple[QgsVectorLayer, str]],
    *,
    overview: bool,
    goal_count: int,
) -> None:
    """The legend's own layer tree: ``(layer, title)`` in order (an empty title keeps the layer's name).

    The layers are the ones drawn or their feature-less stand-ins already in the map's
    colours (``pale_layer``, ``overview_layer``), so the legend needs no style override:
    applying one writes and reads the layer's whole style for every legend node.
    """
    legend.setAutoUpdateModel(False)
    model = legend.model()
    root = model.rootGroup()
    # no refresh of the legend item for every node added: the page builder refreshes it once
    model.blockSignals(True)
    try:
        root.removeAllChildren()
        model.setLayerStyleOverrides({})
        for layer, title in layers:
            # title and style before the node joins the tree: a single-symbol layer's legend
            # node takes its label from them once, when it is made
            node = QgsLayerTreeLayer(layer)
            if overview:
                QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
            elif title:
                node.setCustomProperty("legend/title-label", title)
            root.addChildNode(node)
        if overview:
            _fit_overview_legend(legend, goal_count)
        else:
            wrap_legend_labels(legend, 26 if legend.columnCount() <= 1 else 22)
    finally:
        model.blockSignals(False)
    legend.setWrapString("")


#: label characters per millimetre of a legend column at 8 pt, and a column's symbol and gap
_CHARS_PER_MM, _SYMBOL_MM = 0.75, 12.0
_MAX_COLUMNS = 4
_SMALLEST_PT = 6.0
_CLOSE_ROWS_MM = 0.8  # the gap above each goal when nothing else makes the list fit


def _fit_overview_legend(legend: QgsLayoutItemLegend, goal_count: int) -> None:
    """Columns, label wrapping and, if need be, smaller labels, so the overview's goals fit its box.

    The box is measured, not guessed: with a guess (two columns up to 16 goals) fourteen goals with
    the national strategy's long titles needed twice the box's height, and the chart under it covered
    the last ones. From the template's columns and font: more columns first, then the labels a point
    smaller at a time down to 6 pt, at last closer rows; when nothing fits, the last try is kept.
    """
    width, height = legend.rect().width(), legend.rect().height()
    context = QgsLayoutUtils.createRenderContextForLayout(legend.layout(), None)
    font = legend_style_font(legend, QgsLegendStyle.Style.SymbolLabel)
    first = max(legend.columnCount(), 2 if goal_count > 6 else 1)
    start_pt = font.pointSizeF()
    sizes = [start_pt - step for step in range(int(start_pt - _SMALLEST_PT) + 1)]
    for level, size_pt in enumerate([*sizes, sizes[-1]]):
        if level == len(sizes):
            legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, _CLOSE_ROWS_MM)
        elif level:
            font.setPointSizeF(size_pt)
            set_legend_style_font(legend, QgsLegendStyle.Style.SymbolLabel, font)
        for columns in range(first, max(first, _MAX_COLUMNS) + 1):
            legend.setColumnCount(columns)
            chars = (width / columns - _SYMBOL_MM) * _CHARS_PER_MM * 8.0 / size_pt
            wrap_legend_labels(legend, max(16, int(chars)))
            needed = QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context)
            if needed.height() <= height and needed.width() <= width:
                return
