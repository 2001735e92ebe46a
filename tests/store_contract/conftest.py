"""The store contract: behaviour every engine (GeoPackage, PostgreSQL) must share.

``store`` is parametrized by engine name. An engine adds itself to
``STORE_FACTORIES`` (name → function(tmp_path) returning an empty, created store,
or calling ``pytest.skip`` when its server is not available). The fixture fills
the store with a small catalogue and one registered layer (``seeded``).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from territorial_plugin.core.model import Catalogue, Goal, RegisteredLayer
from territorial_plugin.core.store import Store, open_store

LAYER_UID = "layer-1"
OTHER_UID = "layer-2"
GOALS = ("test:1", "test:1.1", "test:2")


def _gpkg_store(tmp_path) -> Store:
    return open_store(str(tmp_path / "contract store.gpkg"), create=True)


def _postgres_store(tmp_path) -> Store:
    # The throwaway server of tools/pg-test-server.sh: skipped without it, failed
    # instead when TL_PG_REQUIRED is set (make pg-tests, so CI cannot skip it).
    from tests.postgres.pg_support import open_test_store, require_server

    return open_test_store(require_server())


STORE_FACTORIES: dict[str, Callable] = {"gpkg": _gpkg_store, "postgres": _postgres_store}


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


@pytest.fixture(params=sorted(STORE_FACTORIES))
def empty_store(request, tmp_path) -> Store:
    store = STORE_FACTORIES[request.param](tmp_path)
    yield store
    store.close()


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
