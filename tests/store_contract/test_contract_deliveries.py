"""Deliveries in the region's store: one transaction, the same delivery twice changes nothing,
a newer one replaces the older (history kept), an older or foreign one is refused unchanged."""

from __future__ import annotations

import pytest

from territorial_plugin.core.errors import StoreError
from territorial_plugin.core.model import Catalogue, Goal, Link, RegisteredLayer
from territorial_plugin.core.region.model import DeliveredArea, DeliveryContent, DeliveryInfo

from .contract_data import GOALS

# a square of 100 × 100 m (1 ha) as WKB, little endian polygon
_SQUARE = bytes.fromhex(
    "010300000001000000050000000000000000000000000000000000000000000000000059400000000000000000"
    "00000000000059400000000000005940000000000000000000000000000059400000000000000000000000000000"
    "0000"
)
_UID = "kommun-a-op"


def _content(
    created_at: str, keys=("A1", "A2"), *, checksum: str | None = None, organisation: str = "kommun_a", extra=()
) -> DeliveryContent:
    info = DeliveryInfo(organisation, "Kommun A", "Samråd 2026", "1.0", created_at, "anna", len(keys), 0, 12.5)
    layer = RegisteredLayer(_UID, "Markanvändning A", "", "ogr", "omr_id", "Polygon", "EPSG:3006")
    links = [
        Link(_UID, key, GOALS[0], "supports", 2, f"Bostäder, \"nära\"\n{key}", organisation, "anna",
             "2026-03-01T10:00:00.000Z", "bo", "2026-03-02T11:00:00.000Z", 3)
        for key in keys
    ] + [Link(_UID, keys[0], GOALS[2], "conflicts", 3, "", organisation, "anna", "2026-03-01T10:00:00.000Z",
              "anna", "2026-03-01T10:00:00.000Z", 1)]  # fmt: skip
    areas = [
        DeliveredArea(organisation, _UID, key, "markanvandning", f"Område {key}", "Bostäder", 1.0, _SQUARE,
                      (0.0, 0.0, 100.0, 100.0))
        for key in keys
    ] + [DeliveredArea(organisation, _UID, "Z9", "markanvandning", "", "", 0.0, None, None)]  # fmt: skip
    catalogues, goals = [], []
    for catalogue_id in extra:
        catalogues.append(Catalogue(id=catalogue_id, name="Regional strategi", level="regional", version="2024"))
        goals.append(Goal(f"{catalogue_id}:1", catalogue_id, "1", None, "Attraktiva miljöer", sort_order=1))
        links.append(Link(_UID, keys[0], f"{catalogue_id}:1", "supports", 1, "", organisation))
    return DeliveryContent(
        info, catalogues, goals, [layer], links, areas, checksum or f"sum-{created_at}-{len(keys)}", "a.gpkg"
    )


@pytest.fixture
def region(store):
    """The contract store as a region's store; a shared PostgreSQL store must know the organisation."""
    if store.engine == "postgres":
        store.create_organisation("kommun_a", "Kommun A", "municipality")
        store.create_organisation("kommun_b", "Kommun B", "municipality")
    return store


def _links(store) -> set[tuple]:
    return {
        (x.layer_uid, x.feature_key, x.goal_id, x.stance, x.strength, x.motivation, x.organisation, x.created_by,
         x.created_at, x.updated_by, x.updated_at, x.row_version)
        for x in store.links()
    }  # fmt: skip


def _state(store) -> tuple:
    return (_links(store), store.deliveries(), store.delivered_areas(), len(store.history(limit=100000)))


