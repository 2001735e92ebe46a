"""The store contract: behaviour every engine (GeoPackage, PostgreSQL) must share.

``store`` is ``empty_store`` (tests/conftest.py: one per engine; PostgreSQL skipped
without its test server) filled with a small catalogue and two registered layers.
"""

from __future__ import annotations

import pytest

from territorial_plugin.core.model import Catalogue, Goal, RegisteredLayer
from territorial_plugin.core.store import Store

from .contract_data import LAYER_UID, OTHER_UID


def seed(store: Store) -> None:
    catalogue = Catalogue(id="test", name="Test catalogue", issuer="Test", level="national", version="1")
    goals = [
        Goal("test:1", "test", "1", None, "Mål ett", "Goal one", sort_order=1),
        Goal("test:1.1", "test", "1.1", "test:1", "Delmål", "Target", sort_order=2),
        Goal("test:2", "test", "2", None, "Mål två", "Goal two", sort_order=3),
    ]
    store.save_catalogue(catalogue, goals)
    store.register_layer(RegisteredLayer(LAYER_UID, "Markanvändning", "/data/ma.shp", "ogr", "omr_id", "Polygon"))
    store.register_layer(RegisteredLayer(OTHER_UID, "Vatten", "/data/vatten.gpkg", "ogr", "id", "Polygon"))


@pytest.fixture
def store(empty_store) -> Store:
    """A store with catalogue ``test`` (goals test:1, test:1.1, test:2) and layers layer-1, layer-2."""
    seed(empty_store)
    return empty_store


def _raw_sql(store: Store, statement: str) -> None:
    """Run ``statement`` in plain SQL beside the plugin, as anyone with the file or the database could."""
    if store.engine == "gpkg":
        import sqlite3

        connection = sqlite3.connect(str(store.path))
        try:
            with connection:
                connection.execute(statement)
        finally:
            connection.close()
        return
    from tests.postgres.pg_support import admin_connection

    connection = admin_connection()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET search_path TO %s", (store.schema,))
            cursor.execute(statement)
    finally:
        connection.close()


@pytest.fixture
def raw_sql():
    """``raw_sql(store, statement)``: plain SQL on the store's file or schema (as its owner)."""
    return _raw_sql
