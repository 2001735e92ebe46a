"""applyrules: report changes nothing, link creates exactly the report's rows, planners' links survive."""

from __future__ import annotations

import hashlib

import pytest
from qgis.core import QgsProcessingException, QgsProject

from territorial_plugin.core.errors import RuleError
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.rules.apply import apply_rules, select_rules
from territorial_plugin.core.rules.model import ALREADY_LINKED, DISMISSED, LINKED, WOULD_LINK, Rule

from .rules_support import NEAR, WATER, plan_layer, rules_store


@pytest.fixture
def plan(tmp_path, qgis_app):
    layer = plan_layer(tmp_path / "plan.gpkg")
    # owned by the project: a layer left to Python's collector would outlive QGIS at exit
    assert QgsProject.instance().addMapLayer(layer)
    store, record = rules_store(tmp_path / "links.gpkg", layer)
    store.save_rules([NEAR, WATER], "gis")
    yield store, layer, record, tmp_path
    store.close()
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture
def algorithms(qgis_processing):
    import territorial_plugin

    plugin = territorial_plugin.classFactory(None)
    plugin.initProcessing()
    yield
    plugin.unload()


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _report(path):
    import pandas as pd

    frame = pd.read_excel(path, dtype=object).fillna("")
    return [tuple(row) for row in frame.itertuples(index=False)]


def _report_csv(path):
    import pandas as pd

    frame = pd.read_csv(path, sep=";", dtype=object, encoding="utf-8-sig").fillna("")
    return [tuple(row) for row in frame.itertuples(index=False)]


def test_motivation_templates_are_filled_per_area_exactly(plan):
    store, layer, record, _ = plan
    result = apply_rules(store, layer, record, select_rules(store, record), link=True, user="gis")
    links = {(x.feature_key, x.goal_id): x for x in store.links([record.layer_uid])}
    assert links[("B1", "t:1")].motivation == ('Området Östra Ängen ligger 400 m från stationen – "kollektivt" ÅÄÖ åäö')
    assert links[("B3", "t:2")].motivation.startswith("Området Södra Hällen ligger 800 m")
    assert links[("V1", "t:3")].motivation == "Vattenområde" and links[("V1", "t:3")].stance == "neutral"
    assert set(links) == {("B1", "t:1"), ("B1", "t:2"), ("B3", "t:1"), ("B3", "t:2"), ("V1", "t:3")}
    assert result.written.inserted == 5
    assert store.rule_marks(record.layer_uid)[("V1", "t:3")] == "Vatten"


def test_a_planners_link_with_another_stance_survives_and_dismissals_hold(plan):
    store, layer, record, _ = plan
    store.link(record.layer_uid, ["B1"], ["t:1"], LinkSpec(stance="conflicts", motivation="Buller"), "planerare")
    near = next(r for r in store.rules() if r.name == NEAR.name)
    store.dismiss_rule(record.layer_uid, near.id, ["B3"], "planerare")
    result = apply_rules(store, layer, record, select_rules(store, record), link=True, user="gis")
    changes = {(o.key, o.goal_id): o.change for o in result.outcomes}
    assert changes == {
        ("B1", "t:1"): ALREADY_LINKED,
        ("B1", "t:2"): LINKED,
        ("B3", "t:1"): DISMISSED,
        ("B3", "t:2"): DISMISSED,
        ("V1", "t:3"): LINKED,
    }
    kept = next(x for x in store.links([record.layer_uid]) if (x.feature_key, x.goal_id) == ("B1", "t:1"))
    assert (kept.stance, kept.motivation, kept.updated_by) == ("conflicts", "Buller", "planerare")


def test_an_expression_error_names_the_rule(plan):
    store, layer, record, _ = plan
    store.save_rules([Rule("Saknat fält", '"finns_inte" > 3', ("t:1",))], "gis")
    with pytest.raises(RuleError, match=r"Saknat fält.*finns_inte"):
        apply_rules(store, layer, record, select_rules(store, record), link=True, user="gis")
    store.save_rules([Rule("Saknat fält", "to_int('x') / 0 > 1", ("t:1",))], "gis")
    with pytest.raises(RuleError, match="Saknat fält"):
        apply_rules(store, layer, record, select_rules(store, record), link=True, user="gis")
    store.save_rules([Rule("Saknat fält", "1 = 1", ("t:1",), motivation='[% "saknas" %]')], "gis")
    with pytest.raises(RuleError, match=r"Saknat fält.*saknas"):
        apply_rules(store, layer, record, select_rules(store, record), link=True, user="gis")
    assert store.links() == []  # checked before anything was written


def test_rules_for_other_layers_and_disabled_rules_are_left_out(plan):
    store, _, record, _ = plan
    store.save_rules([Rule("Annat lager", "1 = 1", ("t:1",), layer="Vägar")], "gis")
    store.set_rule_enabled("Vatten", False, "gis")
    assert [r.name for r in select_rules(store, record)] == [NEAR.name]
    assert [r.name for r in select_rules(store, record, ["Vatten"])] == ["Vatten"]  # named: applied
    with pytest.raises(RuleError, match=r"Vägar|another layer"):
        select_rules(store, record, ["Annat lager"])
    with pytest.raises(RuleError, match="Finns inte"):
        select_rules(store, record, ["Finns inte"])


