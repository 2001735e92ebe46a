"""The export dialog: goal atlas (PDF, PNG, SVG) or goal tables (XLSX, CSV) from the panel.

``ExportDialog(iface, store, parent).exec()``. The export runs as a ``QgsTask``
(progress in the dialog and QGIS's task bar, cancel at any time); the last choices
are remembered under the ``QgsSettings`` group ``territorial_links/export``. After an
atlas export the layout is saved in the project ("Målatlas – <catalogue>") and,
if asked, opened in the layout designer for fine-tuning. The store is read when the
dialog opens (its lists) and by the task; never on the main thread during an export.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsMapLayerType, QgsProject, QgsSettings, QgsVectorLayer
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from ...core.identity import resolve_layer
from ...core.store import Store
from ...export.atlas.build import atlas_group_name
from ...export.templates import DEFAULT_TEMPLATE
from .buttons import never_default

SETTINGS_GROUP = "territorial_links/export"
#: the project's own export path (project entry): a path of one project is no default for another
PROJECT_SCOPE = "territorial_links"
#: a layer list item's role holding whether the layer is registered (tables use only those)
REGISTERED_ROLE = Qt.ItemDataRole.UserRole + 1
OWN_TEMPLATE = "__own__"

# format key → (is atlas, file suffix or "" for a folder)
FORMATS = {
    "pdf": (True, ".pdf"),
    "png": (True, ""),
    "svg": (True, ""),
    "xlsx": (False, ".xlsx"),
    "csv": (False, ""),
    "areas_pdf": (False, ".pdf"),
    "areas_xlsx": (False, ".xlsx"),
    "web": (True, ""),  # a folder with index.html; goals chosen as for the atlas
}
#: one section per linked area for the plan description (export/area_sections)
AREA_FORMATS = {"areas_pdf", "areas_xlsx"}


def default_output(fmt: str, project: QgsProject | None = None) -> str:
    """Beside the project, named for it: ``<project>_malatlas.pdf``, ``<project>_maltabell.xlsx``,
    or a folder ``<project>_malatlas`` for PNG/SVG pages; in the home folder without a project."""
    project = project or QgsProject.instance()
    folder = Path(project.absolutePath()) if project.fileName() else Path.home()
    stem = project.baseName() or "territorial_links"
    is_atlas, suffix = FORMATS[fmt]
    name = f"{stem}_malatlas" if is_atlas else f"{stem}_omraden" if fmt in AREA_FORMATS else f"{stem}_maltabell"
    if fmt == "web":
        name = f"{stem}_webbatlas"
    return str(folder / f"{name}{suffix}")


def format_labels() -> dict[str, str]:
    return {
        "pdf": tr("Goal atlas – PDF"),
        "png": tr("Goal atlas – PNG images (one per page)"),
        "svg": tr("Goal atlas – SVG (one per page)"),
        "xlsx": tr("Goal tables – Excel (XLSX)"),
        "csv": tr("Goal tables – CSV files"),
        "areas_pdf": tr("Areas and their goals – PDF (a page per area)"),
        "areas_xlsx": tr("Areas and their goals – Excel (XLSX)"),
        "web": tr("Web atlas – folder with index.html (works offline)"),
    }


def template_labels() -> dict[str, str]:
    return {
        "A4_portrait": tr("A4 portrait"),
        "A4_landscape": tr("A4 landscape"),
        "A3_portrait": tr("A3 portrait"),
        "A3_landscape": tr("A3 landscape"),
        OWN_TEMPLATE: tr("Own template (.qpt)…"),
    }


class ExportDialog(QDialog):
    """Choose what to export and where; runs the export as a task."""

    def __init__(self, iface, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.iface = iface
        self.store = store
        self.task = None
        self.last_files: list[Path] = []
        self._default_output = ""
        self.setObjectName("TerritorialExportDialog")
        self.setWindowTitle(tr("Export goal atlas and tables"))
        self.resize(620, 720)
        self._build()
        self._load_catalogues()
        self._load_layers()
        self._restore()
        self._format_changed()
        never_default(self)  # Enter must not write over an earlier export

    # -- widgets ---------------------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout()
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("formatCombo")
        for key, label in format_labels().items():
            self.format_combo.addItem(label, key)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        form.addRow(tr("Export"), self.format_combo)

        self.catalogue_combo = QComboBox(self)
        self.catalogue_combo.setObjectName("catalogueCombo")
        self.catalogue_combo.currentIndexChanged.connect(self._load_goals)
        form.addRow(tr("Catalogue"), self.catalogue_combo)

        self.goal_list = QListWidget(self)
        self.goal_list.setObjectName("goalList")
        self.goal_list.setToolTip(tr("Goals with linked areas are ticked. Every ticked goal gets a page."))
        form.addRow(tr("Goals"), self.goal_list)
        self.goal_note = QLabel(self)
        self.goal_note.setObjectName("goalNote")
        self.goal_note.setWordWrap(True)
        self.goal_note.setEnabled(False)  # greyed: an explanation, not a control
        form.addRow("", self.goal_note)

        self.layer_list = QListWidget(self)
        self.layer_list.setObjectName("layerList")
        self.layer_list.setToolTip(
            tr("Registered layers show their linked areas; other ticked layers are drawn as background.")
        )
        form.addRow(tr("Layers"), self.layer_list)

        template_row = QHBoxLayout()
        self.template_combo = QComboBox(self)
        self.template_combo.setObjectName("templateCombo")
        for key, label in template_labels().items():
            self.template_combo.addItem(label, key)
        self.template_combo.currentIndexChanged.connect(self._template_changed)
        self.template_file = QgsFileWidget(self)
        self.template_file.setObjectName("templateFile")
        self.template_file.setFilter(tr("Layout templates (*.qpt)"))
        template_row.addWidget(self.template_combo)
        template_row.addWidget(self.template_file, 1)
        self.template_label = QLabel(tr("Layout"), self)
        form.addRow(self.template_label, template_row)

        self.dpi_spin = QSpinBox(self)
        self.dpi_spin.setObjectName("dpiSpin")
        self.dpi_spin.setRange(30, 1200)
        self.dpi_spin.setSingleStep(50)
        self.dpi_spin.setValue(300)
        self.dpi_spin.setSuffix(" dpi")
        self.dpi_label = QLabel(tr("Resolution"), self)
        form.addRow(self.dpi_label, self.dpi_spin)

        self.tolerance_spin = QDoubleSpinBox(self)
        self.tolerance_spin.setObjectName("toleranceSpin")
        self.tolerance_spin.setRange(0.0, 500.0)
        self.tolerance_spin.setDecimals(1)
        self.tolerance_spin.setValue(5.0)
        self.tolerance_spin.setSuffix(" m")
        self.tolerance_spin.setToolTip(
            tr("Outlines are simplified by this many metres for the web page: smaller files, faster maps.")
        )
        self.tolerance_label = QLabel(tr("Simplify outlines by"), self)
        form.addRow(self.tolerance_label, self.tolerance_spin)

        self.output = QgsFileWidget(self)
        self.output.setObjectName("outputFile")
        form.addRow(tr("Save to"), self.output)

        self.keep_check = QCheckBox(tr("Keep the atlas in the project (a layout and a switched-off layer group)"), self)
        self.keep_check.setObjectName("keepCheck")
        self.keep_check.setToolTip(
            tr(
                "The layout can then be edited in the layout designer and printed again; its layers go into a "
                "layer group that is switched off. Untick to write only the file."
            )
        )
        self.keep_check.setChecked(True)
        self.keep_check.toggled.connect(lambda keep: self.open_designer.setEnabled(keep))
        form.addRow("", self.keep_check)
        self.open_designer = QCheckBox(tr("Open the layout in the layout designer afterwards"), self)
        self.open_designer.setObjectName("openDesignerCheck")
        self.open_designer.setChecked(True)
        form.addRow("", self.open_designer)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.export_button = QPushButton(tr("Export"), self)
        self.export_button.setObjectName("exportButton")
        self.cancel_button = QPushButton(tr("Cancel export"), self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        # an action, not "accept": the button box would make an accept button the default on show
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    # -- contents --------------------------------------------------------------------
    def _load_catalogues(self) -> None:
        linked = self.store.link_count_by_goal()
        # read once: switching catalogues only filters them
        self._linked_goals = [goal for goal in self.store.goals() if goal.id in linked]
        counts = self.store.link_count_by_catalogue()
        self.catalogue_combo.blockSignals(True)
        self.catalogue_combo.clear()
        self.catalogue_combo.addItem(tr("All catalogues"), "")
        for catalogue in self.store.catalogues(include_disabled=False):
            label = tr("{name} ({count} links)").format(name=catalogue.name, count=counts.get(catalogue.id, 0))
            self.catalogue_combo.addItem(label, catalogue.id)
        self.catalogue_combo.blockSignals(False)
        self._load_goals()

    def _load_goals(self) -> None:
        catalogue_id = self.catalogue_combo.currentData() or None
        self.goal_list.clear()
        for goal in self._linked_goals:
            if catalogue_id and goal.catalogue_id != catalogue_id:
                continue
            item = QListWidgetItem(f"{goal.code}  {goal.title()}")
            item.setData(Qt.ItemDataRole.UserRole, goal.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.goal_list.addItem(item)
        if not self.goal_list.count():
            self.goal_list.addItem(tr("No goal of this catalogue has linked areas yet."))

    def _load_layers(self) -> None:
        self.layer_list.clear()
        for node in QgsProject.instance().layerTreeRoot().findLayers():
            layer = node.layer()
            if layer is None or layer.type() != QgsMapLayerType.VectorLayer:
                continue
            registered = resolve_layer(self.store, layer) is not None
            text = layer.name() if registered else tr("{name} (background)").format(name=layer.name())
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, layer.id())
            item.setData(REGISTERED_ROLE, registered)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = registered or node.isVisible()
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.layer_list.addItem(item)

    def _checked(self, widget: QListWidget) -> list[str]:
        values = []
        for row in range(widget.count()):
            item = widget.item(row)
            value = item.data(Qt.ItemDataRole.UserRole)
            if value and not item.isHidden() and item.checkState() == Qt.CheckState.Checked:
                values.append(value)
        return values

    def selected_format(self) -> str:
        return self.format_combo.currentData()

    def _format_changed(self) -> None:
        fmt = self.selected_format()
        is_atlas, suffix = FORMATS[fmt]
        for widget in (self.template_combo, self.template_file, self.template_label, self.keep_check):
            widget.setVisible(is_atlas)
        self.open_designer.setVisible(is_atlas)
        areas = fmt in AREA_FORMATS
        self.goal_list.setEnabled(is_atlas or areas)
        if is_atlas:
            note = tr("Every ticked goal gets a page of the atlas.")
        elif areas:
            note = tr("Each area linked to a ticked goal gets a section, with those goals.")
        else:
            note = tr("The tables hold every goal with linked areas; choosing goals is for the atlas.")
        self.goal_note.setText(note)
        # background layers are drawn on maps; tables only count registered layers
        drawn = is_atlas or fmt == "areas_pdf"
        for row in range(self.layer_list.count()):
            item = self.layer_list.item(row)
            item.setHidden(not drawn and not item.data(REGISTERED_ROLE))
        self.dpi_spin.setVisible(is_atlas and fmt not in ("svg", "web"))
        self.dpi_label.setVisible(is_atlas and fmt not in ("svg", "web"))
        self.tolerance_spin.setVisible(fmt == "web")
        self.tolerance_label.setVisible(fmt == "web")
        if fmt == "web":  # the web page has no layout: no template, no layout to keep
            for widget in (self.template_combo, self.template_file, self.template_label, self.keep_check):
                widget.setVisible(False)
            self.open_designer.setVisible(False)
        if suffix:
            self.output.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
            self.output.setFilter({".pdf": tr("PDF (*.pdf)"), ".xlsx": tr("Excel (*.xlsx)")}[suffix])
        else:
            self.output.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        current = self.output.filePath().strip()
        if not current or current == self._default_output:
            self._default_output = default_output(fmt)
            self.output.setFilePath(self._default_output)
        self._template_changed()

    def _template_changed(self) -> None:
        own = self.template_combo.currentData() == OWN_TEMPLATE
        self.template_file.setEnabled(own)

    def template(self) -> str:
        key = self.template_combo.currentData()
        return self.template_file.filePath() if key == OWN_TEMPLATE else key

    def output_path(self) -> Path:
        path = Path(self.output.filePath().strip())
        suffix = FORMATS[self.selected_format()][1]
        if suffix and path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        return path

    # -- settings --------------------------------------------------------------------
    def _restore(self) -> None:
        settings = QgsSettings()
        settings.beginGroup(SETTINGS_GROUP)
        self._select(self.format_combo, settings.value("format", "pdf"))
        self._select(self.catalogue_combo, settings.value("catalogue", ""))
        self._select(self.template_combo, settings.value("template", DEFAULT_TEMPLATE))
        self.template_file.setFilePath(settings.value("template_file", ""))
        self.dpi_spin.setValue(int(settings.value("dpi", 300)))
        self.open_designer.setChecked(settings.value("open_designer", True, type=bool))
        self.keep_check.setChecked(settings.value("keep", True, type=bool))
        project = QgsProject.instance()
        output, found = project.readEntry(PROJECT_SCOPE, "export_output", "")
        if found and output:  # where this project's last export went
            self._default_output = ""
            self.output.setFilePath(project.pathResolver().readPath(output))
        layers = settings.value("layers", [], type=list)
        settings.endGroup()
        if layers:
            for row in range(self.layer_list.count()):
                item = self.layer_list.item(row)
                wanted = item.data(Qt.ItemDataRole.UserRole) in layers
                item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def _save(self) -> None:
        settings = QgsSettings()
        settings.beginGroup(SETTINGS_GROUP)
        settings.setValue("format", self.selected_format())
        settings.setValue("catalogue", self.catalogue_combo.currentData() or "")
        settings.setValue("template", self.template_combo.currentData())
        settings.setValue("template_file", self.template_file.filePath())
        settings.setValue("dpi", self.dpi_spin.value())
        settings.setValue("open_designer", self.open_designer.isChecked())
        settings.setValue("keep", self.keep_check.isChecked())
        project = QgsProject.instance()
        project.writeEntry(PROJECT_SCOPE, "export_output", project.pathResolver().writePath(self.output.filePath()))
        settings.setValue("layers", self._checked(self.layer_list))
        settings.endGroup()

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    # -- running ---------------------------------------------------------------------
    def _layers(self) -> list[QgsVectorLayer]:
        project = QgsProject.instance()
        return [project.mapLayer(layer_id) for layer_id in self._checked(self.layer_list)]

    def start_export(self) -> None:
        from ...export.task import areas_task, atlas_task, report_task, web_task

        if not self.output.filePath().strip():
            self._show_status(tr("Choose where to save the export."), error=True)
            return
        fmt = self.selected_format()
        is_atlas = FORMATS[fmt][0]
        goal_ids = self._checked(self.goal_list)
        if (is_atlas or fmt in AREA_FORMATS) and not goal_ids:
            self._show_status(tr("Tick at least one goal."), error=True)
            return
        self._save()
        catalogue_id = self.catalogue_combo.currentData() or None
        if fmt == "web":
            self.task = web_task(
                self.store.uri,
                self._layers(),
                self.output_path(),
                goal_ids=goal_ids,
                tolerance=self.tolerance_spin.value(),
                on_done=self._finished,
            )
        elif is_atlas:
            self.task = atlas_task(
                self.store.uri,
                self._layers(),
                self.output_path(),
                fmt=fmt,
                dpi=self.dpi_spin.value(),
                goal_ids=goal_ids,
                catalogue_id=catalogue_id,
                template=self.template(),
                keep_in_project=self.keep_check.isChecked(),
                on_done=self._atlas_finished,
            )
        elif fmt in AREA_FORMATS:
            self.task = areas_task(
                self.store.uri,
                self._layers(),
                self.output_path(),
                goal_ids=goal_ids,
                catalogue_id=catalogue_id,
                on_done=self._finished,
            )
        else:
            self.task = report_task(
                self.store.uri, self._layers(), self.output_path(), catalogue_id=catalogue_id, on_done=self._finished
            )
        self.task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.export_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._show_status(tr("Exporting…"))
        QgsApplication.taskManager().addTask(self.task)

    def cancel_export(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _finished(self, ok: bool, files, message: str) -> None:
        self.task = None
        self.export_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        if not ok:
            self._show_status(message, error=True)
            return
        self.last_files = list(files or [])
        where = str(self.last_files[0] if len(self.last_files) == 1 else self.output_path())
        self._show_status(tr("Exported to {path}.").format(path=where))
        if self.iface is not None:
            self.iface.messageBar().pushSuccess(tr("Territorial Links"), tr("Exported to {path}.").format(path=where))

    def _atlas_finished(self, ok: bool, result, message: str) -> None:
        """The atlas is written and, when asked, its layout kept in the project (by the task, from its one read)."""
        self._finished(ok, result.files if ok else None, message)
        if not ok or result.layout is None:
            return
        if self.iface is not None:
            self.iface.messageBar().pushInfo(
                tr("Territorial Links"),
                tr(
                    "The layout '{layout}' is kept in the project, with its layers in the switched-off layer "
                    "group '{group}'. Delete both to remove them; the exported file stays."
                ).format(layout=result.layout.name(), group=atlas_group_name(result.layout.name())),
            )
            if self.open_designer.isChecked():
                self.iface.openLayoutDesigner(result.layout)

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;" if error else "")
