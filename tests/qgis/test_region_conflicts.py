"""Intermunicipal goal conflicts: the spatial-index search equals a brute-force pass over all pairs."""

from __future__ import annotations

import random

import pytest
from qgis.core import QgsGeometry, QgsRectangle

from territorial_plugin.core.model import Link
from territorial_plugin.core.region.conflicts import RegionArea, find_conflicts

ORGANISATIONS = ("norrby", "exempelkommun", "sodervik")
GOALS = ("g:1", "g:2", "g:3")


def _random_region(seed: int, per_organisation: int = 60):
    """Squares and rectangles on a grid of 300 m cells, some touching, some overlapping, mixed stances."""
    rng = random.Random(seed)
    areas, links = [], []
    for organisation in ORGANISATIONS:
        for number in range(per_organisation):
            x = 700000 + rng.randrange(0, 20) * 300.0
            y = 7100000 + rng.randrange(0, 20) * 300.0
            width, height = rng.choice((300.0, 150.0, 600.0)), rng.choice((300.0, 100.0))
            key = f"{organisation}-{number}"
            geometry = QgsGeometry.fromRect(QgsRectangle(x, y, x + width, y + height))
            areas.append(RegionArea(organisation, f"uid_{organisation}", key, key, 1.0, geometry))
            for goal in rng.sample(GOALS, rng.randint(1, 2)):
                stance = rng.choice(("supports", "conflicts", "neutral"))
                links.append(Link(f"uid_{organisation}", key, goal, stance, motivation=f"{key} {goal} {stance}"))
    return areas, links


def _brute_force(areas, links, distance):
    stance = {(x.layer_uid, x.feature_key, x.goal_id): x.stance for x in links}
    found = set()
    for a in areas:
        for b in areas:
            if a.organisation == b.organisation:
                continue
            for goal in GOALS:
                if stance.get((a.layer_uid, a.feature_key, goal)) != "supports":
                    continue
                if stance.get((b.layer_uid, b.feature_key, goal)) != "conflicts":
                    continue
                if a.geometry.distance(b.geometry) <= distance:
                    found.add((goal, a.feature_key, b.feature_key))
    return found


@pytest.mark.parametrize("distance", [0.0, 150.0, 2000.0])
def test_conflicts_equal_brute_force(qgis_app, distance):
    areas, links = _random_region(seed=14)
    pairs = find_conflicts(areas, links, distance)
    got = {(p.goal_id, p.supporting.feature_key, p.conflicting.feature_key) for p in pairs}
    assert len(got) == len(pairs)  # one row per pair and goal
    assert got == _brute_force(areas, links, distance)
    assert got  # the random region does hold conflicts at every distance tried
    assert all(p.supporting.organisation != p.conflicting.organisation for p in pairs)
    assert all(p.distance <= distance for p in pairs)


def test_distance_zero_is_touching_only(qgis_app):
    def square(x):
        return QgsGeometry.fromRect(QgsRectangle(x, 0, x + 100, 100))

    areas = [
        RegionArea("a", "ua", "a1", "", 1, square(0)),
        RegionArea("b", "ub", "touching", "", 1, square(100)),  # shares an edge with a1
        RegionArea("b", "ub", "gap", "", 1, square(-101)),  # one metre apart
        RegionArea("a", "ua", "same_org", "", 1, square(0)),  # same organisation, overlapping
    ]
    links = [
        Link("ua", "a1", "g:1", "supports", motivation="för"),
        Link("ub", "touching", "g:1", "conflicts", motivation="mot"),
        Link("ub", "gap", "g:1", "conflicts"),
        Link("ua", "same_org", "g:1", "conflicts"),
    ]
    (pair,) = find_conflicts(areas, links, 0)
    assert (pair.conflicting.feature_key, pair.distance) == ("touching", 0.0)
    assert (pair.supporting_motivation, pair.conflicting_motivation) == ("för", "mot")
    assert {p.conflicting.feature_key for p in find_conflicts(areas, links, 1.0)} == {"touching", "gap"}


