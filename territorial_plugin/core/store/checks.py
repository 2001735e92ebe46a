"""Checks every store engine applies before writing (the databases check again).

Engine-neutral: the GeoPackage and PostgreSQL engines raise the same translated
messages for the same bad input.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence

from ..errors import CatalogueError, StoreError
from ..i18n import tr
from ..model import STRENGTH_MAX, STRENGTH_MIN, Catalogue, Goal, Level, Link, Stance


def check_spec(stance: str | None, strength: int | None) -> None:
    """The same rules as the database's CHECKs, with a message a planner understands."""
    if stance is not None and stance not in {s.value for s in Stance}:
        raise StoreError(tr("'{stance}' is not a stance. Use supports, conflicts or neutral.").format(stance=stance))
    if strength is not None and (
        isinstance(strength, bool) or not isinstance(strength, int) or not STRENGTH_MIN <= strength <= STRENGTH_MAX
    ):
        raise StoreError(
            tr("Strength must be a whole number from {low} to {high}, not '{value}'.").format(
                low=STRENGTH_MIN, high=STRENGTH_MAX, value=strength
            )
        )


def key_text(value) -> str:
    """A feature key as stored: text, never empty."""
    if value is None:
        raise StoreError(tr("A feature has no key value; it cannot be linked. Check the layer's key field."))
    text = value if isinstance(value, str) else str(value)
    if not text:
        raise StoreError(tr("A feature has an empty key value; it cannot be linked. Check the layer's key field."))
    return text


def check_catalogue(catalogue: Catalogue, goals: Sequence[Goal]) -> None:
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


def build_links(
    rows: Iterable[Sequence],
    *,
    layer_uid: str | None = None,
    timestamp: Callable[[str], str] | None = None,
) -> list[Link]:
    """:class:`Link` values from store rows, built cheaply enough for a million of them.

    ``rows`` are ``(layer_uid, feature_key, goal_id, stance, strength, motivation,
    organisation, created_by, created_at, updated_by, updated_at, row_version)``,
    or the same without the first column when ``layer_uid`` is given (a read of
    one layer need not fetch it). ``timestamp`` reshapes the engine's timestamp
    text (once per distinct value, as far as the bounded cache reaches).

    Why not ``Link(*row)`` (measured on 1 000 000 links, 2 cores):

    - the frozen dataclass's ``__init__`` sets field by field through
      ``object.__setattr__``, several times the cost of filling the instance dict;
    - the database drivers return a new string object for every value, so a
      million links held a million copies of the same goal id, stance, user and
      bulk-write timestamp; equal values are shared here (about half the memory);
    - the cyclic garbage collector ran full passes over the growing list, about
      40 % of the time; links hold only strings and ints (no cycles), so it is
      paused while they are built and restored after.

    The result is equal to, and hashes as, ``Link(*row)``.
    """
    shared: dict = {}
    same = shared.setdefault
    stamps: dict[str, str] = {}
    new = object.__new__
    links: list[Link] = []
    append = links.append
    prefix = (layer_uid,) if layer_uid is not None else None
    collecting = gc.isenabled()
    gc.disable()
    try:
        for row in rows:
            if prefix is not None:
                row = prefix + tuple(row)
            uid, key, goal, stance, strength, motivation, organisation, by, created, updated_by, updated, ver = row
            if len(shared) > _SHARED_MAX:  # unique motivations must not grow it without bound
                shared.clear()
                stamps.clear()
            if timestamp is not None:
                created = stamps[created] if created in stamps else stamps.setdefault(created, timestamp(created))
                updated = stamps[updated] if updated in stamps else stamps.setdefault(updated, timestamp(updated))
            link = new(Link)
            values = link.__dict__
            values["layer_uid"] = same(uid, uid)
            values["feature_key"] = key
            values["goal_id"] = same(goal, goal)
            values["stance"] = same(stance, stance)
            values["strength"] = strength
            values["motivation"] = same(motivation, motivation)
            values["organisation"] = same(organisation, organisation)
            values["created_by"] = same(by, by)
            values["created_at"] = same(created, created)
            values["updated_by"] = same(updated_by, updated_by)
            values["updated_at"] = same(updated, updated)
            values["row_version"] = ver
            append(link)
    finally:
        if collecting:
            gc.enable()
    return links


_SHARED_MAX = 50_000  # distinct values kept for sharing in build_links
