"""The panel's "Show" row: now or a saved stage (``stageCombo``), every organisation or one
(``organisationCombo``, only when the links belong to several), and the read-only note (``stageNoteLabel``)."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ....core.i18n import tr
from ....core.stages.model import StageInfo
from .scope import PanelScope, organisation_name, read_only_note, stage_tip

#: the organisation combo's data for "every organisation" (an organisation id is never this)
ALL = None


class StageCombo(QComboBox):
    """A combo box that says when its list is about to open, so the stages listed are those saved by then."""

    aboutToShowPopup = pyqtSignal()  # noqa: N815 - Qt signal naming

    def showPopup(self) -> None:
        self.aboutToShowPopup.emit()
        super().showPopup()


class ScopeBar(QWidget):
    """What the goal tree shows; ``scopeChanged`` when the user (or a vanished stage) changes it."""

    scopeChanged = pyqtSignal()  # noqa: N815 - Qt signal naming
    stagesWanted = pyqtSignal()  # noqa: N815 - the stage list is about to open: list the stages anew

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        label = QLabel(tr("Sh&ow"), self)
        self.stage_combo = StageCombo(self)
        self.stage_combo.setObjectName("stageCombo")
        self.stage_combo.setToolTip(
            tr("The links now (editable) or as a saved plan stage froze them (read-only); stages are saved with "
               "'Save plan stage' in the Processing toolbox")
        )  # fmt: skip
        label.setBuddy(self.stage_combo)
        self.organisation_combo = QComboBox(self)
        self.organisation_combo.setObjectName("organisationCombo")
        self.organisation_combo.setToolTip(
            tr("Show the links of one organisation only; what you link is still your own organisation's")
        )
        self.organisation_combo.setVisible(False)
        row.addWidget(label)
        row.addWidget(self.stage_combo, 1)
        row.addWidget(self.organisation_combo, 1)
        layout.addLayout(row)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("stageNoteLabel")
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.RichText)
        # a note that must not be missed: the tree no longer shows what a tick would change
        self.note_label.setStyleSheet("QLabel { background: #fff3cd; color: #5c4400; padding: 3px; }")
        self.note_label.setVisible(False)
        layout.addWidget(self.note_label)
        self._stages: list[StageInfo] = []
        self.set_stages([])
        self.set_organisations([], {})
        self.stage_combo.currentIndexChanged.connect(self._changed)
        self.stage_combo.aboutToShowPopup.connect(self.stagesWanted)
        self.organisation_combo.currentIndexChanged.connect(self._changed)

    # -- what is chosen ------------------------------------------------------------
    def scope(self) -> PanelScope:
        # isHidden, not isVisible: the panel may be closed, the choice still holds
        organisation = self.organisation_combo.currentData() if self.several_organisations() else ALL
        return PanelScope(self.stage_combo.currentData() or "", organisation)

    def several_organisations(self) -> bool:
        """Whether the store's links belong to several organisations (the filter is offered)."""
        return not self.organisation_combo.isHidden()

    def choose_stage(self, name: str) -> None:
        """Show stage ``name`` (``""``: now), as choosing it in the list does."""
        self.stage_combo.setCurrentIndex(max(self.stage_combo.findData(name), 0))

    def choose_organisation(self, organisation: str | None) -> None:
        """Show only ``organisation``'s links (``None``: every organisation's)."""
        index = 0 if organisation is ALL else self.organisation_combo.findData(organisation)
        self.organisation_combo.setCurrentIndex(max(index, 0))

    def _changed(self) -> None:
        self.show_note()
        self.scopeChanged.emit()

    def show_note(self) -> None:
        """The read-only note when a stage is chosen, none for now."""
        stage = self.stage_combo.currentData() or ""
        self.note_label.setText(html.escape(read_only_note(stage)) if stage else "")
        self.note_label.setVisible(bool(stage))

    # -- what there is to choose -----------------------------------------------------
    def set_stages(self, stages: Sequence[StageInfo]) -> None:
        """List "Now" and the saved stages; a chosen stage that is gone falls back to now (``scopeChanged``)."""
        current = self.stage_combo.currentData() or ""
        if [s.name for s in stages] == [s.name for s in self._stages] and self.stage_combo.count():
            self._stages = list(stages)
            return
        self._stages = list(stages)
        self.stage_combo.blockSignals(True)
        self.stage_combo.clear()
        self.stage_combo.addItem(tr("Current links"), "")
        self.stage_combo.setItemData(0, tr("The links as they are now; ticks and edits change them"),
                                     Qt.ItemDataRole.ToolTipRole)  # fmt: skip
        for info in stages:
            self.stage_combo.addItem(info.name, info.name)
            self.stage_combo.setItemData(self.stage_combo.count() - 1, stage_tip(info), Qt.ItemDataRole.ToolTipRole)
        index = self.stage_combo.findData(current)
        self.stage_combo.setCurrentIndex(max(index, 0))
        self.stage_combo.blockSignals(False)
        if index < 0 and current:
            self._changed()

    def set_organisations(self, organisations: Sequence[str], names: Mapping[str, str]) -> None:
        """The organisations whose links the store holds; the filter is hidden unless there are several.

        A filter on an organisation that is no longer there falls back to every organisation (``scopeChanged``).
        """
        current = self.organisation_combo.currentData() if self.organisation_combo.count() else ALL
        several = len(organisations) > 1
        self.organisation_combo.blockSignals(True)
        self.organisation_combo.clear()
        self.organisation_combo.addItem(tr("All organisations"), ALL)
        for organisation in organisations:
            self.organisation_combo.addItem(organisation_name(organisation, names), organisation)
        index = self.organisation_combo.findData(current) if current is not ALL and several else 0
        self.organisation_combo.setCurrentIndex(max(index, 0))
        self.organisation_combo.blockSignals(False)
        self.organisation_combo.setVisible(several)
        if current is not ALL and index <= 0:
            self._changed()
