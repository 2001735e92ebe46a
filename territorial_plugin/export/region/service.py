"""Run the regional report: gather once, then write the workbook or the atlas."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from qgis.core import QgsProject, QgsVectorLayer

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.store.base import Store
from .data import RegionalData, gather_regional_data


def run_regional_report(
    store: Store,
    output: str | Path,
    *,
    goal_ids: Sequence[str] | None = None,
    distance: float = 2000.0,
    boundaries: QgsVectorLayer | None = None,
    project: QgsProject | None = None,
    feedback=None,
) -> tuple[Path, RegionalData]:
    """Write the report to ``output`` (.xlsx workbook or .pdf atlas); returns the file and what it shows."""
    output = Path(output)
    suffix = output.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ExportError(tr("The regional report is written as .xlsx or .pdf, not {name}.").format(name=output.name))
    data = gather_regional_data(store, goal_ids, distance, project=project, feedback=feedback)
    if suffix == ".xlsx":
        from .tables import build_tables
        from .xlsx import write_regional_xlsx

        return write_regional_xlsx(build_tables(data), output, feedback=feedback), data
    from .atlas import export_regional_atlas

    return export_regional_atlas(data, output, boundaries=boundaries, project=project, feedback=feedback), data
