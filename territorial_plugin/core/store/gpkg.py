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

from ..errors import CatalogueError, StoreError
from ..i18n import tr
from ..model import Catalogue, Goal, Level, Link, LinkSpec, RegisteredLayer, WriteResult
from . import gpkg_links as sql_links
from . import gpkg_schema as schema
from .base import MigrationReport, Store

_CATALOGUE_COLUMNS = (
    "id, name, issuer, level, version, valid_from, valid_to, source, language, description, series, example, enabled"
)
_GOAL_COLUMNS = "id, catalogue_id, code, parent_id, title_sv, title_en, description, sort_order, kind"
_LAYER_COLUMNS = "layer_uid, name, source, provider, key_field, geometry_type, crs"


def _catalogue(row: Sequence) -> Catalogue:
    values = list(row)
    values[11] = bool(values[11])
    values[12] = bool(values[12])
    return Catalogue(*values)


class GeoPackageStore(Store):
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
        _check_catalogue(catalogue, goals)
        now = schema.now_iso()
        with self._write() as con:
            exists = con.execute("SELECT 1 FROM catalogue WHERE id = ?", (catalogue.id,)).fetchone()
            if exists and not replace:
                raise CatalogueError(
                    tr(
                        "A catalogue with id '{id}' is already in the link store. Import a new version "
                        "under a new id, or replace it."
                    ).format(id=catalogue.id)
                )
            values = [getattr(catalogue, c.strip()) for c in _CATALOGUE_COLUMNS.split(",")]
            values[11] = int(bool(values[11]))
            values[12] = int(bool(values[12]))
            con.execute(
                f"INSERT INTO catalogue ({_CATALOGUE_COLUMNS}, imported_at) VALUES ({', '.join('?' * 14)})"
                " ON CONFLICT(id) DO UPDATE SET name = excluded.name, issuer = excluded.issuer,"
                " level = excluded.level, version = excluded.version, valid_from = excluded.valid_from,"
                " valid_to = excluded.valid_to, source = excluded.source, language = excluded.language,"
                " description = excluded.description, series = excluded.series, example = excluded.example,"
                " enabled = excluded.enabled, imported_at = excluded.imported_at",
                (*values, now),
            )
            existing = {
                row[0]: tuple(row)
                for row in con.execute(f"SELECT {_GOAL_COLUMNS} FROM goal WHERE catalogue_id = ?", (catalogue.id,))
            }
            new_ids = {g.id for g in goals}
            gone = sorted(set(existing) - new_ids)
            if gone:
                linked = _linked_goals(con, gone)
                if linked:
                    raise CatalogueError(
                        tr(
                            "The new version of '{id}' leaves out goals that still have links: {goals}. "
                            "Move or remove those links first."
                        ).format(id=catalogue.id, goals=", ".join(linked[:10]) + (" …" if len(linked) > 10 else ""))
                    )
                con.executemany("DELETE FROM goal WHERE id = ?", ((g,) for g in gone))
            rows = [_goal_row(g) for g in goals]
            changed = [r for r in rows if existing.get(r[0]) != r]
            con.executemany(
                f"INSERT INTO goal ({_GOAL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET code = excluded.code, parent_id = excluded.parent_id,"
                " title_sv = excluded.title_sv, title_en = excluded.title_en, description = excluded.description,"
                " sort_order = excluded.sort_order, kind = excluded.kind",
                changed,
            )
            inserted = sum(1 for r in changed if r[0] not in existing)
            return WriteResult(
                inserted=inserted,
                updated=len(changed) - inserted,
                deleted=len(gone),
                unchanged=len(rows) - len(changed),
                details={"catalogue": catalogue.id, "created": not exists},
            )

    def catalogues(self, *, include_disabled: bool = True) -> list[Catalogue]:
        where = "" if include_disabled else " WHERE enabled = 1"
        with self._read() as con:
            return [
                _catalogue(r) for r in con.execute(f"SELECT {_CATALOGUE_COLUMNS} FROM catalogue{where} ORDER BY id")
            ]

    def catalogue(self, catalogue_id: str) -> Catalogue | None:
        with self._read() as con:
            row = con.execute(f"SELECT {_CATALOGUE_COLUMNS} FROM catalogue WHERE id = ?", (catalogue_id,)).fetchone()
        return _catalogue(row) if row else None

    def goals(self, catalogue_id: str | None = None) -> list[Goal]:
        sql = f"SELECT {_GOAL_COLUMNS} FROM goal"
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
            if not con.execute("SELECT 1 FROM catalogue WHERE id = ?", (catalogue_id,)).fetchone():
                raise CatalogueError(tr("There is no catalogue '{id}' in the link store.").format(id=catalogue_id))
            links = con.execute(
                "SELECT count(*) FROM link WHERE goal_id IN (SELECT id FROM goal WHERE catalogue_id = ?)",
                (catalogue_id,),
            ).fetchone()[0]
            if links and not delete_links:
                raise CatalogueError(
                    tr(
                        "The catalogue '{id}' has {n} links. Delete them too, or move them to another version first."
                    ).format(id=catalogue_id, n=links)
                )
            now, user = schema.now_iso(), ""
            con.execute(
                sql_links.HISTORY_INSERT
                + " SELECT ?, ?, 'delete', l.layer_uid, l.feature_key, l.goal_id,"
                + sql_links.json_state("l")
                + ", NULL FROM link l WHERE l.goal_id IN (SELECT id FROM goal WHERE catalogue_id = ?)",
                (now, user, catalogue_id),
            )
            con.execute(
                "DELETE FROM link WHERE goal_id IN (SELECT id FROM goal WHERE catalogue_id = ?)", (catalogue_id,)
            )
            goals = con.execute("SELECT count(*) FROM goal WHERE catalogue_id = ?", (catalogue_id,)).fetchone()[0]
            con.execute("DELETE FROM catalogue WHERE id = ?", (catalogue_id,))
            return WriteResult(deleted=links, details={"goals": goals, "links": links})

    def link_count_by_catalogue(self) -> dict[str, int]:
        with self._read() as con:
            return dict(
                con.execute(
                    "SELECT c.id, (SELECT count(*) FROM link l JOIN goal g ON g.id = l.goal_id"
                    " WHERE g.catalogue_id = c.id) FROM catalogue c ORDER BY c.id"
                ).fetchall()
            )

    def migrate_goals(self, mapping: dict[str, str], user: str) -> MigrationReport:
        with self._write() as con:
            moved, merged, lost = sql_links.migrate(con, mapping, user, schema.now_iso())
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
        with self._read() as con:
            sql_links.load_keys(con, keys)
            return [
                sql_links.row_to_link(r)
                for r in con.execute(
                    f"SELECT {_prefixed('l', sql_links.LINK_COLUMNS)} FROM temp.tl_keys k CROSS JOIN main.link l"
                    " ON l.layer_uid = ? AND l.feature_key = k.feature_key ORDER BY l.feature_key, l.goal_id",
                    (layer_uid,),
                )
            ]

    def goal_counts_for_keys(self, layer_uid: str, keys: Iterable[str]) -> dict[str, int]:
        with self._read() as con:
            sql_links.load_keys(con, keys)
            return dict(
                con.execute(
                    "SELECT l.goal_id, count(*) FROM temp.tl_keys k CROSS JOIN main.link l"
                    " ON l.layer_uid = ? AND l.feature_key = k.feature_key GROUP BY l.goal_id",
                    (layer_uid,),
                ).fetchall()
            )

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
            return [
                sql_links.row_to_link(r) for r in con.execute(sql + " ORDER BY layer_uid, goal_id, feature_key", params)
            ]

    def linked_keys(self, layer_uid: str) -> set[str]:
        with self._read() as con:
            return {
                r[0] for r in con.execute("SELECT DISTINCT feature_key FROM link WHERE layer_uid = ?", (layer_uid,))
            }

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


