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
from collections.abc import Iterable, Sequence

from ..errors import CatalogueError, ConflictError, StoreError
from ..i18n import tr
from ..model import STRENGTH_MAX, STRENGTH_MIN, Catalogue, Goal, Link, LinkSpec, RegisteredLayer, Stance, WriteResult
from . import postgres_connection, postgres_schema
from .base import MigrationReport, Store
from .postgres_admin import PostgresAdminMixin
from .postgres_errors import translate

_LINK_COLS = (
    "layer_uid, feature_key, goal_id, stance, strength, motivation, organisation, created_by, "
    "tl_iso(created_at), updated_by, tl_iso(updated_at), row_version"
)
_CATALOGUE_COLS = (
    "id, name, issuer, level, version, valid_from, valid_to, source, language, description, series, example, enabled"
)
_GOAL_COLS = "id, catalogue_id, code, parent_id, title_sv, title_en, description, sort_order, kind"
_LAYER_COLS = "layer_uid, name, source, provider, key_field, geometry_type, crs"
_RETRIES = 6  # a transaction chosen as a deadlock victim is run again this many times


class PostgresStore(PostgresAdminMixin, Store):
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
        return cls.open_target(target, create=create, uri=f"postgres:{connection_name}")

    @classmethod
    def open_target(cls, target: postgres_connection.PostgresTarget, *, create: bool = False, uri: str = "") -> PostgresStore:
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
                        "Create it with the algorithm 'Create or upgrade link store' (territorial:createstore)."
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
            with connection, connection.cursor() as cursor:
                # The schema is validated and quoted; everything below uses plain names.
                cursor.execute(
                    psycopg2.sql.SQL("SET search_path TO {}").format(psycopg2.sql.Identifier(target.schema))
                )
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

    # -- catalogues -----------------------------------------------------------------
    def save_catalogue(self, catalogue: Catalogue, goals: Sequence[Goal], *, replace: bool = False) -> WriteResult:
        for goal in goals:
            if goal.catalogue_id != catalogue.id:
                raise CatalogueError(
                    tr("Goal '{goal}' does not belong to catalogue '{catalogue}'.").format(
                        goal=goal.id, catalogue=catalogue.id
                    )
                )

        def work(cur) -> WriteResult:
            cur.execute("SELECT 1 FROM catalogue WHERE id = %s FOR UPDATE", (catalogue.id,))
            exists = cur.fetchone() is not None
            if exists and not replace:
                raise CatalogueError(
                    tr(
                        "A catalogue with the id '{id}' is already in the store. Import a new version under a "
                        "new id, or replace the existing one."
                    ).format(id=catalogue.id)
                )
            c = catalogue
            cur.execute(
                "INSERT INTO catalogue (" + _CATALOGUE_COLS + ", imported_at) VALUES "
                "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, now()) "
                "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, issuer = EXCLUDED.issuer, "
                "level = EXCLUDED.level, version = EXCLUDED.version, valid_from = EXCLUDED.valid_from, "
                "valid_to = EXCLUDED.valid_to, source = EXCLUDED.source, language = EXCLUDED.language, "
                "description = EXCLUDED.description, series = EXCLUDED.series, example = EXCLUDED.example, "
                "enabled = EXCLUDED.enabled, imported_at = now()",
                (c.id, c.name, c.issuer, c.level, c.version, c.valid_from, c.valid_to, c.source, c.language,
                 c.description, c.series, int(c.example), int(c.enabled)),
            )  # fmt: skip
            cur.execute("SELECT id FROM goal WHERE catalogue_id = %s", (catalogue.id,))
            before = {row[0] for row in cur.fetchall()}
            new_ids = [g.id for g in goals]
            gone = sorted(before - set(new_ids))
            if gone:
                cur.execute(
                    "SELECT goal_id, count(*) FROM link WHERE goal_id = ANY(%s) GROUP BY goal_id ORDER BY goal_id",
                    (gone,),
                )
                linked = cur.fetchall()
                if linked:
                    raise CatalogueError(
                        tr(
                            "The new version of catalogue '{id}' drops goals that still have links: {goals}. "
                            "Move those links to new goals first."
                        ).format(id=catalogue.id, goals=", ".join(f"{g} ({n})" for g, n in linked))
                    )
                cur.execute("DELETE FROM goal WHERE id = ANY(%s)", (gone,))
            from psycopg2.extras import execute_values

            execute_values(
                cur,
                "INSERT INTO goal (" + _GOAL_COLS + ") VALUES %s ON CONFLICT (id) DO UPDATE SET "
                "code = EXCLUDED.code, parent_id = EXCLUDED.parent_id, title_sv = EXCLUDED.title_sv, "
                "title_en = EXCLUDED.title_en, description = EXCLUDED.description, "
                "sort_order = EXCLUDED.sort_order, kind = EXCLUDED.kind",
                [(g.id, g.catalogue_id, g.code, g.parent_id or None, g.title_sv, g.title_en, g.description,
                  int(g.sort_order), g.kind) for g in goals],
                page_size=1000,
            )  # fmt: skip
            cur.execute("SET CONSTRAINTS ALL IMMEDIATE")  # a bad parent_id fails here, inside the call
            inserted = len(set(new_ids) - before)
            return WriteResult(inserted=inserted, updated=len(set(new_ids) & before), deleted=len(gone))

        return self._write(work)

    def catalogues(self, *, include_disabled: bool = True) -> list[Catalogue]:
        where = "" if include_disabled else " WHERE enabled = 1"
        return self._read(
            lambda cur: [
                _catalogue(row) for row in _fetch(cur, "SELECT " + _CATALOGUE_COLS + " FROM catalogue" + where + " ORDER BY id")
            ]
        )

    def catalogue(self, catalogue_id: str) -> Catalogue | None:
        rows = self._read(lambda cur: _fetch(cur, "SELECT " + _CATALOGUE_COLS + " FROM catalogue WHERE id = %s", (catalogue_id,)))
        return _catalogue(rows[0]) if rows else None

    def goals(self, catalogue_id: str | None = None) -> list[Goal]:
        sql = "SELECT " + _GOAL_COLS + " FROM goal"
        params: tuple = ()
        if catalogue_id is not None:
            sql += " WHERE catalogue_id = %s"
            params = (catalogue_id,)
        sql += " ORDER BY catalogue_id, sort_order, id"
        return self._read(lambda cur: [_goal(row) for row in _fetch(cur, sql, params)])

    def set_catalogue_enabled(self, catalogue_id: str, enabled: bool) -> None:
        def work(cur) -> None:
            cur.execute("UPDATE catalogue SET enabled = %s WHERE id = %s", (int(bool(enabled)), catalogue_id))
            if cur.rowcount == 0:
                raise CatalogueError(tr("There is no catalogue '{id}' in the store.").format(id=catalogue_id))

        self._write(work)

    def delete_catalogue(self, catalogue_id: str, *, delete_links: bool = False) -> WriteResult:
        def work(cur) -> WriteResult:
            cur.execute("SELECT 1 FROM catalogue WHERE id = %s FOR UPDATE", (catalogue_id,))
            if cur.fetchone() is None:
                raise CatalogueError(tr("There is no catalogue '{id}' in the store.").format(id=catalogue_id))
            cur.execute(
                "SELECT count(*) FROM link l JOIN goal g ON g.id = l.goal_id WHERE g.catalogue_id = %s", (catalogue_id,)
            )
            links = cur.fetchone()[0]
            if links and not delete_links:
                raise CatalogueError(
                    tr(
                        "Catalogue '{id}' still has {count} links. Remove them first or choose to delete them "
                        "with the catalogue."
                    ).format(id=catalogue_id, count=links)
                )
            deleted = 0
            if links:
                cur.execute(
                    "DELETE FROM link WHERE goal_id IN (SELECT id FROM goal WHERE catalogue_id = %s)", (catalogue_id,)
                )
                deleted = cur.rowcount
            cur.execute("SELECT count(*) FROM goal WHERE catalogue_id = %s", (catalogue_id,))
            goals = cur.fetchone()[0]
            cur.execute("DELETE FROM catalogue WHERE id = %s", (catalogue_id,))
            return WriteResult(deleted=deleted, details={"goals": goals, "links": deleted})

        return self._write(work)

    def link_count_by_catalogue(self) -> dict[str, int]:
        rows = self._read(
            lambda cur: _fetch(
                cur,
                "SELECT c.id, count(l.id) FROM catalogue c LEFT JOIN goal g ON g.catalogue_id = c.id "
                "LEFT JOIN link l ON l.goal_id = g.id GROUP BY c.id ORDER BY c.id",
            )
        )
        return {row[0]: int(row[1]) for row in rows}

    def migrate_goals(self, mapping: dict[str, str], user: str) -> MigrationReport:
        def work(cur) -> MigrationReport:
            report = MigrationReport()
            for old, new in sorted(mapping.items()):
                cur.execute("SELECT count(*) FROM link WHERE goal_id = %s", (old,))
                count = cur.fetchone()[0]
                if not count or old == new:
                    continue
                cur.execute("SELECT 1 FROM goal WHERE id = %s", (new,))
                if not new or cur.fetchone() is None:
                    report.lost[old] = count
                    continue
                # Where the feature is already linked to the new goal, that link wins.
                cur.execute(
                    "DELETE FROM link o USING link n WHERE o.goal_id = %s AND n.goal_id = %s "
                    "AND n.layer_uid = o.layer_uid AND n.feature_key = o.feature_key",
                    (old, new),
                )
                report.merged += cur.rowcount
                cur.execute(
                    "UPDATE link SET goal_id = %s, updated_by = %s, updated_at = now() WHERE goal_id = %s",
                    (new, user, old),
                )
                report.moved += cur.rowcount
            return report

        return self._write(work, user)

    # -- registered layers ------------------------------------------------------------
    def register_layer(self, layer: RegisteredLayer) -> None:
        self._write(
            lambda cur: cur.execute(
                "INSERT INTO registered_layer (" + _LAYER_COLS + ", registered_at) VALUES "
                "(%s, %s, %s, %s, %s, %s, %s, now()) ON CONFLICT (layer_uid) DO UPDATE SET "
                "name = EXCLUDED.name, source = EXCLUDED.source, provider = EXCLUDED.provider, "
                "key_field = EXCLUDED.key_field, geometry_type = EXCLUDED.geometry_type, crs = EXCLUDED.crs",
                (layer.layer_uid, layer.name, layer.source, layer.provider, layer.key_field, layer.geometry_type,
                 layer.crs),
            )  # fmt: skip
        )

    def layers(self) -> list[RegisteredLayer]:
        rows = self._read(lambda cur: _fetch(cur, "SELECT " + _LAYER_COLS + " FROM registered_layer ORDER BY name, layer_uid"))
        return [RegisteredLayer(*row) for row in rows]

    def layer(self, layer_uid: str) -> RegisteredLayer | None:
        rows = self._read(
            lambda cur: _fetch(cur, "SELECT " + _LAYER_COLS + " FROM registered_layer WHERE layer_uid = %s", (layer_uid,))
        )
        return RegisteredLayer(*rows[0]) if rows else None

    # -- links --------------------------------------------------------------------------
    def link(
        self, layer_uid: str, keys: Iterable[str], goal_ids: Sequence[str], spec: LinkSpec, user: str
    ) -> WriteResult:
        _check_spec(spec.stance, spec.strength)
        keys = _keys(keys)
        goals = sorted(set(goal_ids))
        if not keys or not goals:
            return WriteResult()

        def work(cur) -> WriteResult:
            self._check_targets(cur, layer_uid, goals)
            self._refuse_foreign(cur, layer_uid, keys, goals)
            cur.execute(
                "WITH changed AS ("
                " INSERT INTO link (layer_uid, feature_key, goal_id, stance, strength, motivation, organisation,"
                "  created_by, created_at, updated_by, updated_at)"
                " SELECT %(layer)s, k, g, %(stance)s, %(strength)s, %(motivation)s,"
                "  (SELECT coalesce(current_organisation(), '')), %(user)s, now(), %(user)s, now()"
                " FROM unnest(%(keys)s::text[]) AS k CROSS JOIN unnest(%(goals)s::text[]) AS g ORDER BY k, g"
                " ON CONFLICT (layer_uid, feature_key, goal_id) DO UPDATE SET stance = EXCLUDED.stance,"
                "  strength = EXCLUDED.strength, motivation = EXCLUDED.motivation,"
                "  updated_by = EXCLUDED.updated_by, updated_at = now()"
                " WHERE (link.stance, link.strength, link.motivation)"
                "  IS DISTINCT FROM (EXCLUDED.stance, EXCLUDED.strength, EXCLUDED.motivation)"
                " RETURNING (xmax = 0) AS inserted)"
                " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM changed",
                {"layer": layer_uid, "stance": spec.stance, "strength": int(spec.strength),
                 "motivation": spec.motivation or "", "user": user, "keys": keys, "goals": goals},
            )  # fmt: skip
            inserted, updated = cur.fetchone()
            total = len(keys) * len(goals)
            return WriteResult(inserted=inserted, updated=updated, unchanged=total - inserted - updated)

        return self._write(work, user)

    def unlink(
        self, layer_uid: str, keys: Iterable[str] | None, goal_ids: Sequence[str] | None, user: str
    ) -> WriteResult:
        key_list = None if keys is None else _keys(keys)
        goal_list = None if goal_ids is None else sorted(set(goal_ids))
        if key_list == [] or goal_list == []:
            return WriteResult()

        def work(cur) -> WriteResult:
            self._refuse_foreign(cur, layer_uid, key_list, goal_list)
            where, params = _link_filter(layer_uid, key_list, goal_list)
            # Lock in a fixed order first so concurrent bulk writers cannot deadlock.
            cur.execute(
                "DELETE FROM link WHERE id IN (SELECT id FROM link WHERE " + where
                + " ORDER BY feature_key, goal_id FOR UPDATE)",
                params,
            )  # fmt: skip
            return WriteResult(deleted=cur.rowcount)

        return self._write(work, user)

    def update_link(
        self,
        layer_uid: str,
        key: str,
        goal_id: str,
        user: str,
        *,
        stance: str | None = None,
        strength: int | None = None,
        motivation: str | None = None,
        expected_version: int | None = None,
    ) -> Link:
        _check_spec(stance, strength)

        def work(cur) -> Link:
            cur.execute(
                "UPDATE link SET stance = coalesce(%s, stance), strength = coalesce(%s, strength),"
                " motivation = coalesce(%s, motivation), updated_by = %s, updated_at = now()"
                " WHERE layer_uid = %s AND feature_key = %s AND goal_id = %s"
                " AND (%s::integer IS NULL OR row_version = %s) RETURNING " + _LINK_COLS,
                (stance, strength, motivation, user, layer_uid, str(key), goal_id, expected_version, expected_version),
            )
            row = cur.fetchone()
            if row is not None:
                return _link(row)
            cur.execute(
                "SELECT row_version, updated_by, tl_iso(updated_at), organisation FROM link"
                " WHERE layer_uid = %s AND feature_key = %s AND goal_id = %s",
                (layer_uid, str(key), goal_id),
            )
            current = cur.fetchone()
            if current is None:
                raise StoreError(
                    tr("Feature '{key}' is not linked to goal '{goal}' (any more).").format(key=key, goal=goal_id)
                )
            version, who, when, organisation = current
            if expected_version is not None and version != expected_version:
                raise ConflictError(
                    tr(
                        "The link of feature '{key}' to goal '{goal}' was changed by {who} at {when} while you were "
                        "editing it. Your change was not saved; the panel shows the current link — check it and "
                        "make your change again."
                    ).format(key=key, goal=goal_id, who=who or "?", when=when)
                )
            raise StoreError(_foreign_message(organisation))

        return self._write(work, user)

    def replace_links(
        self, layer_uid: str, keys: Iterable[str], goal_ids: Sequence[str], rows: Sequence[Link], user: str
    ) -> WriteResult:
        key_list = _keys(keys)
        goal_list = sorted(set(goal_ids))
        wanted = {(r.feature_key, r.goal_id): r for r in rows if r.layer_uid == layer_uid}
        for row in rows:
            _check_spec(row.stance, row.strength)
            if row.layer_uid != layer_uid or row.feature_key not in key_list or row.goal_id not in goal_list:
                raise StoreError(
                    tr("Cannot restore link {key} → {goal}: it is outside the features and goals given.").format(
                        key=row.feature_key, goal=row.goal_id
                    )
                )
        if not key_list or not goal_list:
            return WriteResult()

        def work(cur) -> WriteResult:
            self._check_targets(cur, layer_uid, sorted({r.goal_id for r in rows}))
            self._refuse_foreign(cur, layer_uid, key_list, goal_list)
            result = WriteResult()
            cur.execute(
                "SELECT feature_key, goal_id, stance, strength, motivation FROM link WHERE layer_uid = %s"
                " AND feature_key = ANY(%s) AND goal_id = ANY(%s) ORDER BY feature_key, goal_id FOR UPDATE",
                (layer_uid, key_list, goal_list),
            )
            present = {(k, g): (s, st, m) for k, g, s, st, m in cur.fetchall()}
            drop = sorted(set(present) - set(wanted))
            if drop:
                cur.execute(
                    "DELETE FROM link WHERE layer_uid = %s AND (feature_key, goal_id) IN"
                    " (SELECT * FROM unnest(%s::text[], %s::text[]))",
                    (layer_uid, [k for k, _ in drop], [g for _, g in drop]),
                )
                result.deleted = cur.rowcount
            for (key, goal), row in sorted(wanted.items()):
                if (key, goal) in present:
                    if present[(key, goal)] == (row.stance, row.strength, row.motivation):
                        result.unchanged += 1
                        continue
                    cur.execute(
                        "UPDATE link SET stance = %s, strength = %s, motivation = %s, updated_by = %s,"
                        " updated_at = now() WHERE layer_uid = %s AND feature_key = %s AND goal_id = %s",
                        (row.stance, row.strength, row.motivation, user, layer_uid, key, goal),
                    )
                    result.updated += 1
                else:
                    cur.execute(
                        "INSERT INTO link (layer_uid, feature_key, goal_id, stance, strength, motivation,"
                        " organisation, created_by, created_at, updated_by, updated_at)"
                        " VALUES (%s, %s, %s, %s, %s, %s, coalesce(nullif(%s, ''), current_organisation(), ''),"
                        " %s, coalesce(%s::timestamptz, now()), %s, now())",
                        (layer_uid, key, goal, row.stance, row.strength, row.motivation, row.organisation,
                         row.created_by or user, row.created_at or None, user),
                    )  # fmt: skip
                    result.inserted += 1
            return result

        return self._write(work, user)

    def links_for_keys(self, layer_uid: str, keys: Iterable[str]) -> list[Link]:
        key_list = _keys(keys)
        if not key_list:
            return []
        rows = self._read(
            lambda cur: _fetch(
                cur,
                "SELECT " + _LINK_COLS + " FROM link WHERE layer_uid = %s AND feature_key = ANY(%s)"
                " ORDER BY feature_key, goal_id",
                (layer_uid, key_list),
            )
        )
        return [_link(row) for row in rows]

    def goal_counts_for_keys(self, layer_uid: str, keys: Iterable[str]) -> dict[str, int]:
        key_list = _keys(keys)
        if not key_list:
            return {}
        rows = self._read(
            lambda cur: _fetch(
                cur,
                "SELECT goal_id, count(*) FROM link WHERE layer_uid = %s AND feature_key = ANY(%s) GROUP BY goal_id",
                (layer_uid, key_list),
            )
        )
        return {goal: int(count) for goal, count in rows}

    def keys_for_goal(self, goal_id: str, layer_uid: str | None = None) -> dict[str, list[str]]:
        sql = "SELECT layer_uid, feature_key FROM link WHERE goal_id = %s"
        params: list = [goal_id]
        if layer_uid is not None:
            sql += " AND layer_uid = %s"
            params.append(layer_uid)
        result: dict[str, list[str]] = {}
        for layer, key in self._read(lambda cur: _fetch(cur, sql + " ORDER BY layer_uid, feature_key", params)):
            result.setdefault(layer, []).append(key)
        return result

    def links(self, layer_uids: Sequence[str] | None = None, goal_ids: Sequence[str] | None = None) -> list[Link]:
        clauses, params = [], []
        if layer_uids is not None:
            clauses.append("layer_uid = ANY(%s)")
            params.append(list(layer_uids))
        if goal_ids is not None:
            clauses.append("goal_id = ANY(%s)")
            params.append(list(goal_ids))
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        sql = "SELECT " + _LINK_COLS + " FROM link" + where + " ORDER BY layer_uid, feature_key, goal_id"
        return [_link(row) for row in self._read(lambda cur: _fetch(cur, sql, params))]

    def linked_keys(self, layer_uid: str) -> set[str]:
        rows = self._read(lambda cur: _fetch(cur, "SELECT DISTINCT feature_key FROM link WHERE layer_uid = %s", (layer_uid,)))
        return {row[0] for row in rows}

    def history(self, *, layer_uid: str | None = None, limit: int = 1000) -> list[dict]:
        sql = (
            "SELECT id, tl_iso(changed_at), changed_by, operation, layer_uid, feature_key, goal_id, before, after,"
            " organisation FROM link_history"
        )
        params: list = []
        if layer_uid is not None:
            sql += " WHERE layer_uid = %s"
            params.append(layer_uid)
        sql += " ORDER BY id DESC LIMIT %s"
        params.append(int(limit))
        names = ("id", "changed_at", "changed_by", "operation", "layer_uid", "feature_key", "goal_id", "before",
                 "after", "organisation")  # fmt: skip
        return [dict(zip(names, row)) for row in self._read(lambda cur: _fetch(cur, sql, params))]

    # -- guards -------------------------------------------------------------------------
    def _check_targets(self, cur, layer_uid: str, goals: Sequence[str]) -> None:
        """Unknown layer or goals: a message that names them (the FKs would only say 'violates')."""
        cur.execute("SELECT 1 FROM registered_layer WHERE layer_uid = %s", (layer_uid,))
        if cur.fetchone() is None:
            raise StoreError(
                tr("Layer '{layer}' is not registered in the link store; register it first.").format(layer=layer_uid)
            )
        if goals:
            cur.execute("SELECT g FROM unnest(%s::text[]) AS g WHERE g NOT IN (SELECT id FROM goal)", (list(goals),))
            missing = [row[0] for row in cur.fetchall()]
            if missing:
                raise StoreError(
                    tr("Unknown goal(s): {goals}. Import or enable their catalogue first.").format(
                        goals=", ".join(missing[:10])
                    )
                )

    def _refuse_foreign(self, cur, layer_uid: str, keys: list[str] | None, goals: list[str] | None) -> None:
        """An organisation role may not touch another organisation's links: say so, change nothing."""
        where, params = _link_filter(layer_uid, keys, goals)
        cur.execute(
            "SELECT organisation FROM link WHERE " + where + " AND organisation IS DISTINCT FROM"
            " (SELECT current_organisation()) AND (SELECT current_organisation()) IS NOT NULL LIMIT 1",
            params,
        )
        row = cur.fetchone()
        if row is not None:
            raise StoreError(_foreign_message(row[0]))


