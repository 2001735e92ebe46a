"""Read a catalogue file (CSV, XLSX, JSON) into a raw table of cells with their positions.

This module knows file formats only: encodings, delimiters, spreadsheets, JSON.
What the columns mean is decided in ``catalogue_io``. Problems that belong to the
format (merged cells, formulas, a ragged CSV row, broken JSON) are collected here
as :class:`~territorial_plugin.core.catalogues.tree.Problem` values; nothing is raised
for a bad file, so the user sees every problem at once.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CatalogueError
from ..i18n import tr
from .tree import Problem

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
JSON_SUFFIXES = {".json"}
DELIMITERS = (";", ",", "\t")
GOAL_SHEETS = ("goals", "mål", "mal")
META_SHEETS = ("catalogue", "katalog")


@dataclass
class RawTable:
    """Header and records of one table; ``records`` are (row number, cells)."""

    file: str
    format: str
    headers: list[str] = field(default_factory=list)
    records: list[tuple[int, list]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)
    unit: str = "row"  # "goal" for JSON
    encoding: str = ""
    delimiter: str = ""
    cell_names: bool = False  # spreadsheet: problems name cells (B7)
    reported: set = field(default_factory=set)  # (row, column index) already reported (formulas)

    def problem(self, message: str, row: int | None = None, column: int | None = None, **kwargs) -> Problem:
        """A problem at ``row`` (file numbering) and header index ``column``."""
        name = self.headers[column] if column is not None and column < len(self.headers) else ""
        cell = ""
        if self.cell_names and row is not None and column is not None:
            cell = f"{column_letter(column)}{row}"
        return Problem(message, file=self.file, row=row, column=name, cell=cell, unit=self.unit, **kwargs)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (spreadsheet column names)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def detect_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix == ".xls":
        raise CatalogueError(
            tr("{file}: the old Excel format .xls cannot be read; save the workbook as .xlsx.").format(file=path.name)
        )
    raise CatalogueError(tr("{file}: unknown file type; use a .csv, .xlsx or .json file.").format(file=path.name))


def read_table(path: Path) -> RawTable:
    """The raw table of ``path``. Raises :class:`CatalogueError` only when the file cannot be opened."""
    kind = detect_format(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CatalogueError(
            tr("{file} cannot be read: {error}").format(file=path.name, error=error.strerror or error)
        ) from error
    if kind == "xlsx":
        return _read_xlsx(path, data)
    table = RawTable(file=path.name, format=kind)
    text = decode_text(data, table)
    if text is None:
        return table
    if kind == "json":
        _read_json(text, table)
    else:
        _read_csv(text, table)
    return table


# -- text -----------------------------------------------------------------------------


def decode_text(data: bytes, table: RawTable) -> str | None:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (older Swedish Excel)."""
    if data.startswith(b"PK\x03\x04"):
        table.problems.append(
            table.problem(tr("this is an Excel workbook, not a text file; give it the ending .xlsx."))
        )
        return None
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                table.encoding = "UTF-8 BOM" if encoding == "utf-8-sig" else "UTF-16"
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                table.encoding = ""
                table.problems.append(table.problem(_undecodable(data, error.start)))
                return None
    if b"\x00" in data[:4096]:
        table.problems.append(table.problem(tr("the file is not a text file (it holds NUL bytes).")))
        return None
    try:
        table.encoding = "UTF-8"
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        table.encoding = "Windows-1252"
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        table.encoding = ""
        table.problems.append(table.problem(_undecodable(data, error.start)))
        return None


def _undecodable(data: bytes, offset: int) -> str:
    line = data[:offset].count(b"\n") + 1
    return tr(
        "the text cannot be read as UTF-8 or Windows-1252 (byte {offset}, line {line}); save the file as UTF-8."
    ).format(offset=offset, line=line)


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header line into the most columns (``;`` wins ties)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    best, best_count = ";", 0
    for delimiter in DELIMITERS:
        count = len(next(csv.reader([first], delimiter=delimiter), []))
        if count > best_count:
            best, best_count = delimiter, count
    return best


