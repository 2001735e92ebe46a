"""Map styling helpers of the atlas: round scales, pale land use, wrapped legend labels.

Kept apart from the page builder so the cartographic choices are in one place.
"""

from __future__ import annotations

import math
import textwrap

from qgis.core import (
    QgsLayoutItemLegend,
    QgsMapLayerLegendUtils,
    QgsMapLayerStyle,
    QgsRectangle,
    QgsRenderContext,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor


def nice_scale(scale: float) -> float:
    """Round a map scale up to a scale printed maps use (1:10 000, 1:12 500, 1:15 000, 1:20 000…)."""
    if scale <= 0:
        return 1000.0
    power = 10 ** math.floor(math.log10(scale))
    for factor in (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10):
        if factor * power >= scale * 0.999:
            return factor * power
    return 10 * power


def _pale(color: QColor, strength: float) -> QColor:
    """``color`` mixed with white; opaque, so the PDF needs no transparency groups."""
    return QColor(
        round(color.red() * strength + 255 * (1 - strength)),
        round(color.green() * strength + 255 * (1 - strength)),
        round(color.blue() * strength + 255 * (1 - strength)),
        color.alpha(),
    )


def pale_layer(layer: QgsVectorLayer, name: str, strength: float = 0.45) -> QgsVectorLayer:
    """A memory layer without features, drawn like ``layer`` in pale colours.

    It carries the pale style for the maps' style overrides (:func:`style_xml`) and stands
    in for ``layer`` in the legends, which then need no style override of their own (a
    legend applies an override by writing and reading the layer's whole style per node).
    A scratch layer, because cloning the real layer would open its data source again.
    """
    renderer = layer.renderer().clone() if layer.renderer() is not None else None
    if renderer is not None:
        for symbol in renderer.symbols(QgsRenderContext()):
            for symbol_layer in symbol.symbolLayers():
                symbol_layer.setColor(_pale(symbol_layer.color(), strength))
                if hasattr(symbol_layer, "setStrokeColor"):
                    symbol_layer.setStrokeColor(_pale(symbol_layer.strokeColor(), strength))
    kind = QgsWkbTypes.displayString(layer.wkbType()) or "Polygon"
    clone = QgsVectorLayer(f"{kind}?crs={layer.crs().authid()}", name, "memory")
    if renderer is not None:
        clone.setRenderer(renderer)
    return clone


def style_xml(layer: QgsVectorLayer) -> str:
    """The layer's style as XML, for a map item's style override."""
    style = QgsMapLayerStyle()
    style.readFromLayer(layer)
    return style.xmlData()


def muted_style(layer: QgsVectorLayer, strength: float = 0.45) -> str:
    """The layer's style in pale colours, as XML for a map item's style override."""
    return style_xml(pale_layer(layer, "style", strength))


def wrap_legend_labels(legend: QgsLayoutItemLegend, width: int) -> None:
    """Break long legend labels onto several lines (the legend does not wrap by itself).

    A label wrapped before is wrapped again from its words, so a wider column gets longer lines.
    """
    model = legend.model()
    for node in model.rootGroup().findLayers():
        wrapped = False
        for index, legend_node in enumerate(model.layerOriginalLegendNodes(node)):
            text = legend_node.data(Qt.ItemDataRole.DisplayRole) or ""
            words = " ".join(text.split())
            label = "\n".join(textwrap.wrap(words, width)) if len(words) > width else words
            if label != text:
                QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, index, label)
                wrapped = True
        if wrapped:  # a refresh costs several ms per layer; only labels changed here need one
            model.refreshLayerLegend(node)


def fit_aspect(extent: QgsRectangle, rect: QRectF) -> QgsRectangle:
    """Grow ``extent`` around its centre to the width/height ratio of ``rect``."""
    ratio = rect.width() / rect.height() if rect.height() > 0 else 1.0
    width, height = extent.width(), extent.height()
    if height <= 0 or width / height < ratio:
        width = height * ratio
    else:
        height = width / ratio
    centre = extent.center()
    return QgsRectangle(
        centre.x() - width / 2, centre.y() - height / 2, centre.x() + width / 2, centre.y() + height / 2
    )
