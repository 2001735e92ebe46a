"""The catalogues that ship with the plugin (``resources/catalogues/<id>.json``).

They are built from public facts by ``tools/build_catalogues.py`` (see
``catalogue_format`` for the file format) and loaded here without pandas, so the
dock and ``qgis_process`` can list them cheaply.
"""

from __future__ import annotations

import json
from functools import cache

from ...paths import resource
from ..errors import CatalogueError
from ..i18n import tr
from ..model import Catalogue, Goal
from .json_format import catalogue_from_dict
from .tree import GoalRow, build_goals

#: ids in the order the plugin offers them; ``all`` as INPUT means every one of them
BUNDLED_IDS = ("agenda2030", "miljomal", "nrs2030", "rus_ac_2030", "strukturbild_example")
ALL = "all"


def is_bundled(name: str) -> bool:
    return name.strip() in BUNDLED_IDS or name.strip().lower() == ALL


def _path(catalogue_id: str):
    return resource("catalogues", f"{catalogue_id}.json")


@cache
def _load(catalogue_id: str) -> tuple[Catalogue, tuple[Goal, ...]]:
    if catalogue_id not in BUNDLED_IDS:
        raise CatalogueError(
            tr("'{name}' is not a bundled catalogue; bundled are: {names}.").format(
                name=catalogue_id, names=", ".join(BUNDLED_IDS)
            )
        )
    path = _path(catalogue_id)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CatalogueError(
            tr("The bundled catalogue file {path} cannot be read: {error}").format(path=path, error=error)
        ) from error
    catalogue = catalogue_from_dict(data["catalogue"])
    rows = [
        GoalRow(
            row=number,
            code=item["code"],
            parent=item.get("parent", ""),
            title_sv=item.get("title_sv", ""),
            title_en=item.get("title_en", ""),
            description=item.get("description", ""),
            order=item.get("order"),
            kind=item.get("kind", ""),
        )
        for number, item in enumerate(data["goals"], 1)
    ]
    return catalogue, tuple(build_goals(catalogue.id, rows))


def load_bundled(catalogue_id: str) -> tuple[Catalogue, list[Goal]]:
    """The bundled catalogue ``catalogue_id`` and its goals (parents first)."""
    catalogue, goals = _load(catalogue_id.strip())
    return catalogue, list(goals)


def bundled_catalogues() -> list[Catalogue]:
    """Metadata of every bundled catalogue, in :data:`BUNDLED_IDS` order."""
    return [_load(catalogue_id)[0] for catalogue_id in BUNDLED_IDS]


def resolve_names(name: str) -> list[str]:
    """``"all"`` → every bundled id; a bundled id → itself; otherwise a CatalogueError."""
    name = name.strip()
    if name.lower() == ALL:
        return list(BUNDLED_IDS)
    _load(name)  # raises for an unknown name
    return [name]


#: bundled catalogues whose goal descriptions are English originals (Agenda 2030's
#: goal texts come from open-sdg in English; see the catalogue's source)
_ENGLISH_DESCRIPTIONS = ("agenda2030",)


@cache
def english_descriptions(catalogue_id: str) -> frozenset[str]:
    """The descriptions a bundled catalogue ships in English (empty for other catalogues).

    Matched by text, so a revision that brings Swedish descriptions is no longer marked.
    """
    if catalogue_id not in _ENGLISH_DESCRIPTIONS:
        return frozenset()
    return frozenset(goal.description for goal in _load(catalogue_id)[1] if goal.description)
