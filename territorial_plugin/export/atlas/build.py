"""The goal atlas: an overview page and one page per goal, built from a template.

Plain inputs first: layers (:class:`AtlasLayer`), the goals to show (``Goal``) and
the links (``Link``, as ``store.links(...)`` returns them). :func:`build_atlas`
prepares an :class:`Atlas`; :func:`export_atlas` writes it to PDF, PNG or SVG
(``printer.py``, ``layout_writer.py``); :func:`add_to_project` saves its
editable ``QgsPrintLayout`` in a project under a clear name so it can be
fine-tuned in the layout designer.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import QgsExpressionContextUtils, QgsPrintLayout, QgsProject, QgsVectorLayer

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.model import Catalogue, Goal, Link
from ..layout_writer import export_sequence
from ..templates import DEFAULT_TEMPLATE, GOAL, OVERVIEW, AtlasTemplate, template_path
from .data import AtlasData, AtlasLayer, collect_atlas_data
from .layers import build_goal_layer, overview_layer
from .map_style import pale_layer
from .pages import LAYOUT_PAGE_NUMBERS, LegendStandIns, PageBuilder, PageTexts
from .printer import AtlasPrinter

__all__ = ["Atlas", "AtlasLayer", "AtlasOptions", "add_to_project", "atlas_name", "build_atlas", "export_atlas"]

MUNICIPALITY_VARIABLE = "tl_municipality"


@dataclass(frozen=True)
class AtlasOptions:
    """How the atlas looks. ``None`` texts take their defaults (project variable, today…)."""

    template: str = DEFAULT_TEMPLATE  # bundled name or .qpt path
    municipality: str | None = None
    title: str | None = None
    date: str | None = None
    credits: str | None = None
    include_unlinked_goals: bool = False  # pages for chosen goals that have no links
    include_overview: bool = True


@dataclass
class Atlas:
    """A prepared atlas: what its pages show and the layers its maps draw (keep them alive):
    the linked areas and the legends' feature-less stand-ins.

    The editable layout that holds every page, for the project and the layout designer,
    is built when first asked for (:attr:`layout`). :func:`export_atlas` does not need
    it: it prints page by page as QGIS prints its own atlas (``printer.py``).
    """

    data: AtlasData
    name: str
    project: QgsProject
    template: AtlasTemplate
    texts: PageTexts
    goal_layers: list[QgsVectorLayer]
    stand_ins: LegendStandIns
    include_overview: bool = True
    _layout: QgsPrintLayout | None = field(default=None, repr=False)
    _printed_pages: int | None = field(default=None, repr=False)  # counted by the last export
    first_pages: dict[str, int] = field(default_factory=dict)  # goal id → its first page, set by the last export

    @property
    def atlas_layers(self) -> list[QgsVectorLayer]:
        return self.goal_layers + self.stand_ins.background + self.stand_ins.overview

    @property
    def layout(self) -> QgsPrintLayout:
        """The layout with every page, built on first use."""
        if self._layout is None:
            self._layout = self.build_layout()
        return self._layout

    @property
    def page_count(self) -> int:
        if self._layout is not None:
            return self._layout.pageCollection().pageCount()
        if self._printed_pages is None:
            self._printed_pages = AtlasPrinter(self).page_count
        return self._printed_pages

    def new_layout(self) -> QgsPrintLayout:
        layout = QgsPrintLayout(self.project)
        layout.setName(self.name)
        # no undo history for the hundreds of generated items (it costs time and memory);
        # the designer records the user's own changes afterwards as usual
        layout.undoStack().blockCommands(True)
        return layout

    def page_builder(self, layout: QgsPrintLayout, page_numbers: tuple[str, str] = LAYOUT_PAGE_NUMBERS) -> PageBuilder:
        return PageBuilder(layout, self.template, self.data, self.texts, self.goal_layers, self.stand_ins, page_numbers)

    def build_layout(self) -> QgsPrintLayout:
        """One editable layout with the overview, every goal page and the tables' continuation pages."""
        layout = self.new_layout()
        builder = self.page_builder(layout)
        builder.reserve_pages(([OVERVIEW] if self.include_overview else []) + [GOAL] * len(self.data.pages))
        if self.include_overview:
            builder.add_overview()
        for page in self.data.pages:
            builder.add_goal(page)
        builder.finish()
        layout.undoStack().blockCommands(False)
        return layout


def catalogue_text(catalogue: Catalogue | None, goals: Sequence[Goal]) -> str:
    if catalogue is None:
        ids = sorted({goal.catalogue_id for goal in goals})
        return ", ".join(ids)
    if catalogue.version:
        return tr("{name}, version {version}").format(name=catalogue.name, version=catalogue.version)
    return catalogue.name


def _names(catalogues: Sequence[Catalogue], goals: Sequence[Goal]) -> str:
    used = {goal.catalogue_id for goal in goals}
    return "; ".join(c.name for c in catalogues if c.id in used)


def atlas_name(catalogue: Catalogue | None, goals: Sequence[Goal] = ()) -> str:
    """The layout's name in the project, e.g. "Målatlas – Agenda 2030"."""
    if catalogue is None:
        return tr("Goal atlas – {catalogue}").format(catalogue=tr("several catalogues"))
    return tr("Goal atlas – {catalogue}").format(catalogue=catalogue.name)


def _overview_title(project: QgsProject, options: AtlasOptions) -> str:
    municipality = options.municipality if options.municipality is not None else project_municipality(project)
    return tr("Goal atlas – {municipality}").format(municipality=municipality) if municipality else tr("Goal atlas")


def project_municipality(project: QgsProject) -> str:
    """The project variable ``tl_municipality``, else the project's title."""
    value = QgsExpressionContextUtils.projectScope(project).variable(MUNICIPALITY_VARIABLE)
    return str(value) if value else project.title()


