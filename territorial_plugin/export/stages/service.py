"""``comparestages`` as one call: read the two stages (or a stage and now), compare, write XLSX or PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.stages.compare import Comparison, compare
from ...core.stages.service import stage_snapshots
from ...core.store.base import Store
from .rows import Context, area_rows, goal_rows, link_rows, orphan_rows


@dataclass(frozen=True)
class StageReport:
    """A written comparison: its file, what it found, and the PDF's page count (0 for a workbook)."""

    path: Path
    comparison: Comparison
    pages: int = 0


def run_stage_comparison(
    store: Store,
    before: str,
    after: str | None,
    layers: Sequence[QgsVectorLayer],
    output: str | Path,
    *,
    project: QgsProject | None = None,
    feedback=None,
) -> StageReport:
    """Compare and write ``output``: ``.xlsx`` (every change) or ``.pdf`` (a page per goal that changed)."""
    output = Path(output)
    suffix = output.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ExportError(tr("Write the comparison to a .xlsx or a .pdf file, not {name}.").format(name=output.name))
    old, new, uids = stage_snapshots(store, before, after, layers, project=project, feedback=feedback)
    goals = store.goals()
    # goals in catalogue order (as the atlas shows them), not in the order of their ids ("11" before "7")
    order = {goal.id: index for index, goal in enumerate(goals)}
    comparison = compare(old, new, uids)
    comparison = replace(
        comparison, goals=tuple(sorted(comparison.goals, key=lambda b: order.get(b.goal_id, len(order))))
    )
    layer_names = {layer.layer_uid: layer.name for layer in store.layers()}
    for stage in {before, after} - {None, ""}:
        layer_names.update({x.layer_uid: x.name for x in store.stage_layers(stage)})
    catalogues = {catalogue.id: catalogue for catalogue in store.catalogues()}
    context = Context({goal.id: goal for goal in goals}, layer_names, old, new, catalogues)
    if suffix == ".xlsx":
        from .workbook import write_workbook

        sheets = [
            goal_rows(comparison, context),
            link_rows(comparison, context),
            area_rows(comparison, context),
            orphan_rows(comparison, context),
        ]
        return StageReport(write_workbook(sheets, output, feedback=feedback), comparison)
    from .pages import write_pdf

    pages = write_pdf(
        comparison,
        context,
        output,
        crs=_crs(store, before, layers),
        project=project or QgsProject.instance(),
        feedback=feedback,
    )
    return StageReport(output, comparison, pages)


def _crs(store: Store, stage: str, layers: Sequence[QgsVectorLayer]) -> QgsCoordinateReferenceSystem:
    """The maps' CRS: the first chosen layer's, else the first frozen layer's."""
    for layer in layers:
        if layer.crs().isValid():
            return layer.crs()
    frozen = store.stage_layers(stage)
    return QgsCoordinateReferenceSystem.fromWkt(frozen[0].crs) if frozen else QgsCoordinateReferenceSystem("EPSG:3006")
