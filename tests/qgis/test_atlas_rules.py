"""The atlas says which links came from which rule: the rule's name after the motivation."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from qgis.core import QgsProject

from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.rules.suggestions import accept, suggestions
from territorial_plugin.export.atlas.build import AtlasOptions, export_atlas
from territorial_plugin.export.atlas.table import table_contents
from territorial_plugin.export.service import build_atlas_from, gather_inputs

from .rules_support import NEAR, WATER, plan_layer, rules_store


@pytest.fixture
def plan(tmp_path, qgis_app):
    layer = plan_layer(tmp_path / "plan.gpkg")
    assert QgsProject.instance().addMapLayer(layer)
    store, record = rules_store(tmp_path / "links.gpkg", layer)
    store.save_rules([NEAR, WATER], "gis")
    yield store, layer, record
    store.close()
    QgsProject.instance().removeAllMapLayers()


def test_goal_page_names_the_rule_of_rule_made_links(plan, tmp_path):
    store, layer, record = plan
    fids = [f.id() for f in layer.getFeatures() if f["omr_id"] in ("B1", "B3")]
    accept(store, record, [s for s in suggestions(store, layer, record, fids) if s.goal_id == "t:1"], "planerare")
    # B3's link edited by a planner becomes the planner's: no rule named for it
    store.update_link(record.layer_uid, "B3", "t:1", "planerare", motivation="Planerarens bedömning")
    store.link(record.layer_uid, ["N1"], ["t:1"], LinkSpec(motivation="Skogen – egen länk"), "planerare")
    inputs = gather_inputs(store, [layer])
    atlas = build_atlas_from(inputs, [layer], AtlasOptions(), QgsProject.instance())
    page = next(p for p in atlas.data.pages if p.goal.id == "t:1")
    assert {row.feature_key: row.rule for row in page.rows} == {"B1": NEAR.name, "B3": "", "N1": ""}
    texts = {cells[0].content(): cells[5].content() for cells in table_contents(page.rows)}
    rule_note = texts["B1"].rsplit(" (", 1)[1]
    assert texts["B1"].startswith("Området Östra Ängen ligger 400 m")
    assert rule_note in (f"rule: {NEAR.name})", f"regel: {NEAR.name})")
    assert texts["B3"] == "Planerarens bedömning" and texts["N1"] == "Skogen – egen länk"
    pdf = export_atlas(atlas, tmp_path / "regler.pdf")[0]
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert NEAR.name in " ".join(text.split())


def _rule_and_planner_links(store, layer, record) -> None:
    """B1 → t:1 made by the rule (accepted suggestion); N1 → t:1 a planner's."""
    fids = [f.id() for f in layer.getFeatures() if f["omr_id"] == "B1"]
    accept(store, record, [s for s in suggestions(store, layer, record, fids) if s.goal_id == "t:1"], "planerare")
    store.link(record.layer_uid, ["N1"], ["t:1"], LinkSpec(motivation="Skogen – egen länk"), "planerare")


def test_tables_name_the_rule_of_rule_made_links(plan, tmp_path):
    import pandas as pd

    from territorial_plugin.export.service import run_report_export
    from territorial_plugin.export.tables import csv_file_names, link_source, sheet_titles

    store, layer, record = plan
    _rule_and_planner_links(store, layer, record)
    source = pd.read_excel(run_report_export(store, [layer], tmp_path / "t.xlsx")[0], sheet_name=None)
    links = source[sheet_titles()["links"][:31]]
    by_area = dict(zip(links["Area id"], links["Source"]))
    assert by_area == {"B1": f"Rule: {NEAR.name}", "N1": "Planner"}
    assert link_source(NEAR.name) == f"Rule: {NEAR.name}"
    files = run_report_export(store, [layer], tmp_path / "csv")
    links_csv = next(f for f in files if f.name == csv_file_names()["links"])
    frame = pd.read_csv(links_csv, sep=";", dtype=object, encoding="utf-8-sig")
    assert dict(zip(frame["Area id"], frame["Source"])) == by_area


def test_web_atlas_data_names_the_rule_of_rule_made_links(plan, tmp_path):
    import json

    from territorial_plugin.export.web.service import run_web_export

    store, layer, record = plan
    _rule_and_planner_links(store, layer, record)
    run_web_export(store, [layer], tmp_path / "webb", project=QgsProject.instance())
    script = (tmp_path / "webb" / "data.js").read_text(encoding="utf-8")
    data = json.loads(script[script.index("=") + 1 : script.rindex(";")])
    links = {area[1]: area[5] for area in data["areas"]}
    assert [link[4] for link in links["B1"]] == [NEAR.name]
    assert [link[4] for link in links["N1"]] == [""]
    assert data["texts"]["rule"] == "Rule: {name}"
