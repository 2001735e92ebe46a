"""Processing run from the toolbox starts from the open project: its link store and its
registered layers are the dialogs' defaults, and an algorithm run with them works."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback, QgsProject
from qgis.gui import QgsFileWidget

import territorial_plugin
from territorial_plugin.core.identity import register_layer
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.project.link_store import remember_store

from .store_layers import memory_layer, seeded_store, write


@pytest.fixture
def project_with_store(tmp_path, qgis_processing):
    plugin = territorial_plugin.classFactory(None)
    plugin.initProcessing()
    project = QgsProject.instance()
    project.clear()
    layer = write(memory_layer(4), tmp_path / "markanvandning.gpkg", "GPKG")
    background = write(memory_layer(2, key=False, name="water"), tmp_path / "vatten.gpkg", "GPKG")
    assert project.addMapLayers([layer, background])
    store = seeded_store(tmp_path / "links.gpkg")
    record = register_layer(store, layer, "omr_id")
    store.link(record.layer_uid, ["A0", "A1"], ["t:1"], LinkSpec(motivation="Nära stationen"), "test")
    store.close()
    remember_store(str(tmp_path / "links.gpkg"), project)
    yield project, layer, tmp_path
    project.clear()
    plugin.unload()


def _algorithm(algorithm_id: str):
    return QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)


def test_store_and_layers_default_to_the_project(project_with_store):
    _, layer, tmp_path = project_with_store
    check = _algorithm("territorial:checkintegrity")
    assert check.parameterDefinition("STORE").defaultValue() == str(tmp_path / "links.gpkg")
    assert check.parameterDefinition("LAYERS").defaultValue() == [layer.id()]  # not the unregistered water
    for export in ("territorial:exportatlas", "territorial:coveragereport"):
        assert _algorithm(export).parameterDefinition("LAYERS").defaultValue() == [layer.id()]
    link = _algorithm("territorial:linkfeatures")
    assert link.parameterDefinition("LAYER").defaultValue() == layer.id()
    # a file picker for the GeoPackage, and a PostgreSQL store can still be typed
    store = link.parameterDefinition("STORE")
    assert store.checkValueIsAcceptable("postgres:Regionens kopplingsdatabas")
    assert store.checkValueIsAcceptable(str(tmp_path / "links.gpkg"))


def test_the_store_field_of_a_dialog_is_a_file_picker_starting_at_the_project_store(project_with_store):
    from processing.gui.wrappers import WidgetWrapperFactory

    _, _, tmp_path = project_with_store
    algorithm = _algorithm("territorial:coveragereport")
    wrapper = WidgetWrapperFactory.create_wrapper(algorithm.parameterDefinition("STORE"), None)
    assert isinstance(wrapper.widget, QgsFileWidget)
    assert "*.gpkg" in wrapper.widget.filter()
    assert wrapper.value() == str(tmp_path / "links.gpkg")
    wrapper.setValue("postgres:Regionens kopplingsdatabas")
    assert wrapper.value() == "postgres:Regionens kopplingsdatabas"


def test_an_algorithm_runs_with_the_defaults_the_project_gives(project_with_store):
    """As the dialog does: every parameter starts at its default; only the output is chosen."""
    from qgis import processing

    check = _algorithm("territorial:checkintegrity")
    parameters = {d.name(): d.defaultValue() for d in check.parameterDefinitions() if d.defaultValue() is not None}
    result = processing.run("territorial:checkintegrity", parameters)
    assert result["PROBLEMS"] == 0 and result["MISSING_LAYERS"] == 0
    report = _algorithm("territorial:coveragereport")
    output = project_with_store[2] / "maltabell.xlsx"
    parameters = {d.name(): d.defaultValue() for d in report.parameterDefinitions() if d.defaultValue() is not None}
    processing.run("territorial:coveragereport", {**parameters, "OUTPUT": str(output)})
    assert output.is_file()


def test_a_stage_compares_with_now_when_the_dialog_leaves_the_layers_empty(project_with_store):
    """A planner saves a stage, changes a link, and compares with now filling in only the stage and the
    output (LAYERS has no default: it is empty for two stages); the stage's layers in the project are read."""
    from qgis import processing

    from territorial_plugin.core.store import open_store

    _, layer, tmp_path = project_with_store
    store_path = str(tmp_path / "links.gpkg")
    processing.run("territorial:savestage", {"STORE": store_path, "LAYERS": [layer.id()], "STAGE": "Samråd"})
    with open_store(store_path) as store:
        uid = store.layers()[0].layer_uid
        store.update_link(uid, "A0", "t:1", "test", stance="conflicts", motivation="Efter samrådet")
    compare = _algorithm("territorial:comparestages")
    assert compare.parameterDefinition("LAYERS").defaultValue() is None
    output = tmp_path / "jamforelse.xlsx"
    log = _Log()
    result = processing.run(
        "territorial:comparestages",
        {"STORE": store_path, "FROM": "Samråd", "TO": "", "OUTPUT": str(output)},
        feedback=log,
    )
    assert result["CHANGES"] == 1 and output.is_file()
    assert "1 change from Samråd to Now; 1 goal changed." in log.lines  # counts in the singular for one