def test_areas_without_geometry_are_skipped_not_fatal(qgis_app):
    areas = [
        RegionArea("a", "ua", "a1", "", 1, None),
        RegionArea("b", "ub", "b1", "", 1, QgsGeometry.fromRect(QgsRectangle(0, 0, 1, 1))),
    ]
    links = [Link("ua", "a1", "g:1", "supports"), Link("ub", "b1", "g:1", "conflicts")]
    assert find_conflicts(areas, links, 10) == []


# the demo's links (tools/demo.sh) by land-use category: (goal, stance) per kategori_kod
SAMPLE_LINKS = {
    "exempelkommun": {"VIND": [("miljomal:16", "conflicts"), ("agenda2030:7", "supports")],
                      "NATUR": [("miljomal:16", "supports"), ("agenda2030:15", "supports")]},
    "bjorka": {"VIND": [("miljomal:16", "conflicts"), ("agenda2030:7", "supports")],
               "NATUR": [("miljomal:16", "supports"), ("agenda2030:15", "supports")]},
    "fjallmora": {"VERK": [("miljomal:16", "conflicts"), ("agenda2030:15", "conflicts")],
                  "NATUR": [("miljomal:16", "supports"), ("agenda2030:15", "supports")]},
}  # fmt: skip


def _sample_region():
    from pathlib import Path

    from qgis.core import QgsVectorLayer

    from territorial_plugin.core.region.geometry import repair

    sample = Path(__file__).resolve().parents[2] / "resources" / "sample"
    files = {
        "exempelkommun": sample / "markanvandning.geojson",
        "bjorka": sample / "region" / "bjorka_markanvandning.geojson",
        "fjallmora": sample / "region" / "fjallmora_markanvandning.geojson",
    }
    areas, links = [], []
    for organisation, path in files.items():
        layer = QgsVectorLayer(str(path), organisation, "ogr")
        assert layer.isValid()
        for feature in layer.getFeatures():
            key = feature["omr_id"]
            geometry, _ = repair(feature.geometry())  # the sample holds invalid areas, as real data does
            areas.append(RegionArea(organisation, organisation, key, feature["namn"], 0.0, geometry))
            for goal, stance in SAMPLE_LINKS[organisation].get(feature["kategori_kod"], []):
                links.append(Link(organisation, key, goal, stance))
    return areas, links


def _brute_force_goals(areas, links, distance):
    stance = {(x.layer_uid, x.feature_key, x.goal_id): x.stance for x in links}
    goals = {x.goal_id for x in links}
    return {
        (goal, a.feature_key, b.feature_key)
        for a in areas
        for b in areas
        if a.organisation != b.organisation and a.geometry is not None and b.geometry is not None
        for goal in goals
        if stance.get((a.layer_uid, a.feature_key, goal)) == "supports"
        and stance.get((b.layer_uid, b.feature_key, goal)) == "conflicts"
        and a.geometry.distance(b.geometry) <= distance
    }


@pytest.mark.parametrize("distance", [0.0, 2000.0])
def test_sample_region_conflicts_equal_brute_force(qgis_app, distance):
    areas, links = _sample_region()
    pairs = find_conflicts(areas, links, distance)
    got = {(p.goal_id, p.supporting.feature_key, p.conflicting.feature_key) for p in pairs}
    assert got == _brute_force_goals(areas, links, distance)
    assert {p.goal_id for p in pairs} == {"miljomal:16", "agenda2030:15"}  # the sample's borders pull both ways
    organisations = {(p.supporting.organisation, p.conflicting.organisation) for p in pairs}
    assert ("exempelkommun", "bjorka") in organisations and ("bjorka", "exempelkommun") in organisations
    assert ("exempelkommun", "fjallmora") in organisations
    assert all(a != b for a, b in organisations)
