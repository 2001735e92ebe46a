"""The bundled catalogues hold the verified facts, with Swedish names, and nothing more."""

import json

import pytest

from territorial_plugin.core.catalogues.bundled import (
    BUNDLED_IDS,
    bundled_catalogues,
    load_bundled,
    resolve_names,
)
from territorial_plugin.core.catalogues.tree import validate_tree
from territorial_plugin.core.errors import CatalogueError
from territorial_plugin.paths import resource


def by_id(catalogue_id):
    return {goal.id: goal for goal in load_bundled(catalogue_id)[1]}


def test_agenda2030_has_17_goals_and_169_targets_with_swedish_goal_names():
    goals = by_id("agenda2030")
    top = [g for g in goals.values() if g.parent_id is None]
    targets = [g for g in goals.values() if g.parent_id is not None]
    assert len(top) == 17
    assert len(targets) == 169
    assert goals["agenda2030:11"].title_sv == "Hållbara städer och samhällen"
    assert goals["agenda2030:11"].title_en == "Sustainable cities and communities"
    assert goals["agenda2030:11.3"].parent_id == "agenda2030:11"
    assert goals["agenda2030:11.a"].title_en.startswith("Support positive economic, social and environmental links")
    # official Swedish target wording is not in the reference: left empty, never machine-made
    assert all(g.title_sv == "" and g.kind == "target" for g in targets)
    assert all(g.title_sv for g in top)


def test_miljomal_generational_goal_and_16_objectives():
    goals = by_id("miljomal")
    assert len(goals) == 17
    assert goals["miljomal:0"].title_sv == "Generationsmålet"
    assert goals["miljomal:15"].title_sv == "God bebyggd miljö"
    assert goals["miljomal:16"].title_sv == "Ett rikt växt- och djurliv"


def test_nrs2030_four_areas_three_basic_conditions():
    goals = by_id("nrs2030")
    assert sorted(g.code for g in goals.values()) == ["A", "B", "C", "D", "G1", "G2", "G3"]
    assert goals["nrs2030:D"].title_sv.startswith("Tillgänglighet i hela landet")
    assert {g.kind for g in goals.values()} == {"strategic_area", "basic_condition"}


def test_rus_holds_only_verified_goals_and_says_priorities_come_by_import():
    catalogue, goals = load_bundled("rus_ac_2030")
    assert [g.code for g in goals] == ["M1", "M2", "I1", "I2", "I3"]
    assert {g.title_sv for g in goals} >= {"En levande plats", "En cirkulär plats", "Föregångare i omställning"}
    assert "prioriteringar" in catalogue.description and "import" in catalogue.description
    assert catalogue.level == "regional" and catalogue.series == "rus_ac"


def test_example_catalogue_is_labelled_as_example():
    catalogue, goals = load_bundled("strukturbild_example")
    assert catalogue.example is True
    assert "exempel" in catalogue.name.lower()
    assert "Bostadsförsörjning" in {g.title_sv for g in goals}
    assert [c.id for c in bundled_catalogues() if c.example] == ["strukturbild_example"]


def test_agenda2030_carries_the_open_sdg_attribution():
    catalogue, _ = load_bundled("agenda2030")
    assert "open-sdg" in catalogue.source and "MIT" in catalogue.source
    assert resource("catalogues", "LICENSE-open-sdg.txt").read_text(encoding="utf-8").startswith("MIT License")


@pytest.mark.parametrize("catalogue_id", BUNDLED_IDS)
def test_bundled_files_are_valid_trees_in_the_documented_format(catalogue_id):
    data = json.loads(resource("catalogues", f"{catalogue_id}.json").read_text(encoding="utf-8"))
    assert data["format"] == "territorial-links-catalogue" and data["format_version"] == 1
    assert data["catalogue"]["id"] == catalogue_id
    from territorial_plugin.core.catalogues.tree import GoalRow

    rows = [GoalRow(row=n, **{**g, "order": g["order"]}) for n, g in enumerate(data["goals"], 1)]
    assert validate_tree(rows) == []


def test_all_and_unknown_names():
    assert resolve_names("all") == list(BUNDLED_IDS)
    assert resolve_names(" miljomal ") == ["miljomal"]
    with pytest.raises(CatalogueError, match="not a bundled catalogue"):
        resolve_names("rus2030")
