"""Goal trees: ids, ordering and every structural problem."""

import pytest

from territorial_plugin.core.catalogues.tree import (
    GoalRow,
    build_goals,
    natural_key,
    slugify,
    tree_order,
    validate_catalogue_id,
    validate_tree,
)
from territorial_plugin.core.errors import CatalogueError


def rows(*spec):
    return [GoalRow(row=n, code=c, parent=p, title_sv=t) for n, (c, p, t) in enumerate(spec, 2)]


def test_goal_ids_are_catalogue_and_printed_code():
    goals = build_goals("agenda2030", rows(("11", "", "Hållbara städer"), ("11.a", "11", "x"), ("11.3", "11", "y")))
    assert [g.id for g in goals] == ["agenda2030:11", "agenda2030:11.a", "agenda2030:11.3"]
    assert goals[1].parent_id == "agenda2030:11"
    assert [g.code for g in tree_order(goals)] == ["11", "11.a", "11.3"]  # file order kept


def test_children_listed_before_parents_are_stored_after_them():
    goals = build_goals("k", rows(("1.1", "1", "barn"), ("1", "", "förälder")))
    assert [g.code for g in goals] == ["1", "1.1"]
    assert [g.sort_order for g in goals] == [2, 1]


def test_natural_order_of_codes():
    codes = ["11.a", "2", "11.10", "10", "11.3", "1"]
    assert sorted(codes, key=natural_key) == ["1", "2", "10", "11.3", "11.10", "11.a"]


def test_every_problem_of_a_broken_tree_is_reported():
    problems = validate_tree(
        rows(("1", "", "a"), ("1", "", "b"), ("2", "3", "c"), ("3", "2", "d"), ("4", "9", ""), ("", "", "e"))
    )
    assert [(p.row, p.column, p.message) for p in problems] == [
        (3, "code", "the code '1' is already used in row 2; codes must be unique."),
        (6, "title_sv", "the goal '4' has no title."),
        (7, "code", "the goal has no code."),
        (6, "parent", "the parent '9' of goal '4' is not a code in this catalogue."),
        (4, "parent", "the goals 2 → 3 → 2 are their own ancestors (a cycle of parents)."),
    ]
    with pytest.raises(CatalogueError):
        build_goals("k", rows(("1", "1", "a")))


def test_catalogue_ids_and_slugs():
    assert slugify("Kommunens mål 2024 – Örnsköldsvik") == "kommunens_mal_2024_ornskoldsvik"
    assert validate_catalogue_id(" rus_ac_2030 ") == "rus_ac_2030"
    for bad in ("", "rus:2030", "mål", "a b", "_x"):
        with pytest.raises(CatalogueError, match="cannot be a catalogue id"):
            validate_catalogue_id(bad)
