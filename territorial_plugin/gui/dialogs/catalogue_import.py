"""The import half of the catalogue manager: choose a file or a bundled catalogue, see the
first rows and every problem, and import only when nothing is wrong."""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.catalogues.bundled import ALL, bundled_catalogues
from ...core.catalogues.tree import FIELDS
from ...core.errors import TerritorialError
from ...core.i18n import tr
from ...core.labels import goal_field_label, level_label
from ...core.model import Level
from ...core.store import Store

FILE_SOURCE = "__file__"
AUTO = ""


def _add_automatic(combo: QComboBox, key: str) -> None:
    combo.addItem(tr("{field}: found by its heading").format(field=goal_field_label(key)), AUTO)


class CatalogueImportWidget(QGroupBox):
    """Import into ``store`` (owned by the caller). Emits ``imported`` after a successful import."""

    imported = pyqtSignal()

    def __init__(self, store: Store, parent: QWidget | None = None, user: str = ""):
        super().__init__(tr("Import a catalogue"), parent)
        self.setObjectName("catalogueImport")
        self.store = store
        self.user = user
        self.plans: list = []
        self.migration: dict[str, str] | None = None
        self._build()
        self.validate()

    def _build(self) -> None:
        box = self
        self.source_combo = QComboBox(box)
        self.source_combo.setObjectName("sourceCombo")
        self.source_combo.addItem(tr("A file (CSV, XLSX or JSON)"), FILE_SOURCE)
        for catalogue in bundled_catalogues():
            self.source_combo.addItem(tr("Bundled: {name}").format(name=catalogue.name), catalogue.id)
        self.source_combo.addItem(tr("All bundled catalogues"), ALL)
        self.file_edit = QLineEdit(box)
        self.file_edit.setObjectName("fileEdit")
        self.file_edit.setPlaceholderText(tr("Choose a catalogue file…"))
        browse = QPushButton(tr("Browse…"), box)
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.id_edit = QLineEdit(box)
        self.id_edit.setObjectName("idEdit")
        self.id_edit.setPlaceholderText(tr("from the file name"))
        self.name_edit = QLineEdit(box)
        self.name_edit.setObjectName("nameEdit")
        self.version_edit = QLineEdit(box)
        self.version_edit.setObjectName("versionEdit")
        self.level_combo = QComboBox(box)
        self.level_combo.setObjectName("levelCombo")
        self.level_combo.addItem(tr("(from the file, else regional)"), "")
        for level in Level:
            self.level_combo.addItem(level_label(level.value), level.value)
        self.mapping_combos: dict[str, QComboBox] = {}
        mapping_grid = QGridLayout()
        for index, key in enumerate(FIELDS):
            combo = QComboBox(box)
            combo.setObjectName(f"map_{key}")
            combo.setToolTip(tr("The file's column that holds: {field}").format(field=goal_field_label(key)))
            _add_automatic(combo, key)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(17)
            combo.currentIndexChanged.connect(self.validate)
            self.mapping_combos[key] = combo
            mapping_grid.addWidget(combo, index // 4, index % 4)
        self.migration_edit = QLineEdit(box)
        self.migration_edit.setObjectName("migrationEdit")
        self.migration_edit.setPlaceholderText(tr("optional: CSV with the columns old and new (goal ids)"))
        browse_migration = QPushButton(tr("Browse…"), box)
        browse_migration.clicked.connect(self._browse_migration)
        self.replace_check = QCheckBox(tr("Replace a catalogue with the same id"), box)
        self.replace_check.setObjectName("replaceCheck")
        identity = QHBoxLayout()
        identity.addWidget(self.id_edit, 1)
        identity.addWidget(QLabel(tr("Name"), box))
        identity.addWidget(self.name_edit, 2)
        version = QHBoxLayout()
        version.addWidget(self.version_edit, 1)
        version.addWidget(QLabel(tr("Level"), box))
        version.addWidget(self.level_combo, 1)
        migration = QHBoxLayout()
        migration.addWidget(self.migration_edit, 1)
        migration.addWidget(browse_migration)
        migration.addWidget(self.replace_check)
        form = QFormLayout()
        form.addRow(tr("Source"), self.source_combo)
        form.addRow(tr("File"), file_row)
        form.addRow(tr("Columns"), mapping_grid)
        form.addRow(tr("Catalogue id"), identity)
        form.addRow(tr("Version"), version)
        form.addRow(tr("Move links from"), migration)
        self.preview_table = QTableWidget(0, 0, box)
        self.preview_table.setObjectName("previewTable")
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setMinimumHeight(150)
        self.message_list = QListWidget(box)
        self.message_list.setObjectName("messageList")
        self.message_list.setWordWrap(True)
        self.message_list.setMinimumHeight(80)
        self.status_label = QLabel(box)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.check_button = QPushButton(tr("Check again"), box)
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self.validate)
        self.import_button = QPushButton(tr("Import"), box)
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.commit)
        actions = QHBoxLayout()
        actions.addWidget(self.status_label, 1)
        actions.addWidget(self.check_button)
        actions.addWidget(self.import_button)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("First rows of the file"), box))
        layout.addWidget(self.preview_table, 2)
        layout.addWidget(QLabel(tr("Problems found"), box))
        layout.addWidget(self.message_list, 1)
        layout.addLayout(actions)
        self.source_combo.currentIndexChanged.connect(self._on_source_changed)
        self.file_edit.editingFinished.connect(self._on_file_changed)
        for edit in (self.id_edit, self.name_edit, self.version_edit, self.migration_edit):
            edit.editingFinished.connect(self.validate)
        self.level_combo.currentIndexChanged.connect(self.validate)
        self.replace_check.toggled.connect(self.validate)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Catalogue file"), self.file_edit.text(), tr("Catalogues (*.csv *.xlsx *.json *.txt)")
        )
        if path:
            self.set_file(path)

    def _browse_migration(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Migration mapping"), self.migration_edit.text(), tr("CSV (*.csv *.txt)")
        )
        if path:
            self.migration_edit.setText(path)
            self.validate()

    def set_file(self, path: str) -> None:
        """Choose a catalogue file (as the Browse button does) and check it."""
        self.source_combo.setCurrentIndex(0)
        self.file_edit.setText(path)
        self._on_file_changed()

    def _on_source_changed(self) -> None:
        is_file = self.source_combo.currentData() == FILE_SOURCE
        for widget in (self.file_edit, self.id_edit, self.name_edit, self.version_edit, self.level_combo):
            widget.setEnabled(is_file)
        for combo in self.mapping_combos.values():
            combo.setEnabled(is_file)
        self.validate()

    def _on_file_changed(self) -> None:
        self._fill_mapping_combos([])
        self.validate()

    def _fill_mapping_combos(self, headers) -> None:
        for key, combo in self.mapping_combos.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            _add_automatic(combo, key)
            for header in headers:
                if header:
                    combo.addItem(f"{goal_field_label(key)}: {header}", header)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _mapping(self):
        from ...core.catalogues.reader import ColumnMapping

        return ColumnMapping(**{key: combo.currentData() or "" for key, combo in self.mapping_combos.items()})

    def validate(self) -> bool:
        """Read and check the chosen source against the store; show preview and every problem.

        Nothing is written. The Import button is enabled only when there is no error.
        """
        from ...core.catalogues.importer import check_plans, plan_bundled, read_migration

        self.plans, self.migration = [], None
        messages: list[tuple[str, bool]] = []  # (text, is warning)
        source = self.source_combo.currentData()
        try:
            if source == FILE_SOURCE:
                messages += self._validate_file()
            else:
                self.plans = plan_bundled(source)
                self._show_preview([], [])
            if self.plans and self.migration_edit.text().strip():
                self.migration = read_migration(self.migration_edit.text().strip())
        except TerritorialError as error:
            self.plans = []
            messages += [(line, False) for line in str(error).splitlines()]
        if self.plans:
            messages += [
                (line, False)
                for line in check_plans(
                    self.store, self.plans, replace_existing=self.replace_check.isChecked(), migration=self.migration
                )
            ]
        errors = [text for text, warning in messages if not warning]
        self.message_list.clear()
        for text, warning in messages:
            item = QListWidgetItem(("⚠ " if warning else "✖ ") + text)
            item.setData(Qt.ItemDataRole.UserRole, "warning" if warning else "error")
            self.message_list.addItem(item)
        ok = bool(self.plans) and not errors
        if ok:
            goals = sum(len(plan.goals) for plan in self.plans)
            self.status_label.setText(
                tr("{goals} goals, no problems: ready to import.").format(goals=goals)
                if len(self.plans) == 1
                else tr("{goals} goals in {count} catalogues, no problems: ready to import.").format(
                    goals=goals, count=len(self.plans)
                )
            )
        elif errors:
            self.status_label.setText(
                tr("1 problem: correct the file and check again. Nothing has been imported.")
                if len(errors) == 1
                else tr("{count} problems: correct the file and check again. Nothing has been imported.").format(
                    count=len(errors)
                )
            )
        else:
            self.status_label.setText(tr("Choose a catalogue file or a bundled catalogue."))
        self.import_button.setEnabled(ok)
        return ok

    def _validate_file(self) -> list[tuple[str, bool]]:
        from ...core.catalogues.importer import plan_file
        from ...core.catalogues.reader import read_catalogue_file

        text = self.file_edit.text().strip()
        if not text:
            self._show_preview([], [])
            return []
        content = read_catalogue_file(text, self._mapping())
        if self.mapping_combos["code"].count() == 1:
            self._fill_mapping_combos(content.headers)
        self._show_preview(content.headers, content.preview, content.columns, content.preview_rows)
        self._mark_problem_rows(content)
        messages = [(str(p), p.warning) for p in content.problems]
        if content.ok:
            self.plans = [
                plan_file(
                    text,
                    self._mapping(),
                    catalogue_id=self.id_edit.text().strip(),
                    name=self.name_edit.text().strip(),
                    version=self.version_edit.text().strip(),
                    level=self.level_combo.currentData() or "",
                )
            ]
            if not self.id_edit.text().strip():
                self.id_edit.setPlaceholderText(self.plans[0].catalogue.id)
        return messages

    def _show_preview(self, headers, rows, columns: dict | None = None, numbers=()) -> None:
        used = {header: key for key, header in (columns or {}).items()}
        table = self.preview_table
        table.clear()
        table.setColumnCount(len(headers))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels([f"{h} → {used[h]}" if h in used else h for h in headers])
        # the row numbers the problems name (header = row 1), not the table's own 1, 2, 3
        table.setVerticalHeaderLabels([str(number) for number in numbers])
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()

    def _mark_problem_rows(self, content) -> None:
        """Tint the preview rows an error points at, with the message as tooltip."""
        from qgis.PyQt.QtGui import QBrush, QColor

        where = {number: index for index, number in enumerate(content.preview_rows)}
        for problem in content.errors:
            index = where.get(problem.row) if not problem.cell else None
            if index is None:
                continue
            for column in range(self.preview_table.columnCount()):
                item = self.preview_table.item(index, column)
                if item is not None:
                    item.setBackground(QBrush(QColor(255, 220, 220)))
                    item.setToolTip(problem.message)

    def commit(self) -> bool:
        """Import what :meth:`validate` approved; on failure the store is unchanged and the reason shown."""
        from ...core.catalogues.importer import write_plans

        if not self.validate():
            return False
        try:
            result = write_plans(
                self.store,
                self.plans,
                replace_existing=self.replace_check.isChecked(),
                migration=self.migration,
                user=self.user,
            )
        except TerritorialError as error:
            self.message_list.addItem(QListWidgetItem("✖ " + str(error)))
            self.status_label.setText(tr("The import failed; nothing was changed."))
            return False
        text = tr("Imported {ids}: {goals} goals.").format(ids=", ".join(result.imported) or "–", goals=result.goals)
        if result.unchanged:
            text += " " + tr("Already in the store unchanged: {ids}.").format(ids=", ".join(result.unchanged))
        if result.lost:
            text += " " + tr("Goals that lost their links: {goals}.").format(
                goals=", ".join(f"{goal} ({count})" for goal, count in sorted(result.lost.items()))
            )
        self.imported.emit()  # the dialog reloads its list
        self.validate()
        self.status_label.setText(text)
        return True
