"""The exports as one call each, from a link store: used by Processing, the dialog and the task.

An atlas export reads the store once (:func:`gather_inputs`: which chosen layers are
registered, the goals in page order, their links and catalogues) into plain values,
and everything after works from those: the written file and, on the main thread,
the layout kept in the project (:func:`keep_atlas`), so both show the same pages.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsPrintLayout, QgsProject, QgsVectorLayer

from ..core.catalogues.tree import tree_order
from ..core.errors import ExportError
from ..core.i18n import tr
from ..core.identity import resolve_layer
from ..core.model import Catalogue, Goal, Link
from ..core.store.base import Store
from .atlas.build import Atlas, AtlasOptions, add_to_project, build_atlas, export_atlas
from .atlas.data import AtlasLayer


@dataclass(frozen=True)
class ExportInputs:
    """What an export reads from the store, as plain values (they may pass from a task to the main thread)."""

    # per chosen layer, in the order given: (layer uid, key field), or None for a background layer
    registrations: tuple[tuple[str, str] | None, ...]
    catalogue: Catalogue | None
    goals: tuple[Goal, ...]  # in page order
    links: tuple[Link, ...]
    catalogues: tuple[Catalogue, ...]  # of the goals, in order
    # (layer uid, feature key, goal id, rule name) of every rule-made link: the atlas names the rule
    rule_marks: tuple[tuple[str, str, str, str], ...] = ()

    def atlas_layers(self, layers: Sequence[QgsVectorLayer]) -> list[AtlasLayer]:
        """``layers`` (those read, or copies of them in the same order) with their registrations."""
        if len(layers) != len(self.registrations):
            raise ValueError("the layers are not those the inputs were read for")
        return _atlas_layers(layers, self.registrations)


@dataclass(frozen=True)
class AtlasExport:
    """A written atlas: its files, what it counts, and the inputs and options it was made from."""

    files: list[Path]
    pages: int
    goal_pages: int
    inputs: ExportInputs
    options: AtlasOptions
    layout: QgsPrintLayout | None = None  # the layout kept in the project, when one was


def _atlas_layers(layers: Sequence[QgsVectorLayer], registrations: Sequence) -> list[AtlasLayer]:
    return [AtlasLayer(layer, *(registration or ())) for layer, registration in zip(layers, registrations)]


def _registrations(store: Store, layers: Sequence[QgsVectorLayer]) -> tuple[tuple[str, str] | None, ...]:
    """Registered layers show their links; the others are drawn as background."""
    records = [resolve_layer(store, layer) for layer in layers]
    registrations = tuple(None if record is None else (record.layer_uid, record.key_field) for record in records)
    if not any(registrations):
        raise ExportError(tr("None of the chosen layers is registered in the link store; there is nothing to export."))
    return registrations


def gather_inputs(
    store: Store,
    layers: Sequence[QgsVectorLayer],
    *,
    goal_ids: Sequence[str] = (),
    catalogue_id: str | None = None,
) -> ExportInputs:
    """Layers, goals (page order) and links for an export: the export's one read of the store.

    ``goal_ids`` chosen: exactly those goals. Else a ``catalogue_id``: its goals
    that have links. Else every goal that has links in the chosen layers.
    """
    registrations = _registrations(store, layers)
    uids = [registration[0] for registration in registrations if registration]
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
    catalogues = tuple(c for c in store.catalogues() if c.id in catalogue_ids)
    catalogue = None
    if len(catalogue_ids) == 1:
        wanted = catalogue_id or next(iter(catalogue_ids))
        catalogue = next((c for c in catalogues if c.id == wanted), None)
    marks = tuple((uid, key, goal, name) for uid in uids for (key, goal), name in store.rule_marks(uid).items())
    return ExportInputs(registrations, catalogue, tuple(goals), tuple(links), catalogues, marks)


def _ordered(goals: Sequence[Goal]) -> list[Goal]:
    by_catalogue: dict[str, list[Goal]] = {}
    for goal in goals:
        by_catalogue.setdefault(goal.catalogue_id, []).append(goal)
    ordered: list[Goal] = []
    for members in by_catalogue.values():
        ordered.extend(tree_order(members))
    return ordered


def build_atlas_from(
    inputs: ExportInputs,
    layers: Sequence[QgsVectorLayer],
    options: AtlasOptions,
    project: QgsProject,
    feedback=None,
) -> Atlas:
    """The atlas of ``inputs`` drawn with ``layers`` (those the inputs were read for, or copies)."""
    return build_atlas(
        inputs.atlas_layers(layers),
        inputs.goals,
        inputs.links,
        catalogue=inputs.catalogue,
        catalogues=inputs.catalogues,
        options=options,
        project=project,
        feedback=feedback,
        rule_marks={(uid, key, goal): name for uid, key, goal, name in inputs.rule_marks},
    )


def keep_atlas(
    inputs: ExportInputs, layers: Sequence[QgsVectorLayer], options: AtlasOptions, project: QgsProject
) -> QgsPrintLayout:
    """Save the atlas's editable layout in ``project``, from the inputs an export read (no store needed)."""
    return add_to_project(build_atlas_from(inputs, layers, options, project), project)


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
    feedback=None,
) -> AtlasExport:
    """Read the store once, then build and write the atlas (PDF file, or a folder of PNG/SVG pages)."""
    project = project or QgsProject.instance()
    inputs = gather_inputs(store, layers, goal_ids=goal_ids, catalogue_id=catalogue_id)
    options = AtlasOptions(
        template=template or AtlasOptions.template,
        municipality=municipality,
        date=_dt.date.today().isoformat(),  # fixed here: a layout kept from these inputs later carries the same
        include_unlinked_goals=bool(goal_ids),
    )
    atlas = build_atlas_from(inputs, layers, options, project, feedback)
    files = export_atlas(atlas, output, fmt, dpi=dpi, feedback=_Scaled(feedback, 20.0, 80.0))
    return AtlasExport(files, atlas.page_count, len(atlas.data.pages), inputs, options)


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

    registrations = _registrations(store, layers)
    uids = [registration[0] for registration in registrations if registration]
    goals = _ordered(store.goals(catalogue_id) if catalogue_id else store.goals())
    if not catalogue_id:
        enabled = {c.id for c in store.catalogues(include_disabled=False)}
        goals = [goal for goal in goals if goal.catalogue_id in enabled]
    areas = read_areas(_atlas_layers(layers, registrations), project, feedback)
    marks = {(uid, key, goal): name for uid in uids for (key, goal), name in store.rule_marks(uid).items()}
    report = build_report(areas, goals, store.links(uids, None), store.catalogues(), marks)
    output = Path(output)
    if output.suffix.lower() == ".xlsx":
        return [write_xlsx(report, output, feedback=feedback)]
    return write_csv(report, output, feedback=feedback)


