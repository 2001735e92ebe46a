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
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsScaleCalculator,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF

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
        if overview and goal_count > 6:
            legend.setColumnCount(max(legend.columnCount(), 2 if goal_count <= 16 else 3))
        columns = legend.columnCount()
        wrap_legend_labels(legend, (60 // columns) if overview else (26 if columns <= 1 else 22))
    finally:
        model.blockSignals(False)
    legend.setWrapString("")
