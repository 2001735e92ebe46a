"""Move a link store between engines: GeoPackage → PostgreSQL and back, losing nothing.

Copies the five tables of the contract (``catalogue``, ``goal``,
``registered_layer``, ``link``, ``link_history``) row by row with their ids,
timestamps, authors and row versions, so the copy's history is the original's.
The target must hold no catalogues, layers or links (a copy never merges), and
is written in **one transaction**: a failure leaves it as it was.

What a GeoPackage cannot hold stays behind when copying out of PostgreSQL: the
``organisation`` table and roles (links and history keep their organisation in
their own columns and JSON) and ``link_history.db_user``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import StoreError
from ..i18n import tr
from . import is_postgres_uri, open_store
from .base import Store

# table → (columns, timestamp columns); the order of the tables is the insert order.
TABLES: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "catalogue": (
        ("id", "name", "issuer", "level", "version", "valid_from", "valid_to", "source", "language",
         "description", "series", "example", "enabled", "imported_at"),
        frozenset({"imported_at"}),
    ),
    "goal": (
        ("id", "catalogue_id", "code", "parent_id", "title_sv", "title_en", "description", "sort_order", "kind"),
        frozenset(),
    ),
    "registered_layer": (
        ("layer_uid", "name", "source", "provider", "key_field", "geometry_type", "crs", "registered_at"),
        frozenset({"registered_at"}),
    ),
    "link": (
        ("id", "layer_uid", "feature_key", "goal_id", "stance", "strength", "motivation", "organisation",
         "created_by", "created_at", "updated_by", "updated_at", "row_version"),
        frozenset({"created_at", "updated_at"}),
    ),
    "link_history": (
        ("id", "changed_at", "changed_by", "operation", "layer_uid", "feature_key", "goal_id", "before", "after"),
        frozenset({"changed_at"}),
    ),
}  # fmt: skip


@dataclass
class TransferReport:
    """Rows copied per table."""

    source: str
    target: str
    rows: dict[str, int] = field(default_factory=dict)


def copy_store(source_uri: str, target_uri: str, *, organisation: str = "") -> TransferReport:
    """Copy every row of the store at ``source_uri`` into the (new or empty) store at ``target_uri``.

    ``organisation``: given when copying into PostgreSQL, links (and their history)
    without an organisation are assigned to it, so its people can edit them.
    """
    if source_uri.strip() == target_uri.strip():
        raise StoreError(tr("The source and the target of a store copy must be different stores."))
    with open_store(source_uri) as source:
        data = read_tables(source)
    if organisation and not is_postgres_uri(target_uri):
        raise StoreError(tr("An organisation can only be assigned when copying into a PostgreSQL store."))
    if organisation:
        data = _assign_organisation(data, organisation)
    target = open_store(target_uri, create=True)
    try:
        _require_empty(target)
        if target.engine == "postgres":
            _write_postgres(target, data)
        else:
            path = Path(target.uri)
            target.close()
            _write_gpkg(path, data)
    finally:
        target.close()
    return TransferReport(source_uri, target_uri, {table: len(rows) for table, rows in data.items()})


def read_tables(store: Store) -> dict[str, list[tuple]]:
    """Every row of the contract tables, ids ascending; timestamps as GeoPackage text."""
    if store.engine == "postgres":
        return store._read(_read_postgres)  # one snapshot of all tables
    connection = sqlite3.connect(f"file:{Path(store.uri).as_posix()}?mode=ro", uri=True)
    try:
        connection.execute("BEGIN")  # one consistent snapshot while others may write
        return {
            table: connection.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1").fetchall()
            for table, (columns, _) in TABLES.items()
        }
    finally:
        connection.close()


def _read_postgres(cur) -> dict[str, list[tuple]]:
    cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
    result = {}
    for table, (columns, stamps) in TABLES.items():
        select = ", ".join(f"tl_iso({c})" if c in stamps else c for c in columns)
        cur.execute(f"SELECT {select} FROM {table} ORDER BY 1")  # fixed names, no user input
        result[table] = cur.fetchall()
    return result


def _require_empty(target: Store) -> None:
    if target.catalogues() or target.layers() or target.links():
        raise StoreError(
            tr(
                "The target store {store} already holds catalogues, layers or links. Copy into a new, empty store "
                "so nothing is mixed or overwritten."
            ).format(store=target.uri)
        )


def _assign_organisation(data: dict[str, list[tuple]], organisation: str) -> dict[str, list[tuple]]:
    columns = TABLES["link"][0]
    at = columns.index("organisation")
    data = dict(data)
    data["link"] = [(*row[:at], row[at] or organisation, *row[at + 1 :]) for row in data["link"]]
    history = []
    for row in data["link_history"]:
        row = list(row)
        for index in (7, 8):  # before, after
            if row[index]:
                state = json.loads(row[index])
                if not state.get("organisation"):
                    state["organisation"] = organisation
                    row[index] = json.dumps(state, ensure_ascii=False, separators=(",", ":"))
        history.append(tuple(row))
    data["link_history"] = history
    return data


def _write_gpkg(path: Path, data: dict[str, list[tuple]]) -> None:
    from .gpkg.schema import raw_connect

    connection = raw_connect(path)
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            for table, (columns, _) in TABLES.items():
                marks = ", ".join("?" * len(columns))
                connection.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", data[table])
            _check_counts(lambda t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0], data)
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            connection.execute("ROLLBACK")
            raise StoreError(
                tr("Copying into {path} failed; the file was left as it was: {reason}").format(path=path, reason=error)
            ) from None
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    finally:
        connection.close()


def _write_postgres(target, data: dict[str, list[tuple]]) -> None:
    from psycopg2.extras import execute_values

    def work(cur) -> None:
        # History and row versions are copied, not made anew: the triggers that would
        # write them are off inside this transaction only (ALTER TABLE is transactional).
        cur.execute("ALTER TABLE link DISABLE TRIGGER USER")
        for table, (columns, _) in TABLES.items():
            rows = data[table]
            if table == "link_history":
                columns = (*columns, "organisation")
                rows = [(*row, _history_organisation(row)) for row in rows]
            if rows:
                execute_values(cur, f"INSERT INTO {table} ({', '.join(columns)}) VALUES %s", rows, page_size=2000)
        cur.execute("ALTER TABLE link ENABLE TRIGGER USER")
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table in ("link", "link_history"):
            cur.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), coalesce((SELECT max(id) FROM "
                + table  # fixed names, no user input
                + "), 0) + 1, false)",
                (f"{target.schema}.{table}",),
            )

        def count(table: str) -> int:
            cur.execute(f"SELECT count(*) FROM {table}")
            return cur.fetchone()[0]

        _check_counts(count, data)

    target._write(work)


def _history_organisation(row: tuple) -> str:
    for text in (row[8], row[7]):  # after, before
        if text:
            organisation = json.loads(text).get("organisation")
            if organisation:
                return organisation
    return ""


def _check_counts(count, data: dict[str, list[tuple]]) -> None:
    """Inside the transaction: the target holds exactly what was read, or nothing is committed."""
    for table, rows in data.items():
        found = count(table)
        if found != len(rows):
            raise StoreError(
                tr("The copy of table {table} holds {found} rows instead of {expected}; nothing was copied.").format(
                    table=table, found=found, expected=len(rows)
                )
            )
