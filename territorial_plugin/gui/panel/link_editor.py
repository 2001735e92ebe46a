"""What a tick writes: stance, strength and motivation; and editing one existing link.

Terms are explained in tooltips because planners meet them here first:
stance (ställningstagande) says whether the area's planned use helps the goal or
works against it; strength (styrka) how much.
"""

from __future__ import annotations

from collections.abc import Sequence

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from ...core.labels import stance_label
from ...core.model import STRENGTH_MAX, STRENGTH_MIN, Link, LinkSpec, Stance
from .highlight import stance_icon
from .link_details import detail_lines


def stance_tooltip() -> str:
    return tr(
        "Stance: how the planned land use of the area relates to the goal.\n"
        "Supports: the plan helps reach the goal here.\n"
        "Conflicts: the plan works against the goal here; the plan description must show how the conflict is weighed.\n"
        "Neutral: the goal concerns the area, but the plan neither helps nor hinders it."
    )


def strength_tooltip() -> str:
    return tr(
        "Strength: how much the area matters for the goal.\n0 = mentioned only, 1 = weak, 2 = clear, 3 = decisive."
    )


def strength_meaning(strength: int) -> str:
    """The word for a strength, shown beside the number where it is chosen."""
    return {
        0: tr("mentioned only"),
        1: tr("weak"),
        2: tr("clear"),
        3: tr("decisive"),
    }.get(strength, "")


def motivation_tooltip() -> str:
    return tr(
        "Motivation: why the area supports or conflicts with the goal. It is printed in the goal atlas and tables."
    )


def _same_areas(a: tuple[str, Sequence[str]], b: tuple[str, Sequence[str]]) -> bool:
    """Whether two selections are of the same areas; cheap when they differ in size or not at all
    (every refresh of a selection of 10 000 asks)."""
    if a[0] != b[0] or len(a[1]) != len(b[1]):
        return False
    return a[1] is b[1] or list(a[1]) == list(b[1]) or set(a[1]) == set(b[1])


