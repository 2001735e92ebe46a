"""Counts and hectares per goal for the active layer, computed off the GUI thread.

A store with a million links takes seconds to read; the panel must not wait for
it. The task opens its own connection to the store (a database connection
belongs to the thread that opened it), aggregates the layer's links with the
areas from the key table (measured as ``core/coverage.py`` measures), and hands
the totals back to the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsTask

from ...core.errors import TerritorialError
from ...core.i18n import tr
from ...core.model import Stance
from ...core.store import open_store


@dataclass
class PanelCoverage:
    """Per goal (linked features of the layer, their area in ha, conflicts), and areas without goals."""

    by_goal: dict[str, tuple[int, float, int]] = field(default_factory=dict)
    unlinked_keys: list[str] = field(default_factory=list)


def aggregate(links, areas: dict[str, float]) -> PanelCoverage:
    """Totals over ``links`` of one layer; links whose key is not in ``areas`` (orphans) are left out.

    ``links``: :class:`Link` objects or ``(feature_key, goal_id, stance)`` tuples
    (``Store.link_stances``, the narrow read the task uses).
    """
    totals: dict[str, list] = {}
    linked: set[str] = set()
    conflicts = Stance.CONFLICTS.value
    for link in links:
        key, goal, stance = link if isinstance(link, tuple) else (link.feature_key, link.goal_id, link.stance)
        area = areas.get(key)
        if area is None:
            continue
        linked.add(key)
        entry = totals.setdefault(goal, [0, 0.0, 0])
        entry[0] += 1
        entry[1] += area
        if stance == conflicts:
            entry[2] += 1
    return PanelCoverage(
        {goal: (n, area, conflicts) for goal, (n, area, conflicts) in totals.items()},
        sorted(set(areas) - linked),
    )


class CoverageTask(QgsTask):
    def __init__(self, uri: str, layer_uid: str, layer_name: str, areas: dict[str, float]):
        super().__init__(tr("Counting the linked areas of {layer}").format(layer=layer_name), QgsTask.Flag.CanCancel)
        self.uri = uri
        self.layer_uid = layer_uid
        self.areas = dict(areas)  # a copy: the key table may be rebuilt meanwhile
        self.result: PanelCoverage | None = None
        self.error = ""

    def run(self) -> bool:
        try:
            store = open_store(self.uri)
        except TerritorialError as error:
            self.error = str(error)
            return False
        try:
            # three columns, not full Link objects: a million links must not take half a minute
            links = store.link_stances(self.layer_uid)
        except TerritorialError as error:
            self.error = str(error)
            return False
        finally:
            store.close()
        if self.isCanceled():
            return False
        self.result = aggregate(links, self.areas)
        return True
