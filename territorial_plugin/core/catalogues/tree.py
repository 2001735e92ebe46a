"""Goal trees of catalogues: validation, ordering and goal ids, with no file or widget code.

A catalogue file (or a bundled catalogue) is first read into :class:`GoalRow` values
that remember where each goal came from (row of the file). :func:`validate_tree`
checks the tree as a whole and returns every :class:`Problem` found, each saying
where and why; only a tree without problems is turned into :class:`Goal` values by
:func:`build_goals`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..errors import CatalogueError
from ..i18n import tr
from ..model import Goal, Level, goal_id

#: fields of a goal row, in the order files and exports use them
FIELDS = ("code", "parent", "title_sv", "title_en", "description", "order", "kind")

_CATALOGUE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
# GOALS parameters split goal lists on commas and semicolons, so a code must not hold them.
_FORBIDDEN_IN_CODE = (",", ";")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a catalogue file, with where it is.

    ``unit`` names what ``row`` counts: ``"row"`` for spreadsheet and CSV rows
    (header = row 1, as a spreadsheet program shows them), ``"goal"`` for the
    n-th goal of a JSON file.
    """

    message: str
    file: str = ""
    row: int | None = None
    column: str = ""
    cell: str = ""
    unit: str = "row"
    warning: bool = False  # a warning does not stop the import

    def location(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file)
        if self.cell:
            parts.append(tr("cell {cell}").format(cell=self.cell))
        elif self.row is not None:
            if self.unit == "goal":
                parts.append(tr("goal {number}").format(number=self.row))
            else:
                parts.append(tr("row {row}").format(row=self.row))
        if self.column:
            if self.unit == "goal":
                parts.append(tr("key '{key}'").format(key=self.column))
            else:
                parts.append(tr("column '{column}'").format(column=self.column))
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


@dataclass(frozen=True)
class GoalRow:
    """A goal as read from a file, before validation. ``parent`` is a code of the same file."""

    row: int
    code: str
    parent: str = ""
    title_sv: str = ""
    title_en: str = ""
    description: str = ""
    order: int | None = None
    kind: str = ""


#: builds a Problem from (message, row, field); readers pass one that knows columns and cells
Locator = Callable[[str, int, str], Problem]


def _default_locator(message: str, row: int, field: str) -> Problem:
    return Problem(message, row=row, column=field)


def validate_catalogue_id(value: str) -> str:
    """Return ``value`` stripped, or raise :class:`CatalogueError` if it cannot be a catalogue id."""
    value = (value or "").strip()
    if not _CATALOGUE_ID.match(value):
        raise CatalogueError(
            tr(
                "'{value}' cannot be a catalogue id: use letters a–z, digits, '_', '-' or '.', "
                "starting with a letter or digit (for example rus_ac_2030)."
            ).format(value=value)
        )
    return value


def validate_level(value: str) -> str:
    """Return a valid catalogue level (``global``, ``eu``, ``national``, ``regional``, ``municipal``)."""
    value = (value or "").strip().lower()
    levels = [level.value for level in Level]
    if value not in levels:
        raise CatalogueError(
            tr("'{value}' is not a catalogue level; use one of {levels}.").format(value=value, levels=", ".join(levels))
        )
    return value


def slugify(text: str) -> str:
    """A catalogue id made from a file or catalogue name: ``"Kommunens mål 2024"`` → ``"kommunens_mal_2024"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_text).strip("_")
    return slug or "catalogue"


def natural_key(code: str) -> tuple:
    """Sort key that orders ``2`` before ``10`` and ``11.3`` before ``11.10`` and ``11.a``."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"[.\-\s]+", code))


def validate_tree(rows: Sequence[GoalRow], locate: Locator = _default_locator) -> list[Problem]:
    """Every problem of the tree: empty or repeated codes, bad characters, empty titles,
    unknown parents and cycles. An empty list means the rows can be built into goals."""
    problems: list[Problem] = []
    first_row: dict[str, int] = {}
    for row in rows:
        if not row.code:
            problems.append(locate(tr("the goal has no code."), row.row, "code"))
            continue
        bad = [char for char in _FORBIDDEN_IN_CODE if char in row.code]
        if bad:
            problems.append(
                locate(
                    tr("the code '{code}' contains '{char}', which separates goals in goal lists.").format(
                        code=row.code, char=bad[0]
                    ),
                    row.row,
                    "code",
                )
            )
        if row.code in first_row:
            problems.append(
                locate(
                    tr("the code '{code}' is already used in row {first}; codes must be unique.").format(
                        code=row.code, first=first_row[row.code]
                    ),
                    row.row,
                    "code",
                )
            )
        else:
            first_row[row.code] = row.row
        if not row.title_sv and not row.title_en:
            problems.append(locate(tr("the goal '{code}' has no title.").format(code=row.code), row.row, "title_sv"))
    parents: dict[str, str] = {}
    for row in rows:
        if not row.code or not row.parent:
            continue
        if row.parent not in first_row:
            problems.append(
                locate(
                    tr("the parent '{parent}' of goal '{code}' is not a code in this catalogue.").format(
                        parent=row.parent, code=row.code
                    ),
                    row.row,
                    "parent",
                )
            )
        elif first_row.get(row.code) == row.row:
            parents[row.code] = row.parent
    problems.extend(_cycles(parents, first_row, locate))
    return problems


