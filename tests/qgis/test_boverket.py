"""Boverket's ÖP model: the bundled categories, the example rules on the sample municipality."""

from __future__ import annotations

import json

from qgis.core import QgsProject, QgsVectorLayer

from territorial_plugin.core.catalogues.bundled import BUNDLED_IDS, load_bundled
from territorial_plugin.core.identity import register_layer
from territorial_plugin.core.rules.apply import apply_rules, select_rules
from territorial_plugin.core.rules.boverket import example_rules_path, land_and_water_use, propose_category_field
from territorial_plugin.core.rules.files import import_rule_file
from territorial_plugin.core.store import open_store
from territorial_plugin.paths import resource

BOVERKET = (
    "Mångfunktionell bebyggelse",
    "Sammanhängande bostadsbebyggelse",
    "Verksamheter och industri",
    "Transportinfrastruktur",
    "Teknisk anläggning",
    "Areell näring",
    "Grönområde och park",
    "Natur och friluftsliv",
    "Landsbygd",
    "Vatten",
)


def test_the_category_list_is_boverkets_exactly(qgis_app):
    categories = land_and_water_use()
    assert categories.categories == BOVERKET
    assert (categories.version, categories.aspect) == ("2.1", "Mark- och vattenanvändning")


def test_the_example_rules_are_marked_and_cover_every_category(qgis_app):
    data = json.loads(example_rules_path().read_text(encoding="utf-8"))
    assert data["example"] is True and "EXEMPEL" in data["note"]
    covered = {rule["expression"].split("=", 1)[1].strip().strip("'") for rule in data["rules"]}
    assert covered == set(BOVERKET)


def test_the_example_rules_import_into_a_store_with_the_panels_catalogues(qgis_app, tmp_path):
    """A new user adds the bundled catalogues with the panel's button (never the example catalogue)
    and then imports the example rule set: every goal it names must be there."""
    store = open_store(str(tmp_path / "links.gpkg"), create=True)
    for catalogue_id in BUNDLED_IDS:
        if not catalogue_id.endswith("_example"):
            store.save_catalogue(*load_bundled(catalogue_id))
    rule_file, result = import_rule_file(store, example_rules_path(), "gis")
    assert result.inserted == len(rule_file.rules) == len(BOVERKET)
    store.close()


def test_sample_municipality_carries_boverkets_category_and_example_rules_link_it(qgis_app, tmp_path):
    layer = QgsVectorLayer(str(resource("sample", "markanvandning.geojson")), "Markanvändning (ÖP)", "ogr")
    assert layer.isValid() and QgsProject.instance().addMapLayer(layer)
    try:
        values = {f["kategori_boverket"] for f in layer.getFeatures()}
        assert values <= set(BOVERKET) and len(values) >= 6
        assert propose_category_field(layer) == "kategori_boverket"
        store = open_store(str(tmp_path / "links.gpkg"), create=True)
        for catalogue_id in ("agenda2030", "miljomal", "nrs2030", "rus_ac_2030", "strukturbild_example"):
            store.save_catalogue(*load_bundled(catalogue_id))
        record = register_layer(store, layer, "omr_id")
        rule_file, result = import_rule_file(store, example_rules_path(), "gis")
        assert result.inserted == len(BOVERKET) == len(rule_file.rules)
        applied = apply_rules(store, layer, record, select_rules(store, record), link=True, user="gis")
        assert applied.written.inserted > 0
        linked = {x.feature_key for x in store.links([record.layer_uid])}
        assert linked == {f["omr_id"] for f in layer.getFeatures()}  # every area of the sample has a category
        first = next(f for f in layer.getFeatures() if f["omr_id"] == "EK-001")
        motivation = next(x.motivation for x in store.links([record.layer_uid]) if x.feature_key == "EK-001")
        assert motivation.startswith(first["namn"] + ":")
        store.close()
    finally:
        QgsProject.instance().removeAllMapLayers()


def _template_layer(tmp_path, fields: dict[str, list]):
    """A GeoPackage layer drawn in the ÖP model: a key ``objektid`` and the given text fields."""
    from qgis.core import QgsFeature

    from .store_layers import square, write

    spec = "&".join(f"field={name}:string" for name in ["objektid", *fields])
    memory = QgsVectorLayer(f"Polygon?crs=EPSG:3006&{spec}", "ÖP mark och vatten", "memory")
    rows = list(zip(*fields.values()))
    features = []
    for i, values in enumerate(rows):
        feature = QgsFeature(memory.fields())
        feature.setAttributes([f"OBJ-{i}", *values])
        feature.setGeometry(square(i))
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    return write(memory, tmp_path / "op_mark_och_vatten.gpkg", "GPKG")


def test_register_dialog_proposes_the_field_holding_boverkets_categories(qgis_app, tmp_path):
    from qgis.PyQt.QtWidgets import QComboBox, QLabel

    from territorial_plugin.core.areas import category_field
    from territorial_plugin.gui.dialogs.register_layer import RegisterLayerDialog

    layer = _template_layer(
        tmp_path, {"kommentar": ["Ny", "Ny", "Befintlig"], "anv_form": ["Vatten", "Landsbygd", "Areell näring"]}
    )
    dialog = RegisterLayerDialog(layer)
    combo, hint = dialog.findChild(QComboBox, "categoryFieldCombo"), dialog.findChild(QLabel, "categoryHintLabel")
    assert combo.currentData() == "anv_form" == dialog.category_field()
    assert not hint.isHidden() and "anv_form" in hint.text()
    assert category_field(layer, "objektid") is None  # no usual name: found by its values only
    dialog.accept()
    assert category_field(layer, "objektid") == "anv_form"  # the exports use the choice from now on


def test_register_dialog_proposes_a_field_named_like_the_templates_or_none(qgis_app, tmp_path):
    from qgis.PyQt.QtWidgets import QLabel

    from territorial_plugin.core.areas import category_field
    from territorial_plugin.gui.dialogs.register_layer import RegisterLayerDialog

    named = _template_layer(tmp_path, {"markanvandning": ["B1", "N2"]})  # codes, not Boverket's names
    dialog = RegisterLayerDialog(named)
    assert dialog.category_field() == "markanvandning"
    assert "markanvandning" in dialog.findChild(QLabel, "categoryHintLabel").text()
    plain = QgsVectorLayer("Polygon?crs=EPSG:3006&field=objektid:string&field=anteckning:string", "skiss", "memory")
    dialog = RegisterLayerDialog(plain)
    assert dialog.category_field() == "" and dialog.findChild(QLabel, "categoryHintLabel").isHidden()
    dialog.accept()
    assert category_field(plain, "objektid") is None
    dialog = RegisterLayerDialog(named)
    dialog.category_combo.setCurrentIndex(0)  # the planner says: no category field
    dialog.accept()
    assert category_field(named, "objektid") is None
