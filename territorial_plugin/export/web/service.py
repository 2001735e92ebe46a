"""The web atlas from a link store in one call (used by ``territorial:exportweb`` and the export dialog)."""

from __future__ import annotations

import datetime as _dt
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsProject, QgsVectorLayer

from ...core.i18n import tr
from ...core.labels import goal_description_text, goal_label, goal_title_text
from ...core.store.base import Store
from ..atlas.build import AtlasOptions, export_atlas, project_municipality
from ..service import build_atlas_from, gather_inputs
from .areas import read_web_areas
from .page import STANCES, WebTexts, page_data, write_page

#: metres: outlines simplified this much stay true at the scale of a municipality map
DEFAULT_TOLERANCE = 5.0
PDF_NAME = "malatlas.pdf"


@dataclass(frozen=True)
class WebExport:
    """A written web atlas: its files and what it holds."""

    files: list[Path]
    index: Path
    areas: int
    goals: int
    pdf: Path | None = None


def run_web_export(
    store: Store,
    layers: Sequence[QgsVectorLayer],
    output: str | Path,
    *,
    goal_ids: Sequence[str] = (),
    tolerance: float = DEFAULT_TOLERANCE,
    with_pdf: bool = False,
    municipality: str | None = None,
    project: QgsProject | None = None,
    feedback=None,
) -> WebExport:
    """Write the web atlas of ``layers`` into the folder ``output``.

    ``goal_ids`` empty: every goal with links. ``with_pdf``: the goal atlas is written
    beside the page (:data:`PDF_NAME`) and every goal links to its page in it.
    """
    project = project or QgsProject.instance()
    inputs = gather_inputs(store, layers, goal_ids=goal_ids)
    catalogues = {c.id: c for c in inputs.catalogues}
    first_pages: dict[str, int] = {}
    extra: dict[str, Path] = {}
    scratch = tempfile.TemporaryDirectory(prefix="tl-web-")
    try:
        if with_pdf and inputs.links:
            atlas = build_atlas_from(inputs, layers, AtlasOptions(municipality=municipality), project, feedback)
            pdf = export_atlas(atlas, Path(scratch.name) / PDF_NAME, feedback=feedback)[0]
            first_pages = atlas.first_pages
            extra[PDF_NAME] = pdf
        goal_index = {goal.id: n for n, goal in enumerate(inputs.goals)}
        goals = [
            {
                "id": goal.id,
                "label": goal_label(goal, catalogues.get(goal.catalogue_id), title=False),
                "title": goal_title_text(goal),
                "description": goal_description_text(goal, catalogues.get(goal.catalogue_id)),
                "page": first_pages.get(goal.id),
            }
            for goal in inputs.goals
        ]
        stance_index = {stance: n for n, stance in enumerate(STANCES)}
        rules = {(uid, key, goal): name for uid, key, goal, name in inputs.rule_marks}
        links: dict[tuple[str, str], list] = {}
        for link in inputs.links:
            if link.goal_id in goal_index:
                # the linking rule that made the link ("" = a planner's), as the PDF atlas names it
                rule = rules.get((link.layer_uid, link.feature_key, link.goal_id), "")
                links.setdefault((link.layer_uid, link.feature_key), []).append(
                    [
                        goal_index[link.goal_id],
                        stance_index.get(link.stance, 2),
                        int(link.strength),
                        link.motivation,
                        rule,
                    ]
                )
        areas = []
        for number, (layer, registration) in enumerate(zip(layers, inputs.registrations)):
            uid, key_field = registration or (None, None)
            for area in read_web_areas(layer, number, key_field, tolerance, project, feedback):
                area_links = links.get((uid, area.key), []) if uid else []
                areas.append([area.layer, area.key, area.name, area.category, area.polygons, area_links])
        place = municipality if municipality is not None else project_municipality(project)
        title = tr("Goal atlas – {municipality}").format(municipality=place) if place else tr("Goal atlas")
        texts = WebTexts(title, place, _dt.date.today().isoformat())
        data = page_data(texts, [layer.name() for layer in layers], goals, areas, PDF_NAME if extra else None)
        files = write_page(Path(output), data, extra, feedback)
    finally:
        scratch.cleanup()
    output = Path(output)
    return WebExport(files, output / "index.html", len(areas), len(goals), output / PDF_NAME if extra else None)
