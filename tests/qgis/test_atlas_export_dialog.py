"""The export dialog: export through its own widgets, remember the choices, keep the layout."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject, QgsSettings
from qgis.PyQt.QtCore import Qt

from territorial_plugin.core.catalogues.bundled import load_bundled
from territorial_plugin.core.identity import register_layer
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.store import open_store
from territorial_plugin.export import service
from territorial_plugin.export.layout_writer import export_layout
from territorial_plugin.gui.dialogs.export_dialog import SETTINGS_GROUP, ExportDialog

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts" / "export"


@pytest.fixture()
def project_store(qgis_iface, tmp_path):
    QgsSettings().remove(SETTINGS_GROUP)
    project = QgsProject.instance()
    assert project.read(str(ROOT / "resources" / "sample" / "exempelkommun.qgs"))
    land_use = next(layer for layer in project.mapLayers().values() if layer.name().startswith("Markanv"))
    store = open_store(str(tmp_path / "links.gpkg"), create=True)
    catalogue, goals = load_bundled("agenda2030")
    store.save_catalogue(catalogue, goals)
    record = register_layer(store, land_use, "omr_id")
    store.link(record.layer_uid, ["EK-001", "EK-002"], ["agenda2030:11"], LinkSpec("supports", 3, "Täthet"), "t")
    store.link(record.layer_uid, ["EK-035"], ["agenda2030:15"], LinkSpec("conflicts", 2, "Renbete"), "t")
    yield store
    store.close()
    project.clear()
    QgsSettings().remove(SETTINGS_GROUP)


def _wait(dialog, seconds=60):
    end = time.monotonic() + seconds
    while dialog.task is not None and time.monotonic() < end:
        QgsApplication.processEvents()
        time.sleep(0.02)
    QgsApplication.processEvents()


def _checked_goals(dialog):
    return [dialog.goal_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.goal_list.count())]


def test_export_atlas_through_the_dialog(qgis_iface, project_store, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(qgis_iface, "openLayoutDesigner", lambda layout: opened.append(layout), raising=False)
    dialog = ExportDialog(qgis_iface, project_store)
    dialog.show()
    assert _checked_goals(dialog) == ["agenda2030:11", "agenda2030:15"]
    dialog.output.setFilePath(str(tmp_path / "atlas"))  # the suffix is added
    dialog.open_designer.setChecked(True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "export_dialog.png"))
    dialog.export_button.click()
    _wait(dialog)
    assert (tmp_path / "atlas.pdf").is_file(), dialog.status.text()
    layouts = [layout.name() for layout in QgsProject.instance().layoutManager().layouts()]
    assert any("Agenda 2030" in name for name in layouts)
    assert len(opened) == 1


class _WatchedStore:
    """The dialog's store, noting every use of it once ``watching`` is set (only ``uri`` is free)."""

    def __init__(self, store):
        self._store = store
        self.uri = store.uri
        self.watching = False
        self.used: list[str] = []

    def __getattr__(self, name):
        if self.watching:
            self.used.append(name)
        return getattr(self._store, name)


def _page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def test_pdf_and_kept_layout_come_from_the_tasks_one_read(qgis_iface, project_store, tmp_path, monkeypatch):
    """Another planner links an area while the atlas is being written: the PDF and the layout kept in
    the project both show the store as the task read it, and the dialog never asks the store itself."""
    record = project_store.layers()[0]
    gather_inputs = service.gather_inputs

    def read_then_someone_links(*args, **kwargs):
        inputs = gather_inputs(*args, **kwargs)  # the task's read
        with open_store(project_store.uri) as other:
            other.link(record.layer_uid, ["EK-003"], ["agenda2030:11"], LinkSpec("supports", 1, "Ny"), "other")
        return inputs

    monkeypatch.setattr(service, "gather_inputs", read_then_someone_links)
    store = _WatchedStore(project_store)
    dialog = ExportDialog(qgis_iface, store)
    dialog.open_designer.setChecked(False)
    dialog.output.setFilePath(str(tmp_path / "atlas.pdf"))
    store.watching = True
    dialog.export_button.click()
    _wait(dialog)
    assert store.used == []
    pdf = tmp_path / "atlas.pdf"
    assert pdf.is_file(), dialog.status.text()
    assert len(project_store.links(None, ["agenda2030:11"])) == 3, "the link was added during the export"
    kept = next(layout for layout in QgsProject.instance().layoutManager().layouts() if "Agenda 2030" in layout.name())
    printed = _page_texts(pdf)
    assert _page_texts(export_layout(kept, tmp_path / "kept.pdf", "pdf")[0]) == printed
    assert len(printed) == 3 and "EK-001" in printed[1] and "EK-003" not in "".join(printed)


def test_export_tables_and_remember_choices(qgis_iface, project_store, tmp_path):
    dialog = ExportDialog(qgis_iface, project_store)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    assert not dialog.template_combo.isVisibleTo(dialog)
    dialog.output.setFilePath(str(tmp_path / "tabell.xlsx"))
    dialog.export_button.click()
    _wait(dialog)
    assert (tmp_path / "tabell.xlsx").is_file(), dialog.status.text()
    again = ExportDialog(qgis_iface, project_store)
    assert again.selected_format() == "xlsx"
    assert again.output.filePath() == str(tmp_path / "tabell.xlsx")


