"""Swedish texts for every goal: English-only texts are marked, and a revision with Swedish
columns (the template in docs/templates/) fills them in without losing links or English texts."""

from __future__ import annotations

import csv
from pathlib import Path

from qgis.core import QgsVectorLayer

from territorial_plugin.core.catalogues.bundled import load_bundled
from territorial_plugin.core.catalogues.importer import import_catalogues
from territorial_plugin.core.identity import register_layer
from territorial_plugin.core.labels import english_marker, goal_description_text, goal_title_text
from territorial_plugin.core.model import Link, LinkSpec
from territorial_plugin.core.store import open_store

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "docs" / "templates" / "agenda2030_svenska_texter.csv"
#: stands in for the official wording in this test; the plugin never ships a made-up translation
SWEDISH = "Testlydelse på svenska för delmålet"


def test_template_lists_every_agenda_2030_code_and_invents_no_swedish_text():
    _, goals = load_bundled("agenda2030")
    with TEMPLATE.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [row["code"] for row in rows] == [goal.code for goal in goals]
    assert sum(1 for row in rows if row["kind"] == "target") == 169
    for row in rows:
        assert row["description_sv"] == ""
        if row["kind"] == "target":
            assert row["title_sv"] == ""


def test_revision_with_swedish_texts_replaces_the_marked_english(qgis_app, tmp_path):
    catalogue, goals = load_bundled("agenda2030")
    by_id = {goal.id: goal for goal in goals}
    target, goal = by_id["agenda2030:11.7"], by_id["agenda2030:11"]
    assert goal_title_text(target).endswith(english_marker())
    assert goal_description_text(goal, catalogue).endswith(english_marker())

    uri = str(tmp_path / "links.gpkg")
    layer = QgsVectorLayer("Polygon?crs=EPSG:3006&field=omr_id:string", "Markanvändning", "memory")
    with open_store(uri, create=True) as store:
        store.save_catalogue(catalogue, goals)
        uid = register_layer(store, layer, "omr_id").layer_uid
        store.link(uid, ["A1"], [target.id], LinkSpec("supports", 2, "Parken"), "t")
    rows = list(csv.reader(TEMPLATE.open(encoding="utf-8-sig", newline=""), delimiter=";"))
    header = rows[0]
    for row in rows[1:]:
        if row[0] == "11.7":
            row[header.index("title_sv")] = SWEDISH
            row[header.index("description_sv")] = SWEDISH + " (beskrivning)"
    revision = tmp_path / "agenda2030_sv.csv"
    with revision.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)

    import_catalogues(
        str(revision), uri, catalogue_id="agenda2030", name=catalogue.name, level="global", series="agenda2030",
        replace_existing=True,
    )  # fmt: skip

    with open_store(uri) as store:
        after = {g.id: g for g in store.goals("agenda2030")}
        links = store.links([uid], None)
    assert len(after) == len(goals)
    assert goal_title_text(after[target.id]) == SWEDISH
    assert after[target.id].description == SWEDISH + " (beskrivning)"
    # rows without Swedish text keep their English text, still marked
    assert goal_description_text(after[goal.id]).endswith(english_marker())
    assert goal_title_text(after["agenda2030:11.3"]).endswith(english_marker())
    assert [(lk.feature_key, lk.goal_id) for lk in links] == [("A1", target.id)]
    assert isinstance(links[0], Link)