def test_import_puts_links_areas_and_the_record_in_the_store(region):
    result = region.replace_delivery(_content("2026-03-05T08:00:00.000Z", extra=["rus"]), ["rus"], "greta")
    assert (result.links_inserted, result.links_deleted, result.areas, result.unchanged) == (4, 0, 3, False)
    links = {(x.feature_key, x.goal_id): x for x in region.links()}
    assert set(links) == {("A1", "test:1"), ("A2", "test:1"), ("A1", "test:2"), ("A1", "rus:1")}
    a1 = links[("A1", "test:1")]
    assert (a1.motivation, a1.organisation, a1.created_by, a1.updated_by) == (
        'Bostäder, "nära"\nA1',
        "kommun_a",
        "anna",
        "bo",
    )
    assert (a1.created_at, a1.updated_at, a1.row_version) == ("2026-03-01T10:00:00.000Z", "2026-03-02T11:00:00.000Z", 3)
    assert links[("A1", "test:2")].motivation == "" and links[("A1", "test:2")].stance == "conflicts"
    assert region.catalogue("rus").version == "2024" and [g.id for g in region.goals("rus")] == ["rus:1"]
    assert region.layer(_UID).name == "Markanvändning A"
    areas = {a.feature_key: a for a in region.delivered_areas()}
    assert areas["A1"].wkb == _SQUARE and areas["A1"].bbox == (0.0, 0.0, 100.0, 100.0)
    assert (areas["A1"].name, areas["A1"].category, areas["A1"].hectares) == ("Område A1", "Bostäder", 1.0)
    assert (areas["Z9"].wkb, areas["Z9"].bbox, areas["Z9"].name) == (None, None, "")  # kept, never dropped
    (record,) = region.deliveries()
    assert (record.organisation, record.stage, record.created_at, record.imported_by) == (
        "kommun_a",
        "Samråd 2026",
        "2026-03-05T08:00:00.000Z",
        "greta",
    )
    assert (record.area_count, record.link_count, record.land_use_ha, record.current) == (3, 4, 12.5, True)
    assert record.imported_at[:2] == "20" and record.imported_at.endswith("Z")
    inserts = [h for h in region.history(limit=1000) if h["operation"] == "insert"]
    assert len(inserts) == 4 and {h["changed_by"] for h in inserts} == {"greta"}


def test_the_same_delivery_twice_changes_nothing(region):
    content = _content("2026-03-05T08:00:00.000Z")
    first = region.replace_delivery(content, [], "greta")
    before = _state(region)
    again = region.replace_delivery(content, [], "greta")
    assert again.unchanged and again.delivery_id == first.delivery_id
    assert _state(region) == before


def test_a_newer_delivery_replaces_and_keeps_the_history(region):
    region.replace_delivery(_content("2026-03-05T08:00:00.000Z", ("A1", "A2")), [], "greta")
    result = region.replace_delivery(_content("2026-05-01T08:00:00.000Z", ("A2", "A3")), [], "greta")
    assert (result.links_inserted, result.links_deleted) == (3, 3)
    assert {(x.feature_key, x.goal_id) for x in region.links()} == {
        ("A2", "test:1"),
        ("A3", "test:1"),
        ("A2", "test:2"),
    }
    assert sorted(a.feature_key for a in region.delivered_areas()) == ["A2", "A3", "Z9"]
    old, new = region.deliveries()
    assert (old.current, new.current) == (False, True) and old.created_at < new.created_at
    assert [d.id for d in region.deliveries(current_only=True)] == [new.id]
    deletes = [h for h in region.history(limit=1000) if h["operation"] == "delete"]
    assert len(deletes) == 3


def test_an_older_delivery_is_refused_and_nothing_changes(region):
    region.replace_delivery(_content("2026-05-01T08:00:00.000Z"), [], "greta")
    before = _state(region)
    with pytest.raises(StoreError, match="newer delivery"):
        region.replace_delivery(_content("2026-03-05T08:00:00.000Z", ("A7",)), [], "greta")
    assert _state(region) == before


def test_a_layer_of_another_organisation_is_refused_and_nothing_changes(region):
    region.replace_delivery(_content("2026-03-05T08:00:00.000Z"), [], "greta")
    before = _state(region)
    with pytest.raises(StoreError, match="another organisation"):
        region.replace_delivery(_content("2026-03-06T08:00:00.000Z", organisation="kommun_b"), [], "greta")
    assert _state(region) == before


def test_a_failure_late_in_the_import_leaves_nothing(region):
    region.replace_delivery(_content("2026-03-05T08:00:00.000Z"), [], "greta")
    before = _state(region)
    broken = _content("2026-05-01T08:00:00.000Z", ("A4",))
    broken.links.append(Link(_UID, "A4", "nowhere:1", "supports", 2, "", "kommun_a"))  # no such goal
    with pytest.raises(StoreError):
        region.replace_delivery(broken, [], "greta")
    assert _state(region) == before


def test_delivered_areas_of_some_organisations(region):
    region.replace_delivery(_content("2026-03-05T08:00:00.000Z"), [], "greta")
    assert len(region.delivered_areas(["kommun_a"])) == 3
    assert region.delivered_areas(["kommun_b"]) == []
