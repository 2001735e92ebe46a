"""Catalogue files: read (CSV, XLSX, JSON) with a column mapping and full validation.

Reading never writes anything: :func:`read_catalogue_file` returns a
:class:`CatalogueFile` with the goal rows, a preview of the first rows and every
problem found (file, row or cell, column, why). Only a file without errors may be
imported (``catalogue_import``). Tables pass through pandas ``DataFrame`` values;
pandas and openpyxl are imported inside the functions that need them.

Columns (header names are matched without regard to case; defaults in
:data:`ALIASES`):

====================  =============================================  ==========
field                 recognised headers                             required
====================  =============================================  ==========
``code``              code, kod, nr, nummer, id                      yes
``parent``            parent, överordnad, förälder, parent_code      no
``title_sv``          title_sv, titel, namn, rubrik, mål             one title
``title_en``          title_en, english title, engelsk titel         one title
``description``       description, beskrivning, text                 no
``description_sv``    description_sv, beskrivning_sv                 no
``order``             order, sort_order, ordning, sortering          no
``kind``              kind, typ, type, nivå, level                   no
====================  =============================================  ==========

A filled ``description_sv`` cell wins over ``description`` (a revision bringing
Swedish texts keeps the English ones where no translation is given yet).
``title`` and ``name`` are taken as ``title_sv`` unless the file also has a
``title_sv`` column, then as ``title_en``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from ..errors import CatalogueError
from ..i18n import tr
from .tables import RawTable, read_table
from .tree import FIELDS, GoalRow, Problem, validate_tree

ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("code", "kod", "nr", "nummer", "id", "goal_code", "målkod"),
    "parent": ("parent", "parent_code", "överordnad", "överordnat", "överordnad kod", "förälder", "parent code"),
    "title_sv": ("title_sv", "titel", "titel_sv", "titel (sv)", "svensk titel", "namn", "rubrik", "mål", "benämning"),
    "title_en": ("title_en", "titel_en", "title (en)", "english title", "engelsk titel", "name_en"),
    "description": ("description", "beskrivning", "text", "förklaring"),
    "order": ("order", "sort_order", "ordning", "sortering", "sorteringsordning"),
    "kind": ("kind", "typ", "type", "nivå", "level"),
    # a revision's Swedish description; where its cell is empty the row keeps ``description``
    "description_sv": ("description_sv", "beskrivning_sv", "beskrivning (sv)", "svensk beskrivning"),
}
_GENERIC_TITLES = ("title", "name")
_INTEGER = re.compile(r"^[+-]?\d+$")
PREVIEW_ROWS = 20


def _norm(header: str) -> str:
    return " ".join(str(header).replace("\ufeff", "").split()).lower()


@dataclass(frozen=True)
class ColumnMapping:
    """Header names chosen by the user for each field; empty means "recognise by name"."""

    code: str = ""
    parent: str = ""
    title_sv: str = ""
    title_en: str = ""
    description: str = ""
    order: str = ""
    kind: str = ""

    @classmethod
    def parse(cls, text: str) -> ColumnMapping:
        """``"code=Nr; title_sv=Mål"`` (also ``,`` between pairs) → a mapping."""
        values: dict[str, str] = {}
        for part in re.split(r"[;,\n]", text or ""):
            if not part.strip():
                continue
            key, sep, header = part.partition("=")
            key = key.strip().lower()
            if not sep or key not in FIELDS:
                raise CatalogueError(
                    tr("'{part}' is not a column mapping; write field=header with a field among {fields}.").format(
                        part=part.strip(), fields=", ".join(FIELDS)
                    )
                )
            values[key] = header.strip()
        return cls(**values)

    def given(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


@dataclass(frozen=True)
class CatalogueFile:
    """What a catalogue file holds, and everything wrong with it."""

    path: str
    format: str
    headers: tuple[str, ...]
    preview: tuple[tuple[str, ...], ...]
    columns: dict  # field → header used
    rows: tuple[GoalRow, ...]
    problems: tuple[Problem, ...]
    metadata: dict
    encoding: str = ""
    delimiter: str = ""
    preview_rows: tuple[int, ...] = ()  # file row (or goal) number of each preview row

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]

    @property
    def ok(self) -> bool:
        return not self.errors

    def raise_for_errors(self) -> None:
        """A :class:`CatalogueError` listing every error (the import refuses the whole file)."""
        errors = self.errors
        if errors:
            lines = [str(p) for p in errors[:50]]
            if len(errors) > 50:
                lines.append(tr("… and {count} more problems.").format(count=len(errors) - 50))
            if len(errors) == 1:
                intro = tr("{file} was not imported (1 problem); nothing was changed:").format(
                    file=Path(self.path).name
                )
            else:
                intro = tr("{file} was not imported ({count} problems); nothing was changed:").format(
                    file=Path(self.path).name, count=len(errors)
                )
            raise CatalogueError(intro + "\n" + "\n".join(lines))


def resolve_columns(headers: Sequence[str], mapping: ColumnMapping, table: RawTable) -> dict[str, int]:
    """Field → header index; problems (missing, repeated, unknown columns) go to ``table``."""
    normalized = [_norm(h) for h in headers]
    seen: dict[str, int] = {}
    for index, name in enumerate(normalized):
        if not name:
            continue
        if name in seen:
            table.problems.append(
                table.problem(
                    tr("the column name '{name}' appears twice (also column {first}).").format(
                        name=headers[index], first=seen[name] + 1
                    ),
                    row=None if table.unit == "goal" else 1,
                    column=index,
                )
            )
        else:
            seen[name] = index
    columns: dict[str, int] = {}
    for key, header in mapping.given().items():
        if _norm(header) in seen:
            columns[key] = seen[_norm(header)]
        else:
            table.problems.append(
                table.problem(
                    tr("the column '{header}' chosen for {field} is not in the file (columns: {headers}).").format(
                        header=header, field=key, headers=", ".join(h for h in headers if h)
                    )
                )
            )
    for key, aliases in ALIASES.items():
        if key not in columns and key not in mapping.given():
            found = next((seen[a] for a in aliases if a in seen and seen[a] not in columns.values()), None)
            if found is not None:
                columns[key] = found
    for generic in _GENERIC_TITLES:
        if generic in seen and seen[generic] not in columns.values():
            for key in ("title_sv", "title_en"):
                if key not in columns:
                    columns[key] = seen[generic]
                    break
    header_row = None if table.unit == "goal" else 1
    if "code" not in columns and not mapping.code:
        table.problems.append(
            table.problem(
                tr("no column for the goal code; name one 'code' or 'kod', or choose it in the column mapping."),
                row=header_row,
            )
        )
    if "title_sv" not in columns and "title_en" not in columns and not (mapping.title_sv or mapping.title_en):
        table.problems.append(
            table.problem(
                tr("no column for the goal title; name one 'title_sv', 'titel' or 'title_en', or map it."),
                row=header_row,
            )
        )
    used = set(columns.values())
    for index, header in enumerate(headers):
        if header and index not in used and seen.get(_norm(header)) == index:
            table.problems.append(
                table.problem(
                    tr("the column '{header}' is not used.").format(header=header), column=index, warning=True
                )
            )
    return columns


def _cell_text(value, key: str, table: RawTable, row: int, column: int) -> str | None:
    """The cell as text, or None after recording a wrong-type problem."""
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN from pandas
        return ""
    if isinstance(value, bool):
        table.problems.append(
            table.problem(tr("the value is true/false, not text or a number."), row=row, column=column)
        )
        return None
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0):
        value = value.date()
    if isinstance(value, (datetime.date, datetime.time)):
        table.problems.append(
            table.problem(
                tr(
                    "the cell holds a date or time ({value}); the spreadsheet may have turned a code such as "
                    "1.2 into a date. Format the column as text and type the value again."
                ).format(value=value),
                row=row,
                column=column,
            )
        )
        return None
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        if key in ("code", "parent", "order"):
            table.problems.append(
                table.problem(
                    tr(
                        "the value {value} is a decimal number; codes such as 1.10 and 1.1 would be the same "
                        "number. Format the column as text."
                    ).format(value=value)
                    if key != "order"
                    else tr("the order '{value}' is not a whole number.").format(value=value),
                    row=row,
                    column=column,
                )
            )
            return None
        return str(value)
    if isinstance(value, (list, dict)):
        table.problems.append(table.problem(tr("the value is a list or an object, not text."), row=row, column=column))
        return None
    return str(value).strip()


def _to_rows(table: RawTable, columns: dict[str, int]) -> tuple[list[GoalRow], list[GoalRow]]:
    """(rows to build, rows to check as a tree).

    A row with a bad cell is not built, but it is still checked as a tree (its other
    cells as read, the bad ones standing in so that they are not reported twice), so
    a repeated code or an unknown parent in it shows in the same report as the bad cell.
    """
    import pandas as pd

    frame = pd.DataFrame([cells for _, cells in table.records], columns=range(len(table.headers)), dtype=object)
    numbers = [number for number, _ in table.records]
    blank = [number for number, cells in table.records if all(_is_blank(cell) for cell in cells)]
    # blank rows at the end are what spreadsheets leave behind; only those inside the table are errors
    trailing = set()
    for number in reversed(numbers):
        if number not in blank:
            break
        trailing.add(number)
    blank_inside = set(blank) - trailing
    # whole columns as lists: cell-by-cell DataFrame access is far slower
    values_by_key = {key: frame.iloc[:, column].tolist() for key, column in columns.items()}
    rows: list[GoalRow] = []
    checked: list[GoalRow] = []
    for position, number in enumerate(numbers):
        if number in trailing:
            continue
        if number in blank_inside:
            table.problems.append(table.problem(tr("the row is empty; remove it."), row=number))
            continue
        values: dict = {}
        wrong: set[str] = set()
        for key, column in columns.items():
            if (number, column) in table.reported:
                wrong.add(key)
                continue
            text = _cell_text(values_by_key[key][position], key, table, number, column)
            if text is None:
                wrong.add(key)
                continue
            values[key] = text
        order = values.get("order", "")
        if order and not _INTEGER.match(order):
            table.problems.append(
                table.problem(
                    tr("the order '{value}' is not a whole number.").format(value=order),
                    row=number,
                    column=columns["order"],
                )
            )
            wrong.add("order")
        if not wrong:
            row = _goal_row(number, values, int(order) if order else None)
            rows.append(row)
            checked.append(row)
            continue
        if "code" in wrong:
            raw = values_by_key["code"][position]
            values["code"] = "" if _is_blank(raw) else str(raw).strip()
            if not values["code"]:
                continue  # no code to check the tree with; the bad cell is reported
        for key in ("title_sv", "title_en"):
            if key in wrong:
                values[key] = "…"  # reported as a bad cell, not again as a missing title
        if "parent" in wrong:
            values["parent"] = ""
        checked.append(_goal_row(number, values, None))
    return rows, checked


def _goal_row(number: int, values: dict, order: int | None) -> GoalRow:
    return GoalRow(
        row=number,
        code=values.get("code", ""),
        parent=values.get("parent", ""),
        title_sv=values.get("title_sv", ""),
        title_en=values.get("title_en", ""),
        description=values.get("description_sv") or values.get("description", ""),
        order=order,
        kind=values.get("kind", ""),
    )


def _is_blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return value != value  # NaN
    return isinstance(value, str) and not value.strip()


def read_catalogue_file(path: str | Path, mapping: ColumnMapping | None = None) -> CatalogueFile:
    """Read and validate ``path`` completely; nothing is written anywhere."""
    path = Path(path)
    if not path.is_file():
        raise CatalogueError(tr("The catalogue file {path} does not exist.").format(path=path))
    mapping = mapping or ColumnMapping()
    table = read_table(path)
    columns: dict[str, int] = {}
    rows: list[GoalRow] = []
    checked: list[GoalRow] = []
    if table.headers or table.records:
        before = len(table.problems)
        columns = resolve_columns(table.headers, mapping, table)
        header_errors = any(not p.warning for p in table.problems[before:])
        if not header_errors:
            rows, checked = _to_rows(table, columns)
    elif not table.problems:
        table.problems.append(table.problem(tr("the file is empty.")))
    if checked:
        header_index = dict(columns.items())

        def locate(message: str, row: int, key: str) -> Problem:
            return table.problem(message, row=row, column=header_index.get(key))

        table.problems.extend(validate_tree(checked, locate))
    elif not any(not p.warning for p in table.problems):
        table.problems.append(table.problem(tr("the file has a header but no goals.")))
    preview = tuple(
        tuple("" if value is None else str(value) for value in cells) for _, cells in table.records[:PREVIEW_ROWS]
    )
    return CatalogueFile(
        path=str(path),
        format=table.format,
        headers=tuple(table.headers),
        preview=preview,
        columns={key: table.headers[index] for key, index in columns.items()},
        rows=tuple(rows),
        problems=tuple(sorted(table.problems, key=_problem_order)),
        metadata=dict(table.metadata),
        encoding=table.encoding,
        delimiter=table.delimiter,
        preview_rows=tuple(number for number, _ in table.records[:PREVIEW_ROWS]),
    )


def _problem_order(problem: Problem) -> tuple:
    return (problem.warning, problem.row if problem.row is not None else 0)
