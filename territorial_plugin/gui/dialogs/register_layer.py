"""Register a layer: choose the key field that identifies each area for good, and its category field."""

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

from ...core.areas import category_field, remember_category_field
from ...core.i18n import tr
from ...core.identity import UUID_FIELD, KeyCandidate, key_candidates
from ...core.rules.boverket import propose_category_field


class RegisterLayerDialog(QDialog):
    """Proposes the first unique, non-null field; offers ``tl_uuid`` when none fits.

    Also proposes the field holding each area's land-use category: one whose values
    are Boverket's ÖP-model categories, else one named like the template's field.
    """

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
        self._add_category_choice(layer)
        self.uuid_check.toggled.connect(lambda on: self.key_combo.setEnabled(not on))
        self.key_combo.setEnabled(not self.uuid_check.isChecked())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Register"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _add_category_choice(self, layer: QgsVectorLayer) -> None:
        label = QLabel(tr("Category field (land use, as in Boverket's ÖP model):"), self)
        self.layout().addWidget(label)
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("categoryFieldCombo")
        self.category_combo.setToolTip(
            tr("The category is shown in the web atlas and the area sections and goes with the region's delivery.")
        )
        self.category_combo.addItem(tr("(none)"), "")
        for field in layer.fields():
            self.category_combo.addItem(field.name(), field.name())
        label.setBuddy(self.category_combo)
        self.layout().addWidget(self.category_combo)
        self.category_hint = QLabel(self)
        self.category_hint.setObjectName("categoryHintLabel")
        self.category_hint.setWordWrap(True)
        by_values = propose_category_field(layer)
        proposed = by_values or category_field(layer, "")
        if proposed:
            self.category_combo.setCurrentIndex(self.category_combo.findData(proposed))
            hint = (
                tr("The values of '{field}' are categories of Boverket's ÖP model: proposed as the category field.")
                if by_values
                else tr("'{field}' is named like the category field of Boverket's template: proposed.")
            )
            self.category_hint.setText(hint.format(field=proposed))
        self.category_hint.setVisible(bool(proposed))
        self.layout().addWidget(self.category_hint)

    def category_field(self) -> str:
        """The chosen category field ('' for none)."""
        return self.category_combo.currentData() or ""

    def accept(self) -> None:
        # kept with the layer in the project, where the exports look for it (core.areas.category_field)
        remember_category_field(self.layer, self.category_field())
        super().accept()

    def add_uuid(self) -> bool:
        return self.uuid_check.isChecked()

    def key_field(self) -> str:
        return UUID_FIELD if self.add_uuid() else (self.key_combo.currentData() or "")
