"""The plan documents of a saved stage come out the same after the plan moved on; the sample as a new user tries it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsFeatureRequest, QgsProject

from territorial_plugin.core.catalogues.bundled import load_bundled
from territorial_plugin.core.identity import register_layer
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.stages.service import save_stage
from territorial_plugin.core.store import open_store
from territorial_plugin.export.service import run_atlas_export, run_report_export
from territorial_plugin.export.stages.frozen import frozen_layers
from territorial_plugin.export.stages.service import run_stage_comparison

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "exempelkommun.qgs"


@pytest.fixture
def sample(qgis_app, tmp_path):
    """The sample municipality with its land use copied into memory (so the test may rework it), linked."""
    project = QgsProject()
    assert project.read(str(SAMPLE))
    source = next(layer for layer in project.mapLayers().values() if layer.name().startswith("Markanv"))
    water = next(layer for layer in project.mapLayers().values() if layer.name() == "Vatten")
    land_use = source.materialize(QgsFeatureRequest())
    land_use.setName(source.name())
    land_use.setRenderer(source.renderer().clone())
    assert project.addMapLayer(land_use)
    store = open_store(str(tmp_path / "plan.gpkg"), create=True)
    catalogue, goals = load_bundled("agenda2030")
    store.save_catalogue(catalogue, goals)
    uid = register_layer(store, land_use, "omr_id").layer_uid
    store.link(uid, ["EK-001", "EK-002", "EK-003"], ["agenda2030:11"], LinkSpec("supports", 3, "Täta kvarter"), "anna")
    store.link(uid, ["EK-035"], ["agenda2030:15"], LinkSpec("conflicts", 2, "Renbete påverkas"), "anna")
    store.link(uid, ["EK-010", "EK-011"], ["agenda2030:7"], LinkSpec("supports", 2, "Solceller"), "anna")
    yield {"project": project, "store": store, "land_use": land_use, "water": water, "uid": uid}
    store.close()
    project.removeAllMapLayers()
    project.clear()


def _rework(sample) -> None:
    store, land_use, uid = sample["store"], sample["land_use"], sample["uid"]
    store.update_link(uid, "EK-035", "agenda2030:15", "anna", stance="supports", motivation="Renbetet flyttas")
    store.unlink(uid, ["EK-003"], None, "anna")
    store.link(uid, ["EK-020"], ["agenda2030:11"], LinkSpec("supports", 2, "Ny skola"), "anna")
    fids = {f["omr_id"]: f.id() for f in land_use.getFeatures()}
    grown = land_use.getFeature(fids["EK-001"]).geometry().buffer(150.0, 4)
    land_use.dataProvider().changeGeometryValues({fids["EK-001"]: grown})
    land_use.dataProvider().deleteFeatures([fids["EK-011"]])


def _text(pdf: Path, layout: bool = True) -> str:
    """The PDF's text; ``layout=False``: a table's cells each as a block (their wrapped lines in a row)."""
    import unicodedata

    options = ["-layout"] if layout else []
    text = subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", text)  # the PDF's "fl", "ff" ligatures as two letters


def _atlas(sample, output: Path, stage: str | None):
    layers = [sample["land_use"], sample["water"]]
    source = sample["store"]
    if stage:
        source, layers = frozen_layers(sample["store"], stage, layers)
    return run_atlas_export(source, layers, output, municipality="Exempelkommun", project=sample["project"])


def test_the_atlas_of_a_stage_is_the_same_after_later_edits(sample, tmp_path):
    save_stage(sample["store"], [sample["land_use"]], "Samråd", "", "anna", project=sample["project"])
    saved_then = _atlas(sample, tmp_path / "samrad_fore.pdf", "Samråd")
    now_then = _atlas(sample, tmp_path / "nu_fore.pdf", None)
    assert saved_then.pages == now_then.pages
    assert _text(saved_then.files[0]) == _text(now_then.files[0])
    _rework(sample)
    saved_later = _atlas(sample, tmp_path / "samrad_efter.pdf", "Samråd")
    assert saved_later.pages == saved_then.pages
    assert _text(saved_later.files[0]) == _text(saved_then.files[0])
    assert _text(_atlas(sample, tmp_path / "nu_efter.pdf", None).files[0]) != _text(saved_then.files[0])


def test_the_tables_of_a_stage_are_the_same_after_later_edits(sample, tmp_path):
    import pandas as pd

    save_stage(sample["store"], [sample["land_use"]], "Samråd", "", "anna", project=sample["project"])

    def tables(name: str, stage: str | None):
        source, layers = sample["store"], [sample["land_use"]]
        if stage:
            source, layers = frozen_layers(sample["store"], stage, layers)
        path = run_report_export(source, layers, tmp_path / name, project=sample["project"])[0]
        return pd.read_excel(path, sheet_name=None)

    before = tables("fore.xlsx", "Samråd")
    _rework(sample)
    after = tables("efter.xlsx", "Samråd")
    assert list(before) == list(after)
    for sheet in before:
        pd.testing.assert_frame_equal(before[sheet], after[sheet])
    summary = next(iter(before))
    assert not tables("nu.xlsx", None)[summary].equals(before[summary])


def test_politicians_get_goal_pages_of_what_changed(sample, tmp_path):
    """After samråd the planner saves 'Samråd', reworks the plan, and writes the PDF for the politicians."""
    save_stage(sample["store"], [sample["land_use"]], "Samråd", "", "anna", project=sample["project"])
    _rework(sample)
    report = run_stage_comparison(
        sample["store"], "Samråd", None, [sample["land_use"]], tmp_path / "till_politikerna.pdf",
        project=sample["project"],
    )  # fmt: skip
    assert report.comparison.changed_goals() == ["agenda2030:7", "agenda2030:11", "agenda2030:15"]  # catalogue order
    assert report.pages == 4
    text = _text(report.path)
    assert "Renbetet flyttas" in text and "Ny skola" in text
    # agenda2030:11 has no conflicting area at either stage: its change is 0, not "+0"
    assert "(0 ha)" in text
    assert not re.search(r"\+0(?![,\d])", text), "a change of nothing printed with a sign"


def test_the_goal_maps_draw_the_stance_at_both_moments(sample, tmp_path):
    """Each goal's areas by their stance now, and where it matters the stance at the earlier stage."""
    save_stage(sample["store"], [sample["land_use"]], "Samråd", "", "anna", project=sample["project"])
    _rework(sample)
    report = run_stage_comparison(
        sample["store"], "Samråd", None, [sample["land_use"]], tmp_path / "hallning.pdf", project=sample["project"]
    )
    words = [" ".join(page.split()) for page in _text(report.path).split("\f")]
    by_goal = {
        code: next(page for page in words if page.startswith(f"Agenda 2030 · goal {code}"))
        for code in ("7 ", "11 ", "15 ")
    }
    # goal 11: EK-003 no longer linked (it supported), EK-020 newly linked, EK-001 reshaped
    assert "Stance (Now) Supports" in by_goal["11 "]
    assert "Removed area (supports at Samråd)" in by_goal["11 "]
    assert "Added area" in by_goal["11 "] and "Reshaped area, new shape" in by_goal["11 "]
    assert "Conflicts" not in by_goal["11 "].split("Changes since Samråd")[0]  # only the stances drawn
    # goal 15: EK-035 conflicted at Samråd and supports now
    assert "Stance changed (conflicts at Samråd)" in by_goal["15 "]
    assert "Removed area" not in by_goal["15 "] and "Added area" not in by_goal["15 "]
    # goal 7: EK-011 is gone, its link kept: drawn as it was, with the stance it had
    assert "Removed area (supports at Samråd)" in by_goal["7 "]


