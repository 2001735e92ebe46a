"""Row helpers shared by the PostgreSQL store's modules: columns, key lists, row → value."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ...i18n import tr
from ...model import Catalogue, Goal, Link
from ..checks import key_text
from ..rows import build_links

# Timestamps leave the server as ISO text in UTC (the session's time zone) and are
# reshaped by _iso(), once per distinct value: cheaper than to_char() per row.
_LINK_COLS = (
    "layer_uid, feature_key, goal_id, stance, strength, motivation, organisation, created_by, "
    "created_at::text, updated_by, updated_at::text, row_version"
)
_CATALOGUE_COLS = (
    "id, name, issuer, level, version, valid_from, valid_to, source, language, description, series, example, enabled"
)
_GOAL_COLS = "id, catalogue_id, code, parent_id, title_sv, title_en, description, sort_order, kind"


def _fetch(cur, sql: str, params=()) -> list[tuple]:
    cur.execute(sql, params)
    return cur.fetchall()


# "= ANY(<keys>)" for the selection reads, the keys bound as one text[] literal. Through a
# sub-select the array reaches the planner as a parameter, not as a constant: the planner
# estimates "= ANY(<constant array>)" by looking at every element (milliseconds of planning
# for 10 000 keys) and then overestimates the rows; as a parameter it is estimated as a
# few keys, and the unique index is probed once per key.
_ANY_KEY = "ANY((SELECT %s::text[])::text[])"


def _keys(keys: Iterable[str]) -> list[str]:
    """Distinct keys as text, sorted: a fixed lock order for concurrent writers.

    Sorted as the server's COLLATE "C" (code point order); sorted keys also spare
    the index scan sorting its array.
    """
    keys = list(keys)
    try:
        unique = set(keys)
    except TypeError:  # an unhashable value: key_text makes text of it
        unique = keys
    if "" not in unique and set(map(type, unique)) <= {str}:  # what key_text would return anyway
        return sorted(unique)
    return sorted({key_text(k) for k in unique})


def _text_array(values: Iterable[str]) -> str:
    """A ``text[]`` literal of ``values`` (every element quoted), to bind as ``%s::text[]``.

    psycopg2 sends a list as ``ARRAY['a', 'b', …]``: the server parses every
    element as an expression (~10 ms for 10 000 keys, ~100 ms for 100 000, and
    psycopg2 itself quotes each one); one array literal is parsed in a single
    pass. The literal is still a bound value, quoted by psycopg2 as a whole.
    """
    values = list(values)
    joined = "".join(values)
    if '"' in joined or "\\" in joined:
        values = [v.replace("\\", "\\\\").replace('"', '\\"') for v in values]
    return '{"' + '","'.join(values) + '"}' if values else "{}"


def _goal_row(goal: Goal) -> tuple:
    return (goal.id, goal.catalogue_id, goal.code, goal.parent_id or None, goal.title_sv or "", goal.title_en or "",
            goal.description or "", int(goal.sort_order or 0), goal.kind or "")  # fmt: skip


def _link_filter(layer_uid: str, keys: list[str] | None, goals: list[str] | None) -> tuple[str, list]:
    where, params = "layer_uid = %s", [layer_uid]
    if keys is not None:
        where += " AND feature_key = ANY(%s::text[])"
        params.append(_text_array(keys))
    if goals is not None:
        where += " AND goal_id = ANY(%s::text[])"
        params.append(_text_array(goals))
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
    """Links from rows of :data:`_LINK_COLS` (without ``layer_uid`` when it is given)."""
    return build_links(rows, layer_uid=layer_uid, timestamp=_iso)


@lru_cache(maxsize=4096)  # a bulk write gives thousands of links one timestamp
def _iso(text: str | None) -> str:
    """``2026-11-26 09:13:57.078123+00`` → ``2026-11-26T09:13:57.078Z`` (the GeoPackage format, as tl_iso)."""
    if not text:
        return ""
    fraction = "000"
    if len(text) > 19 and text[19] == ".":
        digits = text[20:].split("+", 1)[0].split("-", 1)[0]
        fraction = (digits + "000")[:3]
    return f"{text[:10]}T{text[11:19]}.{fraction}Z"