def test_applyrules_report_then_link_then_again(plan, algorithms):
    from qgis import processing

    store, layer, record, tmp_path = plan
    store.link(record.layer_uid, ["B1"], ["t:2"], LinkSpec(stance="conflicts"), "planerare")
    store_path = tmp_path / "links.gpkg"
    params = {"STORE": str(store_path), "LAYER": layer, "KEY_FIELD": "", "RULES": "", "MODE": 0}
    before = _digest(store_path)
    reported = processing.run("territorial:applyrules", {**params, "OUTPUT": str(tmp_path / "rapport.xlsx")})
    assert _digest(store_path) == before  # report mode: the store's bytes are unchanged
    rows = _report(reported["OUTPUT"])
    would = {(r[0], r[3]) for r in rows if r[4] == "would be linked"}
    assert reported["NEW_LINKS"] == len(would) == 4
    assert ("B1", "Östra Ängen", NEAR.name, "t:2", "already linked (kept)") in [r[:5] for r in rows]
    linked_before = {(x.feature_key, x.goal_id) for x in store.links([record.layer_uid])}

    done = processing.run("territorial:applyrules", {**params, "MODE": 1, "OUTPUT": str(tmp_path / "gjort.csv")})
    linked_after = {(x.feature_key, x.goal_id) for x in store.links([record.layer_uid])}
    assert linked_after - linked_before == would  # exactly the report's rows
    assert done["NEW_LINKS"] == 4
    csv_rows = _report_csv(done["OUTPUT"])
    assert [r[:4] for r in csv_rows] == [r[:4] for r in rows]  # the same rows, in the same order
    assert {(r[0], r[3]) for r in csv_rows if r[4] == "linked"} == would
    b1 = next(r for r in csv_rows if r[0] == "B1" and r[3] == "t:1")
    assert b1[1] == "Östra Ängen" and b1[6] == 'Området Östra Ängen ligger 400 m från stationen – "kollektivt" ÅÄÖ åäö'
    survivor = next(x for x in store.links([record.layer_uid]) if (x.feature_key, x.goal_id) == ("B1", "t:2"))
    assert survivor.stance == "conflicts"

    history = len(store.history(limit=100000))
    again = processing.run("territorial:applyrules", {**params, "MODE": 1, "OUTPUT": str(tmp_path / "igen.xlsx")})
    assert again["NEW_LINKS"] == 0 and len(store.history(limit=100000)) == history
    assert {r[4] for r in _report(again["OUTPUT"])} == {"already linked (kept)"}


def test_applyrules_names_the_failing_rule(plan, algorithms):
    from qgis import processing

    store, layer, _, tmp_path = plan
    store.save_rules([Rule("Trasig regel", '"kategori" + ', ("t:1",))], "gis")
    with pytest.raises(QgsProcessingException, match="Trasig regel"):
        processing.run(
            "territorial:applyrules",
            {"STORE": str(tmp_path / "links.gpkg"), "LAYER": layer, "MODE": 1, "OUTPUT": str(tmp_path / "r.xlsx")},
        )
    assert store.links() == []
    assert not (tmp_path / "r.xlsx").exists()


def test_report_mode_outcomes_match_link_mode(plan):
    store, layer, record, _ = plan
    rules = select_rules(store, record)
    report = apply_rules(store, layer, record, rules, link=False, user="gis")
    assert store.links() == []
    linked = apply_rules(store, layer, record, rules, link=True, user="gis")
    assert [(o.key, o.rule, o.goal_id) for o in report.outcomes if o.change == WOULD_LINK] == [
        (o.key, o.rule, o.goal_id) for o in linked.outcomes if o.change == LINKED
    ]


def test_integrity_reports_areas_a_rule_would_link(plan, algorithms):
    from qgis import processing

    store, layer, record, tmp_path = plan
    near = next(r for r in store.rules() if r.name == NEAR.name)
    store.link(record.layer_uid, ["B1"], ["t:1", "t:2"], LinkSpec(), "planerare")
    store.dismiss_rule(record.layer_uid, near.id, ["B3"], "planerare")
    result = processing.run("territorial:checkintegrity", {"STORE": str(tmp_path / "links.gpkg"), "LAYERS": [layer]})
    assert result["RULE_GAPS"] == 1  # V1 (water); B1 linked, B3 dismissed, B2 too far from the station
    assert "V1 → t:3 (Vatten)" in result["REPORT"]
    apply_rules(store, layer, record, select_rules(store, record), link=True, user="gis")
    again = processing.run("territorial:checkintegrity", {"STORE": str(tmp_path / "links.gpkg"), "LAYERS": [layer]})
    assert again["RULE_GAPS"] == 0
