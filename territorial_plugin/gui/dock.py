"""The Territorial Links dock (objectName ``TerritorialLinksDock``)."""

from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..core.i18n import tr

DOCK_OBJECT_NAME = "TerritorialLinksDock"


class TerritorialLinksDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.setObjectName(DOCK_OBJECT_NAME)
        self.setWindowTitle(tr("Territorial Links"))
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.status_label = QLabel(tr("Select areas on the map to see and edit their goal links."), body)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.setWidget(body)

    def cleanup(self) -> None:
        """Disconnect from QGIS before the dock is deleted (called by ``unload``)."""
