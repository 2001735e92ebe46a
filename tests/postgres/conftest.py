"""Fixtures for the PostgreSQL store tests (server: ``tools/pg-test-server.sh``, ``make pg-tests``)."""

from __future__ import annotations

import pytest

from territorial_plugin.core.model import Catalogue, Goal, RegisteredLayer

from .pg_support import admin_connection, conninfo, drop_schema, open_test_store, require_server, unique_schema

LAYER = "layer-op"
GOALS = ("rus:1", "rus:2", "rus:3")


@pytest.fixture(scope="session")
def pg_env() -> dict:
    return require_server()


@pytest.fixture
def schema(pg_env) -> str:
    name = unique_schema()
    yield name
    drop_schema(pg_env, name)


def seed(store) -> None:
    store.save_catalogue(
        Catalogue("rus", "Regional utvecklingsstrategi", level="regional"),
        [Goal(g, "rus", g.split(":")[1], title_sv=f"Mål {g}") for g in GOALS],
    )
    store.register_layer(RegisteredLayer(LAYER, "Markanvändning", "/data/op.gpkg", "ogr", "omr_id", "Polygon"))


@pytest.fixture
def admin_store(pg_env, schema):
    """The store administrator's view of a fresh, seeded store in ``schema``."""
    from territorial_plugin.core.store.postgres.store import PostgresStore

    store = PostgresStore.open(f"{conninfo(pg_env)}?schema={schema}", create=True)
    seed(store)
    yield store
    store.close()


@pytest.fixture
def login_role(pg_env, schema):
    """Make login roles for a test: ``login_role("anna")`` → role ``<schema>_anna``; dropped afterwards.

    The password is the test server's admin password, which this process hands
    libpq through PGPASSWORD, so no URI of a test carries one.
    """
    made = []

    def make(name: str) -> str:
        role = f"{schema}_{name}"
        with admin_connection(pg_env) as connection, connection.cursor() as cur:
            cur.execute(f'CREATE ROLE "{role}" LOGIN PASSWORD %s', (pg_env["TL_PG_PASSWORD"],))
        made.append(role)
        return role

    yield make


def open_as(pg_env, schema: str, role: str):
    from territorial_plugin.core.store.postgres.store import PostgresStore

    return PostgresStore.open(f"{conninfo(pg_env, role)}?schema={schema}")


__all__ = ["GOALS", "LAYER", "open_as", "open_test_store", "seed"]
