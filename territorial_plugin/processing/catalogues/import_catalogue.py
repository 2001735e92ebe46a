"""``territorial:importcatalogue``: a catalogue file or a bundled catalogue into a link store."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ...core.catalogues.bundled import BUNDLED_IDS
from ...core.i18n import tr
from ..base import TerritorialAlgorithm
from ..params import STORE, store_parameter, store_uri

OPTIONAL_TEXT = ("COLUMNS", "CATALOGUE_ID", "NAME", "VERSION", "SERIES", "LEVEL", "ISSUER")


class ImportCatalogueAlgorithm(TerritorialAlgorithm):
    group_id = "catalogues"

    def name(self) -> str:
        return "importcatalogue"

    def displayName(self) -> str:
        return tr("Import goal catalogue")

    def help_text(self) -> str:
        return tr(
            "Imports a goal catalogue ({INPUT}) into the link store: a CSV, XLSX or JSON file, a bundled catalogue "
            "({names}), or all to import every bundled catalogue. The whole file is checked first; if "
            "anything is wrong, every problem is listed with its row (or cell) and column, and nothing "
            "is changed. A GeoPackage store that does not exist yet is created.<br><br>"
            "<b>File format</b>: one row per goal, a header row first. Columns (Swedish or English names): "
            "code/kod (required, unique), parent/överordnad (the parent's code, empty for a top goal), "
            "title_sv/titel and title_en (at least one), description/beskrivning, order/ordning (a whole "
            "number), kind/typ. CSV may be UTF-8 (with or without BOM) or Windows-1252, separated by ; or ,. "
            "Example:<pre>kod;överordnad;titel;beskrivning\n1;;Levande landsbygd;\n1.1;1;Service i "
            "hela länet;Skola, vård och handel\n2;;Hållbara transporter;</pre>"
            "XLSX: the first sheet (or a sheet named goals/mål), no merged cells, no formulas; a sheet named "
            "catalogue may hold key/value metadata (id, name, issuer, level, version). JSON: the format of "
            "the bundled catalogues (see the documentation).<br><br>"
            "{COLUMNS} chooses columns by header, e.g. code=Nr;title_sv=Mål;parent=Hör till. {CATALOGUE_ID} "
            "(default: from the file name), {NAME}, {VERSION}, {SERIES}, {LEVEL} (global, eu, national, regional, "
            "municipal; default regional) and {ISSUER} describe the catalogue. A new version is imported under "
            "a new {CATALOGUE_ID}; the old version stays. {MIGRATION} is a CSV with the columns old and new "
            "(goal ids, e.g. rus_ac_2030:M1;rus_ac_2035:M1) that moves links to the new version; linked "
            "goals it leaves out are reported as having lost their links. {REPLACE} updates a catalogue "
            "with the same id (goals that still have links are never removed). Importing a catalogue "
            "that is already in the store unchanged does nothing.<br><br>"
            "{STORE} is a GeoPackage file or postgres:&lt;QGIS connection name&gt; for a shared PostgreSQL store."
        )

    def help_values(self) -> dict[str, str]:
        return {"names": ", ".join(BUNDLED_IDS)}

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString("INPUT", tr("Catalogue file, bundled catalogue id, or all")))
        self.addParameter(store_parameter())
        descriptions = {
            "COLUMNS": tr("Column mapping (field=header;…)"),
            "CATALOGUE_ID": tr("Catalogue id"),
            "NAME": tr("Catalogue name"),
            "VERSION": tr("Version"),
            "SERIES": tr("Series (shared by the versions of one strategy)"),
            "LEVEL": tr("Level (global, eu, national, regional, municipal)"),
            "ISSUER": tr("Issuer"),
        }
        for key in OPTIONAL_TEXT:
            self.addParameter(QgsProcessingParameterString(key, descriptions[key], optional=True))
        self.addParameter(
            QgsProcessingParameterFile(
                "MIGRATION", tr("Migration mapping (CSV: old;new goal ids)"), extension="csv", optional=True
            )
        )
        self.addParameter(QgsProcessingParameterBoolean("REPLACE", tr("Replace a catalogue with the same id"), False))
        self.addOutput(QgsProcessingOutputString("CATALOGUES", tr("Imported catalogues")))
        self.addOutput(QgsProcessingOutputString("UNCHANGED", tr("Catalogues already in the store")))
        self.addOutput(QgsProcessingOutputNumber("GOALS", tr("Goals imported")))
        self.addOutput(QgsProcessingOutputNumber("MOVED", tr("Links moved to the new version")))
        self.addOutput(QgsProcessingOutputString("LOST", tr("Goals that lost their links (goal=links)")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.catalogues.importer import import_catalogues
        from ...core.catalogues.reader import ColumnMapping
        from ...core.user import current_user

        text = {key: self.parameterAsString(parameters, key, context).strip() for key in OPTIONAL_TEXT}
        result = import_catalogues(
            self.parameterAsString(parameters, "INPUT", context),
            store_uri(self, parameters, context),
            mapping=ColumnMapping.parse(text["COLUMNS"]) if text["COLUMNS"] else None,
            catalogue_id=text["CATALOGUE_ID"],
            name=text["NAME"],
            version=text["VERSION"],
            series=text["SERIES"],
            level=text["LEVEL"],
            issuer=text["ISSUER"],
            replace_existing=self.parameterAsBool(parameters, "REPLACE", context),
            migration_path=self.parameterAsFile(parameters, "MIGRATION", context) or "",
            user=current_user(),
            progress=feedback.pushInfo,
        )
        if result.store_created:
            feedback.pushInfo(tr("Created the link store {store}.").format(store=parameters.get(STORE)))
        for warning in result.warnings:
            feedback.pushWarning(warning)
        for catalogue_id in result.unchanged:
            feedback.pushInfo(tr("{id} is already in the link store unchanged; skipped.").format(id=catalogue_id))
        for goal, count in sorted(result.lost.items()):
            feedback.reportError(
                tr("{goal} lost its links: {count} links stay on the old version.").format(goal=goal, count=count),
                False,
            )
        feedback.pushInfo(
            tr("Imported {count} catalogues with {goals} goals.").format(count=len(result.imported), goals=result.goals)
        )
        return {
            "CATALOGUES": ",".join(result.imported),
            "UNCHANGED": ",".join(result.unchanged),
            "GOALS": result.goals,
            "MOVED": result.migration.moved if result.migration else 0,
            "LOST": ",".join(f"{goal}={count}" for goal, count in sorted(result.lost.items())),
        }
