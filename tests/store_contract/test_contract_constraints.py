"""Bad input is refused with a clear error and changes nothing (all or nothing)."""

from __future__ import annotations

import pytest

from territorial_plugin.core.errors import CatalogueError, StoreError
from territorial_plugin.core.model import Catalogue, Goal, LinkSpec, RegisteredLayer

from .contract_data import LAYER_UID


@pytest.mark.parametrize(
    "spec",
    [LinkSpec(stance="likes"), LinkSpec(strength=4), LinkSpec(strength=-1), LinkSpec(strength="2")],
)
def test_bad_stance_or_strength_is_refused(store, spec):
    with pytest.raises(StoreError):
        store.link(LAYER_UID, ["a"], ["test:1"], spec, "anna")
    assert store.links() == []
    assert store.history() == []


def test_unknown_goal_is_refused_and_nothing_is_written(store):
    with pytest.raises(StoreError, match="nope:1"):
        store.link(LAYER_UID, ["a", "b"], ["test:1", "nope:1"], LinkSpec(), "anna")
    assert store.links() == []


def test_unregistered_layer_is_refused(store):
    with pytest.raises(StoreError):
        store.link("no-such-layer", ["a"], ["test:1"], LinkSpec(), "anna")
    assert store.links() == []


@pytest.mark.parametrize("bad", [None, ""])
def test_a_missing_key_late_in_a_bulk_link_leaves_nothing(store, bad):
    keys = [f"k{i}" for i in range(5000)] + [bad]
    with pytest.raises(StoreError):
        store.link(LAYER_UID, keys, ["test:1"], LinkSpec(), "anna")
    assert store.links() == []
    assert store.history() == []


def test_failed_update_after_earlier_changes_rolls_back_all(store):
    store.link(LAYER_UID, ["a"], ["test:1"], LinkSpec(motivation="kvar"), "anna")
    with pytest.raises(StoreError):
        store.link(LAYER_UID, ["a", None], ["test:1"], LinkSpec(motivation="ändrad"), "bo")
    assert store.links()[0].motivation == "kvar"


def test_catalogue_id_taken(store):
    with pytest.raises(CatalogueError):
        store.save_catalogue(Catalogue(id="test", name="Again"), [])
    assert store.catalogue("test").name == "Test catalogue"


def test_bad_catalogues_are_refused(store):
    cat = Catalogue(id="bad", name="Bad", level="national")
    with pytest.raises(CatalogueError):
        store.save_catalogue(Catalogue(id="bad", name="Bad", level="planet"), [])
    with pytest.raises(CatalogueError):
        store.save_catalogue(cat, [Goal("bad:1", "bad", "1"), Goal("bad:1", "bad", "1")])
    with pytest.raises(CatalogueError):  # parent missing
        store.save_catalogue(cat, [Goal("bad:1", "bad", "1", "bad:9")])
    with pytest.raises(CatalogueError):  # cycle
        store.save_catalogue(cat, [Goal("bad:1", "bad", "1", "bad:2"), Goal("bad:2", "bad", "2", "bad:1")])
    with pytest.raises(CatalogueError):  # goal of another catalogue
        store.save_catalogue(cat, [Goal("test:9", "test", "9")])
    assert store.catalogue("bad") is None


def test_layer_needs_uid_and_key(store):
    with pytest.raises(StoreError):
        store.register_layer(RegisteredLayer("", "x", "", "ogr", "id"))
    with pytest.raises(StoreError):
        store.register_layer(RegisteredLayer("uid-x", "x", "", "ogr", ""))
    assert store.layer("uid-x") is None
