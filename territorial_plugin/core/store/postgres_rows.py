"""Row helpers shared by the PostgreSQL store's modules: columns, key lists, row → value."""

from __future__ import annotations

from collections.abc import Iterable

from ..i18n import tr
from ..model import Catalogue, Goal, Link
from .checks import build_links, key_text

# Timestamps leave the server as ISO text in UTC (the session's time zone) and are
# reshaped by _iso(): several times cheaper than to_char() per row for big selections.
_LINK_COLS = (
    "layer_uid, feature_key, goal_id, stance, strength, motivation, organisation, created_by, "
    "created_at::text, updated_by, updated_at::text, row_version"
)
# the same without layer_uid, for reads of one layer (the caller knows it)
_LINK_COLS_OF_LAYER = _LINK_COLS.split(", ", 1)[1]
_CATALOGUE_COLS = (
    "id, name, issuer, level, version, valid_from, valid_to, source, language, description, series, example, enabled"
)
_GOAL_COLS = "id, catalogue_id, code, parent_id, title_sv, title_en, description, sort_order, kind"


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
    # 20 000 link rows to sort by key overflow the default 4 MB work_mem and were
    # sorted through a temporary file on the server; in memory it is a few ms.
    cur.execute("SET LOCAL work_mem = '64MB'")
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


def _links(rows: Iterable, layer_uid: str | None = None) -> list[Link]:
    """Many links at once: shared values, each distinct timestamp reshaped once (see build_links)."""
    return build_links(rows, layer_uid=layer_uid, timestamp=_iso)


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
