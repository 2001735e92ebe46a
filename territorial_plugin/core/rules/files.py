"""Rule files (CSV, XLSX, JSON): read with every problem named by row and column, and written back.

The columns are those of DESIGN.md (``name``, ``layer``, ``expression``, ``goals``,
``stance``, ``strength``, ``motivation``, ``enabled``), with Swedish headers
accepted. CSV and XLSX go through the catalogues' table reader (encodings,
delimiters, formulas); a JSON rule file is a list of objects. Reading never
writes; only a file without problems is imported, all at once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..catalogues.tables import RawTable, decode_text, detect_format, read_table
from ..catalogues.tree import Problem
from ..errors import RuleError
from ..i18n import tr
from ..model import STRENGTH_MAX, STRENGTH_MIN, split_goal_id
from .model import Rule

COLUMNS = ("name", "layer", "expression", "goals", "stance", "strength", "motivation", "enabled")
REQUIRED = ("name", "expression", "goals")
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "namn"),
    "layer": ("layer", "lager"),
    "expression": ("expression", "uttryck"),
    "goals": ("goals", "mål", "mal"),
    "stance": ("stance", "ställningstagande"),
    "strength": ("strength", "styrka"),
    "motivation": ("motivation", "motivering"),
    "enabled": ("enabled", "aktiv"),
}
STANCES = {
    "supports": "supports",
    "conflicts": "conflicts",
    "neutral": "neutral",
    "stödjer": "supports",
    "motverkar": "conflicts",
}
_TRUE = {"1", "true", "ja", "yes"}
_FALSE = {"0", "false", "nej", "no"}
_TEMPLATE = re.compile(r"\[%(.*?)%\]", re.DOTALL)
MAX_LISTED = 50  # problems named in the error message; the rest are counted


@dataclass(frozen=True)
class RuleFile:
    """The rules of a file and everything wrong with it (the rules are only usable without problems)."""

    path: str
    rules: tuple[Rule, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _norm(header) -> str:
    return " ".join(str(header or "").replace("\ufeff", "").split()).lower()


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_json(path: Path) -> RawTable:
    table = RawTable(file=path.name, format="json")
    text = decode_text(path.read_bytes(), table)
    if text is None:
        return table
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        table.problems.append(
            table.problem(
                tr("the file is not valid JSON near line {line}, column {column}.").format(
                    line=error.lineno, column=error.colno
                )
            )
        )
        return table
    if isinstance(data, dict):
        data = data.get("rules")
    if not isinstance(data, list):
        table.problems.append(table.problem(tr("the JSON file holds no list of rules.")))
        return table
    for item in data:
        for key in item if isinstance(item, dict) else ():
            if key not in table.headers:
                table.headers.append(str(key))
    for number, item in enumerate(data, 1):
        if not isinstance(item, dict):
            table.problems.append(
                table.problem(tr("the rule is not a JSON object with keys such as name and expression."), row=number)
            )
            continue
        table.records.append((number, [item.get(key) for key in table.headers]))
    return table


def read_rule_file(path: str | Path, goal_ids: set[str], layer_names: set[str]) -> RuleFile:
    """Every rule of ``path`` and every problem; ``goal_ids``/``layer_names`` are what the store knows."""
    path = Path(path)
    if not path.is_file():
        raise RuleError(tr("The rule file {path} does not exist.").format(path=path))
    try:
        table = _read_json(path) if detect_format(path) == "json" else read_table(path)
    except Exception as error:  # CatalogueError speaks of catalogues; the message is the same
        raise RuleError(str(error)) from error
    problems = list(table.problems)
    columns: dict[str, int] = {}
    for index, header in enumerate(table.headers):
        for field, names in ALIASES.items():
            if _norm(header) in names and field not in columns:
                columns[field] = index
    for field in REQUIRED:
        if field not in columns:
            problems.append(
                Problem(
                    tr("the column {column} (or {swedish}) is missing.").format(
                        column=field, swedish=ALIASES[field][1]
                    ),
                    file=table.file,
                    row=1 if table.format != "json" else None,
                    column=field,
                )
            )
    if any(field not in columns for field in REQUIRED):
        return RuleFile(str(path), (), tuple(problems))
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for row, cells in table.records:
        if not any(_text(cell) for cell in cells):
            continue  # an empty line between rules
        rule = _read_row(table, row, cells, columns, goal_ids, layer_names, seen, problems)
        if rule is not None:
            rules.append(rule)
    return RuleFile(str(path), tuple(rules), tuple(problems))


def _read_row(table, row, cells, columns, goal_ids, layer_names, seen, problems) -> Rule | None:
    def value(field: str) -> str:
        return _text(cells[columns[field]]) if field in columns else ""

    def bad(field: str, message: str) -> None:
        if (row, columns[field]) not in table.reported:  # a formula is already named
            problems.append(table.problem(message, row=row, column=columns[field]))

    before = len(problems)
    name = value("name")
    if not name:
        bad("name", tr("the rule has no name."))
    elif name in seen:
        bad("name", tr("the name '{name}' is already used by row {row}.").format(name=name, row=seen[name]))
    else:
        seen[name] = row
    layer = value("layer")
    if layer and layer not in layer_names:
        bad("layer", tr("'{layer}' is not a registered layer of the link store.").format(layer=layer))
    expression = value("expression")
    error = expression_error(expression) if expression else tr("the rule has no expression.")
    if error:
        bad("expression", error)
    goals = [part.strip() for part in value("goals").replace(";", ",").split(",") if part.strip()]
    if not goals:
        bad("goals", tr("the rule names no goal."))
    for goal in goals:
        try:
            split_goal_id(goal)
        except ValueError:
            bad(
                "goals", tr("'{goal}' is not a goal id (write catalogue:code, e.g. agenda2030:11.3).").format(goal=goal)
            )
            continue
        if goal not in goal_ids:
            bad("goals", tr("the goal {goal} is not in the link store; import its catalogue first.").format(goal=goal))
    stance = STANCES.get(value("stance").lower() or "supports")
    if stance is None:
        bad(
            "stance",
            tr("'{value}' is not a stance; write supports, conflicts or neutral (stödjer, motverkar).").format(
                value=value("stance")
            ),
        )
    strength = _integer(value("strength") or "2")
    if strength is None or not STRENGTH_MIN <= strength <= STRENGTH_MAX:
        bad(
            "strength",
            tr("'{value}' is not a strength; write a whole number from {low} to {high}.").format(
                value=value("strength"), low=STRENGTH_MIN, high=STRENGTH_MAX
            ),
        )
    motivation = value("motivation")
    for template in _TEMPLATE.findall(motivation):
        error = expression_error(template)
        if error:
            bad(
                "motivation",
                tr("the template [% {template} %] is not valid: {error}").format(
                    template=template.strip(), error=error
                ),
            )
    enabled_text = value("enabled").lower() or "1"
    if enabled_text not in _TRUE | _FALSE:
        bad("enabled", tr("'{value}' is not 1 or 0.").format(value=value("enabled")))
    if len(problems) > before:
        return None
    return Rule(
        name=name,
        expression=expression,
        goal_ids=tuple(dict.fromkeys(goals)),
        layer=layer,
        stance=stance,
        strength=strength,
        motivation=motivation,
        enabled=enabled_text in _TRUE,
    )


def _integer(text: str) -> int | None:
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def expression_error(expression: str) -> str:
    """The parser's message for an invalid QGIS expression, '' for a valid one."""
    from qgis.core import QgsExpression

    parsed = QgsExpression(expression)
    if parsed.hasParserError():
        # the parser's text may hold line breaks; one line per problem reads better
        return tr("the expression is not valid: {error}").format(error=" ".join(parsed.parserErrorString().split()))
    return ""


