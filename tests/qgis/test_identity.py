"""Feature identity: stable keys only, tl_uuid, layer_uid that survives moves."""

from __future__ import annotations

import shutil

import pytest
from qgis.core import QgsFeature, QgsProject, QgsVectorLayer

from territorial_plugin.core import identity
from territorial_plugin.core.errors import IdentityError
from territorial_plugin.core.links import LinkService
from territorial_plugin.core.model import LinkSpec

from .store_layers import geometry_of, memory_layer, seeded_store, square, write


def test_shapefile_link_survives_deleting_a_lower_fid(qgis_app, tmp_path):
    """Delete a feature with a lower fid, save, reopen: the link still points to the same area."""
    shp = write(memory_layer(5), tmp_path / "areas.shp", "ESRI Shapefile")
    store = seeded_store(tmp_path / "links.gpkg")
    identity.register_layer(store, shp, "omr_id")
    service = LinkService(store, "anna")
    target = next(f for f in shp.getFeatures() if f["omr_id"] == "A3")
    old_fid, old_geometry = target.id(), target.geometry()
    service.link(shp, ["t:1"], LinkSpec(motivation="Bostäder"), fids=[old_fid])
    assert shp.startEditing()
    assert shp.deleteFeature(next(f.id() for f in shp.getFeatures() if f["omr_id"] == "A0"))
    assert shp.commitChanges()
    reopened = QgsVectorLayer(str(tmp_path / "areas.shp"), "areas", "ogr")
    record = identity.resolve_layer(store, reopened)  # found again by its source
    assert record is not None and record.key_field == "omr_id"
    fids = LinkService(store, "anna").fids_for_goal(reopened, "t:1")
    assert len(fids) == 1
    linked = reopened.getFeature(fids[0])
    assert linked["omr_id"] == "A3"
    assert linked.geometry().equals(old_geometry)
    assert fids[0] != old_fid  # the shapefile renumbered: a fid key would now point at A4
    store.close()


@pytest.mark.parametrize("fid_name", ["$id", "@id", "fid"])
def test_feature_id_is_refused_for_renumbering_sources(qgis_app, tmp_path, fid_name):
    shp = write(memory_layer(3), tmp_path / "areas.shp", "ESRI Shapefile")
    with pytest.raises(IdentityError):
        identity.check_key_field(shp, fid_name)
    with pytest.raises(IdentityError):
        identity.check_key_field(memory_layer(3), fid_name)


def test_geopackage_fid_is_a_key_only_when_declared(qgis_app, tmp_path):
    gpkg = write(memory_layer(3), tmp_path / "areas.gpkg", "GPKG")
    identity.check_key_field(gpkg, "fid")  # the stored primary key: accepted
    with pytest.raises(IdentityError):
        identity.check_key_field(gpkg, "$id")
    assert {c.name for c in identity.key_candidates(gpkg) if c.usable} >= {"fid", "omr_id"}


def test_memory_and_csv_layers_without_key_are_not_linkable(qgis_app, tmp_path):
    store = seeded_store(tmp_path / "links.gpkg")
    layer = memory_layer(4, key=False)
    assert identity.propose_key_field(layer) is None  # 'use' repeats
    with pytest.raises(IdentityError):
        identity.register_layer(store, layer, "use")
    with pytest.raises(IdentityError):
        LinkService(store, "anna").link(layer, ["t:1"], LinkSpec())
    csv = tmp_path / "areas.csv"
    csv.write_text("use,wkt\nBOST,POINT(1 1)\nBOST,POINT(2 2)\n", encoding="utf-8")
    csv_layer = QgsVectorLayer(f"file://{csv}?delimiter=,&wktField=wkt&crs=EPSG:3006", "csv", "delimitedtext")
    assert csv_layer.isValid()
    assert identity.propose_key_field(csv_layer) is None
    with pytest.raises(IdentityError):
        identity.register_layer(store, csv_layer, "$id")
    assert store.layers() == []
    # ... until it has one
    identity.add_uuid_field(layer)
    assert identity.propose_key_field(layer) == "tl_uuid"
    identity.register_layer(store, layer, "tl_uuid")
    assert LinkService(store, "anna").link(layer, ["t:1"], LinkSpec()).result.inserted == 4
    store.close()


def test_tl_uuid_filled_without_braces_and_defaulted_for_new_features(qgis_app, tmp_path):
    gpkg = write(memory_layer(3, key=False), tmp_path / "areas.gpkg", "GPKG")
    assert identity.add_uuid_field(gpkg) == "tl_uuid"
    values = [f["tl_uuid"] for f in gpkg.getFeatures()]
    assert len(set(values)) == 3 and all(v and "{" not in v for v in values)
    assert gpkg.startEditing()
    feature = QgsFeature(gpkg.fields())
    index = gpkg.fields().lookupField("tl_uuid")
    default = gpkg.defaultValue(index, feature)
    assert default and "{" not in default and "}" not in default
    # the values are in the file, not only in the project
    again = QgsVectorLayer(str(tmp_path / "areas.gpkg"), "again", "ogr")
    assert sorted(f["tl_uuid"] for f in again.getFeatures()) == sorted(values)
    assert gpkg.rollBack()


