"""Compare a municipality's last two deliveries in the region's store, as two plan stages are compared.

Every import is kept as a plan stage of its organisation (``core/region/delivery/stage.py``),
so this is ``comparestages`` on those two stages: the same workbook or PDF.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProject

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.region.delivery.stage import delivery_stages
from ...core.store.base import Store
from ..stages.service import StageReport, run_stage_comparison


def compare_deliveries(
    store: Store, organisation: str, output: str | Path, *, project: QgsProject | None = None, feedback=None
) -> StageReport:
    """What changed from ``organisation``'s second-to-last delivery to its last, written to ``output``
    (.xlsx or .pdf)."""
    organisation = (organisation or "").strip()
    kept = delivery_stages(store.stages(), organisation)
    if len(kept) < 2:
        raise ExportError(
            tr(
                "The region's store keeps {count} deliveries from '{organisation}'; comparing needs two. "
                "Deliveries imported before this version of the plugin are not kept."
            ).format(count=len(kept), organisation=organisation)
        )
    before, after = kept[-2].name, kept[-1].name
    return run_stage_comparison(store, before, after, [], output, project=project, feedback=feedback)


def comparison_path(report_output: str | Path, organisation: str) -> Path:
    """Where the comparison goes when no file is given: beside the report, in the same format."""
    output = Path(report_output)
    return output.with_name(f"{output.stem}_{organisation}_jamforelse{output.suffix}")
