"""Register a layer: choose the key field that identifies each area for good."""

from __future__ import annotations

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
)

from ...core.i18n import tr
from ...core.identity import UUID_FIELD, KeyCandidate, key_candidates


class RegisterLayerDialog(QDialog):
    """Proposes the first unique, non-null field; offers ``tl_uuid`` when none fits."""

    def __init__(self, layer: QgsVectorLayer, parent=None):
        super().__init__(parent)
        self.setObjectName("registerLayerDialog")
        self.setWindowTitle(tr("Register layer"))
        self.layer = layer
        layout = QVBoxLayout(self)
        why = QLabel(
            tr(
                "Registering tells the link store about this layer, so that its areas can be linked to goals. "
                "The layer's data is not changed (unless you add a key field below)."
            ),
            self,
        )
        why.setWordWrap(True)
        layout.addWidget(why)
        intro = QLabel(
            tr(
                "Choose the field that identifies each area of '{layer}'. Its values must be unique, "
                "never empty and never change; links are stored by this key."
            ).format(layer=layer.name()),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.key_combo = QComboBox(self)
        self.key_combo.setObjectName("keyFieldCombo")
        self.key_combo.setToolTip(tr("Fields with repeated or empty values cannot be keys"))
        self.candidates: list[KeyCandidate] = key_candidates(layer)
        for candidate in self.candidates:
            label = candidate.name if candidate.usable else f"{candidate.name} — {candidate.reason}"
            self.key_combo.addItem(label, candidate.name)
            if not candidate.usable:
                item = self.key_combo.model().item(self.key_combo.count() - 1)
                item.setEnabled(False)
        layout.addWidget(self.key_combo)
        self.uuid_check = QCheckBox(
            tr("Add a new key field {field} with a generated id for every area").format(field=UUID_FIELD), self
        )
        self.uuid_check.setObjectName("addUuidCheck")
        self.uuid_check.setToolTip(
            tr(
                "For layers without a reliable id: the plugin adds the field, fills it "
                "and gives new areas an id automatically."
            )
        )
        layout.addWidget(self.uuid_check)
        usable = [c for c in self.candidates if c.usable]
        if usable:
            self.key_combo.setCurrentIndex(self.key_combo.findData(usable[0].name))
        else:
            self.uuid_check.setChecked(True)
            note = QLabel(tr("No field of this layer can be a key."), self)
            layout.addWidget(note)
        self.uuid_check.toggled.connect(lambda on: self.key_combo.setEnabled(not on))
        self.key_combo.setEnabled(not self.uuid_check.isChecked())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Register"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def add_uuid(self) -> bool:
        return self.uuid_check.isChecked()

    def key_field(self) -> str:
        return UUID_FIELD if self.add_uuid() else (self.key_combo.currentData() or "")