class StanceCombo(QComboBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        for stance in (Stance.SUPPORTS, Stance.CONFLICTS, Stance.NEUTRAL):
            self.addItem(stance_icon(stance.value), stance_label(stance.value), stance.value)
        self.setToolTip(stance_tooltip())

    def stance(self) -> str:
        return self.currentData()

    def set_stance(self, stance: str) -> None:
        index = self.findData(stance)
        if index >= 0:
            self.setCurrentIndex(index)


def make_strength_spin(parent=None) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(STRENGTH_MIN, STRENGTH_MAX)
    spin.setValue(2)
    spin.setToolTip(strength_tooltip())
    return spin


class LinkEditor(QWidget):
    """The stance, strength and motivation that the next tick writes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.stance_combo = StanceCombo(self)
        self.stance_combo.setObjectName("stanceCombo")
        self.strength_spin = make_strength_spin(self)
        self.strength_spin.setObjectName("strengthSpin")
        self.motivation_edit = QPlainTextEdit(self)
        self.motivation_edit.setObjectName("motivationEdit")
        self.motivation_edit.setPlaceholderText(tr("Motivation (why the areas support or conflict with the goal)"))
        self.motivation_edit.setToolTip(motivation_tooltip())
        self.motivation_edit.setTabChangesFocus(True)
        self.motivation_edit.setMaximumHeight(72)
        stance_label_widget = QLabel(tr("&Stance"), self)
        stance_label_widget.setBuddy(self.stance_combo)
        stance_label_widget.setToolTip(stance_tooltip())
        strength_label = QLabel(tr("S&trength"), self)
        strength_label.setBuddy(self.strength_spin)
        strength_label.setToolTip(strength_tooltip())
        motivation_label = QLabel(tr("&Motivation"), self)
        motivation_label.setBuddy(self.motivation_edit)
        motivation_label.setToolTip(motivation_tooltip())
        form.addRow(stance_label_widget, self.stance_combo)
        strength_row = QHBoxLayout()
        strength_row.addWidget(self.strength_spin)
        self.strength_meaning = QLabel(strength_meaning(self.strength_spin.value()), self)
        self.strength_meaning.setObjectName("strengthMeaning")
        self.strength_spin.valueChanged.connect(lambda value: self.strength_meaning.setText(strength_meaning(value)))
        strength_row.addWidget(self.strength_meaning, 1)
        form.addRow(strength_label, strength_row)
        form.addRow(motivation_label, self.motivation_edit)
        # the selection the motivation was typed for, and the one now (see follow_selection)
        self._motivation_for = None
        self._selection = None
        self.motivation_edit.textChanged.connect(self._motivation_typed)
        # whose new links will be (shared PostgreSQL store only); hidden otherwise
        self.organisation_label = QLabel(self)
        self.organisation_label.setObjectName("organisationLabel")
        self.organisation_label.setWordWrap(True)
        self.organisation_label.setVisible(False)
        form.addRow(self.organisation_label)

    def set_organisation(self, name: str | None) -> None:
        """Say which organisation new links belong to; ``None`` hides the line (GeoPackage store)."""
        if name is None:
            self.organisation_label.setVisible(False)
            self.organisation_label.setText("")
            return
        text = (
            tr("New links belong to {organisation}.").format(organisation=name)
            if name
            else tr("You administer this link store; new links belong to no organisation.")
        )
        self.organisation_label.setText(text)
        self.organisation_label.setVisible(True)

    def _motivation_typed(self) -> None:
        # typed with nothing selected: meant for the areas selected next
        self._motivation_for = self._selection

    def follow_selection(self, layer_uid: str, keys: Sequence[str]) -> None:
        """A motivation is written for the areas it was typed for: when other areas are selected
        it is cleared, so that it is not written into their links by mistake.

        ``keys``: the selected areas of the layer ``layer_uid`` (empty: nothing selected).
        Ticking several goals for the same selection keeps it (the batch use); a motivation
        typed with nothing selected is kept for the next selection.
        """
        selection = (layer_uid, keys) if keys else None
        self._selection = selection
        if selection is None:
            return
        if (
            self._motivation_for is not None
            and self.motivation_edit.toPlainText()  # nothing to clear: no need to compare
            and not _same_areas(self._motivation_for, selection)
        ):
            self.motivation_edit.clear()
        self._motivation_for = selection

    def spec(self) -> LinkSpec:
        return LinkSpec(
            stance=self.stance_combo.stance(),
            strength=self.strength_spin.value(),
            motivation=self.motivation_edit.toPlainText().strip(),
        )

    def set_spec(self, spec: LinkSpec) -> None:
        self.stance_combo.set_stance(spec.stance)
        self.strength_spin.setValue(spec.strength)
        self.motivation_edit.setPlainText(spec.motivation)


class EditLinkDialog(QDialog):
    """Edit the stance, strength and motivation of one feature's link to one goal."""

    def __init__(
        self, link: Link, feature_label: str, goal_label: str, parent=None, *, organisation: str | None = None
    ):
        """``organisation``: whose the link is (the shared PostgreSQL store), shown above who changed it."""
        super().__init__(parent)
        self.setObjectName("editLinkDialog")
        self.setWindowTitle(tr("Edit link"))
        #: the version shown; saving passes it on so that a change made meanwhile is refused
        self.row_version = link.row_version
        layout = QVBoxLayout(self)
        heading = QLabel(tr("<b>{feature}</b> → {goal}").format(feature=feature_label, goal=goal_label), self)
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        self.editor = LinkEditor(self)
        self.editor.motivation_edit.setMaximumHeight(16777215)
        self.editor.set_spec(LinkSpec(link.stance, link.strength, link.motivation))
        layout.addWidget(self.editor)
        lines = detail_lines(link, organisation=organisation)
        self.details_label = QLabel("\n".join(lines), self)
        self.details_label.setObjectName("linkDetailsLabel")
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setWordWrap(True)
        self.details_label.setVisible(bool(lines))
        layout.addWidget(self.details_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.editor.motivation_edit.setFocus()
        self.resize(420, 300)

    def spec(self) -> LinkSpec:
        return self.editor.spec()