class _Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = ""

    def pushInfo(self, info):
        self.lines += info + "\n"


def test_no_project_no_default(qgis_processing):
    plugin = territorial_plugin.classFactory(None)
    plugin.initProcessing()
    QgsProject.instance().clear()
    try:
        report = _algorithm("territorial:checkintegrity")
        assert not report.parameterDefinition("STORE").defaultValue()
        assert not report.parameterDefinition("LAYERS").defaultValue()
    finally:
        plugin.unload()


def _stage_dialog(algorithm_id: str):
    """The algorithm's dialog as the toolbox opens it, and its parameter wrappers by name."""
    from processing import createAlgorithmDialog

    dialog = createAlgorithmDialog(algorithm_id, {})
    return dialog, dialog.mainWidget().wrappers


def _listed(wrapper) -> list[tuple[str, str]]:
    model = wrapper.widget.model()
    return [(model.item(row, 0).text(), model.item(row, 1).text()) for row in range(model.rowCount())]


def test_stage_fields_list_the_saved_stages_of_the_dialogs_store(project_with_store, qgis_iface, monkeypatch):
    """FROM and TO of comparestages and STAGE of the exports list the store's stages (who saved each);
    another store chosen in the dialog lists its own; a name can still be typed."""
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: None, raising=False)  # the dialog asks the real one
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QComboBox

    from territorial_plugin.core.stages.service import save_stage
    from territorial_plugin.core.store import open_store
    from territorial_plugin.processing.stages.stage_widget import STORE_SETTLE_MS

    project, layer, tmp_path = project_with_store
    with open_store(str(tmp_path / "links.gpkg")) as store:
        save_stage(store, [layer], "Samråd", "", "anna", project=project)
        save_stage(store, [layer], "Granskning", "", "bertil", project=project)
    with seeded_store(tmp_path / "other.gpkg") as other:
        register_layer(other, layer, "omr_id")
        save_stage(other, [layer], "Antagande", "", "cecilia", project=project)

    dialog, wrappers = _stage_dialog("territorial:comparestages")
    try:
        for name in ("FROM", "TO"):
            assert isinstance(wrappers[name].widget, QComboBox) and wrappers[name].widget.isEditable()
            assert _listed(wrappers[name]) == [("Samråd", "anna"), ("Granskning", "bertil")]
        wrappers["FROM"].widget.setCurrentIndex(1)
        assert wrappers["FROM"].parameterValue() == "Granskning"
        wrappers["TO"].setParameterValue("Samråd 2 (typed)", dialog.mainWidget().processing_context)
        assert wrappers["TO"].parameterValue() == "Samråd 2 (typed)"  # a name not listed is kept as typed
        wrappers["STORE"].setValue(str(tmp_path / "other.gpkg"))
        QTest.qWait(STORE_SETTLE_MS + 200)
        assert _listed(wrappers["FROM"]) == [("Antagande", "cecilia")]
        assert wrappers["FROM"].parameterValue() == "Granskning"  # what the field held stays
        assert wrappers["TO"].parameterValue() == "Samråd 2 (typed)"
        with open_store(str(tmp_path / "other.gpkg")) as other:  # saved while the dialog is open
            save_stage(other, [layer], "Aktualitet", "", "david", project=project)
        wrappers["TO"].widget.showPopup()  # the list is read again as it opens
        wrappers["TO"].widget.hidePopup()
        assert _listed(wrappers["TO"]) == [("Antagande", "cecilia"), ("Aktualitet", "david")]
        assert wrappers["TO"].parameterValue() == "Samråd 2 (typed)"
        wrappers["STORE"].setValue(str(tmp_path / "missing.gpkg"))
        QTest.qWait(STORE_SETTLE_MS + 200)
        assert _listed(wrappers["FROM"]) == [] and "does not exist" in wrappers["FROM"].widget.toolTip()
    finally:
        dialog.close()
    for algorithm_id in ("territorial:exportatlas", "territorial:coveragereport"):
        dialog, wrappers = _stage_dialog(algorithm_id)
        try:
            assert wrappers["STAGE"].label.text().endswith("(empty: the plan now) [optional]")
            assert _listed(wrappers["STAGE"]) == [("Samråd", "anna"), ("Granskning", "bertil")]
            assert wrappers["STAGE"].parameterValue() == ""  # empty: the plan now
        finally:
            dialog.close()
    dialog, wrappers = _stage_dialog("territorial:savestage")  # a new name: no list of the old ones
    try:
        assert not isinstance(wrappers["STAGE"].wrappedWidget(), QComboBox)
    finally:
        dialog.close()
