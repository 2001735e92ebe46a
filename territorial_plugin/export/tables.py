"""Goal × area tables for the plan description: XLSX (with a native Excel chart) and CSV.

:func:`build_report` turns plain inputs (layers, goals, links) into pandas
DataFrames; :func:`write_xlsx` and :func:`write_csv` write them without leaving a
partial file. Column headers and sheet names are in the user's language.
pandas and openpyxl are imported inside the functions (never at plugin load).
"""

from __future__ import annotations

import datetime as _dt
import os
import shutil
import tempfile
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsProject

from ..core.areas import area_records
from ..core.errors import CancelledError
from ..core.i18n import tr
from ..core.labels import catalogue_short_name, goal_label, goal_title_text, stance_label
from ..core.model import Catalogue, Goal, Link, Stance
from .atlas.data import AtlasLayer

#: report parts in sheet order; the file names of the CSV export
SHEETS = ("summary", "matrix", "links", "conflicts", "areas_without_goals", "goals_without_areas")


@dataclass(frozen=True)
class Area:
    layer_uid: str
    layer_name: str
    feature_key: str
    name: str
    area_ha: float


def sheet_titles() -> dict[str, str]:
    """Sheet names in the user's language (Excel allows 31 characters)."""
    return {
        "summary": tr("Summary per goal"),
        "matrix": tr("Goal × area matrix"),
        "links": tr("All links"),
        "conflicts": tr("Conflicts"),
        "areas_without_goals": tr("Areas without goals"),
        "goals_without_areas": tr("Goals without areas"),
    }


def read_areas(layers: Sequence[AtlasLayer], project: QgsProject | None = None, feedback=None) -> list[Area]:
    """Every feature of the linked layers: key, name and area (ha, ellipsoidal; 0 for points and lines)."""
    return [
        Area(atlas_layer.layer_uid, atlas_layer.layer.name(), record.key, record.name, round(record.hectares, 6))
        for atlas_layer in layers
        if atlas_layer.linked
        for record in area_records(atlas_layer.layer, atlas_layer.key_field, project=project, feedback=feedback)
    ]


def _changed_at(text: str):
    """A stored UTC time stamp (ISO text) as a local date and time a spreadsheet sorts and filters."""
    if not text:
        return None
    try:
        moment = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)  # Excel has no time zones
    return moment.replace(microsecond=0)


def link_source(rule: str) -> str:
    """Who made a link, as the tables say it: "Rule: <name>" for a linking rule, else a planner."""
    return tr("Rule: {name}").format(name=rule) if rule else tr("Planner")


