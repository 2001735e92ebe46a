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

import json
import random
import time
from collections.abc import Iterable, Sequence

from ..errors import CatalogueError, ConflictError, StoreError
from ..i18n import tr
from ..model import Catalogue, Goal, Link, LinkSpec, RegisteredLayer, WriteResult
from . import postgres_connection, postgres_schema
from .base import MigrationReport, Store
from .checks import check_catalogue, check_spec, key_text
from .postgres_admin import PostgresAdminMixin
from .postgres_errors import translate

# Timestamps leave the server as ISO text in UTC (the session's time zone) and are
# reshaped by _iso(): several times cheaper than to_char() per row for big selections.
_LINK_COLS = (
    "layer_uid, feature_key, goal_id, stance, strength, motivation, organisation, created_by, "
    "created_at::text, updated_by, updated_at::text, row_version"
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
                    psycopg2.sql.SQL("SET search_path TO {}; SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'").format(
                        psycopg2.sql.Identifier(target.schema)
                    )
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
        check_catalogue(catalogue, goals)

        def work(cur) -> WriteResult:
            cur.execute("SELECT 1 FROM catalogue WHERE id = %s FOR UPDATE", (catalogue.id,))
            exists = cur.fetchone() is not None
            if exists and not replace:
                raise CatalogueError(
                    tr(
                        "A catalogue with id '{id}' is already in the link store. Import a new version "
                        "under a new id, or replace it."
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
            cur.execute("SELECT " + _GOAL_COLS + " FROM goal WHERE catalogue_id = %s", (catalogue.id,))
            existing = {row[0]: tuple(row) for row in cur.fetchall()}
            rows = [_goal_row(g) for g in goals]
            gone = sorted(set(existing) - {r[0] for r in rows})
            if gone:
                cur.execute("SELECT DISTINCT goal_id FROM link WHERE goal_id = ANY(%s) ORDER BY goal_id", (gone,))
                linked = [row[0] for row in cur.fetchall()]
                if linked:
                    raise CatalogueError(
                        tr(
                            "The new version of '{id}' leaves out goals that still have links: {goals}. "
                            "Move or remove those links first."
                        ).format(id=catalogue.id, goals=", ".join(linked[:10]) + (" …" if len(linked) > 10 else ""))
                    )
                cur.execute("DELETE FROM goal WHERE id = ANY(%s)", (gone,))
            changed = [r for r in rows if existing.get(r[0]) != r]
            if changed:
                from psycopg2.extras import execute_values

                execute_values(
                    cur,
                    "INSERT INTO goal (" + _GOAL_COLS + ") VALUES %s ON CONFLICT (id) DO UPDATE SET "
                    "code = EXCLUDED.code, parent_id = EXCLUDED.parent_id, title_sv = EXCLUDED.title_sv, "
                    "title_en = EXCLUDED.title_en, description = EXCLUDED.description, "
                    "sort_order = EXCLUDED.sort_order, kind = EXCLUDED.kind",
                    changed,
                    page_size=1000,
                )
            cur.execute("SET CONSTRAINTS ALL IMMEDIATE")  # a bad parent_id fails here, inside the call
            inserted = sum(1 for r in changed if r[0] not in existing)
            return WriteResult(
                inserted=inserted,
                updated=len(changed) - inserted,
                deleted=len(gone),
                unchanged=len(rows) - len(changed),
                details={"catalogue": catalogue.id, "created": not exists},
            )

        return self._write(work)

    def catalogues(self, *, include_disabled: bool = True) -> list[Catalogue]:
        where = "" if include_disabled else " WHERE enabled = 1"
        return self._read(
            lambda cur: [
                _catalogue(row)
                for row in _fetch(cur, "SELECT " + _CATALOGUE_COLS + " FROM catalogue" + where + " ORDER BY id")
            ]
        )

    def catalogue(self, catalogue_id: str) -> Catalogue | None:
        rows = self._read(
            lambda cur: _fetch(cur, "SELECT " + _CATALOGUE_COLS + " FROM catalogue WHERE id = %s", (catalogue_id,))
        )
        return _catalogue(rows[0]) if rows else None

    def goals(self, catalogue_id: str | None = None) -> list[Goal]:
        sql = "SELECT " + _GOAL_COLS + " FROM goal"
        params: tuple = ()
        if catalogue_id is not None:
            sql += " WHERE catalogue_id = %s"
            params = (catalogue_id,)
        sql += " ORDER BY catalogue_id, sort_order, code"
        return self._read(lambda cur: [_goal(row) for row in _fetch(cur, sql, params)])

    def set_catalogue_enabled(self, catalogue_id: str, enabled: bool) -> None:
        def work(cur) -> None:
            cur.execute("UPDATE catalogue SET enabled = %s WHERE id = %s", (int(bool(enabled)), catalogue_id))
            if cur.rowcount == 0:
                raise CatalogueError(tr("There is no catalogue '{id}' in the link store.").format(id=catalogue_id))

        self._write(work)

    def delete_catalogue(self, catalogue_id: str, *, delete_links: bool = False) -> WriteResult:
        def work(cur) -> WriteResult:
            cur.execute("SELECT 1 FROM catalogue WHERE id = %s FOR UPDATE", (catalogue_id,))
            if cur.fetchone() is None:
                raise CatalogueError(tr("There is no catalogue '{id}' in the link store.").format(id=catalogue_id))
            cur.execute(
                "SELECT count(*) FROM link l JOIN goal g ON g.id = l.goal_id WHERE g.catalogue_id = %s", (catalogue_id,)
            )
            links = cur.fetchone()[0]
            if links and not delete_links:
                raise CatalogueError(
                    tr(
                        "The catalogue '{id}' has {n} links. Delete them too, or move them to another version first."
                    ).format(id=catalogue_id, n=links)
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
        pairs = {old: new for old, new in mapping.items() if new and new != old}
        lost_ids = sorted(old for old, new in mapping.items() if not new)
        if set(pairs) & set(pairs.values()):
            raise CatalogueError(tr("A goal cannot be both moved and a target of the same migration."))

        def work(cur) -> MigrationReport:
            report = MigrationReport()
            if pairs:
                cur.execute("SELECT g FROM unnest(%s::text[]) AS g WHERE g NOT IN (SELECT id FROM goal)",
                            (sorted(set(pairs.values())),))  # fmt: skip
                missing = sorted(row[0] for row in cur.fetchall())
                if missing:
                    raise CatalogueError(
                        tr("These target goals are not in the link store: {goals}.").format(
                            goals=", ".join(missing[:10])
                        )
                    )
            for old in lost_ids:
                cur.execute("SELECT count(*) FROM link WHERE goal_id = %s", (old,))
                count = cur.fetchone()[0]
                if count:
                    report.lost[old] = count
            if not pairs:
                return report
            olds, news = zip(*sorted(pairs.items()))
            mapping_cte = "WITH m(old_id, new_id) AS (SELECT * FROM unnest(%(olds)s::text[], %(news)s::text[])) "
            params = {"olds": list(olds), "news": list(news), "user": user}
            # A moving link is merged (dropped) when its target link already exists, or when
            # another moving link of the same feature reaches the same target first (lower id).
            cur.execute(
                mapping_cte + "DELETE FROM link WHERE id IN (SELECT l.id FROM link l JOIN m ON m.old_id = l.goal_id"
                " WHERE EXISTS (SELECT 1 FROM link o WHERE o.layer_uid = l.layer_uid AND o.feature_key = l.feature_key"
                " AND (o.goal_id = m.new_id OR (o.id < l.id AND o.goal_id IN"
                " (SELECT m2.old_id FROM m m2 WHERE m2.new_id = m.new_id)))))",
                params,
            )
            report.merged = cur.rowcount
            cur.execute(
                mapping_cte + "UPDATE link l SET goal_id = m.new_id, updated_by = %(user)s, updated_at = now()"
                " FROM m WHERE m.old_id = l.goal_id",
                params,
            )
            report.moved = cur.rowcount
            return report

        return self._write(work, user)

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

    # -- links --------------------------------------------------------------------------
    def link(
        self, layer_uid: str, keys: Iterable[str], goal_ids: Sequence[str], spec: LinkSpec, user: str
    ) -> WriteResult:
        check_spec(spec.stance, spec.strength)
        keys = _keys(keys)
        goals = sorted(set(goal_ids))
        if not keys or not goals:
            return WriteResult()

        def work(cur) -> WriteResult:
            self._check_targets(cur, layer_uid, goals)
            self._refuse_foreign(cur, layer_uid, keys, goals)
            if len(keys) * len(goals) > 10000:  # sort the rows in memory, not on disk
                cur.execute("SET LOCAL work_mem = '64MB'")
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
        check_spec(stance, strength)
        key = key_text(key)

        def work(cur) -> Link:
            self._refuse_foreign(cur, layer_uid, [key], [goal_id])
            cur.execute(
                "SELECT " + _LINK_COLS + " FROM link WHERE layer_uid = %s AND feature_key = %s AND goal_id = %s"
                " FOR UPDATE",
                (layer_uid, key, goal_id),
            )
            row = cur.fetchone()
            if row is None:
                raise StoreError(
                    tr("Feature '{key}' is not linked to goal {goal}; nothing to change.").format(key=key, goal=goal_id)
                )
            old = _link(row)
            if expected_version is not None and old.row_version != expected_version:
                raise ConflictError(
                    tr(
                        "The link of feature '{key}' to goal {goal} was changed by {who} at {when} while you were "
                        "editing it. Your change was not saved; reload the links, check them and make your change "
                        "again."
                    ).format(key=key, goal=goal_id, who=old.updated_by or "?", when=old.updated_at)
                )
            new = (
                old.stance if stance is None else stance,
                old.strength if strength is None else strength,
                old.motivation if motivation is None else motivation,
            )
            if new == (old.stance, old.strength, old.motivation):
                return old
            cur.execute(
                "UPDATE link SET stance = %s, strength = %s, motivation = %s, updated_by = %s, updated_at = now()"
                " WHERE layer_uid = %s AND feature_key = %s AND goal_id = %s RETURNING " + _LINK_COLS,
                (*new, user, layer_uid, key, goal_id),
            )
            return _link(cur.fetchone())

        return self._write(work, user)

    def replace_links(
        self, layer_uid: str, keys: Iterable[str], goal_ids: Sequence[str], rows: Sequence[Link], user: str
    ) -> WriteResult:
        """Make the links of ``keys × goal_ids`` (and of the pairs in ``rows``) exactly ``rows``."""
        key_list = _keys(keys)
        goal_list = sorted(set(goal_ids))
        wanted: dict[tuple[str, str], Link] = {}
        for row in rows:
            if row.layer_uid != layer_uid:
                raise StoreError(
                    tr("A link of layer '{other}' cannot be written to layer '{uid}'.").format(
                        other=row.layer_uid, uid=layer_uid
                    )
                )
            check_spec(row.stance, row.strength)
            wanted[(key_text(row.feature_key), row.goal_id)] = row
        pairs = sorted(wanted)

        def work(cur) -> WriteResult:
            self._check_targets(cur, layer_uid, sorted({g for _, g in pairs}))
            self._refuse_foreign(cur, layer_uid, key_list, goal_list)
            if pairs:
                self._refuse_foreign(cur, layer_uid, sorted({k for k, _ in pairs}), sorted({g for _, g in pairs}))
            result = WriteResult()
            cur.execute(
                "SELECT id, feature_key, goal_id, stance, strength, motivation, organisation FROM link"
                " WHERE layer_uid = %s AND ((feature_key = ANY(%s) AND goal_id = ANY(%s))"
                " OR (feature_key, goal_id) IN (SELECT * FROM unnest(%s::text[], %s::text[])))"
                " ORDER BY feature_key, goal_id FOR UPDATE",
                (layer_uid, key_list, goal_list, [k for k, _ in pairs], [g for _, g in pairs]),
            )
            present = {(k, g): (i, s, st, m, o) for i, k, g, s, st, m, o in cur.fetchall()}
            drop = [present[p][0] for p in sorted(set(present) - set(wanted))]
            if drop:
                cur.execute("DELETE FROM link WHERE id = ANY(%s)", (drop,))
                result.deleted = cur.rowcount
            for pair in pairs:
                row = wanted[pair]
                organisation = row.organisation or ""
                if pair in present:
                    link_id, *values = present[pair]
                    if not organisation:
                        organisation = values[3]
                    if tuple(values) == (row.stance, row.strength, row.motivation or "", organisation):
                        continue
                    cur.execute(
                        "UPDATE link SET stance = %s, strength = %s, motivation = %s, organisation = %s,"
                        " updated_by = %s, updated_at = now() WHERE id = %s",
                        (row.stance, row.strength, row.motivation or "", organisation, user, link_id),
                    )
                    result.updated += 1
                else:
                    # A restored link continues its own version line, so a stale editor of the
                    # old row still gets a conflict.
                    cur.execute(
                        "INSERT INTO link (layer_uid, feature_key, goal_id, stance, strength, motivation,"
                        " organisation, created_by, created_at, updated_by, updated_at, row_version)"
                        " VALUES (%s, %s, %s, %s, %s, %s, coalesce(nullif(%s, ''), current_organisation(), ''),"
                        " %s, coalesce(%s::timestamptz, now()), %s, now(), %s)",
                        (layer_uid, pair[0], pair[1], row.stance, row.strength, row.motivation or "", organisation,
                         row.created_by or user, row.created_at or None, user, (row.row_version or 0) + 1),
                    )  # fmt: skip
                    result.inserted += 1
            return result

        return self._write(work, user)

    def links_for_keys(self, layer_uid: str, keys: Iterable[str]) -> list[Link]:
        key_list = _keys(keys)
        if not key_list:
            return []
        rows = self._read(
            lambda cur: _fetch_by_keys(
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
            lambda cur: _fetch_by_keys(
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
        sql = "SELECT " + _LINK_COLS + " FROM link" + where + " ORDER BY layer_uid, goal_id, feature_key"
        return [_link(row) for row in self._read(lambda cur: _fetch(cur, sql, params))]

    def linked_keys(self, layer_uid: str) -> set[str]:
        rows = self._read(
            lambda cur: _fetch(cur, "SELECT DISTINCT feature_key FROM link WHERE layer_uid = %s", (layer_uid,))
        )
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
        result = []
        for row in self._read(lambda cur: _fetch(cur, sql, params)):
            item = dict(zip(names, row))
            item["before"] = json.loads(item["before"]) if item["before"] else None
            item["after"] = json.loads(item["after"]) if item["after"] else None
            result.append(item)
        return result

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


def _fetch_by_keys(cur, sql: str, params) -> list[tuple]:
    """A lookup of a selection's keys through the unique index.

    The planner overestimates how many rows ``feature_key = ANY(<10 000 keys>)``
    matches and picks a (parallel) scan of every link, or a bitmap scan; walking
    the index in key order is several times faster for any selection a user
    makes (measured: 1 000 000 links, 10 000 keys), so the others are ruled out
    for this one transaction.
    """
    cur.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off")
    return _fetch(cur, sql, params)


def _keys(keys: Iterable[str]) -> list[str]:
    """Distinct keys as text, sorted: a fixed lock order for concurrent writers."""
    return sorted({key_text(k) for k in keys})


def _goal_row(goal: Goal) -> tuple:
    return (goal.id, goal.catalogue_id, goal.code, goal.parent_id or None, goal.title_sv or "", goal.title_en or "",
            goal.description or "", int(goal.sort_order or 0), goal.kind or "")  # fmt: skip


def _link_filter(layer_uid: str, keys: list[str] | None, goals: list[str] | None) -> tuple[str, list]:
    where, params = "layer_uid = %s", [layer_uid]
    if keys is not None:
        where += " AND feature_key = ANY(%s)"
        params.append(keys)
    if goals is not None:
        where += " AND goal_id = ANY(%s)"
        params.append(goals)
    return where, params


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
    values = list(row)
    values[8] = _iso(values[8])
    values[10] = _iso(values[10])
    return Link(*values)


def _iso(text: str | None) -> str:
    """``2026-11-26 09:13:57.078123+00`` → ``2026-11-26T09:13:57.078Z`` (the GeoPackage format, as tl_iso)."""
    if not text:
        return ""
    fraction = "000"
    if len(text) > 19 and text[19] == ".":
        digits = text[20:].split("+", 1)[0].split("-", 1)[0]
        fraction = (digits + "000")[:3]
    return f"{text[:10]}T{text[11:19]}.{fraction}Z"
