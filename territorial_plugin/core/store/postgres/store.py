"""The shared PostgreSQL store: many municipalities and the region on one schema.

Same tables and rules as the GeoPackage store (``base.py``), plus what sharing
needs: an ``organisation`` on every link set from the connected database role,
row-level security (``sql/postgres/upgrade/upgrade_to_2.sql``), a ``row_version``
for optimistic concurrency, history and change notification written by database
triggers (so edits made outside the plugin are recorded too), and retries of a
transaction PostgreSQL aborted to resolve a deadlock.

Every public write runs in one transaction (:meth:`PostgresStore._write`); values
are bound parameters, the schema an identifier quoted by psycopg2.
"""

from __future__ import annotations

import random
import time

from ...errors import StoreError
from ...i18n import tr
from ...model import RegisteredLayer
from ..base import Store
from . import connection as postgres_connection
from . import schema as postgres_schema
from .admin import PostgresAdminMixin
from .catalogue import PostgresCatalogueMixin
from .errors import translate
from .links import PostgresLinksMixin
from .region import PostgresRegionMixin
from .rows import _fetch
from .rules import PostgresRulesMixin
from .stages import PostgresStagesMixin

_LAYER_COLS = "layer_uid, name, source, provider, key_field, geometry_type, crs"
_RETRIES = 6  # a transaction chosen as a deadlock victim is run again this many times


class PostgresStore(
    PostgresCatalogueMixin,
    PostgresLinksMixin,
    PostgresRulesMixin,
    PostgresAdminMixin,
    PostgresStagesMixin,
    PostgresRegionMixin,
    Store,
):
    """A link store in a PostgreSQL schema. Open with :meth:`open` or ``open_store``."""

    engine = "postgres"

    def __init__(self, connection, target: postgres_connection.PostgresTarget, uri: str):
        self._conn = connection
        self._target = target
        self.schema = target.schema
        self.uri = uri
        self._listener = None

    # -- lifecycle ------------------------------------------------------------------
    @classmethod
    def open(cls, connection_name: str, create: bool = False) -> PostgresStore:
        """Open the store named by ``<connection>[?schema=name]``; ``create`` creates or upgrades it."""
        target = postgres_connection.resolve(connection_name)
        return cls.open_target(target, create=create, uri="postgres:" + postgres_connection.redact(connection_name))

    @classmethod
    def open_target(
        cls, target: postgres_connection.PostgresTarget, *, create: bool = False, uri: str = ""
    ) -> PostgresStore:
        psycopg2 = postgres_connection.psycopg2_module()
        connection = postgres_connection.connect(target)
        try:
            latest = postgres_schema.latest_version()
            with connection, connection.cursor() as cursor:
                version = postgres_schema.current_version(cursor, target.schema)
            if create and version < latest:
                postgres_schema.upgrade(connection, target.schema)
            elif version == 0:
                raise StoreError(
                    tr(
                        "There is no link store in schema '{schema}' of the PostgreSQL connection '{name}'. "
                        "Create it with the algorithm 'Create link store' (territorial:createstore)."
                    ).format(schema=target.schema, name=target.display)
                )
            elif version < latest:
                raise StoreError(
                    tr(
                        "The link store '{name}' has version {version}; this plugin needs version {latest}. "
                        "Ask the store administrator to upgrade it with territorial:createstore."
                    ).format(name=target.display, version=version, latest=latest)
                )
            if version > latest:
                raise StoreError(
                    tr(
                        "The link store '{name}' was made by a newer version of Territorial Links "
                        "(store version {version}). Update the plugin."
                    ).format(name=target.display, version=version)
                )
            _configure_session(connection, target.schema)
        except psycopg2.Error as error:
            connection.close()
            raise translate(error, target.display) from None
        except BaseException:
            connection.close()
            raise
        return cls(connection, target, uri or f"postgres:{target.display}")

    def close(self) -> None:
        for connection in (self._listener, self._conn):
            if connection is not None and not connection.closed:
                connection.close()
        self._listener = None

    def schema_version(self) -> int:
        return self._read(lambda cur: postgres_schema.current_version(cur, self.schema))

    # -- transactions ---------------------------------------------------------------
    def _read(self, work):
        psycopg2 = postgres_connection.psycopg2_module()
        try:
            with self._conn, self._conn.cursor() as cursor:
                return work(cursor)
        except psycopg2.Error as error:
            raise translate(error, self._target.display) from None

    def _write(self, work, user: str | None = None):
        """Run ``work(cursor)`` in one transaction; retried when chosen as a deadlock victim."""
        psycopg2 = postgres_connection.psycopg2_module()
        retryable = (psycopg2.errors.DeadlockDetected, psycopg2.errors.SerializationFailure)
        for attempt in range(_RETRIES):
            try:
                with self._conn, self._conn.cursor() as cursor:
                    if user is not None:
                        cursor.execute("SELECT set_config('territorial.user', %s, true)", (user,))
                    return work(cursor)
            except retryable as error:
                if attempt == _RETRIES - 1:
                    raise translate(error, self._target.display) from None
                time.sleep(random.uniform(0.005, 0.03) * (attempt + 1))
            except psycopg2.Error as error:
                raise translate(error, self._target.display) from None
        raise AssertionError("unreachable")  # pragma: no cover

    # -- registered layers ------------------------------------------------------------
    def register_layer(self, layer: RegisteredLayer) -> None:
        if not layer.layer_uid or not layer.key_field:
            raise StoreError(tr("A layer needs a layer id and a key field to be registered."))
        self._write(
            lambda cur: cur.execute(
                "INSERT INTO registered_layer (" + _LAYER_COLS + ", registered_at) VALUES "
                "(%s, %s, %s, %s, %s, %s, %s, now()) ON CONFLICT (layer_uid) DO UPDATE SET "
                "name = EXCLUDED.name, source = EXCLUDED.source, provider = EXCLUDED.provider, "
                "key_field = EXCLUDED.key_field, geometry_type = EXCLUDED.geometry_type, crs = EXCLUDED.crs",
                (
                    layer.layer_uid,
                    layer.name,
                    layer.source,
                    layer.provider,
                    layer.key_field,
                    layer.geometry_type,
                    layer.crs,
                ),
            )
        )

    def layers(self) -> list[RegisteredLayer]:
        rows = self._read(
            lambda cur: _fetch(cur, "SELECT " + _LAYER_COLS + " FROM registered_layer ORDER BY name, layer_uid")
        )
        return [RegisteredLayer(*row) for row in rows]

    def layer(self, layer_uid: str) -> RegisteredLayer | None:
        rows = self._read(
            lambda cur: _fetch(
                cur, "SELECT " + _LAYER_COLS + " FROM registered_layer WHERE layer_uid = %s", (layer_uid,)
            )
        )
        return RegisteredLayer(*rows[0]) if rows else None


def _configure_session(connection, schema: str) -> None:
    """The session settings every connection of a store has (search path, UTC, ISO dates)."""
    psycopg2 = postgres_connection.psycopg2_module()
    with connection, connection.cursor() as cursor:
        # The schema is validated and quoted; everything below uses plain names.
        cursor.execute(
            psycopg2.sql.SQL("SET search_path TO {}; SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'").format(
                psycopg2.sql.Identifier(schema)
            )
        )
