"""A saved stage's field in the algorithms' dialogs (``FROM`` and ``TO`` of comparestages, ``STAGE``
of exportatlas and coveragereport): the saved stages of the store chosen in the same dialog, with
who saved them and when, in a list that can still be typed in.

QGIS builds it from the parameter's ``widget_wrapper`` metadata, as it builds the ``STORE`` file
picker (``processing/store_widget.py``): the parameter stays a string, so ``qgis_process`` and
scripts pass a name, and this module is imported only when a dialog opens.
"""

from __future__ import annotations

from processing.gui.wrappers import DIALOG_BATCH, WidgetWrapper
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtGui import QStandardItem, QStandardItemModel
from qgis.PyQt.QtWidgets import QComboBox, QHeaderView, QLabel, QTreeView

from ...core.errors import TerritorialError
from ...core.i18n import tr
from ...core.project.link_store import project_store_uri
from ...core.stages.model import StageInfo
from ..params import STORE

#: how long the store field must rest before its stages are read (a path is typed a letter at a time)
STORE_SETTLE_MS = 400


def saved_stages(uri: str) -> tuple[list[StageInfo], str]:
    """The stages saved in the store at ``uri``, and why there are none when it cannot be read."""
    from ...core.store import open_store

    if not uri:
        return [], tr("Choose the link store first.")
    try:
        with open_store(uri) as store:
            return store.stages(), ""
    except TerritorialError as error:
        return [], str(error)


class _StageCombo(QComboBox):
    """Reads the stages again as its list opens: a stage may have been saved since the dialog opened."""

    def __init__(self, before_popup):
        super().__init__()
        self._before_popup = before_popup

    def showPopup(self):
        self._before_popup()
        super().showPopup()


class StageWidgetWrapper(WidgetWrapper):
    def createWidget(self, now_when_empty: bool = False, **kwargs):
        """``now_when_empty`` (from the parameter's metadata): an empty field means the plan now."""
        self._now_when_empty = now_when_empty
        self._store_wrapper = None
        self._uri = None  # the store whose stages the list holds
        combo = _StageCombo(lambda: self.list_stages(again=True))
        combo.setObjectName("stageChooser")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        model = QStandardItemModel(0, 3, combo)
        model.setHorizontalHeaderLabels([tr("Stage"), tr("Saved by"), tr("Saved on")])
        combo.setModel(model)
        view = QTreeView(combo)
        view.setRootIsDecorated(False)
        view.setAllColumnsShowFocus(True)
        view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        combo.setView(view)
        combo.setModelColumn(0)  # the field shows and returns the name
        combo.lineEdit().setPlaceholderText(tr("The plan now") if now_when_empty else tr("Choose or type a stage name"))
        combo.editTextChanged.connect(lambda _text: self.widgetValueHasChanged.emit(self))
        self._settle = QTimer(combo)
        self._settle.setSingleShot(True)
        self._settle.setInterval(STORE_SETTLE_MS)
        self._settle.timeout.connect(self.list_stages)
        return combo

    def createLabel(self):
        """The parameter's name with our own "[optional]": the Processing wrappers' own is not
        translated, and a Swedish dialog would show it in English."""
        if self.dialogType == DIALOG_BATCH:
            return None
        text = self.parameterDefinition().description()
        if self._now_when_empty:
            text = tr("{name} [optional]").format(name=text)
        label = QLabel(text)
        label.setToolTip(self.parameterDefinition().name())
        return label

    def postInitialize(self, wrappers):
        for wrapper in wrappers:
            if wrapper.parameterDefinition().name() == STORE:
                self._store_wrapper = wrapper
                wrapper.widgetValueHasChanged.connect(lambda _wrapper: self._settle.start())
                break
        self.list_stages()

    def store_uri(self) -> str:
        """The dialog's store (the project's when the dialog has no store field)."""
        if self._store_wrapper is None:
            return project_store_uri(QgsProject.instance()) or ""
        value = self._store_wrapper.parameterValue()
        return value.strip() if isinstance(value, str) else ""  # a model's input is no store to read

    def list_stages(self, again: bool = False) -> None:
        """List the stages of the dialog's store, keeping what the field holds; ``again``: even
        when the list already holds that store's."""
        uri = self.store_uri()
        if uri == self._uri and not again:
            return
        self._uri = uri
        stages, problem = saved_stages(uri)
        combo = self.widget
        text = combo.currentText()
        model = combo.model()
        combo.blockSignals(True)
        try:
            model.removeRows(0, model.rowCount())
            for info in stages:
                row = [QStandardItem(info.name), QStandardItem(info.saved_by), QStandardItem(_when(info))]
                for item in row:
                    item.setEditable(False)
                    item.setToolTip(info.note)
                model.appendRow(row)
            combo.setEditText(text)
        finally:
            combo.blockSignals(False)
        if stages:
            combo.setToolTip(tr("A saved stage of the link store; a name can also be typed."))
        else:
            combo.setToolTip(problem or tr("The link store holds no saved stage."))
        combo.view().setMinimumWidth(combo.view().header().length() + 4)

    def setValue(self, value):
        self.widget.setEditText("" if value is None else str(value))

    def value(self):
        return self.widget.currentText().strip()


def _when(info: StageInfo) -> str:
    return info.saved_at[:16].replace("T", " ")
