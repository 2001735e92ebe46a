"""Deliveries in the shared store (issue 14): each municipality imports its own under row-level
security, and the regional report gives the region every organisation, a municipality only its own."""

from __future__ import annotations

import psycopg2
import pytest

from territorial_plugin.core.errors import StoreError
from territorial_plugin.core.model import Link, RegisteredLayer
from territorial_plugin.core.region.model import DeliveredArea, DeliveryContent, DeliveryInfo

from .pg_support import GOALS

pytestmark = pytest.mark.postgres

_STAMP = "2026-03-01T10:00:00.000Z"


def _square(x: float, y: float) -> tuple[bytes, tuple]:
    from qgis.core import QgsGeometry, QgsRectangle

    return bytes(QgsGeometry.fromRect(QgsRectangle(x, y, x + 100, y + 100)).asWkb()), (x, y, x + 100, y + 100)


def _delivery(organisation: str, x0: float, stance: str, created_at: str = "2026-03-05T08:00:00.000Z"):
    """Two areas side by side at ``x0``; the first linked to GOALS[0] with ``stance``, both to GOALS[1]."""
    uid = f"{organisation}-op"
    layer = RegisteredLayer(uid, f"Markanvändning {organisation}", "", "ogr", "omr_id", "Polygon", "EPSG:3006")
    links = [Link(uid, "K1", GOALS[0], stance, 2, f"{organisation} motiverar", organisation, "anna", _STAMP)]
    links += [Link(uid, key, GOALS[1], "supports", 1, "", organisation, "anna", _STAMP) for key in ("K1", "K2")]
    areas = []
    for number, key in enumerate(("K1", "K2")):
        wkb, box = _square(x0 + number * 300, 7100000)
        areas.append(DeliveredArea(organisation, uid, key, "markanvandning", f"Område {key}", "", 1.0, wkb, box))
    info = DeliveryInfo(organisation, organisation.replace("_", " ").title(), "Samråd 2026", "1.0", created_at, "anna")
    return DeliveryContent(info, [], [], [layer], links, areas, f"{organisation}-{created_at}", "leverans.gpkg")


@pytest.fixture
def region_store(qgis_app, admin_store, login_role, open_as):
    """Kommun A and B imported their own deliveries through their own roles; A supports GOALS[0] at
    x = 700 000, B 150 m east of it works against it. Returns the stores of A, B and the region."""
    admin_store.create_organisation("kommun_a", "Kommun A", "municipality")
    admin_store.create_organisation("kommun_b", "Kommun B", "municipality")
    admin_store.create_organisation("region", "Region Västerbotten", "region")
    users = {}
    for org, person in (("kommun_a", "anna"), ("kommun_b", "bertil"), ("region", "rut")):
        role = login_role(person)
        admin_store.add_member(org, role)
        users[org] = open_as(role)
    users["kommun_a"].replace_delivery(_delivery("kommun_a", 700000, "supports"), [], "anna")
    users["kommun_b"].replace_delivery(_delivery("kommun_b", 700250, "conflicts"), [], "bertil")
    return users


def test_the_region_reads_every_delivery_and_a_municipality_its_own(region_store):
    assert [d.organisation for d in region_store["region"].deliveries()] == ["kommun_a", "kommun_b"]
    assert [d.organisation for d in region_store["kommun_a"].deliveries()] == ["kommun_a"]
    assert {a.organisation for a in region_store["kommun_b"].delivered_areas()} == {"kommun_b"}
    assert len(region_store["region"].delivered_areas()) == 4


def test_regional_report_shows_the_region_all_and_a_municipality_only_its_own(region_store, tmp_path):
    from territorial_plugin.export.region.service import run_regional_report

    path, region = run_regional_report(region_store["region"], tmp_path / "region.xlsx", distance=500)
    assert path.exists()
    assert region.organisations == ["kommun_a", "kommun_b"]
    assert region.names == {"kommun_a": "Kommun A", "kommun_b": "Kommun B"}
    assert len(region.areas) == 4 and len(region.links) == 6
    (pair,) = region.pairs
    assert (pair.supporting.organisation, pair.conflicting.organisation) == ("kommun_a", "kommun_b")
    assert (pair.supporting_motivation, pair.conflicting_motivation) == ("kommun_a motiverar", "kommun_b motiverar")
    assert pair.goal_id == GOALS[0] and pair.distance == pytest.approx(150.0)

    _, own = run_regional_report(region_store["kommun_a"], tmp_path / "kommun_a.xlsx", distance=500)
    assert own.organisations == ["kommun_a"]
    assert {a.layer_uid for a in own.areas} == {"kommun_a-op"} and len(own.links) == 3
    assert own.pairs == []


def test_an_organisation_cannot_import_another_ones_delivery(region_store, pg_connect, schema):
    region = region_store["region"]
    before = (region.deliveries(), len(region.links()), len(region.delivered_areas()))
    newer = _delivery("kommun_a", 700000, "conflicts", created_at="2026-06-01T08:00:00.000Z")
    with pytest.raises(StoreError, match="imports its own deliveries"):
        region.replace_delivery(newer, [], "rut")
    with pytest.raises(StoreError, match="imports its own deliveries"):
        region_store["kommun_b"].replace_delivery(newer, [], "bertil")
    assert (region.deliveries(), len(region.links()), len(region.delivered_areas())) == before


def test_row_level_security_refuses_a_foreign_delivery_row_in_plain_sql(region_store, pg_connect, schema, login_role):
    role = login_role("bodil")
    with pg_connect() as connection, connection.cursor() as cur:
        cur.execute(f'GRANT "{schema}_kommun_b" TO "{role}"')
    connection = pg_connect(user=role)
    with connection.cursor() as cur:
        cur.execute(f'SET search_path TO "{schema}"')
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute(
                "INSERT INTO delivery (organisation, created_at, checksum) VALUES ('kommun_a', %s, 'x')", (_STAMP,)
            )
        cur.execute("DELETE FROM delivered_area WHERE organisation = 'kommun_a'")
        assert cur.rowcount == 0  # invisible, so untouched
        cur.execute("SELECT DISTINCT organisation FROM delivery")
        assert cur.fetchall() == [("kommun_b",)]


def test_regional_report_takes_a_catalogue_id_on_the_shared_store(region_store, tmp_path):
    """GOALS "rus": the catalogue's goals with links (rus:1, rus:2) get columns; rus:3 is a blind spot."""
    from territorial_plugin.core.errors import TerritorialError
    from territorial_plugin.export.region.service import run_regional_report

    _, report = run_regional_report(region_store["region"], tmp_path / "rus.xlsx", goal_ids=["rus"], distance=500)
    assert [g.id for g in report.goals] == list(GOALS[:2])
    assert [g.id for g in report.blind_spots] == [GOALS[2]]
    with pytest.raises(TerritorialError, match="no goal or catalogue rus_ac_2030"):
        run_regional_report(region_store["region"], tmp_path / "x.xlsx", goal_ids=["rus_ac_2030"])
