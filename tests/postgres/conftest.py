"""Fixtures for the PostgreSQL store tests (server: ``tools/pg-test-server.sh``, ``make pg-tests``)."""

from __future__ import annotations

import pytest

from territorial_plugin.core.model import Catalogue, Goal, RegisteredLayer

from . import pg_support
from .pg_support import GOALS, LAYER


@pytest.fixture(scope="session")
def pg_env() -> dict:
    return pg_support.require_server()


@pytest.fixture
def schema(pg_env) -> str:
    name = pg_support.unique_schema()
    yield name
    pg_support.drop_schema(pg_env, name)


@pytest.fixture
def conninfo(pg_env):
    """``conninfo(user=None)``: a libpq connection string of the test server, without password."""
    return lambda user=None: pg_support.conninfo(pg_env, user)


@pytest.fixture
def pg_connect(pg_env):
    """``pg_connect(**overrides)``: an autocommit psycopg2 connection as the server's admin; closed afterwards."""
    made = []

    def connect(**overrides):
        connection = pg_support.admin_connection(pg_env, **overrides)
        made.append(connection)
        return connection

    yield connect
    for connection in made:
        connection.close()


def _seed(store) -> None:
    store.save_catalogue(
        Catalogue("rus", "Regional utvecklingsstrategi", level="regional"),
        [Goal(g, "rus", g.split(":")[1], title_sv=f"Mål {g}") for g in GOALS],
    )
    store.register_layer(RegisteredLayer(LAYER, "Markanvändning", "/data/op.gpkg", "ogr", "omr_id", "Polygon"))


@pytest.fixture
def seed():
    """``seed(store)``: catalogue ``rus`` with GOALS and the registered layer LAYER."""
    return _seed


@pytest.fixture
def admin_store(conninfo, schema):
    """The store administrator's view of a fresh, seeded store in ``schema``."""
    from territorial_plugin.core.store.postgres.store import PostgresStore

    store = PostgresStore.open(f"{conninfo()}?schema={schema}", create=True)
    _seed(store)
    yield store
    store.close()


@pytest.fixture
def login_role(pg_connect, pg_env, schema):
    """Make login roles for a test: ``login_role("anna")`` → role ``<schema>_anna``; dropped afterwards.

    The password is the test server's admin password, which this process hands
    libpq through PGPASSWORD, so no URI of a test carries one.
    """

    def make(name: str) -> str:
        role = f"{schema}_{name}"
        with pg_connect() as connection, connection.cursor() as cur:
            cur.execute(f'CREATE ROLE "{role}" LOGIN PASSWORD %s', (pg_env["TL_PG_PASSWORD"],))
        return role

    return make


@pytest.fixture
def open_as(conninfo, schema):
    """``open_as(role)``: the store in ``schema`` opened as a login role; closed afterwards."""
    from territorial_plugin.core.store.postgres.store import PostgresStore

    opened = []

    def open_store(role: str):
        store = PostgresStore.open(f"{conninfo(role)}?schema={schema}")
        opened.append(store)
        return store

    yield open_store
    for store in opened:
        store.close()
