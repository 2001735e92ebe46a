"""Catalogue and goal writes for the GeoPackage store (inside the caller's transaction)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from ...errors import CatalogueError
from ...i18n import tr
from ...model import Catalogue, Goal, WriteResult
from .links import HISTORY_INSERT, json_state

CATALOGUE_COLUMNS = (
    "id, name, issuer, level, version, valid_from, valid_to, source, language, description, series, example, enabled"
)
GOAL_COLUMNS = "id, catalogue_id, code, parent_id, title_sv, title_en, description, sort_order, kind"


def row_to_catalogue(row: Sequence) -> Catalogue:
    values = list(row)
    values[11] = bool(values[11])
    values[12] = bool(values[12])
    return Catalogue(*values)


def save(con: sqlite3.Connection, catalogue: Catalogue, goals: Sequence[Goal], replace: bool, now: str) -> WriteResult:
    """Insert or (``replace``) upsert a catalogue and its goals; linked goals are never dropped."""
    exists = con.execute("SELECT 1 FROM catalogue WHERE id = ?", (catalogue.id,)).fetchone()
    if exists and not replace:
        raise CatalogueError(
            tr(
                "A catalogue with id '{id}' is already in the link store. Import a new version "
                "under a new id, or replace it."
            ).format(id=catalogue.id)
        )
    values = [getattr(catalogue, c.strip()) for c in CATALOGUE_COLUMNS.split(",")]
    values[11] = int(bool(values[11]))
    values[12] = int(bool(values[12]))
    con.execute(
        f"INSERT INTO catalogue ({CATALOGUE_COLUMNS}, imported_at) VALUES ({', '.join('?' * 14)})"
        " ON CONFLICT(id) DO UPDATE SET name = excluded.name, issuer = excluded.issuer,"
        " level = excluded.level, version = excluded.version, valid_from = excluded.valid_from,"
        " valid_to = excluded.valid_to, source = excluded.source, language = excluded.language,"
        " description = excluded.description, series = excluded.series, example = excluded.example,"
        " enabled = excluded.enabled, imported_at = excluded.imported_at",
        (*values, now),
    )
    existing = {
        row[0]: tuple(row)
        for row in con.execute(f"SELECT {GOAL_COLUMNS} FROM goal WHERE catalogue_id = ?", (catalogue.id,))
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
        f"INSERT INTO goal ({GOAL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
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


def delete(con: sqlite3.Connection, catalogue_id: str, delete_links: bool, now: str) -> WriteResult:
    """Delete a catalogue (goals cascade); its links only when ``delete_links``, with history."""
    if not con.execute("SELECT 1 FROM catalogue WHERE id = ?", (catalogue_id,)).fetchone():
        raise CatalogueError(tr("There is no catalogue '{id}' in the link store.").format(id=catalogue_id))
    links = con.execute(
        "SELECT count(*) FROM link WHERE goal_id IN (SELECT id FROM goal WHERE catalogue_id = ?)",
        (catalogue_id,),
    ).fetchone()[0]
    if links and not delete_links:
        raise CatalogueError(
            tr("The catalogue '{id}' has {n} links. Delete them too, or move them to another version first.").format(
                id=catalogue_id, n=links
            )
        )
    user = ""  # the interface gives no user for catalogue deletion
    con.execute(
        HISTORY_INSERT
        + " SELECT ?, ?, 'delete', l.layer_uid, l.feature_key, l.goal_id,"
        + json_state("l")
        + ", NULL FROM link l WHERE l.goal_id IN (SELECT id FROM goal WHERE catalogue_id = ?)",
        (now, user, catalogue_id),
    )
    con.execute("DELETE FROM link WHERE goal_id IN (SELECT id FROM goal WHERE catalogue_id = ?)", (catalogue_id,))
    goals = con.execute("SELECT count(*) FROM goal WHERE catalogue_id = ?", (catalogue_id,)).fetchone()[0]
    con.execute("DELETE FROM catalogue WHERE id = ?", (catalogue_id,))
    return WriteResult(deleted=links, details={"goals": goals, "links": links})


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


def migrate(con, mapping: dict[str, str], user: str, now: str):
    """Move links from old goals to new ones; returns (moved, merged, lost)."""
    pairs = {old: new for old, new in mapping.items() if new and new != old}
    lost_ids = [old for old, new in mapping.items() if not new]
    if set(pairs) & set(pairs.values()):
        raise CatalogueError(tr("A goal cannot be both moved and a target of the same migration."))
    con.execute("DELETE FROM temp.tl_map")
    con.executemany("INSERT INTO temp.tl_map (old_id, new_id) VALUES (?, ?)", pairs.items())
    missing = [
        r[0] for r in con.execute("SELECT new_id FROM temp.tl_map WHERE new_id NOT IN (SELECT id FROM main.goal)")
    ]
    if missing:
        raise CatalogueError(
            tr("These target goals are not in the link store: {goals}.").format(goals=", ".join(sorted(missing)[:10]))
        )
    lost = {}
    for old in lost_ids:
        count = con.execute("SELECT count(*) FROM main.link WHERE goal_id = ?", (old,)).fetchone()[0]
        if count:
            lost[old] = count
    params = {"user": user, "now": now}
    # A moving link is merged (dropped) when its target link already exists, or when
    # another moving link of the same feature reaches the same target first (lower id).
    doomed = (
        " FROM main.link l JOIN temp.tl_map m ON m.old_id = l.goal_id WHERE EXISTS (SELECT 1 FROM main.link o"
        " WHERE o.layer_uid = l.layer_uid AND o.feature_key = l.feature_key AND (o.goal_id = m.new_id"
        " OR (o.id < l.id AND o.goal_id IN (SELECT old_id FROM temp.tl_map WHERE new_id = m.new_id))))"
    )
    con.execute(
        HISTORY_INSERT
        + f" SELECT :now, :user, 'delete', l.layer_uid, l.feature_key, l.goal_id, {json_state('l')}, NULL"
        + doomed,
        params,
    )
    merged = con.execute("DELETE FROM main.link WHERE id IN (SELECT l.id" + doomed + ")", params).rowcount
    con.execute(
        HISTORY_INSERT + f" SELECT :now, :user, 'update', l.layer_uid, l.feature_key, m.new_id, {json_state('l')},"
        " json_object('goal_id', m.new_id, 'stance', l.stance, 'strength', l.strength, 'motivation', l.motivation,"
        " 'organisation', l.organisation, 'row_version', l.row_version + 1)"
        " FROM main.link l JOIN temp.tl_map m ON m.old_id = l.goal_id",
        params,
    )
    moved = con.execute(
        "UPDATE main.link AS l SET goal_id = m.new_id, updated_by = :user, updated_at = :now,"
        " row_version = l.row_version + 1 FROM temp.tl_map m WHERE m.old_id = l.goal_id",
        params,
    ).rowcount
    return moved, merged, lost