def build_report(
    areas: Sequence[Area],
    goals: Sequence[Goal],
    links: Sequence[Link],
    catalogues: Sequence[Catalogue] = (),
    rule_marks: Mapping[tuple[str, str, str], str] | None = None,
) -> dict:
    """The report as DataFrames keyed by :data:`SHEETS` (headers translated, goals as readers name them).

    ``rule_marks``: (layer uid, feature key, goal id) → the linking rule that made the
    link; the links say their source (:func:`link_source`), a rule's or a planner's.
    """
    import pandas as pd

    rule_marks = rule_marks or {}

    catalogue_by_id = {c.id: c for c in catalogues}

    def label(goal: Goal, title: bool = False) -> str:
        return goal_label(goal, catalogue_by_id.get(goal.catalogue_id), title=title, longest=40)

    def short(goal: Goal) -> str:
        return catalogue_short_name(goal.catalogue_id, catalogue_by_id.get(goal.catalogue_id))

    h = {
        "layer": tr("Layer"),
        "key": tr("Area id"),
        "name": tr("Name"),
        "ha": tr("Area (ha)"),
        "goal_id": tr("Goal id"),
        "goal": tr("Goal"),
        "title": tr("Title"),
        "catalogue": tr("Catalogue"),
        "stance": tr("Stance"),
        "strength": tr("Strength"),
        "motivation": tr("Motivation"),
        "source": tr("Source"),
        "n": tr("Number of areas"),
        "n_sup": tr("Supports"),
        "n_con": tr("Conflicts"),
        "n_neu": tr("Neutral"),
        "ha_sup": tr("Area supporting (ha)"),
        "ha_con": tr("Area in conflict (ha)"),
        "updated_by": tr("Changed by"),
        "updated_at": tr("Changed"),
    }
    area_by_key = {(a.layer_uid, a.feature_key): a for a in areas}
    goal_by_id = {g.id: g for g in goals}
    layer_names = {a.layer_uid: a.layer_name for a in areas}
    links = [lk for lk in links if lk.goal_id in goal_by_id and lk.layer_uid in layer_names]

    def area_of(link: Link) -> Area:
        return area_by_key.get((link.layer_uid, link.feature_key)) or Area(
            link.layer_uid, layer_names.get(link.layer_uid, link.layer_uid), link.feature_key, "", 0.0
        )

    link_rows = []
    for link in links:
        area, goal = area_of(link), goal_by_id[link.goal_id]
        link_rows.append(
            {
                h["layer"]: area.layer_name,
                h["key"]: link.feature_key,
                h["name"]: area.name,
                h["goal"]: label(goal),
                h["title"]: goal_title_text(goal),
                h["stance"]: stance_label(link.stance),
                h["strength"]: int(link.strength),
                h["motivation"]: link.motivation or "",
                h["source"]: link_source(rule_marks.get((link.layer_uid, link.feature_key, link.goal_id), "")),
                h["ha"]: area.area_ha,
                h["updated_by"]: link.updated_by or link.created_by,
                h["updated_at"]: _changed_at(link.updated_at or link.created_at),
                h["goal_id"]: link.goal_id,
            }
        )
    link_columns = [h[k] for k in ("layer", "key", "name", "goal", "title", "stance", "strength")]
    # the goal id last: for joins and re-imports, not for reading
    link_columns += [h["motivation"], h["source"], h["ha"], h["updated_by"], h["updated_at"], h["goal_id"]]
    all_links = pd.DataFrame(link_rows, columns=link_columns)

    summary_rows = []
    for goal in goals:
        own = [lk for lk in links if lk.goal_id == goal.id]
        by_stance = {s.value: [lk for lk in own if lk.stance == s.value] for s in Stance}
        summary_rows.append(
            {
                h["goal"]: label(goal),
                h["title"]: goal_title_text(goal),
                h["catalogue"]: short(goal),
                h["n"]: len({(lk.layer_uid, lk.feature_key) for lk in own}),
                h["ha"]: round(sum(area_of(lk).area_ha for lk in own), 6),
                h["n_sup"]: len(by_stance[Stance.SUPPORTS.value]),
                h["n_con"]: len(by_stance[Stance.CONFLICTS.value]),
                h["n_neu"]: len(by_stance[Stance.NEUTRAL.value]),
                h["ha_sup"]: round(sum(area_of(lk).area_ha for lk in by_stance[Stance.SUPPORTS.value]), 6),
                h["ha_con"]: round(sum(area_of(lk).area_ha for lk in by_stance[Stance.CONFLICTS.value]), 6),
            }
        )
    summary_columns = [h[k] for k in ("goal", "title", "catalogue", "n", "ha", "n_sup", "n_con", "n_neu")]
    summary_columns += [h["ha_sup"], h["ha_con"]]
    summary = pd.DataFrame(summary_rows, columns=summary_columns)
    linked_goals = {lk.goal_id for lk in links}
    summary_linked = summary[[g.id in linked_goals for g in goals]] if goals else summary

    # matrix: one row per area, one column per linked goal, the stance in the cell; the column is
    # headed with catalogue, code and short title, as codes repeat across catalogues (15 and 15)
    matrix_goals = [g for g in goals if g.id in linked_goals]
    heading = {g.id: label(g, title=True) for g in matrix_goals}
    stance_at = {(lk.layer_uid, lk.feature_key, lk.goal_id): stance_label(lk.stance) for lk in links}
    matrix_rows = []
    for area in areas:
        row = {h["layer"]: area.layer_name, h["key"]: area.feature_key, h["name"]: area.name, h["ha"]: area.area_ha}
        for goal in matrix_goals:
            row[heading[goal.id]] = stance_at.get((area.layer_uid, area.feature_key, goal.id), "")
        matrix_rows.append(row)
    matrix_columns = [h["layer"], h["key"], h["name"], h["ha"]] + [heading[g.id] for g in matrix_goals]
    matrix = pd.DataFrame(matrix_rows, columns=matrix_columns)

    linked_areas = {(lk.layer_uid, lk.feature_key) for lk in links}
    without_goals = pd.DataFrame(
        [
            {h["layer"]: a.layer_name, h["key"]: a.feature_key, h["name"]: a.name, h["ha"]: a.area_ha}
            for a in areas
            if (a.layer_uid, a.feature_key) not in linked_areas
        ],
        columns=[h["layer"], h["key"], h["name"], h["ha"]],
    )
    without_areas = pd.DataFrame(
        [
            {h["goal"]: label(g), h["title"]: goal_title_text(g), h["catalogue"]: short(g), h["goal_id"]: g.id}
            for g in goals
            if g.id not in linked_goals
        ],
        columns=[h["goal"], h["title"], h["catalogue"], h["goal_id"]],
    )
    conflicts = all_links[all_links[h["stance"]] == stance_label(Stance.CONFLICTS.value)].reset_index(drop=True)
    return {
        "summary": summary_linked.reset_index(drop=True),
        "matrix": matrix,
        "links": all_links,
        "conflicts": conflicts,
        "areas_without_goals": without_goals,
        "goals_without_areas": without_areas,
    }


