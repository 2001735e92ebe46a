"""The exports as one call each, from a link store: used by Processing, the dialog and the task.

Resolves QGIS layers to the store's registered layers (unregistered ones are drawn
as background only), picks the goals (chosen ids, a catalogue's linked goals, or
every linked goal), and hands plain values to ``atlas.py`` and ``coverage_report.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsProject, QgsVectorLayer

from ..core.catalogues.tree import tree_order
from ..core.errors import ExportError
from ..core.i18n import tr
from ..core.identity import resolve_layer
from ..core.model import Catalogue, Goal, Link
from ..core.store.base import Store
from .atlas.build import AtlasOptions, add_to_project, build_atlas, export_atlas
from .atlas.data import AtlasLayer


@dataclass(frozen=True)
class ExportInputs:
    layers: list[AtlasLayer]
    catalogue: Catalogue | None
    goals: list[Goal]
    links: list[Link]
    catalogues: list[Catalogue]  # of the goals, in order


def atlas_layers_for(store: Store, layers: Sequence[QgsVectorLayer]) -> list[AtlasLayer]:
    """Registered layers show their links; the others are drawn as background."""
    result = []
    for layer in layers:
        record = resolve_layer(store, layer)
        if record is None:
            result.append(AtlasLayer(layer))
        else:
            result.append(AtlasLayer(layer, record.layer_uid, record.key_field))
    return result


def gather_inputs(
    store: Store,
    layers: Sequence[QgsVectorLayer],
    *,
    goal_ids: Sequence[str] = (),
    catalogue_id: str | None = None,
) -> ExportInputs:
    """Layers, goals (page order) and links for an export.

    ``goal_ids`` chosen: exactly those goals. Else a ``catalogue_id``: its goals
    that have links. Else every goal that has links in the chosen layers.
    """
    atlas_layers = atlas_layers_for(store, layers)
    uids = [layer.layer_uid for layer in atlas_layers if layer.linked]
    if not uids:
        raise ExportError(tr("None of the chosen layers is registered in the link store; there is nothing to export."))
    all_goals = store.goals(catalogue_id) if catalogue_id else store.goals()
    if catalogue_id and store.catalogue(catalogue_id) is None:
        raise ExportError(tr("The catalogue '{id}' is not in the link store.").format(id=catalogue_id))
    by_id = {goal.id: goal for goal in all_goals}
    if goal_ids:
        missing = [gid for gid in goal_ids if gid not in by_id]
        if missing:
            raise ExportError(tr("Unknown goals: {ids}.").format(ids=", ".join(missing)))
        links = store.links(uids, list(goal_ids))
        chosen = set(goal_ids)
    else:
        links = store.links(uids, None)
        chosen = {link.goal_id for link in links if link.goal_id in by_id}
        links = [link for link in links if link.goal_id in chosen]
    goals = [goal for goal in _ordered(all_goals) if goal.id in chosen]
    catalogue_ids = {goal.catalogue_id for goal in goals}
    catalogue = store.catalogue(catalogue_id or next(iter(catalogue_ids))) if len(catalogue_ids) == 1 else None
    catalogues = [c for c in store.catalogues() if c.id in catalogue_ids]
    return ExportInputs(atlas_layers, catalogue, goals, links, catalogues)


def _ordered(goals: Sequence[Goal]) -> list[Goal]:
    by_catalogue: dict[str, list[Goal]] = {}
    for goal in goals:
        by_catalogue.setdefault(goal.catalogue_id, []).append(goal)
    ordered: list[Goal] = []
    for members in by_catalogue.values():
        ordered.extend(tree_order(members))
    return ordered


def run_atlas_export(
    store: Store,
    layers: Sequence[QgsVectorLayer],
    output: str | Path,
    *,
    fmt: str = "pdf",
    dpi: int = 300,
    goal_ids: Sequence[str] = (),
    catalogue_id: str | None = None,
    template: str | None = None,
    municipality: str | None = None,
    project: QgsProject | None = None,
    keep_in_project: bool = False,
    feedback=None,
):
    """Build and write the atlas; returns ``(atlas, files)``.

    With ``keep_in_project`` the layout (and the layers it draws) is stored in
    ``project`` for the layout designer.
    """
    project = project or QgsProject.instance()
    inputs = gather_inputs(store, layers, goal_ids=goal_ids, catalogue_id=catalogue_id)
    options = AtlasOptions(
        template=template or AtlasOptions.template, municipality=municipality, include_unlinked_goals=bool(goal_ids)
    )
    atlas = build_atlas(
        inputs.layers,
        inputs.goals,
        inputs.links,
        catalogue=inputs.catalogue,
        catalogues=inputs.catalogues,
        options=options,
        project=project,
        feedback=feedback,
    )
    files = export_atlas(atlas, output, fmt, dpi=dpi, feedback=_Scaled(feedback, 20.0, 80.0))
    if keep_in_project:
        add_to_project(atlas, project)
    return atlas, files


def run_report_export(
    store: Store,
    layers: Sequence[QgsVectorLayer],
    output: str | Path,
    *,
    catalogue_id: str | None = None,
    project: QgsProject | None = None,
    feedback=None,
) -> list[Path]:
    """Write the coverage tables: ``output`` ``.xlsx``, or a folder for CSV files."""
    from .tables import build_report, read_areas, write_csv, write_xlsx

    atlas_layers = atlas_layers_for(store, layers)
    uids = [layer.layer_uid for layer in atlas_layers if layer.linked]
    if not uids:
        raise ExportError(tr("None of the chosen layers is registered in the link store; there is nothing to export."))
    goals = _ordered(store.goals(catalogue_id) if catalogue_id else store.goals())
    if not catalogue_id:
        enabled = {c.id for c in store.catalogues(include_disabled=False)}
        goals = [goal for goal in goals if goal.catalogue_id in enabled]
    areas = read_areas(atlas_layers, project, feedback)
    report = build_report(areas, goals, store.links(uids, None))
    output = Path(output)
    if output.suffix.lower() == ".xlsx":
        return [write_xlsx(report, output, feedback=feedback)]
    return write_csv(report, output, feedback=feedback)


class _Scaled:
    """A feedback view that maps 0–100 % onto ``start``…``start + span`` of another feedback."""

    def __init__(self, feedback, start: float, span: float):
        self._feedback, self._start, self._span = feedback, start, span

    def isCanceled(self) -> bool:
        return self._feedback is not None and self._feedback.isCanceled()

    def setProgress(self, value: float) -> None:
        if self._feedback is not None:
            self._feedback.setProgress(self._start + self._span * value / 100.0)