def _cycles(parents: dict[str, str], first_row: dict[str, int], locate: Locator) -> list[Problem]:
    """One problem per cycle of the parent relation, reported at its first row."""
    problems = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in parents:
        path: list[str] = []
        code = start
        while code in parents and state.get(code) is None:
            state[code] = 1
            path.append(code)
            code = parents[code]
        if state.get(code) == 1 and code in path:
            cycle = path[path.index(code) :]
            first = min(cycle, key=lambda c: first_row[c])
            turn = cycle.index(first)
            ordered = cycle[turn:] + cycle[:turn] + [first]
            if len(cycle) == 1:
                message = tr("the goal '{code}' is its own parent.").format(code=first)
            else:
                message = tr("the goals {cycle} are their own ancestors (a cycle of parents).").format(
                    cycle=" → ".join(ordered)
                )
            problems.append(locate(message, first_row[first], "parent"))
        for visited in path:
            state[visited] = 2
    return problems


def build_goals(catalogue_id: str, rows: Sequence[GoalRow]) -> list[Goal]:
    """Goals of a validated tree, parents before children (in file order otherwise).

    ``sort_order`` is the row's ``order`` when given, else its position (1-based),
    so a catalogue keeps the order of its file.
    """
    problems = validate_tree(rows)
    if problems:
        raise CatalogueError(str(problems[0]))
    goals = [
        Goal(
            id=goal_id(catalogue_id, row.code),
            catalogue_id=catalogue_id,
            code=row.code,
            parent_id=goal_id(catalogue_id, row.parent) if row.parent else None,
            title_sv=row.title_sv,
            title_en=row.title_en,
            description=row.description,
            sort_order=row.order if row.order is not None else position,
            kind=row.kind,
        )
        for position, row in enumerate(rows, 1)
    ]
    return parents_first(goals)


def parents_first(goals: Iterable[Goal]) -> list[Goal]:
    """The goals reordered so that a parent always comes before its children (stable)."""
    goals = list(goals)
    by_id = {goal.id: goal for goal in goals}
    placed: set[str] = set()
    result: list[Goal] = []

    def place(goal: Goal) -> None:
        chain = []
        while goal.id not in placed:
            chain.append(goal)
            parent = by_id.get(goal.parent_id) if goal.parent_id else None
            if parent is None or parent.id in {g.id for g in chain}:
                break
            goal = parent
        for item in reversed(chain):
            if item.id not in placed:
                placed.add(item.id)
                result.append(item)

    for goal in goals:
        place(goal)
    return result


def tree_order(goals: Iterable[Goal]) -> list[Goal]:
    """Depth-first order for display: siblings by ``sort_order``, then code."""
    goals = list(goals)
    ids = {goal.id for goal in goals}
    children: dict[str | None, list[Goal]] = {}
    for goal in goals:
        parent = goal.parent_id if goal.parent_id in ids else None
        children.setdefault(parent, []).append(goal)
    for siblings in children.values():
        siblings.sort(key=lambda g: (g.sort_order, natural_key(g.code)))
    result: list[Goal] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        goal = stack.pop()
        result.append(goal)
        stack.extend(reversed(children.get(goal.id, [])))
    return result


def goal_rows(goals: Iterable[Goal]) -> list[GoalRow]:
    """The rows a file would hold for ``goals`` (the inverse of :func:`build_goals`), in tree order."""
    result = []
    for position, goal in enumerate(tree_order(goals), 2):
        parent = goal.parent_id.partition(":")[2] if goal.parent_id else ""
        result.append(
            GoalRow(
                row=position,
                code=goal.code,
                parent=parent,
                title_sv=goal.title_sv,
                title_en=goal.title_en,
                description=goal.description,
                order=goal.sort_order,
                kind=goal.kind,
            )
        )
    return result
