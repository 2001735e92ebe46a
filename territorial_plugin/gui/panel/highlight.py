"""Show on the map the features linked to the focused goal; conflicts apart from support."""

from __future__ import annotations

from qgis.core import QgsFeatureRequest, QgsVectorLayer
from qgis.gui import QgsHighlight
from qgis.PyQt.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from ...core.model import MIXED, Stance

#: more highlights than this would slow the canvas down more than they help
MAX_HIGHLIGHTS = 5000

COLORS = {
    Stance.SUPPORTS.value: QColor(26, 152, 80),
    Stance.CONFLICTS.value: QColor(215, 48, 39),
    Stance.NEUTRAL.value: QColor(90, 90, 90),
}


def stance_color(stance: str) -> QColor:
    return QColor(COLORS.get(stance, COLORS[Stance.NEUTRAL.value]))


def stance_icon(stance: str) -> QIcon:
    """A swatch in the colour the map highlight uses for ``stance``, with a white mark that does
    not need colour vision: "+" supports, "−" conflicts, none neutral; mixed: both halves."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(stance_color(Stance.SUPPORTS.value if stance == MIXED else stance))
    painter = QPainter(pixmap)
    if stance == MIXED:
        painter.fillRect(6, 0, 6, 12, stance_color(Stance.CONFLICTS.value))
    painter.setPen(QPen(QColor("white"), 2))
    if stance in (Stance.SUPPORTS.value, MIXED):
        right = 5 if stance == MIXED else 10
        middle = (2 + right) // 2
        painter.drawLine(2, 6, right, 6)
        painter.drawLine(middle, 2 if stance != MIXED else 3, middle, 10 if stance != MIXED else 9)
    if stance in (Stance.CONFLICTS.value, MIXED):
        painter.drawLine(7 if stance == MIXED else 2, 6, 10, 6)
    painter.end()
    return QIcon(pixmap)


class GoalHighlighter:
    """Owns the canvas highlights; :meth:`clear` removes them all."""

    def __init__(self, canvas):
        self.canvas = canvas
        self.items: list[QgsHighlight] = []
        self.stances: list[str] = []

    def clear(self) -> None:
        for item in self.items:
            item.hide()
            scene = item.scene()
            if scene is not None:
                scene.removeItem(item)
        self.items.clear()
        self.stances.clear()

    def show(self, layer: QgsVectorLayer, fid_stances: dict[int, str]) -> int:
        """Add highlights for ``fid → stance`` of ``layer``; returns how many were drawn."""
        if not fid_stances or self.canvas is None:
            return 0
        room = MAX_HIGHLIGHTS - len(self.items)
        fids = list(fid_stances)[: max(room, 0)]
        request = QgsFeatureRequest().setFilterFids(fids).setNoAttributes()
        drawn = 0
        # conflicts last, so they are drawn on top of support where areas overlap
        features = sorted(layer.getFeatures(request), key=lambda f: fid_stances[f.id()] == Stance.CONFLICTS.value)
        for feature in features:
            if not feature.hasGeometry():
                continue
            stance = fid_stances[feature.id()]
            color = stance_color(stance)
            highlight = QgsHighlight(self.canvas, feature.geometry(), layer)
            highlight.setColor(color)
            fill = QColor(color)
            fill.setAlpha(60 if stance != Stance.CONFLICTS.value else 90)
            highlight.setFillColor(fill)
            highlight.setWidth(3 if stance == Stance.CONFLICTS.value else 2)
            highlight.show()
            self.items.append(highlight)
            self.stances.append(stance)
            drawn += 1
        return drawn