def test_cancel_in_the_dialog_leaves_nothing(qgis_iface, project_store, tmp_path):
    dialog = ExportDialog(qgis_iface, project_store)
    dialog.output.setFilePath(str(tmp_path / "out" / "atlas.pdf"))
    dialog.export_button.click()
    dialog.cancel_export()
    _wait(dialog)
    assert not (tmp_path / "out" / "atlas.pdf").exists()
    assert dialog.export_button.isEnabled()


def test_missing_output_is_explained(qgis_iface, project_store):
    dialog = ExportDialog(qgis_iface, project_store)
    dialog.output.setFilePath("")
    dialog.export_button.click()
    assert dialog.task is None
    assert dialog.status.text()


def test_a_new_export_starts_beside_the_project_and_says_why_a_control_is_off(qgis_iface, project_store):
    project = QgsProject.instance()
    dialog = ExportDialog(qgis_iface, project_store)
    folder = Path(project.absolutePath())
    assert dialog.output.filePath() == str(folder / "exempelkommun_malatlas.pdf")
    assert "page" in dialog.goal_note.text()
    backgrounds = [i for i in range(dialog.layer_list.count()) if "(background)" in dialog.layer_list.item(i).text()]
    assert backgrounds and not any(dialog.layer_list.item(i).isHidden() for i in backgrounds)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    assert dialog.output.filePath() == str(folder / "exempelkommun_maltabell.xlsx")
    assert not dialog.goal_list.isEnabled() and "atlas" in dialog.goal_note.text()
    # tables count registered layers only: the background layer is not offered
    assert all(dialog.layer_list.item(i).isHidden() for i in backgrounds)
    assert len(dialog._layers()) == 1


def test_the_atlas_can_be_written_without_keeping_it_in_the_project(qgis_iface, project_store, tmp_path):
    dialog = ExportDialog(qgis_iface, project_store)
    dialog.keep_check.setChecked(False)
    assert not dialog.open_designer.isEnabled()
    dialog.output.setFilePath(str(tmp_path / "atlas.pdf"))
    dialog.export_button.click()
    _wait(dialog)
    assert (tmp_path / "atlas.pdf").is_file(), dialog.status.text()
    assert not QgsProject.instance().layoutManager().layouts()
    assert not [g for g in QgsProject.instance().layerTreeRoot().findGroups() if "atlas" in g.name().lower()]


def test_area_sections_through_the_dialog(qgis_iface, project_store, tmp_path):
    dialog = ExportDialog(qgis_iface, project_store)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("areas_pdf"))
    assert dialog.goal_list.isEnabled() and "section" in dialog.goal_note.text()
    assert dialog.output.filePath().endswith("exempelkommun_omraden.pdf")
    dialog.output.setFilePath(str(tmp_path / "omraden.pdf"))
    dialog.export_button.click()
    _wait(dialog)
    assert (tmp_path / "omraden.pdf").is_file(), dialog.status.text()
    text = _page_texts(tmp_path / "omraden.pdf")
    assert len(text) == 3 and "Täthet" in "".join(text)  # EK-001, EK-002 and EK-035, each on a page


def test_export_web_atlas_through_the_dialog(qgis_iface, project_store, tmp_path):
    dialog = ExportDialog(qgis_iface, project_store)
    dialog.show()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("web"))
    assert dialog.goal_list.isEnabled()  # goals are chosen as for the atlas
    assert not dialog.template_combo.isVisibleTo(dialog) and not dialog.dpi_spin.isVisibleTo(dialog)
    assert dialog.tolerance_spin.isVisibleTo(dialog) and dialog.tolerance_spin.value() == 5.0
    dialog.tolerance_spin.setValue(20.0)  # the planner's choice reaches the export
    dialog.output.setFilePath(str(tmp_path / "webbatlas"))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "export_dialog_web.png"))
    dialog.export_button.click()
    _wait(dialog)
    index = tmp_path / "webbatlas" / "index.html"
    assert index.is_file(), dialog.status.text()
    assert dialog.last_files == [index]
    data = (tmp_path / "webbatlas" / "data.js").read_text(encoding="utf-8")
    assert "Renbete" in data and (tmp_path / "webbatlas" / "malatlas.pdf").is_file()


def test_enter_writes_no_export(qgis_iface, project_store, tmp_path):
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QPushButton

    dialog = ExportDialog(qgis_iface, project_store)
    dialog.show()
    dialog.output.setFilePath(str(tmp_path / "atlas.pdf"))
    assert not any(button.isDefault() or button.autoDefault() for button in dialog.findChildren(QPushButton))
    for widget in (dialog.format_combo, dialog.goal_list, dialog.layer_list, dialog):
        QTest.keyClick(widget, Qt.Key.Key_Return)
    QgsApplication.processEvents()
    assert dialog.task is None and not (tmp_path / "atlas.pdf").exists()
    dialog.close()
