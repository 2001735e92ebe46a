"""Goal pages a planner can paste into the plan description: no NULL, no hidden areas, human goal labels.

The layer is drawn like real land use nobody here made: areas without a name and
areas of a few square metres, linked to goals of three catalogues whose codes look
alike. Pages are rendered to ``tests/artifacts/export/`` for looking at.
"""

from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer

from territorial_plugin.core.catalogues.bundled import load_bundled
from territorial_plugin.core.identity import register_layer
from territorial_plugin.core.labels import goal_label
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.store import open_store
from territorial_plugin.export.atlas.build import AtlasOptions, export_atlas
from territorial_plugin.export.service import build_atlas_from, gather_inputs, run_report_export

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts" / "export"
#: a raw goal id as the store keeps it (what a reader must never see)
RAW_ID = re.compile(r"\b(agenda2030|miljomal|rus_ac_2030):[0-9A-Za-z.]+")

# key → (name or None, side of a square in metres)
AREAS = {
    "A1": ("Centrum", 900.0),  # 81 ha
    "A2": (None, 250.0),  # 6,25 ha, no name
    "A3": ("Lilla parken", 60.0),  # 0,36 ha
    "A4": (None, 7.0),  # 49 m²: 0,0049 ha
    "A5": ("Transformatorstation", 2.0),  # 4 m²
}
GOALS = {
    "agenda2030:11.7": (["A1", "A2", "A3", "A4", "A5"], "supports"),
    "miljomal:16": (["A2", "A4"], "conflicts"),
    "rus_ac_2030:M1": (["A1", "A5"], "supports"),
    "agenda2030:15": (["A3"], "supports"),
    "miljomal:15": (["A3"], "supports"),
}


def _layer() -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:3006&field=omr_id:string&field=namn:string", "Markanvändning", "memory")
    features = []
    x = 700000.0
    for key, (name, side) in AREAS.items():
        feature = QgsFeature(layer.fields())
        feature.setAttributes([key, name])
        wkt = f"POLYGON(({x} 7100000,{x + side} 7100000,{x + side} {7100000 + side},{x} {7100000 + side},{x} 7100000))"
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
        x += side + 300.0
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


@pytest.fixture(name="tiny")
def tiny_fixture(qgis_app, tmp_path):
    project = QgsProject()
    layer = _layer()
    assert project.addMapLayer(layer) is not None
    store = open_store(str(tmp_path / "links.gpkg"), create=True)
    catalogues = {}
    for name in ("agenda2030", "miljomal", "rus_ac_2030"):
        catalogue, goals = load_bundled(name)
        store.save_catalogue(catalogue, goals)
        catalogues[name] = (catalogue, {g.id: g for g in goals})
    record = register_layer(store, layer, "omr_id")
    for goal_id, (keys, stance) in GOALS.items():
        store.link(record.layer_uid, keys, [goal_id], LinkSpec(stance, 2, f"Motivering för {goal_id[-4:]}."), "t")
    yield {"project": project, "store": store, "layers": [layer], "catalogues": catalogues}
    store.close()
    project.removeAllMapLayers()
    project.clear()


def _labels(tiny) -> dict[str, str]:
    labels = {}
    for catalogue, goals in tiny["catalogues"].values():
        for goal_id in GOALS:
            if goal_id in goals:
                labels[goal_id] = goal_label(goals[goal_id], catalogue, title=False)
    return labels


def test_atlas_pages_have_no_null_no_hidden_area_and_human_goal_labels(tiny, tmp_path):
    inputs = gather_inputs(tiny["store"], tiny["layers"])
    atlas = build_atlas_from(inputs, tiny["layers"], AtlasOptions(municipality="Provkommun"), tiny["project"])
    pdf = export_atlas(atlas, tmp_path / "atlas.pdf")[0]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("atlas_tiny-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(ARTIFACTS / "atlas_tiny")], check=True)

    assert "NULL" not in text
    assert not re.search(r"(?<![\d,])0,0\b", text), "an area printed as 0,0 ha hides a real area"
    assert "< 0,01" in text  # the 4 m² and 49 m² areas
    assert "0,36" in text  # two decimals below one hectare
    assert RAW_ID.search(text) is None, RAW_ID.search(text)
    flat = " ".join(text.split())
    for label in _labels(tiny).values():
        assert label in flat, label
    # Agenda 2030 15 and Miljömål 15 stay two different goals on the page
    assert _labels(tiny)["agenda2030:15"] != _labels(tiny)["miljomal:15"]


def test_target_without_swedish_text_is_marked_english(tiny, tmp_path):
    inputs = gather_inputs(tiny["store"], tiny["layers"], goal_ids=["agenda2030:11.7"])
    atlas = build_atlas_from(inputs, tiny["layers"], AtlasOptions(), tiny["project"])
    pdf = export_atlas(atlas, tmp_path / "atlas.pdf")[0]
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert "universal access to safe" in text
    assert "(English original text)" in text or "(engelsk originaltext)" in text


def test_xlsx_headers_name_goals_as_a_reader_does(tiny, tmp_path):
    from openpyxl import load_workbook

    output = tmp_path / "tabeller.xlsx"
    run_report_export(tiny["store"], tiny["layers"], output, project=tiny["project"])
    book = load_workbook(output)
    labels = _labels(tiny)
    for sheet in book.worksheets:
        assert RAW_ID.search(sheet.title) is None
        headers = [str(cell.value) for cell in sheet[1] if cell.value is not None]
        for header in headers:
            assert RAW_ID.search(header) is None, (sheet.title, header)
        assert len(headers) == len(set(headers)), (sheet.title, headers)  # never two columns both "15"
        # a planner filters and scrolls at once
        assert sheet.auto_filter.ref, sheet.title
        assert sheet.freeze_panes == "A2", sheet.title
    matrix = book.worksheets[1]
    matrix_headers = [str(cell.value) for cell in matrix[1]]
    for goal_id, label in labels.items():
        assert any(h.startswith(label) for h in matrix_headers), (goal_id, matrix_headers)
    # dates are dates, not ISO text
    links = book.worksheets[2]
    headers = [str(c.value) for c in links[1]]
    column = next(n for n, h in enumerate(headers, start=1) if h in ("Changed", "Ändrad"))
    value = links.cell(row=2, column=column).value
    assert isinstance(value, datetime.datetime), value
