"""A municipality's delivery, exported and imported into the region's store (issue 14, GeoPackage)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsProject, QgsVectorLayer

from territorial_plugin.core.errors import StoreError
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.region.delivery.export import export_delivery
from territorial_plugin.core.region.delivery.format import AREAS_LAYER, META_TABLE
from territorial_plugin.core.region.delivery.importer import import_delivery
from territorial_plugin.core.store import open_store
from tests.qgis.region_support import catalogue, municipality_layer, municipality_store

LINK_FIELDS = ("layer_uid", "feature_key", "goal_id", "stance", "strength", "motivation", "created_by", "created_at",
               "updated_by", "updated_at", "row_version")  # fmt: skip


def _links(store) -> set[tuple]:
    return {tuple(getattr(x, f) for f in LINK_FIELDS) for x in store.links()}


@pytest.fixture()
def municipality(qgis_app, tmp_path):
    layer = municipality_layer()
    store, record = municipality_store(tmp_path / "kommun.gpkg", layer)
    yield {"layer": layer, "store": store, "record": record, "dir": tmp_path}
    store.close()


@pytest.fixture()
def region(qgis_app, tmp_path):
    store = open_store(str(tmp_path / "region.gpkg"), create=True)
    store.save_catalogue(*catalogue())
    yield store
    store.close()


def _export(municipality, name="leverans.gpkg", stage="Samråd 2026"):
    return export_delivery(
        municipality["store"],
        [municipality["layer"]],
        "exempelkommun",
        "Exempelkommun",
        stage,
        municipality["dir"] / name,
        project=QgsProject.instance(),
        user="anna",
    )


def _state(store) -> tuple:
    return (
        _links(store),
        store.deliveries(),
        len(store.history(limit=100000)),
        len(store.delivered_areas()),
        store.stages(),
    )


def test_round_trip_gives_the_region_exactly_the_municipalitys_links_and_areas(municipality, region):
    result = _export(municipality)
    assert result.info.link_count == 6 and result.info.area_count == 5
    imported = import_delivery(region, result.path, user="regionen")
    assert imported.links_inserted == 6 and imported.areas == 5 and not imported.unchanged
    assert _links(region) == _links(municipality["store"])
    assert {x.organisation for x in region.links()} == {"exempelkommun"}
    areas = {a.feature_key: a for a in region.delivered_areas()}
    assert set(areas) == {"A0", "A1", "A2", "A3", "A4"}
    assert areas["A1"].name == "Område 1" and areas["A1"].category == "Bostäder"
    assert areas["A0"].hectares == pytest.approx(1.0, abs=1e-6)
    first = QgsGeometry()
    first.fromWkb(areas["A0"].wkb)
    assert first.boundingBox().xMinimum() == pytest.approx(650000.0)
    (delivery,) = region.deliveries()
    assert (delivery.organisation, delivery.stage, delivery.imported_by, delivery.current) == (
        "exempelkommun",
        "Samråd 2026",
        "regionen",
        True,
    )
    # every feature counts, linked or not; the invalid two measure 0 ha as in the panel (core.areas)
    assert delivery.land_use_ha == pytest.approx(result.info.land_use_ha) == pytest.approx(3.0)


def test_delivery_is_a_store_and_an_ordinary_geopackage(municipality):
    result = _export(municipality)
    with open_store(str(result.path)) as delivered:
        assert _links(delivered) == _links(municipality["store"])
        # only the catalogue the links use, and only the goals they use (with their ancestors)
        assert [c.id for c in delivered.catalogues()] == ["t"]
        assert {g.id for g in delivered.goals()} == {"t:1", "t:1.1", "t:2"}
    areas = QgsVectorLayer(f"{result.path}|layername={AREAS_LAYER}", "areas", "ogr")
    assert areas.isValid() and areas.featureCount() == 5
    assert areas.crs() == QgsCoordinateReferenceSystem("EPSG:3006")
    names = areas.fields().names()
    for field in ("organisation", "source_layer", "feature_key", "area_name", "category", "hectares", "yta_note"):
        assert field in names
    meta = QgsVectorLayer(f"{result.path}|layername={META_TABLE}", "meta", "ogr")
    (row,) = list(meta.getFeatures())
    assert row["organisation"] == "exempelkommun" and row["stage"] == "Samråd 2026" and row["link_count"] == 6


def test_invalid_geometries_are_repaired_or_reported_never_dropped(municipality, region):
    result = _export(municipality)
    problems = {key: text for _, key, text in result.problems}
    assert set(problems) == {"A3", "A4"}
    assert "repaired" in problems["A3"] and "could not be repaired" in problems["A4"]
    import_delivery(region, result.path)
    areas = {a.feature_key: a for a in region.delivered_areas()}
    bowtie = QgsGeometry()
    bowtie.fromWkb(areas["A3"].wkb)
    assert bowtie.isGeosValid() and bowtie.area() == pytest.approx(5000.0)
    assert areas["A4"].wkb is None  # kept, without a geometry, and reported


def test_other_source_crs_is_delivered_in_sweref99tm(qgis_app, tmp_path, region):
    layer = municipality_layer(crs="EPSG:3021", x0=1500000.0)  # RT 90 2.5 gon V
    store, _ = municipality_store(tmp_path / "rt90.gpkg", layer)
    result = export_delivery(store, [layer], "rt_kommun", "RT-kommun", "", tmp_path / "rt.gpkg", user="anna")
    store.close()
    import_delivery(region, result.path)
    a0 = next(a for a in region.delivered_areas() if a.feature_key == "A0")
    assert 200000 < a0.bbox[0] < 1000000 and 6000000 < a0.bbox[1] < 7800000  # SWEREF 99 TM range


def test_newer_delivery_replaces_the_first_and_history_is_kept(municipality, region):
    import_delivery(region, _export(municipality, "v1.gpkg").path)
    store, uid = municipality["store"], municipality["record"].layer_uid
    store.unlink(uid, ["A2"], None, "anna")
    store.link(uid, ["A0"], ["t:2"], LinkSpec("supports", 2, "Ny motivering"), "anna")
    second = import_delivery(region, _export(municipality, "v2.gpkg", stage="Granskning 2027").path)
    assert second.links_deleted == 6 and second.links_inserted == 6
    assert _links(region) == _links(store)
    assert {a.feature_key for a in region.delivered_areas()} == {"A0", "A1", "A3", "A4"}
    history = region.deliveries()
    assert [(d.stage, d.current) for d in history] == [("Samråd 2026", False), ("Granskning 2027", True)]
    assert [d.stage for d in region.deliveries(current_only=True)] == ["Granskning 2027"]


def test_same_delivery_twice_changes_nothing(municipality, region):
    path = _export(municipality).path
    import_delivery(region, path)
    before = _state(region)
    again = import_delivery(region, path)
    assert again.unchanged
    assert _state(region) == before


def test_older_delivery_after_a_newer_one_is_refused(municipality, region):
    old = _export(municipality, "old.gpkg").path
    import_delivery(region, _export(municipality, "new.gpkg").path)
    before = _state(region)
    with pytest.raises(StoreError, match="newer delivery"):
        import_delivery(region, old)
    assert _state(region) == before


def _copy_and_edit(path, tmp_path, name, sql):
    copy = tmp_path / name
    shutil.copy(path, copy)
    con = sqlite3.connect(copy)
    con.execute(sql)
    con.commit()
    con.close()
    return copy


def test_broken_foreign_and_newer_files_are_refused_and_change_nothing(municipality, region, tmp_path):
    good = _export(municipality).path
    import_delivery(region, good)
    before = _state(region)
    text = tmp_path / "not.gpkg"
    text.write_text("hello", encoding="utf-8")
    foreign = tmp_path / "foreign.gpkg"
    open_store(str(foreign), create=True).close()  # a link store, but not a delivery
    newer = _copy_and_edit(good, tmp_path, "newer.gpkg", f"UPDATE {META_TABLE} SET format_version = 99")
    cut = _copy_and_edit(good, tmp_path, "cut.gpkg", "DELETE FROM link WHERE feature_key = 'A1'")
    cases = [
        (text, "not a Territorial Links delivery"),
        (foreign, "not a Territorial Links delivery"),
        (tmp_path / "missing.gpkg", "does not exist"),
        (newer, "newer version"),
        (cut, "damaged"),
    ]
    for path, message in cases:
        with pytest.raises(StoreError, match=message):
            import_delivery(region, path)
        assert _state(region) == before, path


def test_catalogue_versions_are_reported_and_missing_goals_refuse(municipality, tmp_path):
    path = _export(municipality).path
    with open_store(str(tmp_path / "r2.gpkg"), create=True) as other:
        cat, goals = catalogue(version="2")
        other.save_catalogue(cat, goals)
        result = import_delivery(other, path)
        assert result.version_differences == {"t": ("1", "2")}
        assert other.catalogue("t").version == "2"  # never merged
    with open_store(str(tmp_path / "r3.gpkg"), create=True) as lacking:
        cat, goals = catalogue(version="0")
        lacking.save_catalogue(cat, [g for g in goals if g.id != "t:2"])
        with pytest.raises(StoreError, match="t:2"):
            import_delivery(lacking, path)
        assert lacking.links() == [] and lacking.deliveries() == []
    with open_store(str(tmp_path / "r4.gpkg"), create=True) as empty:
        result = import_delivery(empty, path)  # a catalogue the region lacks comes with the delivery
        assert result.new_catalogues == ["t"] and len(empty.links()) == 6


def test_organisation_id_is_checked(municipality):
    with pytest.raises(StoreError, match="organisation id"):
        export_delivery(
            municipality["store"], [municipality["layer"]], "Exempel Kommun", "", "", municipality["dir"] / "x.gpkg"
        )
    assert not (municipality["dir"] / "x.gpkg").exists()


def test_a_bundled_catalogue_comes_whole_so_a_neighbours_other_goals_import_too(qgis_app, tmp_path):
    """Into a new region store: the first delivery links RUS M1 only, the second M2; both are imported,
    and the region holds the whole bundled RUS (its goals without links are real blind spots)."""
    from territorial_plugin.core.catalogues.bundled import load_bundled
    from territorial_plugin.core.identity import register_layer

    paths = []
    for organisation, goal in (("exempelkommun", "rus_ac_2030:M1"), ("bjorka", "rus_ac_2030:M2")):
        layer = municipality_layer(organisation)
        store = open_store(str(tmp_path / f"{organisation}.gpkg"), create=True)
        store.save_catalogue(*load_bundled("rus_ac_2030"))
        record = register_layer(store, layer, "omr_id")
        store.link(record.layer_uid, ["A0", "A1"], [goal], LinkSpec("supports", 2, "Bra läge"), "anna")
        delivery = export_delivery(
            store, [layer], organisation, organisation, "Samråd", tmp_path / f"leverans_{organisation}.gpkg",
            project=QgsProject.instance(), user="anna",
        )  # fmt: skip
        paths.append(delivery.path)
        store.close()
    with open_store(str(tmp_path / "region.gpkg"), create=True) as region:
        first = import_delivery(region, paths[0])
        assert first.new_catalogues == ["rus_ac_2030"]
        import_delivery(region, paths[1])
        assert {(x.organisation, x.goal_id) for x in region.links()} == {
            ("exempelkommun", "rus_ac_2030:M1"),
            ("bjorka", "rus_ac_2030:M2"),
        }
        whole = {goal.id for goal in load_bundled("rus_ac_2030")[1]}
        assert {goal.id for goal in region.goals() if goal.catalogue_id == "rus_ac_2030"} == whole
