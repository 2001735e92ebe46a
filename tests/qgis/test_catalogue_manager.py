"""The catalogue manager as a planner uses it: preview and every problem before anything is
written, Import only when the file is clean, enable/disable, delete with a warning for links."""

import os
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QPushButton

from territorial_plugin.core.catalogues.importer import import_catalogues
from territorial_plugin.core.model import LinkSpec, RegisteredLayer
from territorial_plugin.core.store import open_store
from territorial_plugin.gui.dialogs import catalogue_manager
from territorial_plugin.gui.dialogs.catalogue_manager import CatalogueManagerDialog

DATA = Path(__file__).resolve().parents[1] / "data" / "catalogues"
SHOTS = Path(os.environ.get("CATALOGUE_SHOTS", "/tmp"))


@pytest.fixture
def store(tmp_path, qgis_app):
    path = tmp_path / "links.gpkg"
    import_catalogues("miljomal", str(path))
    import_catalogues("rus_ac_2030", str(path))
    with open_store(str(path)) as opened:
        yield opened


@pytest.fixture
def dialog(store):
    widget = CatalogueManagerDialog(store)
    widget.show()
    yield widget
    widget.close()
    widget.deleteLater()


def messages(dialog):
    shown = dialog.importer.message_list
    return [shown.item(i).text() for i in range(shown.count())]


def listed_ids(dialog):
    table = dialog.catalogue_table
    return [table.item(row, 1).text() for row in range(table.rowCount())]


def test_lists_the_catalogues_of_the_store(dialog):
    assert listed_ids(dialog) == ["miljomal", "rus_ac_2030"]
    table = dialog.catalogue_table
    assert table.item(0, 2).text() == "Miljömålen – generationsmålet och de 16 miljökvalitetsmålen"
    assert table.item(0, 4).text() == "17"


def test_broken_file_shows_preview_and_every_problem_and_cannot_be_imported(dialog, store):
    dialog.importer.set_file(str(DATA / "bad" / "unknown_parent.csv"))
    assert dialog.importer.preview_table.rowCount() == 2
    assert dialog.importer.preview_table.item(1, 2).text() == "Åsele"
    assert dialog.importer.preview_table.verticalHeaderItem(1).text() == "3"  # the file's row number, as in the message
    assert "not a code in this catalogue" in dialog.importer.preview_table.item(1, 1).toolTip()
    assert messages(dialog) == [
        "✖ unknown_parent.csv, row 3, column 'överordnad': "
        "the parent '9' of goal '1.1' is not a code in this catalogue."
    ]
    assert not dialog.importer.import_button.isEnabled()
    assert "Nothing has been imported" in dialog.importer.status_label.text()
    dialog.grab().save(str(SHOTS / "catalogue_manager_invalid.png"))
    assert [c.id for c in store.catalogues()] == ["miljomal", "rus_ac_2030"]


def test_spreadsheet_problems_name_the_cell(dialog):
    dialog.importer.set_file(str(DATA / "bad" / "merged_cells.xlsx"))
    assert messages(dialog) == [
        "✖ merged_cells.xlsx, cell D2:D3, column 'beskrivning': merged cells; unmerge them and fill in every cell."
    ]
    assert not dialog.importer.import_button.isEnabled()


def test_good_file_previews_then_imports(dialog, store):
    dialog.importer.set_file(str(DATA / "good" / "workbook.xlsx"))
    dialog.importer.id_edit.setText("rus_prioriteringar")
    dialog.importer.name_edit.setText("RUS prioriteringar")
    assert dialog.importer.validate()
    assert dialog.importer.import_button.isEnabled()
    assert messages(dialog) == ["⚠ workbook.xlsx, column 'anteckning': the column 'anteckning' is not used."]
    assert dialog.importer.preview_table.horizontalHeaderItem(0).text() == "kod → code"
    assert dialog.importer.preview_table.item(2, 2).text() == "Örnsköldsvik"
    dialog.grab().save(str(SHOTS / "catalogue_manager_ready.png"))
    changed = []
    dialog.catalogues_changed.connect(lambda: changed.append(True))
    assert dialog.importer.commit()
    assert changed
    assert "rus_prioriteringar" in listed_ids(dialog)
    assert [g.title_sv for g in store.goals("rus_prioriteringar")] == ["Ängsö", "Åsele", "Örnsköldsvik"]
    assert store.catalogue("rus_prioriteringar").name == "RUS prioriteringar"


def test_existing_id_is_a_problem_before_import(dialog):
    dialog.importer.set_file(str(DATA / "good" / "utf8_comma.csv"))
    dialog.importer.id_edit.setText("miljomal")
    dialog.importer.level_combo.setCurrentIndex(dialog.importer.level_combo.findData("national"))
    assert not dialog.importer.validate()
    assert any("already in the link store" in text for text in messages(dialog))


