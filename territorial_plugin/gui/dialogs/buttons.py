"""Buttons that Enter never presses by surprise, and questions whose safe answer is the default.

Qt makes every ``QPushButton`` of a dialog an "auto default": Enter in any field presses
the focused or the first of them, which in the catalogue manager was "Delete…".
"""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QMessageBox, QPushButton, QWidget

from ...core.i18n import tr


def never_default(widget: QWidget) -> None:
    """No push button under ``widget`` is pressed by Enter (call after the widgets exist)."""
    for button in widget.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def confirm(parent: QWidget, title: str, text: str, action: str, detail: str = "") -> bool:
    """Ask before a destructive action: the action is a button named for what it does;
    Cancel is the default and Escape, so Enter answers no."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    if detail:
        box.setInformativeText(detail)
    do_it = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    do_it.setAutoDefault(False)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setObjectName("confirmDialog")
    box.exec()
    return box.clickedButton() is do_it
