"""The Swedish handbook, opened from the panel's help button and shown as QGIS shows help:
a window beside the map, with the screenshots the desktop tests take."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...core.i18n import tr
from ...paths import handbook_path


class HandbookDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("handbookDialog")
        self.setWindowTitle(tr("Territorial Links – handbook"))
        self.resize(760, 820)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("handbookText")
        self.browser.setOpenExternalLinks(True)
        path = handbook_path()
        if path.is_file():
            self.browser.setSearchPaths([str(path.parent)])  # the images are relative to the handbook
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        else:
            self.browser.setPlainText(tr("The handbook is missing from this installation ({path}).").format(path=path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