def _prefixed(alias: str, columns: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in columns.split(","))


def _goal_row(goal: Goal) -> tuple:
    return (
        goal.id,
        goal.catalogue_id,
        goal.code,
        goal.parent_id or None,
        goal.title_sv or "",
        goal.title_en or "",
        goal.description or "",
        int(goal.sort_order or 0),
        goal.kind or "",
    )


def _linked_goals(con: sqlite3.Connection, goal_ids: list[str]) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT goal_id FROM link WHERE goal_id IN (SELECT value FROM json_each(?)) ORDER BY goal_id",
            (json.dumps(goal_ids),),
        )
    ]


def _check_catalogue(catalogue: Catalogue, goals: Sequence[Goal]) -> None:
    """Refuse a bad catalogue before touching the store (the database checks again)."""
    if not catalogue.id or ":" in catalogue.id or not catalogue.id.strip() == catalogue.id:
        raise CatalogueError(
            tr("'{id}' cannot be a catalogue id: use letters, digits and _ without ':' or spaces.").format(
                id=catalogue.id
            )
        )
    if catalogue.level not in {lv.value for lv in Level}:
        raise CatalogueError(
            tr("'{level}' is not a level. Use global, eu, national, regional or municipal.").format(
                level=catalogue.level
            )
        )
    by_id: dict[str, Goal] = {}
    codes: set[str] = set()
    for goal in goals:
        if goal.catalogue_id != catalogue.id or goal.id != f"{catalogue.id}:{goal.code}" or not goal.code:
            raise CatalogueError(
                tr("Goal '{goal}' does not belong to catalogue '{id}' (its id must be '{id}:<code>').").format(
                    goal=goal.id, id=catalogue.id
                )
            )
        if goal.code in codes:
            raise CatalogueError(
                tr("The code '{code}' appears twice in catalogue '{id}'.").format(code=goal.code, id=catalogue.id)
            )
        codes.add(goal.code)
        by_id[goal.id] = goal
    for goal in goals:
        seen = {goal.id}
        parent = goal.parent_id
        while parent:
            if parent not in by_id:
                raise CatalogueError(
                    tr("Goal '{goal}' has the parent '{parent}', which is not in the catalogue.").format(
                        goal=goal.id, parent=parent
                    )
                )
            if parent in seen:
                raise CatalogueError(
                    tr("The goals of catalogue '{id}' form a cycle at '{goal}'.").format(id=catalogue.id, goal=goal.id)
                )
            seen.add(parent)
            parent = by_id[parent].parent_id