def _rework_goal_names(sample) -> None:
    """A long English target (Agenda 2030 9.2) and a strategic area coded "A" change between the stages."""
    store, uid = sample["store"], sample["uid"]
    store.save_catalogue(*load_bundled("nrs2030"))
    store.link(uid, ["EK-004"], ["agenda2030:9.2"], LinkSpec("supports", 3, "Verksamheter"), "anna")
    store.link(uid, ["EK-005", "EK-006"], ["nrs2030:A"], LinkSpec("supports", 2, "Bostäder"), "anna")
    save_stage(store, [sample["land_use"]], "Samråd", "", "anna", project=sample["project"])
    store.update_link(uid, "EK-004", "agenda2030:9.2", "anna", stance="conflicts", motivation="Efter samrådet")
    store.unlink(uid, ["EK-006"], None, "anna")


def test_goal_pages_name_goals_as_readers_do_and_fit_long_titles(sample, tmp_path):
    _rework_goal_names(sample)
    report = run_stage_comparison(
        sample["store"], "Samråd", None, [sample["land_use"]], tmp_path / "namn.pdf", project=sample["project"]
    )
    pages = [" ".join(page.split()) for page in _text(report.path).split("\f")]
    target = next(page for page in pages if page.startswith("Agenda 2030 · target 9.2 "))
    summary = " ".join(_text(report.path, layout=False).split("\f")[0].split())
    # the whole English title, marked, above the balance: no line cut off, nothing printed over it
    title = "in line with national circumstances, and double its share in least developed countries"
    assert f"{title} (English original text) From Samråd to Now" in target
    # goals as a reader names them, never "catalogue:code"
    assert "Nationella strategin · strategic area A" in summary and "Agenda 2030 · target 9.2" in summary
    assert not re.search(r"\b(agenda2030|nrs2030):", " ".join(pages))
    # counts in the singular where there is one
    assert "Supporting: 1 area, " in target and "Conflicting: 0 areas, 0 ha → 1 area, " in target
    assert "1 link removed, 1 link changed." in summary and " 1 links" not in summary
    # the two change columns say which balance they hold
    assert "Change supporting (ha)" in summary and "Change conflicting (ha)" in summary


def test_workbook_names_goals_as_readers_do(sample, tmp_path):
    import pandas as pd

    _rework_goal_names(sample)
    report = run_stage_comparison(
        sample["store"], "Samråd", None, [sample["land_use"]], tmp_path / "namn.xlsx", project=sample["project"]
    )
    sheets = pd.read_excel(report.path, sheet_name=None)
    per_goal = sheets["Per goal"].set_index("Goal id")
    assert per_goal.loc["nrs2030:A", "Goal"] == "Nationella strategin · strategic area A"
    assert per_goal.loc["agenda2030:9.2", "Title"].endswith("developed countries (English original text)")
    for rows in sheets.values():  # the raw id only in its own column, for joins
        shown = rows.drop(columns=["Goal id"], errors="ignore").astype(str)
        assert not shown.apply(lambda column: column.str.contains(r"\b(?:agenda2030|nrs2030):")).any().any()
