"""The GeoPackage link store: the embedded default engine (Python's ``sqlite3``).

Decisions, and why:

- One connection per store object, in autocommit mode; every public write opens
  ``BEGIN IMMEDIATE`` so it takes the write lock before reading what it will
  change (no lock upgrade, no deadlock between two writers), and commits or
  rolls back as a whole.
- ``busy_timeout`` (30 s): a second writer waits for the first instead of failing
  with "database is locked"; if it still cannot write, the user gets a clear
  message and nothing is changed.
- WAL journal only on a local disk and when QGIS's own ``qgis/walForSqlite3``
  setting allows it (the same rule QGIS applies to GeoPackages it edits): WAL
  needs shared memory that network shares do not provide.
- Foreign keys are switched on for every connection (SQLite's default is off).
- An older store is upgraded on open, after a copy ``<name>.bak-v<N>.gpkg``.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ...errors import CatalogueError, StoreError
from ...i18n import tr
from ...model import Catalogue, Goal, Link, LinkSpec, RegisteredLayer, SelectionLinks, WriteResult
from ...rules.model import Rule, RuleLink
from ..base import MigrationReport, Store
from ..checks import check_catalogue
from ..rows import build_links, fold_selection_rows
from . import catalogue as sql_catalogue
from . import links as sql_links
from . import region as sql_region
from . import rules as sql_rules
from . import schema
from .stages import GeoPackageStagesMixin

_LAYER_COLUMNS = "layer_uid, name, source, provider, key_field, geometry_type, crs"


class GeoPackageStore(GeoPackageStagesMixin, Store):
    """A link store in a GeoPackage file. Open with :meth:`open` (or ``open_store``)."""

    engine = "gpkg"

    def __init__(self, path: Path, connection: sqlite3.Connection, *, backup: Path | None = None):
        self.path = path
        self.uri = str(path)
        self._con = connection
        self._lock = threading.RLock()
        #: the copy kept before this open upgraded an older store (None if no upgrade)
        self.backup = backup
        self._con.executescript(sql_links.TEMP_TABLES)
        self._con.executescript(sql_rules.TEMP_TABLES)

    # -- lifecycle ---------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, create: bool = False) -> GeoPackageStore:
        """Open the store at ``path``; ``create=True`` creates the file or adds the store tables.

        An older store is upgraded (after a backup copy); a newer one is refused.
        """
        path = Path(path).expanduser()
        if path.suffix.lower() != ".gpkg":
            raise StoreError(tr("A link store file must end in .gpkg: {path}").format(path=path))
        if not path.exists() and not create:
            raise StoreError(
                tr("The link store {path} does not exist. Create it first (Create link store).").format(path=path)
            )
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = schema.raw_connect(path)
        except sqlite3.Error as error:
            raise StoreError(
                tr("Cannot open the link store {path}: {reason}").format(path=path, reason=error)
            ) from error
        try:
            backup = cls._prepare(con, path, create)
        except sqlite3.DatabaseError as error:
            con.close()
            raise StoreError(
                tr("{path} is not a usable GeoPackage link store: {reason}").format(path=path, reason=error)
            ) from error
        except BaseException:
            con.close()
            raise
        return cls(path, con, backup=backup)

    @staticmethod
    def _prepare(con: sqlite3.Connection, path: Path, create: bool) -> Path | None:
        version = schema.current_version(con)
        if version > schema.LATEST_VERSION:
            raise StoreError(
                tr(
                    "The link store {path} was written by a newer version of Territorial Links "
                    "(schema {found}, this version knows {known}). Update the plugin."
                ).format(path=path, found=version, known=schema.LATEST_VERSION)
            )
        if version == 0 and not create:
            raise StoreError(
                tr("{path} is not a Territorial Links store. Create a store in it first.").format(path=path)
            )
        schema.set_journal_mode(con, path)
        backup = None
        if version == 0:
            schema.write_frame(con)  # idempotent: an interrupted creation is completed next time
        elif version < schema.LATEST_VERSION:
            backup = schema.make_backup(con, path, version)
        if version < schema.LATEST_VERSION:
            schema.apply_migrations(con, version)
        return backup

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def schema_version(self) -> int:
        with self._lock:
            return schema.current_version(self._connection())

    def integrity_check(self) -> list[str]:
        """SQLite's ``PRAGMA integrity_check`` and ``foreign_key_check``: empty when all is well."""
        with self._lock:
            con = self._connection()
            problems = [r[0] for r in con.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [
                f"foreign key: {table} row {rowid} → {parent}"
                for table, rowid, parent, _ in con.execute("PRAGMA foreign_key_check")
            ]
            return problems

    # -- transactions ------------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        if self._con is None:
            raise StoreError(tr("The link store {path} is closed.").format(path=self.path))
        return self._con

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it or nothing; SQLite errors become StoreError."""
        with self._lock:
            con = self._connection()
            try:
                con.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise self._translate(error) from error
            try:
                yield con
                con.execute("COMMIT")
            except BaseException as error:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error):
                    raise self._translate(error) from error
                raise

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read snapshot (temp tables may be filled inside it)."""
        with self._lock:
            con = self._connection()
            try:
                con.execute("BEGIN")
                yield con
            except sqlite3.Error as error:
                raise self._translate(error) from error
            finally:
                if con.in_transaction:
                    con.execute("COMMIT")

    def _translate(self, error: sqlite3.Error) -> StoreError:
        text = str(error)
        if "locked" in text or "busy" in text:
            return StoreError(
                tr(
                    "The link store {path} is busy: someone else is writing to it. Nothing was changed; "
                    "try again in a moment."
                ).format(path=self.path)
            )
        if isinstance(error, sqlite3.IntegrityError):
            return StoreError(
                tr("The link store refused the change ({reason}). Nothing was changed.").format(reason=text)
            )
        return StoreError(
            tr("The link store {path} could not be written: {reason}. Nothing was changed.").format(
                path=self.path, reason=text
            )
        )

    # -- catalogues ----------------------------------------------------------------
    def save_catalogue(self, catalogue: Catalogue, goals: Sequence[Goal], *, replace: bool = False) -> WriteResult:
        check_catalogue(catalogue, goals)
        with self._write() as con:
            return sql_catalogue.save(con, catalogue, goals, replace, schema.now_iso())

    def catalogues(self, *, include_disabled: bool = True) -> list[Catalogue]:
        where = "" if include_disabled else " WHERE enabled = 1"
        with self._read() as con:
            return [
                sql_catalogue.row_to_catalogue(r)
                for r in con.execute(f"SELECT {sql_catalogue.CATALOGUE_COLUMNS} FROM catalogue{where} ORDER BY id")
            ]

    def catalogue(self, catalogue_id: str) -> Catalogue | None:
        with self._read() as con:
            row = con.execute(
                f"SELECT {sql_catalogue.CATALOGUE_COLUMNS} FROM catalogue WHERE id = ?", (catalogue_id,)
            ).fetchone()
        return sql_catalogue.row_to_catalogue(row) if row else None

    def goals(self, catalogue_id: str | None = None) -> list[Goal]:
        sql = f"SELECT {sql_catalogue.GOAL_COLUMNS} FROM goal"
        params: tuple = ()
        if catalogue_id is not None:
            sql += " WHERE catalogue_id = ?"
            params = (catalogue_id,)
        with self._read() as con:
            return [Goal(*r) for r in con.execute(sql + " ORDER BY catalogue_id, sort_order, code", params)]

    def set_catalogue_enabled(self, catalogue_id: str, enabled: bool) -> None:
        with self._write() as con:
            if not con.execute(
                "UPDATE catalogue SET enabled = ? WHERE id = ?", (int(bool(enabled)), catalogue_id)
            ).rowcount:
                raise CatalogueError(tr("There is no catalogue '{id}' in the link store.").format(id=catalogue_id))

    def delete_catalogue(self, catalogue_id: str, *, delete_links: bool = False) -> WriteResult:
        with self._write() as con:
            return sql_catalogue.delete(con, catalogue_id, delete_links, schema.now_iso())

    def link_count_by_catalogue(self) -> dict[str, int]:
        with self._read() as con:
            return dict(
                con.execute(
                    "SELECT c.id, (SELECT count(*) FROM link l JOIN goal g ON g.id = l.goal_id"
                    " WHERE g.catalogue_id = c.id) FROM catalogue c ORDER BY c.id"
                ).fetchall()
            )

    def link_count_by_goal(self) -> dict[str, int]:
        with self._read() as con:
            return dict(con.execute("SELECT goal_id, count(*) FROM link GROUP BY goal_id").fetchall())

    def migrate_goals(self, mapping: dict[str, str], user: str) -> MigrationReport:
        with self._write() as con:
            moved, merged, lost = sql_catalogue.migrate(con, mapping, user, schema.now_iso())
        return MigrationReport(moved=moved, merged=merged, lost=lost)

    # -- registered layers -----------------------------------------------------------
    def register_layer(self, layer: RegisteredLayer) -> None:
        if not layer.layer_uid or not layer.key_field:
            raise StoreError(tr("A layer needs a layer id and a key field to be registered."))
        with self._write() as con:
            con.execute(
                f"INSERT INTO registered_layer ({_LAYER_COLUMNS}, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(layer_uid) DO UPDATE SET name = excluded.name, source = excluded.source,"
                " provider = excluded.provider, key_field = excluded.key_field,"
                " geometry_type = excluded.geometry_type, crs = excluded.crs",
                (
                    layer.layer_uid,
                    layer.name,
                    layer.source,
                    layer.provider,
                    layer.key_field,
                    layer.geometry_type,
                    layer.crs,
                    schema.now_iso(),
                ),
            )

    def layers(self) -> list[RegisteredLayer]:
        with self._read() as con:
            return [
                RegisteredLayer(*r)
                for r in con.execute(f"SELECT {_LAYER_COLUMNS} FROM registered_layer ORDER BY name, layer_uid")
            ]

    def layer(self, layer_uid: str) -> RegisteredLayer | None:
        with self._read() as con:
            row = con.execute(
                f"SELECT {_LAYER_COLUMNS} FROM registered_layer WHERE layer_uid = ?", (layer_uid,)
            ).fetchone()
        return RegisteredLayer(*row) if row else None

    # -- links -------------------------------------------------------------------------
    def link(
        self, layer_uid: str, keys: Iterable[str], goal_ids: Sequence[str], spec: LinkSpec, user: str
    ) -> WriteResult:
        with self._write() as con:
            return sql_links.link(con, layer_uid, keys, goal_ids, spec, user, schema.now_iso())

    def unlink(
        self, layer_uid: str, keys: Iterable[str] | None, goal_ids: Sequence[str] | None, user: str
    ) -> WriteResult:
        with self._write() as con:
            return sql_links.unlink(con, layer_uid, keys, goal_ids, user, schema.now_iso())

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
        with self._write() as con:
            return sql_links.update_one(
                con,
                layer_uid,
                key,
                goal_id,
                user,
                schema.now_iso(),
                stance=stance,
                strength=strength,
                motivation=motivation,
                expected_version=expected_version,
            )

    def replace_links(
        self, layer_uid: str, keys: Iterable[str], goal_ids: Sequence[str], rows: Sequence[Link], user: str
    ) -> WriteResult:
        with self._write() as con:
            return sql_links.replace(con, layer_uid, keys, goal_ids, rows, user, schema.now_iso())

    def links_for_keys(self, layer_uid: str, keys: Iterable[str]) -> list[Link]:
        # Reads pass the keys as one JSON array (json_each): no temp-table writes,
        # one statement, the unique index (layer_uid, feature_key, …) per key.
        # layer_uid is known, so not fetched (a column less to convert per row).
        with self._read() as con:
            rows = con.execute(
                # keys arrive sorted and each key's links in index order (goal id):
                # the rows come ordered by key, then goal, without a sort step
                f"SELECT {_prefixed('l', sql_links.LINK_COLUMNS.split(',', 1)[1])} FROM json_each(?) k"
                " CROSS JOIN main.link l ON l.layer_uid = ? AND l.feature_key = k.value",
                (sql_links.keys_json(keys), layer_uid),
            ).fetchall()
        return build_links(rows, layer_uid=layer_uid)

    def goal_stances_for_keys(
        self, layer_uid: str, keys: Iterable[str], *, stage: str | None = None, by_organisation: bool = False
    ) -> dict[str, SelectionLinks]:
        # the organisation as a group key costs some 15 % of the read: only when asked for
        group = "l.goal_id, l.organisation, l.stance" if by_organisation else "l.goal_id, l.stance"
        aggregate = (
            f"SELECT {group}, count(*), min(l.strength), max(l.strength)"
            " FROM json_each(?) k CROSS JOIN {table} l ON {stage}l.layer_uid = ? AND l.feature_key = k.value"
            f" GROUP BY {group}"
        )
        with self._read() as con:
            if stage:  # the stage's copy of the links, through its (stage_id, layer_uid, feature_key, …) key
                sql = aggregate.format(table="stage_link", stage="l.stage_id = ? AND ")
                params: tuple = (sql_links.keys_json(keys), self._stage_id(con, stage), layer_uid)
            else:
                sql = aggregate.format(table="main.link", stage="")
                params = (sql_links.keys_json(keys), layer_uid)
            return fold_selection_rows(con.execute(sql, params).fetchall(), by_organisation=by_organisation)

    def keys_for_goal(self, goal_id: str, layer_uid: str | None = None) -> dict[str, list[str]]:
        sql = "SELECT layer_uid, feature_key FROM link WHERE goal_id = ?"
        params: tuple = (goal_id,)
        if layer_uid is not None:
            sql += " AND layer_uid = ?"
            params += (layer_uid,)
        result: dict[str, list[str]] = {}
        with self._read() as con:
            for uid, key in con.execute(sql + " ORDER BY layer_uid, feature_key", params):
                result.setdefault(uid, []).append(key)
        return result

    def links(self, layer_uids: Sequence[str] | None = None, goal_ids: Sequence[str] | None = None) -> list[Link]:
        where, params = [], []
        if layer_uids is not None:
            where.append("layer_uid IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(layer_uids)))
        if goal_ids is not None:
            where.append("goal_id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(goal_ids)))
        sql = f"SELECT {sql_links.LINK_COLUMNS} FROM link"
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._read() as con:
            # iterated, not fetchall(): each row's duplicate strings are freed as it is built
            return build_links(con.execute(sql + " ORDER BY layer_uid, goal_id, feature_key", params))

    def linked_keys(self, layer_uid: str) -> set[str]:
        with self._read() as con:
            return {
                r[0] for r in con.execute("SELECT DISTINCT feature_key FROM link WHERE layer_uid = ?", (layer_uid,))
            }

    def link_stances(
        self, layer_uid: str, *, organisation: str | None = None, stage: str | None = None
    ) -> list[tuple[str, str, str]]:
        with self._read() as con:
            if stage:
                sql = "SELECT feature_key, goal_id, stance FROM stage_link WHERE stage_id = ? AND layer_uid = ?"
                params: tuple = (self._stage_id(con, stage), layer_uid)
            else:
                sql = "SELECT feature_key, goal_id, stance FROM link WHERE layer_uid = ?"
                params = (layer_uid,)
            if organisation is not None:
                sql += " AND coalesce(organisation, '') = ?"
                params += (organisation,)
            return con.execute(sql, params).fetchall()

    def link_organisations(self) -> list[str]:
        with self._read() as con:
            return sorted({row[0] or "" for row in con.execute("SELECT DISTINCT organisation FROM link")})

    def link_stances_with_organisation(self, layer_uid: str) -> list[tuple[str, str, str, str]]:
        with self._read() as con:
            return con.execute(
                "SELECT feature_key, goal_id, stance, organisation FROM link WHERE layer_uid = ?", (layer_uid,)
            ).fetchall()

    def history(self, *, layer_uid: str | None = None, limit: int = 1000) -> list[dict]:
        sql = (
            "SELECT id, changed_at, changed_by, operation, layer_uid, feature_key, goal_id, before, after"
            " FROM link_history"
        )
        params: tuple = ()
        if layer_uid is not None:
            sql += " WHERE layer_uid = ?"
            params = (layer_uid,)
        with self._read() as con:
            rows = con.execute(sql + " ORDER BY id DESC LIMIT ?", (*params, int(limit))).fetchall()
        names = ("id", "changed_at", "changed_by", "operation", "layer_uid", "feature_key", "goal_id")
        result = []
        for row in rows:
            item = dict(zip(names, row[:7]))
            item["before"] = json.loads(row[7]) if row[7] else None
            item["after"] = json.loads(row[8]) if row[8] else None
            result.append(item)
        return result

    # -- linking rules -----------------------------------------------------------------
    def save_rules(self, rules: Sequence[Rule], user: str) -> WriteResult:
        with self._write() as con:
            return sql_rules.save_rules(con, rules, user, schema.now_iso())

    def rules(self, *, enabled_only: bool = False) -> list[Rule]:
        with self._read() as con:
            return sql_rules.read_rules(con, enabled_only=enabled_only)

    def set_rule_enabled(self, name: str, enabled: bool, user: str) -> None:
        with self._write() as con:
            sql_rules.set_enabled(con, name, enabled, user, schema.now_iso())

    def rule_history(self, *, limit: int = 1000) -> list[dict]:
        with self._read() as con:
            return sql_rules.rule_history(con, limit)

    def link_by_rules(self, layer_uid: str, rows: Sequence[RuleLink], user: str) -> WriteResult:
        with self._write() as con:
            return sql_rules.link_by_rules(con, layer_uid, rows, user, schema.now_iso())

    def dismiss_rule(self, layer_uid: str, rule_id: int, keys: Iterable[str], user: str) -> WriteResult:
        with self._write() as con:
            return sql_rules.dismiss(con, layer_uid, rule_id, keys, user, schema.now_iso())

    def undismiss_rule(self, layer_uid: str, rule_id: int, keys: Iterable[str], user: str) -> WriteResult:
        with self._write() as con:
            return sql_rules.undismiss(con, layer_uid, rule_id, keys)

    def rule_dismissals(self, layer_uid: str) -> set[tuple[str, int]]:
        with self._read() as con:
            return sql_rules.dismissals(con, layer_uid)

    def rule_marks(self, layer_uid: str) -> dict[tuple[str, str], str]:
        with self._read() as con:
            return sql_rules.rule_marks(con, layer_uid)

    # -- deliveries ----------------------------------------------------------------------
    def replace_delivery(self, content, new_catalogues: Sequence[str], user: str):
        with self._write() as con:
            return sql_region.replace_delivery(con, content, new_catalogues, user, schema.now_iso())

    def deliveries(self, *, current_only: bool = False):
        with self._read() as con:
            return sql_region.deliveries(con, current_only)

    def delivered_areas(self, organisations: Sequence[str] | None = None):
        with self._read() as con:
            return sql_region.delivered_areas(con, organisations)


def _prefixed(alias: str, columns: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in columns.split(","))
