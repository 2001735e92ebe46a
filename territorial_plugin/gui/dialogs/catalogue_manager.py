"""The catalogue manager: import with preview and validation before anything is written;
list, enable/disable and delete catalogues of a link store.

Open it with ``CatalogueManagerDialog(store, parent).exec()``. It emits
``catalogues_changed`` after every change so the panel can reload its goal tree.
"""

from __future__ import annotations

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.catalogues.removal import backup_folder, delete_catalogue
from ...core.errors import TerritorialError
from ...core.i18n import tr
from ...core.store import Store
from .buttons import confirm, never_default
from .catalogue_import import CatalogueImportWidget


class CatalogueManagerDialog(QDialog):
    """Catalogues of one store. ``store`` stays owned by the caller (not closed here)."""

    catalogues_changed = pyqtSignal()

    def __init__(self, store: Store, parent: QWidget | None = None, user: str = ""):
        super().__init__(parent)
        self.store = store
        self.user = user
        self.setObjectName("CatalogueManagerDialog")
        self.setWindowTitle(tr("Goal catalogues"))
        self.resize(1000, 860)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._build_list())
        self.importer = CatalogueImportWidget(store, self, user)
        self.importer.imported.connect(self._on_imported)
        splitter.addWidget(self.importer)
        splitter.setStretchFactor(1, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(buttons)
        never_default(self)  # Enter in the file field must not press Delete… or Import
        self.refresh_catalogues()

    def _on_imported(self) -> None:
        self.refresh_catalogues()
        self.catalogues_changed.emit()

    # -- the list ------------------------------------------------------------------------
    def _build_list(self) -> QWidget:
        box = QGroupBox(tr("Catalogues in the link store"), self)
        self.catalogue_table = QTableWidget(0, 6, box)
        self.catalogue_table.setObjectName("catalogueTable")
        self.catalogue_table.setHorizontalHeaderLabels(
            [tr("Enabled"), tr("Id"), tr("Name"), tr("Version"), tr("Goals"), tr("Links")]
        )
        self.catalogue_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.catalogue_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.catalogue_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.catalogue_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.catalogue_table.verticalHeader().setVisible(False)
        self.catalogue_table.setMinimumHeight(140)
        self.catalogue_table.itemChanged.connect(self._on_item_changed)
        self.delete_button = QPushButton(tr("Delete…"), box)
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.clicked.connect(self.delete_selected)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.delete_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.catalogue_table)
        layout.addLayout(row)
        return box

    def refresh_catalogues(self) -> None:
        """Reload the list from the store."""
        catalogues = self.store.catalogues()
        links = self.store.link_count_by_catalogue()
        goal_counts: dict[str, int] = {}
        for goal in self.store.goals():
            goal_counts[goal.catalogue_id] = goal_counts.get(goal.catalogue_id, 0) + 1
        table = self.catalogue_table
        table.blockSignals(True)
        table.setRowCount(len(catalogues))
        for row, catalogue in enumerate(catalogues):
            enabled = QTableWidgetItem()
            enabled.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            enabled.setCheckState(Qt.CheckState.Checked if catalogue.enabled else Qt.CheckState.Unchecked)
            enabled.setData(Qt.ItemDataRole.UserRole, catalogue.id)
            name = catalogue.name + (" " + tr("(example)") if catalogue.example else "")
            cells = [catalogue.id, name, catalogue.version, str(goal_counts.get(catalogue.id, 0))]
            cells.append(str(links.get(catalogue.id, 0)))
            table.setItem(row, 0, enabled)
            for column, text in enumerate(cells, 1):
                item = QTableWidgetItem(text)
                item.setToolTip(
                    "\n".join(part for part in (catalogue.name, catalogue.description, catalogue.source) if part)
                )
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.blockSignals(False)
        self.delete_button.setEnabled(bool(catalogues))

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        catalogue_id = item.data(Qt.ItemDataRole.UserRole)
        try:
            self.store.set_catalogue_enabled(catalogue_id, item.checkState() == Qt.CheckState.Checked)
        except TerritorialError as error:
            QMessageBox.warning(self, tr("Goal catalogues"), str(error))
            self.refresh_catalogues()
            return
        self.catalogues_changed.emit()

    def selected_catalogue(self) -> str | None:
        rows = self.catalogue_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.catalogue_table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def delete_selected(self) -> bool:
        """Delete the selected catalogue after asking; one with links only after a copy of the store."""
        catalogue_id = self.selected_catalogue()
        if catalogue_id is None:
            QMessageBox.information(self, tr("Goal catalogues"), tr("Select a catalogue in the list first."))
            return False
        links = self.store.link_count_by_catalogue().get(catalogue_id, 0)
        folder = backup_folder(self.store, QgsProject.instance().absolutePath())
        if links:
            asked = confirm(
                self,
                tr("Delete catalogue"),
                tr("The catalogue '{id}' has {links} links to areas. Deleting it deletes those links too.").format(
                    id=catalogue_id, links=links
                ),
                tr("Delete the catalogue and its links"),
                tr(
                    "Before the deletion the whole link store is copied to a GeoPackage in {folder}; "
                    "the links can be read or copied back from there. The history keeps them too."
                ).format(folder=folder),
            )
        else:
            asked = confirm(
                self,
                tr("Delete catalogue"),
                tr("Delete the catalogue '{id}'? No areas are linked to it.").format(id=catalogue_id),
                tr("Delete the catalogue"),
            )
        if not asked:
            return False
        try:
            removal = delete_catalogue(self.store, catalogue_id, folder)
        except TerritorialError as error:
            QMessageBox.warning(self, tr("Delete catalogue"), str(error))
            return False
        self.refresh_catalogues()
        self.importer.validate()  # an id freed by the deletion may make the chosen file importable
        self.catalogues_changed.emit()
        if removal.backup is not None:
            QMessageBox.information(
                self,
                tr("Delete catalogue"),
                tr(
                    "The catalogue '{id}' and its {links} links were deleted. The link store as it was before "
                    "is kept in {path}."
                ).format(id=catalogue_id, links=removal.links, path=removal.backup),
            )
        return True


def open_catalogue_manager(store: Store, parent: QWidget | None = None, user: str = "") -> CatalogueManagerDialog:
    """Show the manager modally (the panel's entry point); returns the dialog after it closed."""
    dialog = CatalogueManagerDialog(store, parent, user)
    dialog.exec()
    return dialog


__all__ = ["CatalogueManagerDialog", "open_catalogue_manager"]