def test_duplicate_or_empty_keys_are_refused_with_counts(qgis_app):
    layer = memory_layer(4)
    assert layer.dataProvider().changeAttributeValues({2: {0: "A0"}, 3: {0: None}})  # memory fids start at 1
    with pytest.raises(IdentityError, match="1 values repeat and 1 features"):
        identity.check_key_field(layer, "omr_id")


def test_layer_uid_survives_a_moved_source(qgis_app, qgis_new_project, tmp_path):
    """Link, move the data file, point the layer at it: the same uid, the links are there."""
    store = seeded_store(tmp_path / "links.gpkg")
    layer = write(memory_layer(3), tmp_path / "areas.gpkg", "GPKG")
    assert QgsProject.instance().addMapLayer(layer)
    record = identity.register_layer(store, layer, "omr_id")
    LinkService(store, "anna").link(layer, ["t:2"], LinkSpec(), selected_only=False)
    (tmp_path / "moved").mkdir()
    shutil.move(tmp_path / "areas.gpkg", tmp_path / "moved" / "areas.gpkg")
    layer.setDataSource(str(tmp_path / "moved" / "areas.gpkg"), layer.name(), "ogr")
    assert layer.isValid()
    again = identity.resolve_layer(store, layer)
    assert again.layer_uid == record.layer_uid
    assert again.source.startswith(str(tmp_path / "moved"))
    assert store.layer(record.layer_uid).source == again.source
    fids = LinkService(store, "anna").fids_for_goal(layer, "t:2")
    assert len(fids) == 3
    assert geometry_of(layer, "omr_id", "A1").equals(square(1))
    store.close()


def test_feature_key_text():
    assert identity.feature_key(12) == "12"
    assert identity.feature_key(12.0) == "12"
    assert identity.feature_key(" x ") == " x "
    assert identity.feature_key("") is None
    assert identity.feature_key(None) is None


def test_layer_and_key_field_names_with_spaces_and_quotes(qgis_app, tmp_path):
    """Identifiers are quoted everywhere: a key field named like this still links and reads back."""
    from qgis.core import QgsFeature, QgsVectorLayer

    from territorial_plugin.compat import new_field

    odd = 'nyckel "id" med mellanslag; --'
    layer = QgsVectorLayer("Polygon?crs=EPSG:3006", "Lager 'med' \"citat\"", "memory")
    assert layer.dataProvider().addAttributes([new_field(odd, "string")])
    layer.updateFields()
    features = []
    for i, value in enumerate(["å'1", 'ä"2', "ö;3 --"]):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([value])
        feature.setGeometry(square(i))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    store = seeded_store(tmp_path / "links.gpkg")
    record = identity.register_layer(store, layer, odd)
    assert store.layer(record.layer_uid).key_field == odd
    service = LinkService(store, "anna")
    from qgis.core import QgsExpression

    expression = QgsExpression.quotedColumnRef(odd) + " LIKE 'ä%'"
    command = service.link(layer, ["t:1"], LinkSpec(), expression=expression)
    assert command.keys == ['ä"2']
    assert store.linked_keys(record.layer_uid) == {'ä"2'}
    store.close()


def test_links_survive_closing_the_project_and_moving_the_data(qgis_app, qgis_new_project, tmp_path):
    """Link, save and close the project, move the data file, reopen and fix the path: the links are there."""
    from territorial_plugin.core.project.layers import layer_statuses

    store = seeded_store(tmp_path / "links.gpkg")
    project = QgsProject.instance()
    layer = write(memory_layer(3), tmp_path / "areas.gpkg", "GPKG")
    assert project.addMapLayer(layer)
    record = identity.register_layer(store, layer, "omr_id")
    LinkService(store, "anna").link(layer, ["t:3"], LinkSpec(motivation="Kvar efter flytt"))
    layer_id = layer.id()
    assert project.write(str(tmp_path / "plan.qgz"))
    project.clear()
    (tmp_path / "ny mapp").mkdir()
    shutil.move(tmp_path / "areas.gpkg", tmp_path / "ny mapp" / "areas.gpkg")
    assert project.read(str(tmp_path / "plan.qgz"))
    reopened = project.mapLayer(layer_id)
    assert reopened is not None and not reopened.isValid()
    [status] = layer_statuses(store, project)
    assert not status.available and "cannot be read" in status.reason  # shown as unavailable, no exception
    reopened.setDataSource(str(tmp_path / "ny mapp" / "areas.gpkg"), reopened.name(), "ogr")
    assert reopened.isValid()
    assert identity.resolve_layer(store, reopened).layer_uid == record.layer_uid
    assert len(LinkService(store, "anna").fids_for_goal(reopened, "t:3")) == 3
    store.close()