def _credits(layers: Sequence[AtlasLayer], catalogue: Catalogue | None) -> str:
    names = ", ".join(dict.fromkeys(layer.layer.name() for layer in layers))
    text = tr("Map data: {layers}.").format(layers=names)
    if catalogue is not None:
        source = catalogue.issuer or catalogue.source
        goals = f"{catalogue.name} ({source})" if source else catalogue.name
        text += " " + tr("Goals: {goals}.").format(goals=goals)
    return text + " " + tr("Links: Territorial Links for QGIS.")


def build_atlas(
    layers: Sequence[AtlasLayer],
    goals: Sequence[Goal],
    links: Sequence[Link],
    *,
    catalogue: Catalogue | None = None,
    catalogues: Sequence[Catalogue] = (),
    options: AtlasOptions | None = None,
    project: QgsProject | None = None,
    feedback=None,
    rule_marks: Mapping[tuple[str, str, str], str] | None = None,
) -> Atlas:
    """Prepare the atlas: its pages' data, the layers its maps draw and its texts.

    Nothing is added to any project. The layout with every page is built on first
    use of :attr:`Atlas.layout` (:func:`add_to_project` uses it); :func:`export_atlas`
    prints without it.

    ``catalogue`` names the atlas; when goals come from several catalogues, pass
    them as ``catalogues`` so every goal page names its own. ``rule_marks``:
    (layer uid, feature key, goal id) → name of the rule that made the link.
    """
    options = options or AtlasOptions()
    project = project or QgsProject.instance()
    template = AtlasTemplate(template_path(options.template))
    data = collect_atlas_data(
        layers,
        goals,
        links,
        catalogue=catalogue,
        catalogues=catalogues,
        include_unlinked_goals=options.include_unlinked_goals,
        project=project,
        feedback=feedback,
        rule_marks=rule_marks,
    )
    if not data.pages:
        raise ExportError(
            tr("None of the chosen goals has linked areas in the chosen layers; there is nothing to export.")
        )
    linked = [layer for layer in data.layers if layer.linked]
    goal_layers = [build_goal_layer(data, layer, number) for number, layer in enumerate(linked)]
    stand_ins = LegendStandIns(
        background=[
            pale_layer(layer.layer, tr("{layer} (legend)").format(layer=layer.layer.name())) for layer in data.layers
        ],
        overview=[
            overview_layer(data, layer, number, goal, tr("{layer} by goal (legend)").format(layer=goal.name()))
            for number, (layer, goal) in enumerate(zip(linked, goal_layers))
        ],
    )
    texts = PageTexts(
        title=options.title or _overview_title(project, options),
        municipality=options.municipality if options.municipality is not None else project_municipality(project),
        catalogue=catalogue_text(catalogue, goals) if catalogue or not catalogues else _names(catalogues, goals),
        goal_catalogues={c.id: catalogue_text(c, goals) for c in catalogues},
        date=options.date or _dt.date.today().isoformat(),
        credits=options.credits if options.credits is not None else _credits(layers, catalogue),
    )
    return Atlas(
        data,
        atlas_name(catalogue, goals),
        project,
        template,
        texts,
        goal_layers,
        stand_ins,
        include_overview=options.include_overview,
    )


def export_atlas(atlas: Atlas, output: str | Path, fmt: str = "pdf", *, dpi: int = 300, feedback=None) -> list[Path]:
    """Write ``atlas`` (PDF file, or a folder of PNG/SVG pages); nothing partial is left on failure.

    Printed page by page (``printer.py``); the pages are those of :attr:`Atlas.layout`.
    """
    # not kept in the atlas: the printer refers to it, and QGIS objects held in a reference
    # cycle may outlive QgsApplication (freed by the garbage collector at exit: a crash)
    printer = AtlasPrinter(atlas)
    printer.prepare(feedback)
    files = export_sequence(printer.steps(), output, fmt, dpi=dpi, stem=_file_stem(atlas.name), feedback=feedback)
    atlas._printed_pages = printer.page_count
    atlas.first_pages = printer.first_pages()
    return files


def _file_stem(name: str) -> str:
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "A", "Ä": "A", "Ö": "O"})
    stem = "".join(c if c.isalnum() else "_" for c in name.translate(table)).strip("_")
    while "__" in stem:
        stem = stem.replace("__", "_")
    return stem.lower() or "atlas"


def atlas_group_name(layout_name: str) -> str:
    """The switched-off layer group that holds a kept atlas's layers."""
    return tr("Goal atlas layers – {name}").format(name=layout_name)


def add_to_project(atlas: Atlas, project: QgsProject) -> QgsPrintLayout:
    """Store the layout in ``project`` (replacing one of the same name) with the layers it draws.

    The atlas layers go into a layer-tree group that is switched off, so the
    project's own map is unchanged while the layout still renders in the designer.
    """
    manager = project.layoutManager()
    existing = manager.layoutByName(atlas.name)
    if existing is not None:
        manager.removeLayout(existing)
    root = project.layerTreeRoot()
    group_name = atlas_group_name(atlas.name)
    old_group = root.findGroup(group_name)
    if old_group is not None:
        for layer_id in old_group.findLayerIds():
            project.removeMapLayer(layer_id)
        root.removeChildNode(old_group)
    group = root.addGroup(group_name)
    for layer in atlas.atlas_layers:
        if project.addMapLayer(layer, False) is None:
            raise ExportError(
                tr("The atlas layer '{name}' could not be added to the project.").format(name=layer.name())
            )
        group.addLayer(layer)
    group.setItemVisibilityChecked(False)
    group.setExpanded(False)
    manager.addLayout(atlas.layout)
    return atlas.layout
