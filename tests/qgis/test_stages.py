"""Plan stages from real layers: save, rework the plan, compare; each change listed exactly once."""

from __future__ import annotations

import pytest
from qgis.core import QgsGeometry, QgsProject

from territorial_plugin.core.errors import StoreError
from territorial_plugin.core.identity import register_layer
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.stages.compare import ADDED, CHANGED, REMOVED, RESHAPED
from territorial_plugin.core.stages.layers import memory_layer as frozen_layer
from territorial_plugin.core.stages.service import compare_stages, save_stage

from .store_layers import GOALS, memory_layer, seeded_store, square


@pytest.fixture
def plan(tmp_path, qgis_new_project):
    """Six squares A0–A5 (1 ha each) linked to goals t:1–t:3, and a stage 'Samråd' of them."""
    store = seeded_store(tmp_path / "plan.gpkg")
    layer = memory_layer(6, name="Markanvändning")
    assert QgsProject.instance().addMapLayer(layer)
    uid = register_layer(store, layer, "omr_id").layer_uid
    store.link(uid, ["A0", "A1", "A2"], [GOALS[0]], LinkSpec(motivation="Bostäder nära stationen"), "anna")
    store.link(uid, ["A3"], [GOALS[1]], LinkSpec(stance="conflicts", strength=3), "anna")
    store.link(uid, ["A4"], [GOALS[2]], LinkSpec(), "anna")
    store.link(uid, ["A5"], [GOALS[2]], LinkSpec(), "anna")
    info, chosen = save_stage(store, [layer], "Samråd", "Efter samrådet", "anna")
    assert (info.areas, info.links, chosen.skipped) == (6, 6, ())
    yield {"store": store, "layer": layer, "uid": uid}
    store.close()


def _rework(plan) -> None:
    """What the planner does after samråd: one of each kind of change."""
    store, layer, uid = plan["store"], plan["layer"], plan["uid"]
    store.update_link(uid, "A0", GOALS[0], "anna", stance="conflicts", motivation="Bullerstört läge")
    store.unlink(uid, ["A1"], [GOALS[0]], "anna")
    store.link(uid, ["A2"], [GOALS[1]], LinkSpec(motivation="Ny grönstruktur"), "anna")
    fids = {f["omr_id"]: f.id() for f in layer.getFeatures()}
    layer.dataProvider().changeGeometryValues({fids["A3"]: square(3, size=200.0)})  # grown to 4 ha
    layer.dataProvider().deleteFeatures([fids["A4"]])  # its link stays: an orphan now
    feature = next(layer.getFeatures())
    feature.setAttributes(["A6", "VERK"])
    feature.setGeometry(square(6))
    layer.dataProvider().addFeatures([feature])


def test_every_change_is_listed_exactly_once(plan):
    _rework(plan)
    result = compare_stages(plan["store"], "Samråd", None, [plan["layer"]])
    uid = plan["uid"]
    assert [(c.key, c.goal_id, c.kind, c.before, c.after) for c in result.links] == [
        ("A0", GOALS[0], CHANGED, ("supports", 2, "Bostäder nära stationen"), ("conflicts", 2, "Bullerstört läge")),
        ("A1", GOALS[0], REMOVED, ("supports", 2, "Bostäder nära stationen"), None),
        ("A2", GOALS[1], ADDED, None, ("supports", 2, "Ny grönstruktur")),
    ]
    assert [(c.key, c.kind, c.hectares_before, c.hectares_after) for c in result.areas] == [
        ("A3", RESHAPED, pytest.approx(1.0), pytest.approx(4.0)),
        ("A4", REMOVED, pytest.approx(1.0), None),
        ("A6", ADDED, None, pytest.approx(1.0)),
    ]
    assert result.orphaned == ((uid, "A4", GOALS[2]),)
    goals = {g.goal_id: g for g in result.goals}
    assert goals[GOALS[0]].supports_before == (3, pytest.approx(3.0))
    assert goals[GOALS[0]].supports_after == (1, pytest.approx(1.0))
    assert goals[GOALS[0]].conflicts_after == (1, pytest.approx(1.0))
    assert goals[GOALS[1]].conflicts_after == (1, pytest.approx(4.0))  # A3 grew
    assert goals[GOALS[2]].supports_after == (1, pytest.approx(1.0))  # A4 gone, A5 stays
    assert result.changed_goals() == GOALS