# -- helpers -------------------------------------------------------------------------------
def _fetch(cur, sql: str, params=()) -> list[tuple]:
    cur.execute(sql, params)
    return cur.fetchall()


def _keys(keys: Iterable[str]) -> list[str]:
    """Distinct keys as text, sorted: a fixed lock order for concurrent writers."""
    return sorted({str(k) for k in keys})


def _link_filter(layer_uid: str, keys: list[str] | None, goals: list[str] | None) -> tuple[str, list]:
    where, params = "layer_uid = %s", [layer_uid]
    if keys is not None:
        where += " AND feature_key = ANY(%s)"
        params.append(keys)
    if goals is not None:
        where += " AND goal_id = ANY(%s)"
        params.append(goals)
    return where, params


def _check_spec(stance: str | None, strength: int | None) -> None:
    if stance is not None and stance not in {s.value for s in Stance}:
        raise StoreError(
            tr("'{stance}' is not a stance; use supports, conflicts or neutral.").format(stance=stance)
        )
    if strength is not None and (
        isinstance(strength, bool) or not isinstance(strength, int) or not STRENGTH_MIN <= strength <= STRENGTH_MAX
    ):
        raise StoreError(
            tr("Strength must be a whole number from {low} to {high}, not '{value}'.").format(
                low=STRENGTH_MIN, high=STRENGTH_MAX, value=strength
            )
        )


def _foreign_message(organisation: str) -> str:
    return tr(
        "These links belong to the organisation '{organisation}'. You can change only your own "
        "organisation's links; nothing was changed."
    ).format(organisation=organisation or "?")


def _catalogue(row) -> Catalogue:
    values = list(row)
    values[11] = bool(values[11])
    values[12] = bool(values[12])
    return Catalogue(*values)


def _goal(row) -> Goal:
    return Goal(*row)


def _link(row) -> Link:
    return Link(*row)
