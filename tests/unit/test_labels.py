"""How goals and hectares read on pages and in tables."""

from __future__ import annotations

import pytest

from territorial_plugin.core.catalogues.bundled import load_bundled
from territorial_plugin.core.labels import catalogue_short_name, format_ha, goal_label
from territorial_plugin.core.model import Catalogue, Goal


@pytest.mark.parametrize(
    ("hectares", "text"),
    [
        (0.0, "0"),
        (0.0004, "< 0,01"),
        (0.0049, "< 0,01"),
        (0.005, "0,01"),
        (0.36, "0,36"),
        (0.994, "0,99"),
        (0.996, "1,0"),
        (12.34, "12,3"),
        (1234.56, "1\u00a0234,6"),
    ],
)
def test_hectares_never_hide_an_area(hectares, text):
    assert format_ha(hectares) == text


def test_goal_labels_name_the_catalogue_and_never_show_the_raw_id():
    agenda, agenda_goals = load_bundled("agenda2030")
    environment, environment_goals = load_bundled("miljomal")
    target = next(g for g in agenda_goals if g.code == "11.7")
    biodiversity = next(g for g in environment_goals if g.code == "16")
    assert goal_label(target, agenda).startswith("Agenda 2030 · ")
    assert goal_label(target, agenda).endswith(" 11.7")  # no Swedish title to add
    label = goal_label(biodiversity, environment)
    assert label.startswith("Miljömål ") and label.endswith("16 Ett rikt växt- och djurliv")
    fifteen = [goal_label(g, c) for c, g in ((agenda, agenda_goals[0]), (environment, environment_goals[0]))]
    assert len(set(fifteen)) == 2
    for text in (goal_label(target, agenda), label):
        assert "agenda2030:" not in text and "miljomal:" not in text


def test_an_imported_catalogue_is_named_by_its_name_up_to_the_dash():
    catalogue = Catalogue("op_mal_2040", "Översiktsplanens mål – Exempelkommun 2040")
    assert catalogue_short_name(catalogue.id, catalogue) == "Översiktsplanens mål"
    goal = Goal("op_mal_2040:3", "op_mal_2040", "3", title_sv="Levande landsbygd", kind="goal")
    assert goal_label(goal, catalogue).endswith("3 Levande landsbygd")
    assert catalogue_short_name("unknown") == "unknown"
