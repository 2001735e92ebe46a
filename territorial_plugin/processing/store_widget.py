"""The ``STORE`` field of the algorithms' dialogs: a GeoPackage picked with a file dialog, or
``postgres:<connection name>`` typed in the same field.

QGIS builds it from the parameter's ``widget_wrapper`` metadata (a dotted path), so this
module and QGIS's Processing GUI are imported only when a dialog opens, never under
``qgis_process``. A file parameter cannot serve: QGIS 3.22 refuses ``postgres:…`` as a file.
"""

from __future__ import annotations

from processing.gui.wrappers import WidgetWrapper
from qgis.gui import QgsFileWidget

from ..core.i18n import tr


class StoreWidgetWrapper(WidgetWrapper):
    def createWidget(self, **kwargs):
        widget = QgsFileWidget()
        widget.setObjectName("storeFileWidget")
        # a save dialog: it picks an existing store and names a new one for createstore alike
        widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        widget.setConfirmOverwrite(False)
        widget.setFilter(tr("GeoPackage link store (*.gpkg)"))
        widget.setToolTip(tr("A GeoPackage file, or postgres:<QGIS connection name> for a shared store."))
        widget.fileChanged.connect(lambda _path: self.widgetValueHasChanged.emit(self))
        return widget

    def setValue(self, value):
        self.widget.setFilePath("" if value is None else str(value))

    def value(self):
        return self.widget.filePath().strip()
