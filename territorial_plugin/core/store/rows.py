"""Store rows → :class:`Link` values: the one builder both engines read links through."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from ..model import Link, SelectionLinks


def build_links(
    rows: Iterable[Sequence],
    *,
    layer_uid: str | None = None,
    timestamp: Callable[[str], str] | None = None,
) -> list[Link]:
    """:class:`Link` values from rows in the order of the link table's columns.

    ``rows`` are ``(layer_uid, feature_key, goal_id, stance, strength, motivation,
    organisation, created_by, created_at, updated_by, updated_at, row_version)``,
    or the same without the first column when ``layer_uid`` is given (a read of
    one layer need not fetch it). ``timestamp`` turns the engine's timestamp text
    into the stores' common ISO form.
    """
    if layer_uid is not None:
        rows = ((layer_uid, *row) for row in rows)
    if timestamp is None:
        return [Link(*row) for row in rows]
    return [Link(*row[:8], timestamp(row[8]), row[9], timestamp(row[10]), row[11]) for row in rows]


_STANCE_ORDER = {"supports": 0, "conflicts": 1, "neutral": 2}


def _summary(items: list, by_organisation: tuple = ()) -> SelectionLinks:
    """One summary from ``(stance, areas, min strength, max strength)`` parts of a goal's links."""
    stances: dict[str, list] = {}
    for stance, count, low, high in items:
        entry = stances.setdefault(stance, [0, low, high])
        entry[0] += count
        entry[1] = min(entry[1], low)
        entry[2] = max(entry[2], high)
    ordered = sorted(stances.items(), key=lambda item: (-item[1][0], _STANCE_ORDER.get(item[0], 3)))
    return SelectionLinks(
        sum(entry[0] for _, entry in ordered),
        tuple((stance, entry[0]) for stance, entry in ordered),
        min(entry[1] for _, entry in ordered),
        max(entry[2] for _, entry in ordered),
        by_organisation,
    )


def fold_selection_rows(rows: Iterable[Sequence], *, by_organisation: bool = False) -> dict[str, SelectionLinks]:
    """``(goal_id, stance, areas, min strength, max strength)`` rows → one summary per goal.

    ``by_organisation``: the rows are ``(goal_id, organisation, stance, …)``, and each summary
    also holds the same per organisation. An area has one link per goal, so the areas of the
    organisations add up to the goal's.
    """
    if not by_organisation:
        rows = ((goal_id, "", stance, count, low, high) for goal_id, stance, count, low, high in rows)
    parts: dict[str, dict[str, list]] = {}
    for goal_id, organisation, stance, count, low, high in rows:
        parts.setdefault(goal_id, {}).setdefault(organisation or "", []).append(
            (stance, int(count), int(low), int(high))
        )
    result = {}
    for goal_id, organisations in parts.items():
        if not by_organisation:
            result[goal_id] = _summary(organisations[""])
        elif len(organisations) == 1:
            ((organisation, items),) = organisations.items()
            own = _summary(items)
            result[goal_id] = replace(own, by_organisation=((organisation, own),))
        else:
            each = sorted(
                ((organisation, _summary(items)) for organisation, items in organisations.items()),
                key=lambda pair: (-pair[1].count, pair[0]),
            )
            result[goal_id] = _summary([item for items in organisations.values() for item in items], tuple(each))
    return result