def run_areas_export(
    store: Store,
    layers: Sequence[QgsVectorLayer],
    output: str | Path,
    *,
    goal_ids: Sequence[str] = (),
    catalogue_id: str | None = None,
    project: QgsProject | None = None,
    feedback=None,
) -> list[Path]:
    """One section per linked area for the plan description: ``output`` ``.pdf`` (a page per
    area with a locator map) or ``.xlsx`` (a row per area and goal); one read of the store."""
    from .area_sections import collect_sections, write_sections_pdf, write_sections_xlsx

    project = project or QgsProject.instance()
    inputs = gather_inputs(store, layers, goal_ids=goal_ids, catalogue_id=catalogue_id)
    sections, crs = collect_sections(inputs.atlas_layers(layers), inputs.goals, inputs.links, project, feedback)
    output = Path(output)
    if output.suffix.lower() == ".xlsx":
        return [write_sections_xlsx(sections, output)]
    return [write_sections_pdf(sections, crs, list(layers), output.with_suffix(".pdf"), project, feedback)]


class _Scaled:
    """A feedback view that maps 0–100 % onto ``start``…``start + span`` of another feedback."""

    def __init__(self, feedback, start: float, span: float):
        self._feedback, self._start, self._span = feedback, start, span

    def isCanceled(self) -> bool:
        return self._feedback is not None and self._feedback.isCanceled()

    def setProgress(self, value: float) -> None:
        if self._feedback is not None:
            self._feedback.setProgress(self._start + self._span * value / 100.0)
