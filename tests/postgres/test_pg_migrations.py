"""Versioned SQL: every migration is one transaction; stores are created, upgraded and refused clearly."""

from __future__ import annotations

import re
import shutil

import pytest

from territorial_plugin.core.errors import StoreError
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.store.postgres import schema as postgres_schema
from territorial_plugin.core.store.postgres.store import PostgresStore

from .pg_support import GOALS, LAYER

pytestmark = pytest.mark.postgres


def test_migration_files_leave_transactions_to_the_runner():
    migrations = postgres_schema.migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    for migration in migrations:
        for path in migration.files:
            text = re.sub(r"--[^\n]*", "", path.read_text(encoding="utf-8"))
            assert not re.search(r"^\s*(BEGIN|COMMIT|ROLLBACK|END)\s*;", text, re.I | re.M), path.name


def test_fresh_store_has_every_version(schema, conninfo, pg_connect):
    with PostgresStore.open(f"{conninfo()}?schema={schema}", create=True) as store:
        assert store.schema_version() == postgres_schema.latest_version()
    connection = pg_connect()
    with connection.cursor() as cur:
        cur.execute(f'SELECT version FROM "{schema}".schema_version ORDER BY version')
        assert [r[0] for r in cur.fetchall()] == list(range(1, postgres_schema.latest_version() + 1))
    connection.close()


def test_failing_migration_leaves_the_previous_version_whole(schema, tmp_path, conninfo, pg_connect, seed):
    sql_dir = tmp_path / "sql"
    shutil.copytree(postgres_schema.SQL_DIR, sql_dir)
    latest = postgres_schema.latest_version()
    (sql_dir / "upgrade" / f"upgrade_to_{latest + 1}.sql").write_text(
        "-- a broken migration\nCREATE TABLE @schema@.half_done (x integer);\n"
        "ALTER TABLE @schema@.link ADD COLUMN half_done integer;\nSELECT 1 / 0;\n",
        encoding="utf-8",
    )
    with PostgresStore.open(f"{conninfo()}?schema={schema}", create=True) as store:
        seed(store)
        store.link(LAYER, ["1"], [GOALS[0]], LinkSpec(), "anna")
        with pytest.raises(Exception, match="division by zero"):
            postgres_schema.upgrade(store._conn, schema, sql_dir=sql_dir)
        store._conn.rollback()
        assert store.schema_version() == latest
        assert len(store.links()) == 1
    connection = pg_connect()
    with connection.cursor() as cur:
        cur.execute("SELECT to_regclass(%s)", (f"{schema}.half_done",))
        assert cur.fetchone()[0] is None
        cur.execute(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = %s AND column_name = 'half_done'",
            (schema,),
        )
        assert cur.fetchone()[0] == 0
    connection.close()


def test_upgrade_from_version_1_keeps_links_and_history(schema, conninfo, pg_connect):
    connection = pg_connect()
    connection.autocommit = False
    postgres_schema.upgrade(connection, schema, target=1)
    connection.close()
    uri = f"{conninfo()}?schema={schema}"
    with pytest.raises(StoreError, match="version 1"):
        PostgresStore.open(uri)
    # A version-1 store written by hand (as an old plugin would have).
    connection = pg_connect()
    with connection.cursor() as cur:
        cur.execute(f'SET search_path TO "{schema}"')
        cur.execute("INSERT INTO catalogue (id, name, level) VALUES ('rus', 'RUS', 'regional')")
        cur.execute("INSERT INTO goal (id, catalogue_id, code) VALUES ('rus:1', 'rus', '1')")
        cur.execute("INSERT INTO registered_layer (layer_uid, key_field) VALUES ('L', 'omr_id')")
        cur.execute("INSERT INTO link (layer_uid, feature_key, goal_id, organisation) VALUES ('L', 'k', 'rus:1', 'x')")
    connection.close()
    with PostgresStore.open(uri, create=True) as store:
        assert store.schema_version() == postgres_schema.latest_version()
        assert [(x.feature_key, x.organisation) for x in store.links()] == [("k", "x")]
        assert [h["organisation"] for h in store.history()] == ["x"]  # filled by the upgrade


def test_missing_store_and_bad_schema_names_are_explained(schema, conninfo):
    with pytest.raises(StoreError, match="createstore"):
        PostgresStore.open(f"{conninfo()}?schema={schema}")
    for bad in ('x"; DROP SCHEMA public; --', "Stora", "1abc", "a b"):
        with pytest.raises(StoreError, match="schema name"):
            PostgresStore.open(f"{conninfo()}?schema={bad}", create=True)


def test_unknown_connection_name_is_explained(qgis_app):
    with pytest.raises(StoreError, match="no PostgreSQL connection named 'Finns inte'"):
        PostgresStore.open("Finns inte")