def test_nothing_changed_reports_nothing(plan):
    assert compare_stages(plan["store"], "Samråd", None, [plan["layer"]]).empty
    result = compare_stages(plan["store"], "Samråd", "Samråd")
    assert result.empty and result.changed_goals() == [] and len(result.goals) == 3


def test_two_saved_stages_compare_as_the_stage_and_now(plan):
    _rework(plan)
    save_stage(plan["store"], [plan["layer"]], "Granskning", "", "anna")
    with_now = compare_stages(plan["store"], "Samråd", None, [plan["layer"]])
    saved = compare_stages(plan["store"], "Samråd", "Granskning")
    assert (saved.links, saved.areas, saved.orphaned, saved.goals) == (
        with_now.links,
        with_now.areas,
        with_now.orphaned,
        with_now.goals,
    )


def test_a_taken_name_is_refused_before_the_layers_are_read(plan):
    with pytest.raises(StoreError, match="already exists"):
        save_stage(plan["store"], [plan["layer"]], "Samråd", "", "anna")


def test_frozen_layer_draws_the_areas_as_they_were(plan):
    _rework(plan)
    store = plan["store"]
    (frozen,) = store.stage_layers("Samråd")
    layer = frozen_layer(frozen, store.stage_areas("Samråd"))
    assert layer.isValid() and layer.crs().authid() == "EPSG:3006"
    assert layer.fields().names() == ["omr_id", "use"]
    shapes = {f["omr_id"]: f.geometry() for f in layer.getFeatures()}
    assert sorted(shapes) == ["A0", "A1", "A2", "A3", "A4", "A5"]
    assert shapes["A3"].equals(square(3)) and not shapes["A3"].equals(QgsGeometry(square(3, size=200.0)))


def test_workbook_lists_each_change_once(plan, tmp_path):
    import pandas as pd

    from territorial_plugin.export.stages.service import run_stage_comparison
    from territorial_plugin.export.stages.workbook import sheet_titles

    _rework(plan)
    report = run_stage_comparison(plan["store"], "Samråd", None, [plan["layer"]], tmp_path / "ändringar.xlsx")
    sheets = pd.read_excel(report.path, sheet_name=None)
    per_goal, links, areas, orphans = (sheets[title] for title in sheet_titles())
    assert list(links["Change"]) == ["Link changed", "Link removed", "Link added"]
    assert list(links["Motivation before"].fillna("")) == ["Bostäder nära stationen"] * 2 + [""]
    assert list(links["Motivation after"].fillna("")) == ["Bullerstört läge", "", "Ny grönstruktur"]
    assert list(areas["Change"]) == ["Area reshaped", "Area removed", "Area added"]
    assert list(areas["Difference (ha)"]) == pytest.approx([3.0, -1.0, 1.0])
    assert list(orphans["Area id"]) == ["A4"]
    row = per_goal.set_index("Goal id").loc[GOALS[0]]
    assert row["Supporting ha before (Samråd)"] == pytest.approx(3.0)
    assert row["Supporting ha after (Now)"] == pytest.approx(1.0)
    assert row["Change in supporting ha"] == pytest.approx(-2.0)


def test_pdf_has_a_page_per_changed_goal(plan, tmp_path):
    import subprocess

    from territorial_plugin.export.stages.service import run_stage_comparison

    _rework(plan)
    report = run_stage_comparison(plan["store"], "Samråd", None, [plan["layer"]], tmp_path / "ändringar.pdf")
    assert report.pages == 1 + 3
    text = subprocess.run(["pdftotext", str(report.path), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    assert "What the plan does" in pages[0]  # "differently" comes out with an ff ligature
    assert "1 link added, 1 link removed, 1 link changed." in pages[0]
    assert "Bullerstört läge" in pages[1] and "Link changed" in pages[1]
    assert "disappeared" in pages[3] and "Area gone, link kept" in pages[3]
    unchanged = run_stage_comparison(plan["store"], "Samråd", "Samråd", [], tmp_path / "inget.pdf")
    assert unchanged.pages == 1 and unchanged.comparison.empty