def problems_message(path: str | Path, problems: Sequence[Problem]) -> str:
    """One message naming every problem (the first ``MAX_LISTED``), for the error a user sees."""
    ordered = sorted(problems, key=lambda p: p.row or 0)  # stable: a row's problems keep their column order
    lines = [str(problem) for problem in ordered[:MAX_LISTED]]
    if len(problems) > MAX_LISTED:
        lines.append(tr("… and {n} more problems.").format(n=len(problems) - MAX_LISTED))
    return tr("The rule file {file} was not imported ({n} problems; nothing was written):\n{problems}").format(
        file=Path(path).name, n=len(problems), problems="\n".join(lines)
    )


def export_rules(rules: Sequence[Rule], path: str | Path) -> Path:
    """Write rules to .csv (UTF-8 with BOM, ``;``), .xlsx or .json; :func:`read_rule_file` reads them back.

    Written to a temporary name first, so a failed export leaves no half-written file.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".json"):
        raise RuleError(tr("Export to .csv, .xlsx or .json, not {suffix}.").format(suffix=suffix or path.name))
    records = [
        {
            "name": rule.name,
            "layer": rule.layer,
            "expression": rule.expression,
            "goals": ", ".join(rule.goal_ids),
            "stance": rule.stance,
            "strength": rule.strength,
            "motivation": rule.motivation,
            "enabled": int(rule.enabled),
        }
        for rule in rules
    ]
    tmp = path.with_name(path.name + ".part")
    try:
        if suffix == ".json":
            tmp.write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        else:
            import pandas as pd

            frame = pd.DataFrame(records, columns=list(COLUMNS), dtype=object)
            if suffix == ".csv":
                frame.to_csv(tmp, sep=";", index=False, encoding="utf-8-sig", lineterminator="\r\n")
            else:
                frame.to_excel(tmp, sheet_name="rules", index=False, engine="openpyxl")
        tmp.replace(path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise RuleError(
            tr("The rules could not be written to {path}: {error}").format(path=path, error=error)
        ) from error
    return path


def import_rule_file(store, path: str | Path, user: str):
    """Read ``path`` against the store and save every rule in one transaction, or raise naming every problem.

    Returns ``(RuleFile, WriteResult)``.
    """
    goal_ids = {goal.id for goal in store.goals()}
    layer_names = {layer.name for layer in store.layers()}
    rule_file = read_rule_file(path, goal_ids, layer_names)
    if not rule_file.ok:
        raise RuleError(problems_message(path, rule_file.problems))
    if not rule_file.rules:
        raise RuleError(tr("The rule file {file} holds no rules.").format(file=Path(path).name))
    return rule_file, store.save_rules(rule_file.rules, user)
