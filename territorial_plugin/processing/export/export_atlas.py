"""``territorial:exportatlas``: the goal atlas (overview + one page per goal) to PDF, PNG or SVG."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...compat import qgis_enum
from ...core.i18n import tr
from ...export.templates import BUNDLED_TEMPLATES, DEFAULT_TEMPLATE
from ..base import TerritorialAlgorithm
from ..params import default_to_registered_layers, parse_goal_ids, store_parameter, store_uri
from ..stages.stage_param import stage_help, stage_parameter, stage_source

FORMATS = ["pdf", "png", "svg"]


class ExportAtlasAlgorithm(TerritorialAlgorithm):
    group_id = "export"

    def name(self) -> str:
        return "exportatlas"

    def displayName(self) -> str:
        return tr("Export goal atlas")

    def help_text(self) -> str:
        return self._help_now() + "\n\n" + stage_help()

    def _help_now(self) -> str:
        return tr(
            "Writes the goal atlas for the plan description: an overview page (map of every linked goal, legend and a "
            "bar chart of linked area per goal, supports and conflicts apart) and one page per goal (map with the "
            "goal's areas highlighted over the land use, legend, scale bar, north arrow, the goal's code, title and "
            "description, and a table of the linked areas with stance, strength and motivation, continued on further "
            "pages when long).\n\n{STORE}: GeoPackage file or postgres:&lt;connection&gt;. {LAYERS}: the land-use "
            "layers; layers not registered in the store are drawn as background. {GOALS}: goal ids separated by commas "
            "(e.g. agenda2030:11,agenda2030:15); empty: every goal with links (of {CATALOGUE}, when given). "
            "{TEMPLATE}: {names} or the path of your own .qpt (see the documented item ids). {FORMAT}: pdf (vector, "
            "fonts embedded), png (one file per page at {DPI}) or svg. {OUTPUT}: the .pdf file, or a folder for "
            "png/svg. The municipality printed on every page is {MUNICIPALITY}, or else the variable tl_municipality "
            "of {PROJECT}. {PROJECT}: a .qgs/.qgz whose layers with the same data sources lend their styles and names "
            "to the map."
        )

    def help_values(self) -> dict[str, str]:
        return {"names": ", ".join(BUNDLED_TEMPLATES)}

    def flags(self):
        # layouts and the project's layers are used on the main thread, as QGIS's own layout algorithms do
        return super().flags() | qgis_enum(
            "Qgis.ProcessingAlgorithmFlag.NoThreading", "QgsProcessingAlgorithm.Flag.FlagNoThreading"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_parameter())
        self.addParameter(
            default_to_registered_layers(
                QgsProcessingParameterMultipleLayers(
                    "LAYERS", tr("Land-use layers"), QgsProcessing.SourceType.TypeVectorAnyGeometry
                )
            )
        )
        self.addParameter(QgsProcessingParameterString("GOALS", tr("Goals (ids, comma separated)"), optional=True))
        self.addParameter(QgsProcessingParameterString("CATALOGUE", tr("Catalogue id"), optional=True))
        self.addParameter(
            QgsProcessingParameterString("TEMPLATE", tr("Layout template (name or .qpt file)"), DEFAULT_TEMPLATE)
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "PROJECT",
                tr("Project for styles and municipality (optional)"),
                QgsProcessingParameterFile.Behavior.File,
                "qgs",
                optional=True,
                fileFilter=tr("QGIS projects (*.qgs *.qgz)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "MUNICIPALITY", tr("Municipality (empty: project variable tl_municipality)"), optional=True
            )
        )
        self.addParameter(QgsProcessingParameterEnum("FORMAT", tr("Format"), FORMATS, defaultValue=0))
        dpi = QgsProcessingParameterNumber(
            "DPI", tr("Resolution (dpi)"), qgis_enum(
                "Qgis.ProcessingNumberParameterType.Integer", "QgsProcessingParameterNumber.Type.Integer"
            ), 300, False, 30, 1200
        )  # fmt: skip
        self.addParameter(dpi)
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", tr("Atlas (PDF file, or folder for PNG/SVG)"), tr("PDF (*.pdf)")
            )
        )
        self.addParameter(stage_parameter())
        self.addOutput(QgsProcessingOutputFile("OUTPUT", tr("Atlas")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Number of pages")))

    def execute(self, parameters, context, feedback) -> dict:
        from pathlib import Path

        from ...core.store import open_store
        from ...export.service import run_atlas_export

        uri = store_uri(self, parameters, context)
        layers = self.parameterAsLayerList(parameters, "LAYERS", context)
        goal_ids = parse_goal_ids(self.parameterAsString(parameters, "GOALS", context))
        catalogue_id = self.parameterAsString(parameters, "CATALOGUE", context).strip() or None
        template = self.parameterAsString(parameters, "TEMPLATE", context).strip() or DEFAULT_TEMPLATE
        fmt = FORMATS[self.parameterAsEnum(parameters, "FORMAT", context)]
        dpi = self.parameterAsInt(parameters, "DPI", context)
        output = Path(self.parameterAsFileOutput(parameters, "OUTPUT", context))
        if fmt != "pdf" and output.suffix:
            output = output.with_suffix("")  # a folder of pages
        project = context.project()
        municipality = self.parameterAsString(parameters, "MUNICIPALITY", context).strip() or None
        project_path = self.parameterAsFile(parameters, "PROJECT", context)
        styled = None
        if project_path:
            styled = _read_project(project_path)
            layers = [_project_layer(styled, layer) for layer in layers]
            project = styled
        stage = self.parameterAsString(parameters, "STAGE", context).strip()
        with open_store(uri) as store:
            source, layers = stage_source(store, stage, layers)
            done = run_atlas_export(
                source,
                layers,
                output,
                fmt=fmt,
                dpi=dpi,
                goal_ids=goal_ids,
                catalogue_id=catalogue_id,
                template=template,
                municipality=municipality,
                project=project,
                feedback=feedback,
            )
        if styled is not None:
            styled.clear()  # its layers go now, while QGIS still runs
        feedback.pushInfo(
            tr("Wrote {pages} pages ({goals} goals) to {path}.").format(
                pages=done.pages, goals=done.goal_pages, path=str(output if fmt != "pdf" else done.files[0])
            )
        )
        return {"OUTPUT": str(done.files[0] if fmt == "pdf" else output), "PAGES": done.pages}


def _read_project(path: str):
    """A private copy of the project at ``path``: its layer styles and its variable tl_municipality."""
    from qgis.core import QgsProject

    from ...core.errors import ExportError

    project = QgsProject()
    if not project.read(path):
        raise ExportError(tr("The project {path} cannot be read.").format(path=path))
    return project


def _project_layer(project, layer):
    """The project's layer with the same data source as ``layer`` (its style and name), else ``layer``."""
    from ...core.identity import source_identity

    wanted = source_identity(layer.providerType(), layer.source())
    for candidate in project.mapLayers().values():
        if (
            candidate.providerType() == layer.providerType()
            and source_identity(candidate.providerType(), candidate.source()) == wanted
        ):
            return candidate
    return layer
