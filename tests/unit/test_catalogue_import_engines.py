"""The catalogue import keeps its promises on both store engines (GeoPackage, PostgreSQL):
bundled catalogues arrive whole, a conflicting import changes nothing, a new version
migrates links and reports the goals that lost theirs. PostgreSQL runs against the
throwaway server of tools/pg-test-server.sh and is skipped without it."""

import pytest

from territorial_plugin.core.catalogues.importer import check_plans, plan_bundled, plan_file, write_plans
from territorial_plugin.core.errors import CatalogueError
from territorial_plugin.core.model import LinkSpec, RegisteredLayer


@pytest.fixture
def store(empty_store):
    return empty_store


def state(store):
    return store.catalogues(), store.goals(), store.links()


def test_bundled_catalogues_arrive_whole(store):
    result = write_plans(store, plan_bundled("all"))
    assert result.goals == 227
    goals = {g.id: g for g in store.goals("agenda2030")}
    assert len(goals) == 186 and goals["agenda2030:11"].title_sv == "Hållbara städer och samhällen"
    assert goals["agenda2030:11.a"].parent_id == "agenda2030:11"
    assert write_plans(store, plan_bundled("miljomal")).unchanged == ["miljomal"]


def test_conflicting_import_changes_nothing(store, tmp_path):
    write_plans(store, plan_bundled("nrs2030"))
    path = tmp_path / "nrs.csv"
    path.write_text("kod;titel\nA;Ändrad lydelse\n", encoding="utf-8")
    plans = [plan_file(path, catalogue_id="nrs2030", level="national")]
    before = state(store)
    assert "already in the link store" in check_plans(store, plans)[0]
    with pytest.raises(CatalogueError, match="already in the link store"):
        write_plans(store, plans)
    assert state(store) == before


def test_new_version_migrates_links_and_reports_lost_goals(store, tmp_path):
    write_plans(store, plan_bundled("rus_ac_2030"))
    store.register_layer(RegisteredLayer("lyr", "Markanvändning", "x.gpkg", "ogr", "id"))
    store.link("lyr", ["1", "2", "3"], ["rus_ac_2030:M1", "rus_ac_2030:I3"], LinkSpec(), "test")
    path = tmp_path / "rus2035.csv"
    path.write_text("kod;titel\nM1;En levande plats\nM2;En cirkulär plats\n", encoding="utf-8")
    plan = plan_file(path, catalogue_id="rus_ac_2035", version="2035")
    result = write_plans(store, [plan], migration={"rus_ac_2030:M1": "rus_ac_2035:M1"}, user="test")
    assert result.migration.moved == 3
    assert result.lost == {"rus_ac_2030:I3": 3}
    assert store.catalogue("rus_ac_2035").series == "rus_ac"
    assert store.catalogue("rus_ac_2030") is not None
    assert sorted({link.goal_id for link in store.links()}) == ["rus_ac_2030:I3", "rus_ac_2035:M1"]
