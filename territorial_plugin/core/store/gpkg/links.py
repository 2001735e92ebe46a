"""Set-based link writes for the GeoPackage store (SQLite).

Every function here runs inside a transaction the caller opened (BEGIN
IMMEDIATE) and works on whole sets: the keys and goals are loaded into temporary
tables with one ``executemany`` and every change is one ``INSERT … SELECT`` or
``UPDATE``/``DELETE`` over them. The history rows are written by the same kind of
statement right before the change they describe, so history and links can never
disagree.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from ...errors import StoreError
from ...i18n import tr
from ...model import Link, LinkSpec, WriteResult
from ..checks import check_spec, key_text
from ..rows import build_links

TEMP_TABLES = """
CREATE TEMP TABLE IF NOT EXISTS tl_keys (feature_key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS tl_goals (goal_id TEXT PRIMARY KEY, after_json TEXT) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS tl_rows (
  feature_key TEXT NOT NULL, goal_id TEXT NOT NULL, stance TEXT, strength INTEGER, motivation TEXT,
  organisation TEXT, created_by TEXT, created_at TEXT, row_version INTEGER,
  PRIMARY KEY (feature_key, goal_id)) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS tl_map (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL) WITHOUT ROWID;
"""

HISTORY_INSERT = (
    "INSERT INTO main.link_history (changed_at, changed_by, operation, layer_uid, feature_key, goal_id, before, after)"
)
LINK_COLUMNS = (
    "layer_uid, feature_key, goal_id, stance, strength, motivation, organisation, "
    "created_by, created_at, updated_by, updated_at, row_version"
)


def json_state(alias: str) -> str:
    """SQL for the JSON ``before``/``after`` of a link row (fixed text, no user input)."""
    return (
        f"json_object('goal_id', {alias}.goal_id, 'stance', {alias}.stance, 'strength', {alias}.strength, "
        f"'motivation', {alias}.motivation, 'organisation', {alias}.organisation, "
        f"'row_version', {alias}.row_version)"
    )


def _last_link_id(con: sqlite3.Connection) -> int:
    row = con.execute("SELECT seq FROM main.sqlite_sequence WHERE name = 'link'").fetchone()
    return int(row[0]) if row else 0


def _history_of_inserts(con: sqlite3.Connection, last_id: int, now: str, user: str) -> None:
    con.execute(
        HISTORY_INSERT
        + " SELECT ?, ?, 'insert', l.layer_uid, l.feature_key, l.goal_id, NULL, "
        + json_state("l")
        + " FROM main.link l WHERE l.id > ?",
        (now, user, last_id),
    )


def keys_json(keys: Iterable) -> str:
    """Distinct keys as one JSON array, for ``json_each`` in reads."""
    keys = keys if isinstance(keys, (list, tuple)) else list(keys)
    if not all(type(k) is str and k for k in keys):
        keys = [key_text(k) for k in keys]
    # sorted: the index is probed in order, so its pages are read once
    return json.dumps(sorted(set(keys)), ensure_ascii=False)


def load_keys(con: sqlite3.Connection, keys: Iterable) -> int:
    con.execute("DELETE FROM temp.tl_keys")
    keys = keys if isinstance(keys, (list, tuple)) else list(keys)
    # The common case (a list of non-empty strings) goes to SQLite without a
    # Python call per key; anything else is converted and checked key by key.
    rows = zip(keys) if all(type(k) is str and k for k in keys) else ((key_text(k),) for k in keys)
    con.executemany("INSERT OR IGNORE INTO temp.tl_keys (feature_key) VALUES (?)", rows)
    return con.execute("SELECT count(*) FROM temp.tl_keys").fetchone()[0]


def load_goals(con: sqlite3.Connection, goal_ids: Iterable[str], *, must_exist: bool = True) -> int:
    con.execute("DELETE FROM temp.tl_goals")
    con.executemany("INSERT OR IGNORE INTO temp.tl_goals (goal_id) VALUES (?)", ((str(g),) for g in goal_ids))
    if must_exist:
        missing = [
            row[0]
            for row in con.execute(
                "SELECT goal_id FROM temp.tl_goals WHERE goal_id NOT IN (SELECT id FROM main.goal) "
                "ORDER BY goal_id LIMIT 11"
            )
        ]
        if missing:
            raise StoreError(
                tr("These goals are not in the link store: {goals}. Import their catalogue first.").format(
                    goals=", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
                )
            )
    return con.execute("SELECT count(*) FROM temp.tl_goals").fetchone()[0]


def require_layer(con: sqlite3.Connection, layer_uid: str) -> None:
    if not con.execute("SELECT 1 FROM main.registered_layer WHERE layer_uid = ?", (layer_uid,)).fetchone():
        raise StoreError(
            tr("The layer '{uid}' is not registered in this link store. Register it (choose its key) first.").format(
                uid=layer_uid
            )
        )


_IN_SCOPE = (
    "l.layer_uid = :layer AND l.feature_key IN (SELECT feature_key FROM temp.tl_keys) "
    "AND l.goal_id IN (SELECT goal_id FROM temp.tl_goals)"
)
# A rule-made link (rule_id set) differs too: a planner's write makes it the planner's.
_DIFFERS = (
    "(l.stance IS NOT :stance OR l.strength IS NOT :strength OR l.motivation IS NOT :motivation"
    " OR l.rule_id IS NOT NULL)"
)


def link(con, layer_uid: str, keys: Iterable, goal_ids: Sequence[str], spec: LinkSpec, user: str, now: str):
    """Link every key to every goal; existing links take ``spec``. Returns a WriteResult."""
    check_spec(spec.stance, spec.strength)
    require_layer(con, layer_uid)
    load_goals(con, goal_ids)
    load_keys(con, keys)
    params = {
        "layer": layer_uid,
        "stance": spec.stance,
        "strength": spec.strength,
        "motivation": spec.motivation or "",
        "user": user,
        "now": now,
    }
    con.execute(
        HISTORY_INSERT + f" SELECT :now, :user, 'update', l.layer_uid, l.feature_key, l.goal_id, {json_state('l')},"
        " json_object('goal_id', l.goal_id, 'stance', :stance, 'strength', :strength, 'motivation', :motivation,"
        " 'organisation', l.organisation, 'row_version', l.row_version + 1)"
        f" FROM main.link l WHERE {_IN_SCOPE} AND {_DIFFERS}",
        params,
    )
    updated = con.execute(
        "UPDATE main.link AS l SET stance = :stance, strength = :strength, motivation = :motivation,"
        " updated_by = :user, updated_at = :now, row_version = row_version + 1, rule_id = NULL"
        f" WHERE {_IN_SCOPE} AND {_DIFFERS}",
        params,
    ).rowcount
    # AUTOINCREMENT ids only grow and we hold the write lock: the rows this
    # statement adds are exactly those above the current maximum, so their
    # history is copied from them by a rowid range. Existing links were brought
    # to ``spec`` above, so OR IGNORE skips exactly them (the UNIQUE constraint);
    # stance, strength and keys were checked before, so no other row is skipped.
    last_id = _last_link_id(con)
    inserted = con.execute(
        f"INSERT OR IGNORE INTO main.link ({LINK_COLUMNS})"
        " SELECT :layer, k.feature_key, g.goal_id, :stance, :strength, :motivation, '', :user, :now, :user, :now, 1"
        " FROM temp.tl_keys k CROSS JOIN temp.tl_goals g",
        params,
    ).rowcount
    # every new link of one goal has the same "after": written once per goal, not built per row
    con.executemany(
        "UPDATE temp.tl_goals SET after_json = ? WHERE goal_id = ?",
        [
            (
                json.dumps(
                    {
                        "goal_id": goal,
                        "stance": spec.stance,
                        "strength": spec.strength,
                        "motivation": spec.motivation or "",
                        "organisation": "",
                        "row_version": 1,
                    },
                    ensure_ascii=False,
                    separators=(",", ":"),
                ),
                goal,
            )
            for goal in goal_ids
        ],
    )
    con.execute(
        HISTORY_INSERT + " SELECT ?, ?, 'insert', l.layer_uid, l.feature_key, l.goal_id, NULL, g.after_json"
        " FROM main.link l JOIN temp.tl_goals g ON g.goal_id = l.goal_id WHERE l.id > ?",
        (now, user, last_id),
    )
    total = con.execute("SELECT (SELECT count(*) FROM temp.tl_keys) * (SELECT count(*) FROM temp.tl_goals)").fetchone()
    return WriteResult(inserted=inserted, updated=updated, unchanged=total[0] - inserted - updated)


def unlink(con, layer_uid: str, keys: Iterable | None, goal_ids: Sequence[str] | None, user: str, now: str):
    where = ["l.layer_uid = :layer"]
    if keys is not None:
        load_keys(con, keys)
        where.append("l.feature_key IN (SELECT feature_key FROM temp.tl_keys)")
    if goal_ids is not None:
        load_goals(con, goal_ids, must_exist=False)
        where.append("l.goal_id IN (SELECT goal_id FROM temp.tl_goals)")
    condition = " AND ".join(where)
    params = {"layer": layer_uid, "user": user, "now": now}
    con.execute(
        HISTORY_INSERT
        + f" SELECT :now, :user, 'delete', l.layer_uid, l.feature_key, l.goal_id, {json_state('l')}, NULL"
        f" FROM main.link l WHERE {condition}",
        params,
    )
    deleted = con.execute(f"DELETE FROM main.link AS l WHERE {condition}", params).rowcount
    return WriteResult(deleted=deleted)


def update_one(con, layer_uid, key, goal_id, user, now, *, stance, strength, motivation, expected_version) -> Link:
    check_spec(stance, strength)
    row = con.execute(
        f"SELECT {LINK_COLUMNS} FROM main.link WHERE layer_uid = ? AND feature_key = ? AND goal_id = ?",
        (layer_uid, key_text(key), goal_id),
    ).fetchone()
    if row is None:
        raise StoreError(
            tr("Feature '{key}' is not linked to goal {goal}; nothing to change.").format(key=key, goal=goal_id)
        )
    old = build_links([row])[0]
    if expected_version is not None and old.row_version != expected_version:
        from ...errors import ConflictError

        raise ConflictError(
            tr(
                "Someone else changed the link of feature '{key}' to goal {goal} after you loaded it. "
                "Reload and try again."
            ).format(key=key, goal=goal_id)
        )
    params = {
        "layer": layer_uid,
        "key": old.feature_key,
        "goal": goal_id,
        "stance": old.stance if stance is None else stance,
        "strength": old.strength if strength is None else strength,
        "motivation": old.motivation if motivation is None else motivation,
        "user": user,
        "now": now,
    }
    if (params["stance"], params["strength"], params["motivation"]) == (old.stance, old.strength, old.motivation):
        return old
    con.execute(
        HISTORY_INSERT + f" SELECT :now, :user, 'update', l.layer_uid, l.feature_key, l.goal_id, {json_state('l')},"
        " json_object('goal_id', l.goal_id, 'stance', :stance, 'strength', :strength, 'motivation', :motivation,"
        " 'organisation', l.organisation, 'row_version', l.row_version + 1)"
        " FROM main.link l WHERE l.layer_uid = :layer AND l.feature_key = :key AND l.goal_id = :goal",
        params,
    )
    con.execute(
        "UPDATE main.link SET stance = :stance, strength = :strength, motivation = :motivation, updated_by = :user,"
        " updated_at = :now, row_version = row_version + 1, rule_id = NULL"
        " WHERE layer_uid = :layer AND feature_key = :key AND goal_id = :goal",
        params,
    )
    row = con.execute(
        f"SELECT {LINK_COLUMNS} FROM main.link WHERE layer_uid = ? AND feature_key = ? AND goal_id = ?",
        (layer_uid, old.feature_key, goal_id),
    ).fetchone()
    return build_links([row])[0]


def replace(con, layer_uid: str, keys: Iterable, goal_ids: Sequence[str], rows: Sequence[Link], user, now):
    """Make the links of ``keys × goal_ids`` (and of the pairs in ``rows``) exactly ``rows``."""
    require_layer(con, layer_uid)
    load_keys(con, keys)
    load_goals(con, goal_ids, must_exist=False)
    con.execute("DELETE FROM temp.tl_rows")
    for row in rows:
        if row.layer_uid != layer_uid:
            raise StoreError(
                tr("A link of layer '{other}' cannot be written to layer '{uid}'.").format(
                    other=row.layer_uid, uid=layer_uid
                )
            )
        check_spec(row.stance, row.strength)
    con.executemany(
        "INSERT OR REPLACE INTO temp.tl_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                key_text(r.feature_key),
                r.goal_id,
                r.stance,
                r.strength,
                r.motivation or "",
                r.organisation or "",
                r.created_by or user,
                r.created_at or now,
                # a restored link continues its own version line, so a stale
                # editor of the old row still gets a conflict
                (r.row_version or 0) + 1,
            )
            for r in rows
        ),
    )
    params = {"layer": layer_uid, "user": user, "now": now}
    gone = (
        f" FROM main.link l WHERE {_IN_SCOPE} AND NOT EXISTS (SELECT 1 FROM temp.tl_rows r"
        " WHERE r.feature_key = l.feature_key AND r.goal_id = l.goal_id)"
    )
    con.execute(
        HISTORY_INSERT
        + f" SELECT :now, :user, 'delete', l.layer_uid, l.feature_key, l.goal_id, {json_state('l')}, NULL"
        + gone,
        params,
    )
    deleted = con.execute(
        "DELETE FROM main.link WHERE id IN (SELECT l.id" + gone + ")",
        params,
    ).rowcount
    differs = (
        " FROM main.link l JOIN temp.tl_rows r ON r.feature_key = l.feature_key AND r.goal_id = l.goal_id"
        " WHERE l.layer_uid = :layer AND (l.stance IS NOT r.stance OR l.strength IS NOT r.strength"
        " OR l.motivation IS NOT r.motivation OR l.organisation IS NOT r.organisation)"
    )
    con.execute(
        HISTORY_INSERT + f" SELECT :now, :user, 'update', l.layer_uid, l.feature_key, l.goal_id, {json_state('l')},"
        " json_object('goal_id', r.goal_id, 'stance', r.stance, 'strength', r.strength, 'motivation', r.motivation,"
        " 'organisation', r.organisation, 'row_version', l.row_version + 1)" + differs,
        params,
    )
    updated = con.execute(
        "UPDATE main.link AS l SET stance = r.stance, strength = r.strength, motivation = r.motivation,"
        " organisation = r.organisation, updated_by = :user, updated_at = :now, row_version = l.row_version + 1"
        " FROM temp.tl_rows r WHERE r.feature_key = l.feature_key AND r.goal_id = l.goal_id"
        " AND l.layer_uid = :layer AND (l.stance IS NOT r.stance OR l.strength IS NOT r.strength"
        " OR l.motivation IS NOT r.motivation OR l.organisation IS NOT r.organisation)",
        params,
    ).rowcount
    last_id = _last_link_id(con)
    inserted = con.execute(
        f"INSERT INTO main.link ({LINK_COLUMNS}) SELECT :layer, r.feature_key, r.goal_id, r.stance, r.strength,"
        " r.motivation, r.organisation, r.created_by, r.created_at, :user, :now, r.row_version"
        " FROM temp.tl_rows r WHERE NOT EXISTS (SELECT 1 FROM main.link l WHERE l.layer_uid = :layer"
        " AND l.feature_key = r.feature_key AND l.goal_id = r.goal_id)",
        params,
    ).rowcount
    _history_of_inserts(con, last_id, now, user)
    return WriteResult(inserted=inserted, updated=updated, deleted=deleted)
