"""Goal columns in the attribute table: filter, sort and style on links like any attribute."""

from __future__ import annotations

import pytest
from qgis.core import QgsFeatureRequest, QgsProject

from territorial_plugin.core import expressions
from territorial_plugin.core.errors import TerritorialError
from territorial_plugin.core.goal_fields import add_goal_fields, goal_fields, remove_goal_fields
from territorial_plugin.core.identity import register_layer
from territorial_plugin.core.model import Catalogue, Goal, LinkSpec, Stance
from territorial_plugin.core.project.link_store import remember_store

from .store_layers import memory_layer, seeded_store, write


@pytest.fixture
def linked_layer(tmp_path, qgis_app):
    project = QgsProject.instance()
    project.clear()
    layer = write(memory_layer(4), tmp_path / "markanvandning.gpkg", "GPKG")
    assert project.addMapLayer(layer)
    store = seeded_store(tmp_path / "links.gpkg")
    store.save_catalogue(Catalogue(id="m", name="Miljömål"), [Goal("m:15", "m", "15")])
    record = register_layer(store, layer, "omr_id")
    store.link(record.layer_uid, ["A0", "A1"], ["t:1", "t:2"], LinkSpec(), "test")
    store.link(record.layer_uid, ["A1"], ["m:15"], LinkSpec(stance=Stance.CONFLICTS), "test")
    store.close()
    remember_store(str(tmp_path / "links.gpkg"), project)
    expressions.register_functions()
    expressions.invalidate()
    yield layer
    expressions.unregister_functions()
    project.clear()


def values(layer, field, expression=None):
    request = QgsFeatureRequest()
    if expression:
        request.setFilterExpression(expression)
    return {f["omr_id"]: f[field] for f in layer.getFeatures(request)}


def test_a_goal_field_per_catalogue_shows_and_filters_the_links(linked_layer):
    assert add_goal_fields(linked_layer, ["t", "m"]) == ["tl_t", "tl_m"]
    assert values(linked_layer, "tl_t") == {"A0": "1, 2", "A1": "1, 2", "A2": "", "A3": ""}
    assert values(linked_layer, "tl_m")["A1"] == "15"
    assert list(values(linked_layer, "tl_m", "\"tl_m\" LIKE '%15%'")) == ["A1"]
    assert add_goal_fields(linked_layer, ["t"]) == []  # already there: not twice
    assert goal_fields(linked_layer) == ["tl_t", "tl_m"]


def test_removing_takes_only_the_goal_fields(linked_layer):
    own = linked_layer.fields().names()
    add_goal_fields(linked_layer, ["t", "m"])
    assert remove_goal_fields(linked_layer) == ["tl_t", "tl_m"]
    assert linked_layer.fields().names() == own


def test_a_field_of_the_layer_with_the_same_name_is_never_replaced(linked_layer):
    from territorial_plugin.compat import new_field

    assert linked_layer.addExpressionField("'egen'", new_field("tl_t", "string")) >= 0
    with pytest.raises(TerritorialError, match="tl_t"):
        add_goal_fields(linked_layer, ["t"])
    remove_goal_fields(linked_layer)
    assert "tl_t" in linked_layer.fields().names()
