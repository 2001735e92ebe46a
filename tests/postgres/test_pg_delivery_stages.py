"""Each delivery imported into a shared PostgreSQL store kept as a plan stage of its organisation, as
the GeoPackage store keeps it (tests/qgis/test_delivery_stages.py), so the region compares two deliveries."""

from __future__ import annotations

import psycopg2
import pytest
from qgis.core import QgsProject

from territorial_plugin.core.errors import TerritorialError
from territorial_plugin.core.region.delivery.export import export_delivery
from territorial_plugin.core.region.delivery.importer import import_delivery
from territorial_plugin.core.region.delivery.stage import delivery_stages
from territorial_plugin.core.stages.compare import CHANGED, RESHAPED
from territorial_plugin.core.stages.service import compare_stages
from tests.qgis.region_support import catalogue, municipality_layer, municipality_store, rework

pytestmark = pytest.mark.postgres

ORG = "exempelkommun"


@pytest.fixture()
def municipality(qgis_app, tmp_path):
    layer = municipality_layer()
    store, record = municipality_store(tmp_path / "kommun.gpkg", layer)
    yield {"layer": layer, "store": store, "uid": record.layer_uid, "dir": tmp_path}
    store.close()


@pytest.fixture()
def region(admin_store):
    """The shared store (its owner's view) with the municipality's catalogue and organisation."""
    admin_store.save_catalogue(*catalogue())
    admin_store.create_organisation(ORG, "Exempelkommun", "municipality")
    return admin_store


def _export(municipality, name: str, stage: str):
    return export_delivery(
        municipality["store"], [municipality["layer"]], ORG, "Exempelkommun", stage,
        municipality["dir"] / name, project=QgsProject.instance(), user="anna",
    ).path  # fmt: skip


def _deliver(municipality, store, name: str, stage: str):
    return import_delivery(store, _export(municipality, name, stage), user="regionen")


def test_each_import_is_kept_as_a_stage_of_its_organisation(municipality, region):
    _deliver(municipality, region, "v1.gpkg", "Samråd 2026")
    (stage,) = region.stages()
    day = region.deliveries()[0].created_at[:10]
    assert stage.name == f"{ORG}: Samråd 2026 ({day})"
    assert (stage.organisation, stage.saved_by, stage.layers, stage.areas, stage.links) == (ORG, "regionen", 1, 5, 6)
    frozen = {(x.layer_uid, x.feature_key, x.goal_id, x.stance, x.motivation) for x in region.stage_links(stage.name)}
    assert frozen == {(x.layer_uid, x.feature_key, x.goal_id, x.stance, x.motivation) for x in region.links()}
    areas = {a.key: a for a in region.stage_areas(stage.name)}
    delivered = {a.feature_key: a for a in region.delivered_areas()}
    assert set(areas) == set(delivered)
    assert all(areas[k].wkb == delivered[k].wkb and areas[k].hectares == delivered[k].hectares for k in areas)
    assert areas["A1"].name == "Område 1"


def test_two_deliveries_compare_to_exactly_the_changed_link_and_the_reshaped_area(municipality, region):
    _deliver(municipality, region, "v1.gpkg", "Samråd 2026")
    rework(municipality)
    _deliver(municipality, region, "v2.gpkg", "Granskning 2027")
    first, second = delivery_stages(region.stages(), ORG)
    assert "Samråd 2026" in first.name and "Granskning 2027" in second.name
    result = compare_stages(region, first.name, second.name)
    assert [(c.key, c.goal_id, c.kind) for c in result.links] == [("A1", "t:2", CHANGED)]
    (link,) = result.links
    assert link.before == ("conflicts", 1, "Stör renbete") and link.after == ("conflicts", 3, "Stör renbete året runt")
    assert [(c.key, c.kind) for c in result.areas] == [("A2", RESHAPED)]
    assert result.changed_goals() == ["t:1.1", "t:2"]
    assert {(x.feature_key, x.strength) for x in region.stage_links(first.name, goal_ids=["t:2"])} == {("A1", 1)}


def test_same_stage_and_day_delivered_twice_gets_a_second_name(municipality, region):
    _deliver(municipality, region, "v1.gpkg", "Samråd 2026")
    rework(municipality)
    _deliver(municipality, region, "v2.gpkg", "Samråd 2026")
    first, second = delivery_stages(region.stages(), ORG)
    assert second.name == first.name + " (2)"
    assert not compare_stages(region, first.name, second.name).empty


def test_the_same_delivery_twice_keeps_one_stage_and_a_refused_one_none(municipality, region):
    older = _export(municipality, "old.gpkg", "Samråd 2026")
    newer = _export(municipality, "new.gpkg", "Granskning 2027")
    import_delivery(region, newer)
    assert import_delivery(region, newer).unchanged
    with pytest.raises(TerritorialError):
        import_delivery(region, older)
    assert [s.name for s in region.stages()] == [s.name for s in delivery_stages(region.stages(), ORG)]
    assert len(region.stages()) == 1


def test_a_delivery_stage_is_read_only(municipality, region, pg_connect, schema):
    _deliver(municipality, region, "v1.gpkg", "Samråd 2026")
    with pg_connect() as connection, connection.cursor() as cur:
        cur.execute(f'SET search_path TO "{schema}"')
        with pytest.raises(psycopg2.Error, match="read-only"):
            cur.execute("UPDATE stage_link SET stance = 'supports'")


def test_the_municipalitys_own_import_is_its_stage_and_the_region_compares_it(
    municipality, region, login_role, open_as, tmp_path
):
    """The organisation's role imports its own deliveries (row-level security); the region's role reads
    the stages and compares the last two, as regionalreport's COMPARE_ORGANISATION does."""
    from territorial_plugin.export.region.deliveries import compare_deliveries

    region.create_organisation("region", "Region Västerbotten", "region")
    roles = {}
    for organisation, person in ((ORG, "anna"), ("region", "rut")):
        roles[organisation] = login_role(person)
        region.add_member(organisation, roles[organisation])
    own = open_as(roles[ORG])
    _deliver(municipality, own, "v1.gpkg", "Samråd 2026")
    rework(municipality)
    _deliver(municipality, own, "v2.gpkg", "Granskning 2027")
    assert [s.organisation for s in own.stages()] == [ORG, ORG]
    reader = open_as(roles["region"])
    report = compare_deliveries(reader, ORG, tmp_path / "jamforelse.xlsx")
    assert report.path.is_file()
    assert [(c.key, c.goal_id, c.kind) for c in report.comparison.links] == [("A1", "t:2", CHANGED)]
    assert [(c.key, c.kind) for c in report.comparison.areas] == [("A2", RESHAPED)]
    # the region's role may read the deliveries but not import one of the municipality's
    with pytest.raises(TerritorialError, match="imports its own deliveries"):
        _deliver(municipality, reader, "v3.gpkg", "Antagande 2027")
    assert len(reader.stages()) == 2