def _read_csv(text: str, table: RawTable) -> None:
    table.delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=table.delimiter)
    try:
        rows = list(reader)
    except csv.Error as error:
        table.problems.append(
            table.problem(tr("the CSV text is broken: {error}").format(error=error), row=reader.line_num)
        )
        return
    if not rows:
        return
    table.headers = [cell.strip() for cell in rows[0]]
    width = len(table.headers)
    for number, cells in enumerate(rows[1:], 2):
        if len(cells) > width and any(cell.strip() for cell in cells[width:]):
            table.problems.append(
                table.problem(
                    tr(
                        "the row has {count} values but the header has {width} columns "
                        "(a delimiter inside a value that is not in quotes?)."
                    ).format(count=len(cells), width=width),
                    row=number,
                )
            )
            continue
        table.records.append((number, (cells + [""] * width)[:width]))


def _read_json(text: str, table: RawTable) -> None:
    table.unit = "goal"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        table.unit = "row"
        table.problems.append(
            table.problem(
                # Python's own wording (error.msg) is English and changes between versions.
                tr(
                    "the file is not valid JSON near line {line}, column {column} "
                    "(look for a missing quote, comma or bracket, or a comma too many)."
                ).format(line=error.lineno, column=error.colno)
            )
        )
        return
    if isinstance(data, dict):
        meta = data.get("catalogue", {})
        table.metadata = meta if isinstance(meta, dict) else {}
        goals = data.get("goals")
    else:
        goals = data
    if not isinstance(goals, list):
        table.problems.append(
            table.problem(tr("the JSON file has no list of goals; see the catalogue file format in the help."))
        )
        return
    for item in goals:
        if isinstance(item, dict):
            for key in item:
                if key not in table.headers:
                    table.headers.append(str(key))
    for number, item in enumerate(goals, 1):
        if not isinstance(item, dict):
            table.problems.append(
                table.problem(tr("the goal is not a JSON object with keys such as code and title_sv."), row=number)
            )
            continue
        table.records.append((number, [item.get(key) for key in table.headers]))


# -- spreadsheets ------------------------------------------------------------------------


def _read_xlsx(path: Path, data: bytes) -> RawTable:
    import zipfile

    from openpyxl import load_workbook

    table = RawTable(file=path.name, format="xlsx", cell_names=True)
    try:
        # not read-only: merged cell ranges are only known to a fully loaded sheet
        workbook = load_workbook(io.BytesIO(data), data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        table.problems.append(
            table.problem(tr("the file cannot be opened as an Excel workbook: {error}").format(error=error))
        )
        return table
    by_name = {sheet.title.strip().lower(): sheet for sheet in workbook.worksheets}
    sheet = next((by_name[name] for name in GOAL_SHEETS if name in by_name), workbook.worksheets[0])
    meta_sheet = next((by_name[name] for name in META_SHEETS if name in by_name), None)
    if meta_sheet is not None and meta_sheet is not sheet:
        for key, value, *_ in meta_sheet.iter_rows(min_row=1, max_col=2, values_only=True):
            if key is not None and value is not None:
                table.metadata[str(key).strip()] = value
    rows = list(sheet.iter_rows())
    if not rows:
        return table
    table.headers = ["" if cell.value is None else str(cell.value).strip() for cell in rows[0]]
    for merged in sheet.merged_cells.ranges:
        table.problems.append(
            Problem(
                tr("merged cells; unmerge them and fill in every cell."),
                file=table.file,
                cell=merged.coord,
                column=table.headers[merged.min_col - 1] if merged.min_col - 1 < len(table.headers) else "",
            )
        )
    for row in rows:
        for cell in row:
            if cell.data_type == "f":
                table.problems.append(
                    table.problem(
                        tr("the cell holds a formula ({formula}); copy the column and paste values only.").format(
                            formula=str(cell.value)[:40]
                        ),
                        row=cell.row,
                        column=cell.column - 1,
                    )
                )
                table.reported.add((cell.row, cell.column - 1))
    width = len(table.headers)
    for row in rows[1:]:
        values = [cell.value for cell in row][:width]
        table.records.append((row[0].row, values + [None] * (width - len(values))))
    return table