def test_column_choice_fixes_an_unknown_header(dialog, tmp_path):
    path = tmp_path / "egen.csv"
    path.write_text("Nummer;Målets namn\r\nA;Ängsö\r\n", encoding="utf-8")
    dialog.importer.set_file(str(path))
    assert not dialog.importer.import_button.isEnabled()
    combo = dialog.importer.mapping_combos["title_sv"]
    combo.setCurrentIndex(combo.findData("Målets namn"))
    assert dialog.importer.import_button.isEnabled()


def test_bundled_source_and_disable(dialog, store):
    dialog.importer.source_combo.setCurrentIndex(dialog.importer.source_combo.findData("agenda2030"))
    assert dialog.importer.import_button.isEnabled()
    assert dialog.importer.commit()
    assert store.catalogue("agenda2030") is not None
    row = listed_ids(dialog).index("agenda2030")
    dialog.catalogue_table.item(row, 0).setCheckState(Qt.CheckState.Unchecked)
    assert store.catalogue("agenda2030").enabled is False


def test_delete_warns_when_links_exist_and_keeps_a_copy_of_the_store(dialog, store, monkeypatch, tmp_path):
    store.register_layer(RegisteredLayer("lyr", "Markanvändning", "x.gpkg", "ogr", "id"))
    store.link("lyr", ["1", "2"], ["miljomal:15"], LinkSpec(), "test")
    asked = []

    def answer(yes):
        def fake(parent, title, text, action, detail=""):
            asked.append((text, action, detail))
            return yes

        return fake

    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    dialog.catalogue_table.selectRow(0)
    monkeypatch.setattr(catalogue_manager, "confirm", answer(False))
    assert not dialog.delete_selected()
    assert "has 2 links to areas" in asked[-1][0]
    assert str(tmp_path) in asked[-1][2]  # says where the copy goes: beside the store
    assert store.catalogue("miljomal") is not None
    assert not list(tmp_path.glob("*.bak-*.gpkg"))
    monkeypatch.setattr(catalogue_manager, "confirm", answer(True))
    assert dialog.delete_selected()
    assert store.catalogue("miljomal") is None
    assert listed_ids(dialog) == ["rus_ac_2030"]
    (backup,) = tmp_path.glob("links.bak-miljomal-*.gpkg")
    with open_store(str(backup)) as copy:
        assert copy.catalogue("miljomal") is not None
        assert sorted(link.feature_key for link in copy.links() if link.goal_id == "miljomal:15") == ["1", "2"]
    dialog.catalogue_table.selectRow(0)
    assert dialog.delete_selected()
    assert "No areas are linked" in asked[-1][0]
    assert len(list(tmp_path.glob("*.bak-*.gpkg"))) == 1  # no copy where no link is lost


@pytest.fixture
def enter_in_every_box():
    """Answer every box that opens with Enter, as a planner hammering Enter would; the
    names of the boxes answered are listed."""
    pressed, running = [], [True]

    def press():
        if not running:
            return
        modal = QApplication.activeModalWidget()
        if modal is not None:
            pressed.append(modal.objectName() or type(modal).__name__)
            QTest.keyClick(modal, Qt.Key.Key_Return)
        QTimer.singleShot(50, press)

    QTimer.singleShot(50, press)
    yield pressed
    running.clear()
    QTest.qWait(120)


def test_enter_never_deletes_or_replaces_a_catalogue(dialog, store, enter_in_every_box):
    store.register_layer(RegisteredLayer("lyr", "Markanvändning", "x.gpkg", "ogr", "id"))
    store.link("lyr", ["1"], ["rus_ac_2030:M1"], LinkSpec(), "test")
    dialog.catalogue_table.selectRow(1)
    file_edit = dialog.findChild(QLineEdit, "fileEdit")
    file_edit.setText(str(DATA / "good" / "utf8_bom_semicolon.csv"))
    for widget in (file_edit, dialog.findChild(QLineEdit, "idEdit"), dialog.catalogue_table, dialog):
        widget.setFocus()
        QTest.keyClick(widget, Qt.Key.Key_Return)
        QTest.keyClick(widget, Qt.Key.Key_Enter)
        QTest.qWait(120)
    assert listed_ids(dialog) == ["miljomal", "rus_ac_2030"]
    assert len(store.goals()) > 0 and store.link_count_by_catalogue()["rus_ac_2030"] == 1
    assert not any(button.autoDefault() or button.isDefault() for button in dialog.findChildren(QPushButton))


def test_the_question_before_a_deletion_answers_no_to_enter(dialog, enter_in_every_box):
    assert not catalogue_manager.confirm(dialog, "Ta bort", "Ta bort katalogen?", "Ta bort katalogen")
    assert enter_in_every_box == ["confirmDialog"]


def test_columns_and_levels_in_words_a_planner_uses(dialog):
    level = dialog.findChild(QComboBox, "levelCombo")
    texts = [level.itemText(i) for i in range(level.count())]
    assert not set(texts) & {"global", "eu", "national", "regional", "municipal"}
    assert "Regional" in texts
    for key in ("code", "parent", "title_sv", "kind"):
        combo = dialog.findChild(QComboBox, f"map_{key}")
        assert key not in combo.itemText(0) and key not in combo.toolTip()