def write_xlsx(report: dict, output: str | Path, *, feedback=None) -> Path:
    """One workbook, a sheet per part; the summary carries a bar chart of area per goal."""
    import pandas as pd
    from openpyxl.chart import BarChart, Reference

    output = Path(output)
    if output.suffix.lower() != ".xlsx":
        output = output.with_suffix(".xlsx")
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(f".{output.stem}.{uuid.uuid4().hex[:8]}.part.xlsx")
    titles = sheet_titles()
    try:
        with pd.ExcelWriter(temporary, engine="openpyxl") as writer:
            for number, part in enumerate(SHEETS):
                if feedback is not None:
                    if feedback.isCanceled():
                        raise CancelledError(tr("The export was cancelled; no file was written."))
                    feedback.setProgress(100.0 * number / len(SHEETS))
                frame = report[part]
                frame.to_excel(writer, sheet_name=titles[part][:31], index=False)
                _make_usable(writer.sheets[titles[part][:31]], frame)
            summary = report["summary"]
            if len(summary):
                sheet = writer.sheets[titles["summary"][:31]]
                chart = BarChart()
                chart.type = "bar"
                chart.grouping = "clustered"
                chart.title = tr("Linked area per goal (ha)")
                chart.y_axis.title = tr("ha")
                chart.x_axis.title = tr("Goal")
                rows = len(summary) + 1
                columns = list(summary.columns)
                for name in (tr("Area supporting (ha)"), tr("Area in conflict (ha)")):
                    col = columns.index(name) + 1
                    chart.add_data(Reference(sheet, min_col=col, min_row=1, max_row=rows), titles_from_data=True)
                chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=rows))
                chart.series[0].graphicalProperties.solidFill = "1A8548"
                chart.series[1].graphicalProperties.solidFill = "C82828"
                chart.height = max(7.5, 0.6 * len(summary) + 3)
                chart.width = 18
                sheet.add_chart(chart, f"{sheet.cell(row=1, column=len(columns) + 2).column_letter}2")
        if feedback is not None and feedback.isCanceled():
            raise CancelledError(tr("The export was cancelled; no file was written."))
        os.replace(temporary, output)
    finally:
        if temporary.exists():
            temporary.unlink()
    return output


#: hectares never shown as 0,00 when there is an area: four decimals below 0,01 ha
HECTARE_FORMAT = "[=0]0;[<0.01]0.0000;#,##0.00"
DATE_FORMAT = "yyyy-mm-dd hh:mm"
_WIDEST = 60


def _make_usable(sheet, frame) -> None:
    """Header styled and frozen, a filter on every column, widths that fit, numbers and dates formatted."""
    import pandas as pd
    from openpyxl.styles import Alignment, Font, PatternFill

    header_fill = PatternFill("solid", fgColor="005480")
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    if len(frame.columns):
        sheet.auto_filter.ref = sheet.dimensions
    hectares = {tr("Area (ha)"), tr("Area supporting (ha)"), tr("Area in conflict (ha)")}
    for index, column in enumerate(frame.columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        values = frame.iloc[:, index - 1]
        is_date = pd.api.types.is_datetime64_any_dtype(values) or any(
            isinstance(v, _dt.datetime) for v in values.iloc[:50]
        )
        number_format = DATE_FORMAT if is_date else HECTARE_FORMAT if column in hectares else None
        if number_format:
            for row in range(2, len(frame) + 2):
                sheet.cell(row=row, column=index).number_format = number_format
        # the header wraps onto two lines at most; the filter button takes about two characters
        longest_value = max((len(str(v)) for v in values.iloc[:500].tolist()), default=0)
        header = str(column)
        width = max(longest_value, 16 if is_date else 0, min(len(header), max(len(header) // 2 + 1, 12))) + 3
        sheet.column_dimensions[letter].width = min(width, _WIDEST)
        if longest_value > _WIDEST:  # long motivations wrap in their column
            for row in range(2, len(frame) + 2):
                sheet.cell(row=row, column=index).alignment = Alignment(wrap_text=True, vertical="top")


def csv_file_names() -> dict[str, str]:
    return {part: f"{part}.csv" for part in SHEETS}


def write_csv(report: dict, folder: str | Path, *, feedback=None) -> list[Path]:
    """One CSV per part in ``folder``: UTF-8 with BOM, ``;`` and decimal comma, as Swedish Excel reads them."""
    folder = Path(folder)
    if folder.suffix.lower() == ".csv":
        folder = folder.parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".part", dir=str(folder.parent)))
    try:
        names = csv_file_names()
        for part in SHEETS:
            if feedback is not None and feedback.isCanceled():
                raise CancelledError(tr("The export was cancelled; no file was written."))
            report[part].to_csv(
                staging / names[part],
                sep=";",
                decimal=",",
                index=False,
                encoding="utf-8-sig",
                date_format="%Y-%m-%d %H:%M",
            )
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for part in SHEETS:
            os.replace(staging / names[part], folder / names[part])
            written.append(folder / names[part])
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)
